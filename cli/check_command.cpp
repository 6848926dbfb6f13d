#include "commands.hpp"

#include "check/check.hpp"
#include "check/expectations.hpp"
#include "model/resolve.hpp"
#include "report/report.hpp"
#include "report/selection.hpp"
#include "report_inputs.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>

namespace siracusa::cli {

namespace {

constexpr unsigned default_timeout_ms = 2000;

struct Loaded {
  model::Model model;
  Inputs inputs;
  ProjectConfig config;
  std::vector<std::string> rule_base;
};

// Reads the inputs; false (after printing diagnostics) when they have errors.
bool load(const std::vector<std::string>& paths, const GlobalOptions& global, Loaded& loaded) {
  if (!resolve_inputs(paths, loaded.inputs, &loaded.config))
    return false;
  auto started = std::chrono::steady_clock::now();
  Diagnostics diagnostics;
  loaded.model = load_with_rule_base(loaded.inputs, diagnostics, loaded.rule_base);
  spdlog::debug(
      "parse and resolve: {} files in {} ms", loaded.model.files.size(),
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, global);
    return false;
  }
  if (loaded.model.tests.empty()) {
    std::cerr << "siracusa: error[E0012]: the paths hold no test, and the bundled rule base could not be loaded "
                 "with them\n  = note: give the rule files too, e.g. `siracusa check rules laws`\n";
    return false;
  }
  return true;
}

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
      std::cerr << "siracusa: error[E0009]: --fail-on: `" << f.verdict
                << "` is not a verdict (fails, may_fail, passes, undetermined, not_applicable, unassessed)\n";
      return false;
    }
    if (colon != std::string::npos) {
      f.strength = model::strength_from(item.substr(colon + 1));
      if (!f.strength) {
        std::cerr << "siracusa: error[E0009]: --fail-on: `" << item.substr(colon + 1)
                  << "` is not a strength (per_se, presumptive, concern)\n";
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

std::string render(const std::string& format, const check::Result& result, const model::Model& model,
                   const report::ReportInfo& info, bool color) {
  if (format == "json")
    return report::render_json(result, model, info);
  if (format == "html")
    return report::render_html(result, model, info);
  if (format == "markdown")
    return report::render_markdown(result, model, info);
  if (format == "sarif")
    return report::render_sarif(result, model, info);
  return report::render_text(result, model, info, color);
}

} // namespace

int run_check(const CheckOptions& options, const GlobalOptions& global) {
  Loaded loaded;
  if (!load(options.paths, global, loaded))
    return 2;
  std::string format = !options.format.empty() ? options.format : loaded.config.format.value_or("text");
  if (options.counts_only && format != "text") {
    std::cerr << "siracusa: error[E0009]: -q prints the counts as text; it does not combine with --format " << format
              << "\n";
    return 2;
  }
  report::ReportInfo info;
  info.filters = options.filters;
  if (auto problem = report::filter_problem(info.filters, loaded.model)) {
    std::cerr << "siracusa: error[E0009]: " << *problem << "\n";
    return 2;
  }
  std::vector<FailOn> fail_on;
  if (!parse_fail_on(options.fail_on, fail_on))
    return 2;
  if (!read_report_inputs(loaded.model, loaded.inputs, options.baseline, options.timestamp, global, info))
    return 2;
  check::Options check_options;
  check_options.solver.timeout_ms =
      options.timeout_ms > 0 ? options.timeout_ms : loaded.config.timeout_ms.value_or(default_timeout_ms);
  check_options.solver.rlimit = options.rlimit;
  check_options.all_z3 = options.all_z3;
  check_options.jobs = options.jobs;
  if (!options.min_basis.empty())
    check_options.min_basis = *model::basis_from(options.min_basis);
  Diagnostics diagnostics;
  check::Result result = check::run(loaded.model, check_options, diagnostics);
  if (diagnostics.size() > 0)
    print_diagnostics(diagnostics, global);
  if (diagnostics.has_errors())
    return 2;

  if (!check_report_inputs(result, global, info))
    return 2;
  info.version = SIRACUSA_VERSION;
  info.origin = loaded.inputs.origin;
  info.rule_base = loaded.rule_base;
  info.include_passes = options.include_passes;
  info.include_all = options.include_all;
  info.min_basis = check_options.min_basis;
  info.timeout_ms = check_options.solver.timeout_ms;
  info.rlimit = check_options.solver.rlimit;
  info.all_z3 = check_options.all_z3;
  info.group_by = options.group_by == "article" ? report::GroupBy::article : report::GroupBy::law;
  info.counts_only = options.counts_only;
  bool to_terminal = options.output.empty();
  std::string rendered = render(format, result, loaded.model, info, to_terminal && global.color_stdout);
  if (to_terminal) {
    std::cout << rendered;
  } else {
    std::string error;
    if (!write_atomically(options.output, rendered, error)) {
      std::cerr << "siracusa: error[E0010]: " << error << "\n";
      return 2;
    }
  }
  return fails_on(result, fail_on, info) ? 1 : 0;
}

int run_test(const TestOptions& options, const GlobalOptions& global) {
  Loaded loaded;
  if (!load(options.paths, global, loaded))
    return 2;
  if (loaded.model.expectations.empty()) {
    std::cerr << "siracusa: error[E0013]: the paths hold no expectation to test\n"
                 "  = note: write `expect fails: <right> <criterion> on <law>.<provision>` beside the law\n";
    return 2;
  }
  check::Options check_options;
  check_options.solver.timeout_ms =
      options.timeout_ms > 0 ? options.timeout_ms : loaded.config.timeout_ms.value_or(default_timeout_ms);
  check_options.jobs = options.jobs;
  Diagnostics diagnostics;
  check::Result result = check::run(loaded.model, check_options, diagnostics);
  if (diagnostics.size() > 0)
    print_diagnostics(diagnostics, global);
  if (diagnostics.has_errors())
    return 2;
  auto results = check::compare(loaded.model, result);
  std::cout << report::render_expectations(results, global.color_stdout);
  bool all_met = std::all_of(results.begin(), results.end(), [](const auto& r) { return r.met; });
  return all_met ? 0 : 1;
}

int run_explain(const ExplainOptions& options, const GlobalOptions& global) {
  Loaded loaded;
  if (!load(options.paths, global, loaded))
    return 2;
  check::Options check_options;
  check_options.solver.timeout_ms =
      options.timeout_ms > 0 ? options.timeout_ms : loaded.config.timeout_ms.value_or(default_timeout_ms);
  std::vector<std::string> ids;
  for (std::size_t start = 0; start <= options.finding.size();) {
    std::size_t comma = std::min(options.finding.find(',', start), options.finding.size());
    if (comma > start)
      ids.push_back(options.finding.substr(start, comma - start));
    start = comma + 1;
  }
  if (ids.empty()) {
    std::cerr << "siracusa: error[E0011]: no finding id in `" << options.finding << "`\n";
    return 2;
  }
  // Only the provision the ids name needs deciding (gap findings name a jurisdiction).
  std::string provision;
  for (const auto& id : ids) {
    std::string named = id.substr(0, id.find('/'));
    if (loaded.model.find_provision(named) < 0 || (!provision.empty() && provision != named)) {
      provision.clear();
      break;
    }
    provision = named;
  }
  check_options.only_provision = provision;
  Diagnostics diagnostics;
  check::Result result = check::run(loaded.model, check_options, diagnostics);
  std::vector<const check::Finding*> found;
  for (const auto& id : ids) {
    auto it = std::find_if(result.findings.begin(), result.findings.end(),
                           [&](const check::Finding& f) { return f.id == id; });
    if (it != result.findings.end()) {
      found.push_back(&*it);
      continue;
    }
    std::cerr << "siracusa: error[E0011]: no finding `" << id << "`\n";
    std::vector<std::string> known;
    for (const auto& f : result.findings)
      known.push_back(f.id);
    if (auto suggestion = model::closest(id, known))
      std::cerr << "  = note: did you mean `" << *suggestion << "`?\n";
    std::cerr << "  = note: finding ids are provision/right/test, as listed by `siracusa check`\n";
    return 2;
  }
  if (options.format == "json") {
    report::ReportInfo info;
    info.version = SIRACUSA_VERSION;
    std::cout << report::render_explain_json(found, loaded.model, info);
    return 0;
  }
  for (std::size_t i = 0; i < found.size(); ++i)
    std::cout << (i > 0 ? "\n" : "") << report::render_explain(*found[i], loaded.model, global.color_stdout);
  return 0;
}

} // namespace siracusa::cli
