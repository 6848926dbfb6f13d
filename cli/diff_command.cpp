// `siracusa diff`: the findings before and after a change of the law — draft amendments
// applied (--amend), or the law of another day (--to) — re-deciding only what changed.
#include "commands.hpp"
#include "law.hpp"
#include "output.hpp"

#include "amend/diff.hpp"
#include "check/check.hpp"
#include "report/report.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>
#include <set>

namespace siracusa::cli {

namespace {

// The provisions whose decisions may differ between two readings of the same corpus:
// those an amendment reached on either side, and those in force on one side only.
std::set<std::string> touched(const model::Model& before, const amend::Outcome& before_outcome,
                              const model::Model& after, const amend::Outcome& after_outcome) {
  std::set<std::string> out = before_outcome.touched;
  out.insert(after_outcome.touched.begin(), after_outcome.touched.end());
  for (const auto& p : after.provisions) {
    int i = before.find_provision(p.id);
    if (i < 0 || before.provisions[static_cast<std::size_t>(i)].in_force != p.in_force)
      out.insert(p.id);
  }
  return out;
}

} // namespace

int run_diff(const DiffOptions& options, const GlobalOptions& global) {
  if (options.law.amend.empty() && options.to.empty()) {
    print_error("E0009", "`diff` needs something to compare",
                {"--amend FILE compares with a draft applied; --to DAY with the law of another day"}, global);
    return 2;
  }
  std::string format = options.format.empty() ? "text" : options.format;
  // The law before: as of the day, without the drafts.
  LawOptions before_options = options.law;
  before_options.amend.clear();
  Loaded loaded;
  LawOptions reading = before_options;
  reading.amend = options.law.amend; // read the draft files with the corpus
  if (!load(options.paths, reading, global, loaded))
    return 2;
  model::Model before;
  amend::Outcome before_outcome;
  if (!law_of(loaded, before_options, global, before, before_outcome))
    return 2;
  LawOptions after_options = options.law;
  if (!options.to.empty())
    after_options.as_of = options.to;
  model::Model after;
  amend::Outcome after_outcome;
  if (!law_of(loaded, after_options, global, after, after_outcome))
    return 2;

  check::Options check_options = decision_options(loaded.config, options.timeout_ms, std::nullopt, options.jobs);
  Diagnostics diagnostics;
  check::Result before_result = check::run(before, check_options, diagnostics);
  auto changed = touched(before, before_outcome, after, after_outcome);
  // Only what the change touched is decided again; the rest of `before` stands.
  std::vector<std::string> only(changed.begin(), changed.end());
  check::Options partial = check_options;
  partial.only_provisions = &only;
  check::Result after_result = check::run(after, partial, diagnostics);
  if (diagnostics.size() > 0)
    print_diagnostics(diagnostics, global);
  if (diagnostics.has_errors())
    return 2;
  spdlog::info("diff: {} decisions re-run for {} provisions the change touched",
               after_result.summary.fast_path + after_result.summary.solver, changed.size());

  amend::Diff diff = amend::compare_incremental(before_result, after_result, changed);
  report::DiffInfo info;
  info.version = SIRACUSA_VERSION;
  if (before_outcome.as_of)
    info.as_of = model::civil_from_days(*before_outcome.as_of);
  if (after_outcome.as_of)
    info.to = model::civil_from_days(*after_outcome.as_of);
  for (int a : after_outcome.applied)
    if (std::find(before_outcome.applied.begin(), before_outcome.applied.end(), a) == before_outcome.applied.end())
      info.amendments.push_back(loaded.base.amendments[static_cast<std::size_t>(a)].id);
  info.before_note = time_note(loaded.base, before_outcome);
  info.after_note = time_note(loaded.base, after_outcome);
  bool to_terminal = options.output.empty();
  std::string rendered;
  if (format == "json")
    rendered = report::render_diff_json(diff, info);
  else if (format == "markdown")
    rendered = report::render_diff_markdown(diff, info, before, after);
  else if (format == "html")
    rendered = report::render_diff_html(diff, info, before, after);
  else
    rendered = report::render_diff_text(diff, info, to_terminal && global.color_stdout);
  if (to_terminal) {
    std::cout << rendered;
  } else {
    std::string error;
    if (!write_output(options.output, rendered, error)) {
      print_error("E0010", error, {}, global);
      return 2;
    }
  }
  return amend::introduces_failure(diff, {model::Strength::per_se, model::Strength::presumptive}) ? 1 : 0;
}

} // namespace siracusa::cli
