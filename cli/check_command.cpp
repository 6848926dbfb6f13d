#include "commands.hpp"

#include "check/check.hpp"
#include "diag/suggest.hpp"
#include "model/resolve.hpp"
#include "progress.hpp"
#include "report/report.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>

namespace siracusa::cli {

namespace {

constexpr unsigned default_timeout_ms = 2000;

struct Loaded {
  model::Model model;
  Inputs inputs;
  ProjectConfig config;
};

// Reads the inputs; false (after printing diagnostics) when they have errors.
bool load(const std::vector<std::string>& paths, const GlobalOptions& global, Loaded& loaded,
          ProgressLine* progress = nullptr) {
  if (!resolve_inputs(paths, global, loaded.inputs, loaded.config))
    return false;
  auto started = std::chrono::steady_clock::now();
  Diagnostics diagnostics;
  model::LoadOptions options = load_options(loaded.inputs);
  if (progress)
    options.on_parsed = [progress](std::size_t files) { progress->parsed(files); };
  loaded.model = model::load_model(loaded.inputs.paths, diagnostics, options);
  spdlog::debug(
      "parse and resolve: {} files in {} ms", loaded.model.files.size(),
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
  if (diagnostics.has_errors()) {
    if (progress)
      progress->finish();
    print_diagnostics(diagnostics, global);
    return false;
  }
  return true;
}

} // namespace

int run_check(const CheckOptions& options, const GlobalOptions& global) {
  // -v logs stages on stderr, which a progress line would garble.
  ProgressLine progress(!global.quiet && !global.verbose);
  Loaded loaded;
  if (!load(options.paths, global, loaded, &progress))
    return 2;
  // The command line, then siracusa.toml, then the default (both were checked when read).
  const ProjectConfig& config = loaded.config;
  std::string format = options.format.value_or(config.format.value_or("text"));
  check::Options check_options;
  check_options.solver.timeout_ms = options.timeout_ms.value_or(config.timeout_ms.value_or(default_timeout_ms));
  check_options.solver.rlimit = options.rlimit.value_or(config.rlimit.value_or(0));
  check_options.all_z3 = options.all_z3;
  check_options.jobs = options.jobs.value_or(config.jobs.value_or(0));
  bool include_passes = options.include_passes.value_or(config.include_passes.value_or(false));
  spdlog::debug(
      "settings: format {}, timeout {} ms, rlimit {}, jobs {}, include passes {}{}", format,
      check_options.solver.timeout_ms, check_options.solver.rlimit, check_options.jobs, include_passes ? "yes" : "no",
      config.file.empty() ? std::string(" (no siracusa.toml)") : " (siracusa.toml: " + config.file.string() + ")");
  check_options.progress = [&progress](const check::Progress& p) { progress.checking(p); };
  progress.start_checking();
  Diagnostics diagnostics;
  check::Result result = check::run(loaded.model, check_options, diagnostics);
  progress.finish();
  if (diagnostics.size() > 0)
    print_diagnostics(diagnostics, global);
  if (diagnostics.has_errors())
    return 2;

  report::ReportInfo info;
  info.version = SIRACUSA_VERSION;
  info.origin = loaded.inputs.origin;
  info.include_passes = include_passes;
  info.timeout_ms = check_options.solver.timeout_ms;
  info.rlimit = check_options.solver.rlimit;
  info.all_z3 = check_options.all_z3;
  bool to_terminal = options.output.empty();
  std::string rendered = format == "json"
                             ? report::render_json(result, loaded.model, info)
                             : report::render_text(result, loaded.model, info, to_terminal && global.color_stdout);
  if (to_terminal) {
    std::cout << rendered;
  } else {
    std::string error;
    if (!write_atomically(options.output, rendered, error)) {
      print_error("E0010", error, {}, global);
      return 2;
    }
  }
  return result.summary.fails > 0 ? 1 : 0;
}

int run_explain(const ExplainOptions& options, const GlobalOptions& global) {
  Loaded loaded;
  if (!load(options.paths, global, loaded))
    return 2;
  // The same limits as `check`, so that the finding is decided as check decided it.
  check::Options check_options;
  check_options.solver.timeout_ms = options.timeout_ms.value_or(loaded.config.timeout_ms.value_or(default_timeout_ms));
  check_options.solver.rlimit = options.rlimit.value_or(loaded.config.rlimit.value_or(0));
  // Only the provision the id names needs deciding (gap findings name a jurisdiction).
  std::string provision = options.finding.substr(0, options.finding.find('/'));
  if (loaded.model.find_provision(provision) >= 0)
    check_options.only_provision = provision;
  Diagnostics diagnostics;
  check::Result result = check::run(loaded.model, check_options, diagnostics);
  for (const auto& f : result.findings) {
    if (f.id == options.finding) {
      std::cout << report::render_explain(f, loaded.model, global.color_stdout);
      return 0;
    }
  }
  std::vector<std::string> ids;
  for (const auto& f : result.findings)
    ids.push_back(f.id);
  std::vector<std::string> notes;
  if (auto suggestion = closest(options.finding, ids))
    notes.push_back("did you mean `" + *suggestion + "`?");
  notes.emplace_back("finding ids are provision/right/test, as listed by `siracusa check`");
  print_error("E0011", "no finding `" + options.finding + "`", notes, global);
  return 2;
}

} // namespace siracusa::cli
