#include "commands.hpp"
#include "law.hpp"
#include "output.hpp"

#include "check/check.hpp"
#include "check/expectations.hpp"
#include "diag/suggest.hpp"
#include "model/print.hpp"
#include "model/resolve.hpp"
#include "progress.hpp"
#include "report/report.hpp"
#include "report/selection.hpp"
#include "report_inputs.hpp"
#include "stopwatch.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>

namespace siracusa::cli {

namespace {

// `--fail-on fails:per_se,may_fail`: which verdicts (and strengths) make the exit status 1.
struct FailOn {
  std::string verdict;
  std::optional<model::Strength> strength;
};

bool parse_fail_on(const std::vector<std::string>& words, std::vector<FailOn>& out) {
  static const std::vector<std::string> verdicts = {"fails",        "may_fail",       "passes",
                                                    "undetermined", "not_applicable", "unassessed"};
  std::vector<std::string> items = words;
  if (items.empty())
    items = {"fails:per_se", "fails:presumptive"};
  for (const auto& item : items) {
    auto colon = item.find(':');
    FailOn f{item.substr(0, colon), std::nullopt};
    if (std::find(verdicts.begin(), verdicts.end(), f.verdict) == verdicts.end()) {
      print_error("E0009", "`--fail-on` takes verdicts, and `" + f.verdict + "` is not a verdict",
                  {"the verdicts are fails, may_fail, passes, undetermined, not_applicable and unassessed"}, {});
      return false;
    }
    if (colon != std::string::npos) {
      f.strength = model::strength_from(item.substr(colon + 1));
      if (!f.strength) {
        print_error("E0009", "`--fail-on`: `" + item.substr(colon + 1) + "` is not a strength",
                    {"the strengths are per_se, presumptive and concern"}, {});
        return false;
      }
    }
    out.push_back(f);
  }
  return true;
}

// Only findings within the filters and, with a baseline, new or changed ones count.
bool fails_on(const check::Result& result, const std::vector<FailOn>& rules, const report::ReportInfo& info) {
  for (const auto& f : result.findings) {
    if (!report::in_scope(f, info))
      continue;
    for (const auto& rule : rules)
      if (rule.verdict == solve::verdict_name(f.verdict) && (!rule.strength || *rule.strength == f.strength))
        return true;
  }
  return false;
}

report::ReportInfo report_info(const Loaded& loaded) {
  report::ReportInfo info;
  info.version = SIRACUSA_VERSION;
  info.origin = loaded.inputs.origin;
  info.rule_base = loaded.rule_base;
  info.time_note = time_note(loaded.base, loaded.outcome);
  if (loaded.outcome.as_of)
    info.as_of = model::civil_from_days(*loaded.outcome.as_of);
  for (int a : loaded.outcome.applied)
    info.amendments_applied.push_back(loaded.base.amendments[static_cast<std::size_t>(a)].id);
  for (int a : loaded.outcome.drafts_not_applied)
    info.drafts_not_applied.push_back(loaded.base.amendments[static_cast<std::size_t>(a)].id);
  for (const auto& p : loaded.law.parameters)
    if (p.value)
      info.parameters.push_back({p.id, model::to_text(*p.value, loaded.law), p.set_by});
  return info;
}

// The report in `format`: JSON and text are written as they are made; the other formats
// are built whole first.
void write_report(std::ostream& out, const std::string& format, const check::Result& result, const model::Model& model,
                  const report::ReportInfo& info, bool color) {
  if (format == "json")
    report::write_json(out, result, model, info);
  else if (format == "html")
    out << report::render_html(result, model, info);
  else if (format == "markdown")
    out << report::render_markdown(result, model, info);
  else if (format == "sarif")
    out << report::render_sarif(result, model, info);
  else
    report::write_text(out, result, model, info, color);
}

// Leaves what a run built to the operating system, which takes a process's memory back
// whole at exit: freeing a large corpus's models and findings node by node took longer
// than writing its report (bench/RESULTS.md). Held from a pointer that is never freed,
// so that it is not destroyed at exit either and leak checkers see it as reachable.
template <typename T>
void leave_to_exit(T& value) {
  static auto* kept = new std::vector<std::shared_ptr<void>>();
  kept->push_back(std::make_shared<T>(std::move(value)));
}

} // namespace

int run_check(const CheckOptions& options, const GlobalOptions& global) {
  // -v logs stages on stderr, which a progress line would garble.
  ProgressLine progress(!global.quiet && !global.verbose);
  Loaded loaded;
  if (!load(options.paths, options.law, global, loaded, &progress))
    return 2;
  // The command line, then siracusa.toml, then the default (both were checked when read).
  const ProjectConfig& config = loaded.config;
  std::string format = options.format.value_or(config.format.value_or("text"));
  bool counts_only = options.counts_only || global.quiet;
  if (options.counts_only && format != "text") {
    print_error("E0009", "`-q` prints the counts as text; it does not combine with `--format " + format + "`", {},
                global);
    return 2;
  }
  report::ReportInfo info = report_info(loaded);
  info.filters = options.filters;
  if (auto problem = report::filter_problem(info.filters, loaded.law)) {
    print_error("E0009", *problem, {}, global);
    return 2;
  }
  std::vector<FailOn> fail_on;
  if (!parse_fail_on(options.fail_on, fail_on))
    return 2;
  if (!read_report_inputs(loaded.law, loaded.inputs, options.baseline, options.timestamp, global, info))
    return 2;
  check::Options check_options = decision_options(config, options.timeout_ms, options.rlimit, options.jobs);
  check_options.all_z3 = options.all_z3;
  std::string min_basis = !options.min_basis.empty() ? options.min_basis : config.min_basis.value_or("");
  if (!min_basis.empty())
    check_options.min_basis = *model::basis_from(min_basis);
  bool include_passes = options.include_passes.value_or(config.include_passes.value_or(false));
  spdlog::debug(
      "settings: format {}, timeout {} ms, rlimit {}, jobs {}, include passes {}{}", format,
      check_options.solver.timeout_ms, check_options.solver.rlimit, check_options.jobs, include_passes ? "yes" : "no",
      config.file.empty() ? std::string(" (no siracusa.toml)") : " (siracusa.toml: " + config.file.string() + ")");
  check_options.progress = [&progress](const check::Progress& p) { progress.checking(p); };
  progress.start_checking();
  Diagnostics diagnostics;
  check::Result result = check::run(loaded.law, check_options, diagnostics);
  progress.finish();
  if (diagnostics.size() > 0)
    print_diagnostics(diagnostics, global);
  if (diagnostics.has_errors())
    return 2;
  if (!check_report_inputs(result, global, info))
    return 2;

  info.include_passes = include_passes;
  info.include_all = options.include_all;
  info.min_basis = check_options.min_basis;
  info.timeout_ms = check_options.solver.timeout_ms;
  info.rlimit = check_options.solver.rlimit;
  info.group_by = options.group_by == "article" ? report::GroupBy::article : report::GroupBy::law;
  info.counts_only = counts_only && format == "text";
  bool to_terminal = options.output.empty();
  bool color = to_terminal && global.color_stdout;
  Stopwatch reporting;
  Producer produce = [&](std::ostream& out) { write_report(out, format, result, loaded.law, info, color); };
  if (to_terminal) {
    produce(std::cout);
  } else {
    std::string error;
    if (!write_output(options.output, produce, error)) {
      print_error("E0010", error, {}, global);
      return 2;
    }
  }
  spdlog::debug("report: {} in {}", format, reporting.lap());
  int status = fails_on(result, fail_on, info) ? 1 : 0;
  leave_to_exit(result);
  leave_to_exit(loaded);
  return status;
}

int run_test(const TestOptions& options, const GlobalOptions& global) {
  Loaded loaded;
  if (!load(options.paths, options.law, global, loaded))
    return 2;
  if (loaded.law.expectations.empty()) {
    print_error("E0016", "the paths hold no expectation to test",
                {"write `expect fails: <right> <criterion> on <law>.<provision>` beside the law"}, global);
    return 2;
  }
  auto result =
      run_checks(loaded.law, decision_options(loaded.config, options.timeout_ms, std::nullopt, options.jobs), global);
  if (!result)
    return 2;
  auto results = check::compare(loaded.law, *result);
  std::cout << report::render_expectations(results, global.color_stdout);
  bool all_met = std::all_of(results.begin(), results.end(), [](const auto& r) { return r.met; });
  return all_met ? 0 : 1;
}

int run_explain(const ExplainOptions& options, const GlobalOptions& global) {
  Loaded loaded;
  if (!load(options.paths, options.law, global, loaded))
    return 2;
  // The same limits as `check`, so that the finding is decided as check decided it.
  check::Options check_options = decision_options(loaded.config, options.timeout_ms, options.rlimit, std::nullopt);
  std::vector<std::string> ids;
  for (std::size_t start = 0; start <= options.finding.size();) {
    std::size_t comma = std::min(options.finding.find(',', start), options.finding.size());
    if (comma > start)
      ids.push_back(options.finding.substr(start, comma - start));
    start = comma + 1;
  }
  if (ids.empty()) {
    print_error("E0011", "no finding id in `" + options.finding + "`", {}, global);
    return 2;
  }
  // Only the provision the ids name needs deciding (gap findings name a jurisdiction).
  std::string provision;
  for (const auto& id : ids) {
    std::string named = id.substr(0, id.find('/'));
    if (loaded.law.find_provision(named) < 0 || (!provision.empty() && provision != named)) {
      provision.clear();
      break;
    }
    provision = named;
  }
  check_options.only_provision = provision;
  // A provision whose facts contradict each other (E0301) is an error here as in check.
  auto checked = run_checks(loaded.law, check_options, global);
  if (!checked)
    return 2;
  const check::Result& result = *checked;
  std::vector<const check::Finding*> found;
  for (const auto& id : ids) {
    auto it = std::find_if(result.findings.begin(), result.findings.end(),
                           [&](const check::Finding& f) { return f.id == id; });
    if (it != result.findings.end()) {
      found.push_back(&*it);
      continue;
    }
    std::vector<std::string> known;
    for (const auto& f : result.findings)
      known.push_back(f.id);
    std::vector<std::string> notes;
    if (auto suggestion = closest(id, known))
      notes.push_back("did you mean `" + *suggestion + "`?");
    notes.emplace_back("finding ids are provision/right/test, as listed by `siracusa check`");
    print_error("E0011", "no finding `" + id + "`", notes, global);
    return 2;
  }
  if (options.format == "json") {
    report::ReportInfo info = report_info(loaded);
    std::cout << report::render_explain_json(found, loaded.law, info);
    return 0;
  }
  for (std::size_t i = 0; i < found.size(); ++i)
    std::cout << (i > 0 ? "\n" : "") << report::render_explain(*found[i], loaded.law, global.color_stdout);
  return 0;
}

} // namespace siracusa::cli
