// engine/report — findings to bytes.
// Takes: check results and the model. Gives: the text report, the JSON report
// (docs/findings.schema.json) and the full account of one finding for `explain`.
// Output is a pure function of its inputs: no clocks, no addresses, sorted everywhere.
#pragma once

#include "check/check.hpp"
#include "check/expectations.hpp"
#include "model/model.hpp"

#include <string>
#include <vector>

namespace siracusa::report {

struct ReportInfo {
  std::string version;
  std::string origin;                 // arguments, siracusa.toml, bundled corpus
  std::vector<std::string> rule_base; // where the tests came from, as the user should read it
  bool include_passes = false;
  bool include_all = false; // passes and not_applicable too
  unsigned timeout_ms = 0;
  unsigned rlimit = 0;
  bool all_z3 = false;
  model::Basis min_basis = model::Basis::assessment;
};

// Whether a report lists the finding: failures, open and undecided findings and the
// analyst's work list always; passes on request; findings that do not apply only with
// --include-all (they are counted either way).
bool listed(const check::Finding& finding, const ReportInfo& info);

std::string render_json(const check::Result& result, const model::Model& model, const ReportInfo& info);
std::string render_text(const check::Result& result, const model::Model& model, const ReportInfo& info, bool color);
std::string render_explain(const check::Finding& finding, const model::Model& model, bool color);
std::string render_expectations(const std::vector<check::ExpectationResult>& results, bool color);

} // namespace siracusa::report
