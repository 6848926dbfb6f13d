// engine/report — findings to bytes.
// Takes: check results and the model. Gives: the text report, the JSON report
// (docs/findings.schema.json) and the full account of one finding for `explain`.
// Output is a pure function of its inputs: no clocks, no addresses, sorted everywhere.
#pragma once

#include "check/check.hpp"
#include "model/model.hpp"

#include <string>

namespace siracusa::report {

struct ReportInfo {
  std::string version;
  std::string origin; // arguments, siracusa.toml, bundled corpus
  bool include_passes = false;
  unsigned timeout_ms = 0;
  unsigned rlimit = 0;
  bool all_z3 = false;
};

std::string render_json(const check::Result& result, const model::Model& model, const ReportInfo& info);
std::string render_text(const check::Result& result, const model::Model& model, const ReportInfo& info, bool color);
std::string render_explain(const check::Finding& finding, const model::Model& model, bool color);

} // namespace siracusa::report
