// engine/report — findings to bytes.
// Takes: check results, the model and what the run was asked (ReportInfo). Gives: the
// text, JSON (docs/findings.schema.json), HTML, Markdown and SARIF reports, and the full
// account of findings for `explain`. Output is a pure function of its inputs: no clocks
// (a time appears only when the caller puts one in ReportInfo::generated), no
// addresses, sorted everywhere.
#pragma once

#include "amend/diff.hpp"
#include "check/check.hpp"
#include "check/expectations.hpp"
#include "model/model.hpp"
#include "report/baseline.hpp"
#include "report/review.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace siracusa::report {

// An input file and the SHA-256 of its bytes.
struct InputFile {
  std::string path; // as shown in reports (relative to the working folder when inside it)
  std::string sha256;
};

// Which findings a report lists: each list holds alternatives (any may match), and every
// list that is not empty must match. Findings left out are still counted.
struct Filters {
  std::vector<std::string> rights;    // a right's id or its article as written (`art21`, `21`)
  std::vector<std::string> laws;      // a law's id, or a jurisdiction's for all its laws and duties
  std::vector<std::string> criteria;  // criterion names
  std::vector<std::string> verdicts;  // verdict names; naming passes or not_applicable lists them
  std::vector<std::string> strengths; // strength names
  bool any() const {
    return !rights.empty() || !laws.empty() || !criteria.empty() || !verdicts.empty() || !strengths.empty();
  }
};

enum class GroupBy { law, article };

// A threshold of the rule base as this run used it.
struct ParameterInfo {
  std::string id;
  std::string value;  // as an analyst writes it: `5 days`
  std::string set_by; // empty: the rule base; else the siracusa.toml that replaced it
};

struct ReportInfo {
  std::string version;
  std::string origin;                 // arguments, siracusa.toml, bundled corpus
  std::vector<std::string> rule_base; // where the tests came from, as the user should read it
  // SHA-256 over the rule files (see docs/report-formats.md); identifies the rule base's
  // version. Empty when the caller did not compute it.
  std::string rule_base_digest;
  // Every input file with its digest; empty: the model's file names, without digests.
  std::vector<InputFile> files;
  std::optional<std::string> as_of;     // the date whose law was checked, if not today's
  std::optional<std::string> generated; // UTC time of the run, only when asked (--timestamp)
  bool include_passes = false;
  bool include_all = false; // passes and not_applicable too
  unsigned timeout_ms = 0;
  unsigned rlimit = 0;
  model::Basis min_basis = model::Basis::assessment;
  // What the report says of the day and the amendments (`as_of` above is the day).
  std::string time_note;
  std::vector<ParameterInfo> parameters;
  std::vector<std::string> amendments_applied;
  std::vector<std::string> drafts_not_applied;
  Filters filters;
  std::optional<Baseline> baseline; // list only what is new or changed since
  std::vector<Review> reviews;      // the analysts' reviews, from reviews.toml beside the laws
  GroupBy group_by = GroupBy::law;  // text
  bool counts_only = false;         // text: the counts alone (`-q`)
};

// Whether a report lists the finding by default: failures, open and undecided findings
// and the analyst's work list always; passes on request; findings that do not apply only
// with --include-all (they are counted either way). Filters and the baseline come on top
// (report/selection.hpp).
bool listed(const check::Finding& finding, const ReportInfo& info);

std::string render_json(const check::Result& result, const model::Model& model, const ReportInfo& info);
std::string render_text(const check::Result& result, const model::Model& model, const ReportInfo& info, bool color);
// The JSON and text reports written to `out` as they are made, never held whole: what
// render_json and render_text return, byte for byte.
void write_json(std::ostream& out, const check::Result& result, const model::Model& model, const ReportInfo& info);
void write_text(std::ostream& out, const check::Result& result, const model::Model& model, const ReportInfo& info,
                bool color);
std::string render_html(const check::Result& result, const model::Model& model, const ReportInfo& info);
std::string render_markdown(const check::Result& result, const model::Model& model, const ReportInfo& info);
std::string render_sarif(const check::Result& result, const model::Model& model, const ReportInfo& info);

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
// The diff as a document to circulate with a bill: each finding laid out as in the report
// of `check`, resolved ones read in the law before, the others in the law after.
std::string render_diff_markdown(const amend::Diff& diff, const DiffInfo& info, const model::Model& before,
                                 const model::Model& after);
std::string render_diff_html(const amend::Diff& diff, const DiffInfo& info, const model::Model& before,
                             const model::Model& after);

// `explain --format json`: the findings as in the JSON report, each with the test's
// condition and the facts its provision states.
std::string render_explain_json(const std::vector<const check::Finding*>& findings, const model::Model& model,
                                const ReportInfo& info);
std::string render_expectations(const std::vector<check::ExpectationResult>& results, bool color);

} // namespace siracusa::report
