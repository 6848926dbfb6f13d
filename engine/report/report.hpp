// engine/report — findings to bytes.
// Takes: check results and the model. Gives: the text report, the JSON report
// (docs/findings.schema.json) and the full account of one finding for `explain`.
// Output is a pure function of its inputs: no clocks, no addresses, sorted everywhere.
#pragma once

#include "amend/diff.hpp"
#include "check/check.hpp"
#include "check/expectations.hpp"
#include "model/model.hpp"

#include <optional>
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
  // The day the law was read as of, and the amendments: said in every report.
  std::string time_note;
  std::optional<std::string> as_of;
  std::vector<std::string> amendments_applied;
  std::vector<std::string> drafts_not_applied;
};

// Whether a report lists the finding: failures, open and undecided findings and the
// analyst's work list always; passes on request; findings that do not apply only with
// --include-all (they are counted either way).
bool listed(const check::Finding& finding, const ReportInfo& info);

std::string render_json(const check::Result& result, const model::Model& model, const ReportInfo& info);
std::string render_text(const check::Result& result, const model::Model& model, const ReportInfo& info, bool color);
std::string render_explain(const check::Finding& finding, const model::Model& model, bool color);
// What a diff report says of the two sides.
struct DiffInfo {
  std::string version;
  std::optional<std::string> as_of; // before
  std::optional<std::string> to;    // after
  std::vector<std::string> amendments;
  std::string before_note, after_note;
};

std::string render_diff_json(const amend::Diff& diff, const DiffInfo& info);
std::string render_diff_text(const amend::Diff& diff, const DiffInfo& info, bool color);

std::string render_expectations(const std::vector<check::ExpectationResult>& results, bool color);

} // namespace siracusa::report
