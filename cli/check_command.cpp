#include "commands.hpp"
#include "output.hpp"

#include "check/check.hpp"
#include "model/resolve.hpp"
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
bool load(const std::vector<std::string>& paths, const GlobalOptions& global, Loaded& loaded) {
  if (!resolve_inputs(paths, loaded.inputs, &loaded.config))
    return false;
  auto started = std::chrono::steady_clock::now();
  Diagnostics diagnostics;
  model::LoadOptions options;
  options.display_root = loaded.inputs.display_root;
  loaded.model = model::load_model(loaded.inputs.paths, diagnostics, options);
  spdlog::debug(
      "parse and resolve: {} files in {} ms", loaded.model.files.size(),
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, global);
    return false;
  }
  return true;
}

} // namespace

int run_check(const CheckOptions& options, const GlobalOptions& global) {
  Loaded loaded;
  if (!load(options.paths, global, loaded))
    return 2;
  std::string format = !options.format.empty() ? options.format : loaded.config.format.value_or("text");
  if (format != "text" && format != "json") {
    std::cerr << "siracusa: error[E0009]: unknown format `" << format << "` (text or json)\n";
    return 2;
  }
  check::Options check_options;
  check_options.solver.timeout_ms =
      options.timeout_ms > 0 ? options.timeout_ms : loaded.config.timeout_ms.value_or(default_timeout_ms);
  check_options.solver.rlimit = options.rlimit;
  check_options.all_z3 = options.all_z3;
  check_options.jobs = options.jobs;
  Diagnostics diagnostics;
  check::Result result = check::run(loaded.model, check_options, diagnostics);
  if (diagnostics.size() > 0)
    print_diagnostics(diagnostics, global);
  if (diagnostics.has_errors())
    return 2;

  report::ReportInfo info;
  info.version = SIRACUSA_VERSION;
  info.origin = loaded.inputs.origin;
  info.include_passes = options.include_passes;
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
    if (!write_output(options.output, rendered, error)) {
      std::cerr << "siracusa: error[E0010]: " << error << "\n";
      return 2;
    }
  }
  return result.summary.fails > 0 ? 1 : 0;
}

int run_explain(const ExplainOptions& options, const GlobalOptions& global) {
  Loaded loaded;
  if (!load(options.paths, global, loaded))
    return 2;
  check::Options check_options;
  check_options.solver.timeout_ms =
      options.timeout_ms > 0 ? options.timeout_ms : loaded.config.timeout_ms.value_or(default_timeout_ms);
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
  std::cerr << "siracusa: error[E0011]: no finding `" << options.finding << "`\n";
  std::vector<std::string> ids;
  for (const auto& f : result.findings)
    ids.push_back(f.id);
  if (auto suggestion = model::closest(options.finding, ids))
    std::cerr << "  = note: did you mean `" << *suggestion << "`?\n";
  std::cerr << "  = note: finding ids are provision/right/test, as listed by `siracusa check`\n";
  return 2;
}

} // namespace siracusa::cli
