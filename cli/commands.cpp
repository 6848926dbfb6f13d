#include "commands.hpp"
#include "output.hpp"

#include "check/check.hpp"
#include "model/resolve.hpp"
#include "syntax/format.hpp"
#include "syntax/parser.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>

#include <unistd.h>

namespace siracusa::cli {

namespace fs = std::filesystem;

void configure_output(GlobalOptions& global) {
  const char* no_color = std::getenv("NO_COLOR");
  bool allowed = global.color == "always" || (global.color == "auto" && (no_color == nullptr || *no_color == '\0'));
  global.color_stdout = allowed && (global.color == "always" || isatty(STDOUT_FILENO) != 0);
  global.color_stderr = allowed && (global.color == "always" || isatty(STDERR_FILENO) != 0);
  auto logger = spdlog::stderr_color_mt("siracusa", global.color_stderr ? spdlog::color_mode::automatic
                                                                        : spdlog::color_mode::never);
  logger->set_pattern("[%T.%e] %^%l%$ %v");
  logger->set_level(global.verbose ? spdlog::level::debug : spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

void print_diagnostics(Diagnostics& diagnostics, const GlobalOptions& global) {
  diagnostics.sort();
  std::cerr << render_all(diagnostics, RenderOptions{global.color_stderr});
  if (diagnostics.size() > 0) {
    std::size_t warnings = diagnostics.size() - diagnostics.error_count();
    std::cerr << diagnostics.error_count() << " error" << (diagnostics.error_count() == 1 ? "" : "s") << ", "
              << warnings << " warning" << (warnings == 1 ? "" : "s") << "\n";
  }
}

bool resolve_inputs(const std::vector<std::string>& given, Inputs& inputs, ProjectConfig* config) {
  inputs.display_root = fs::current_path();
  if (!given.empty()) {
    inputs.paths = given;
    inputs.origin = "arguments";
    return true;
  }
  std::string error;
  auto project = find_project_config(fs::current_path(), error);
  if (!error.empty()) {
    std::cerr << error << "\n";
    return false;
  }
  if (project && !project->paths.empty()) {
    inputs.paths = project->paths;
    inputs.origin = "siracusa.toml";
    if (config)
      *config = *project;
    return true;
  }
  if (project && config)
    *config = *project;
  fs::path corpus = bundled_corpus();
  inputs.paths = {(corpus / "rules").string(), (corpus / "laws").string()};
  inputs.display_root = corpus;
  inputs.origin = "bundled corpus";
  return true;
}

model::Model load_with_rule_base(Inputs& inputs, Diagnostics& diagnostics, std::vector<std::string>& rule_base) {
  model::LoadOptions load;
  load.display_root = inputs.display_root;
  model::Model model = model::load_model(inputs.paths, diagnostics, load);
  if (!diagnostics.has_errors() && model.tests.empty() && (!model.laws.empty() || !model.expectations.empty())) {
    // Laws alone: check them against the rule base that ships with the binary.
    Diagnostics again;
    std::vector<std::string> paths = inputs.paths;
    paths.push_back((bundled_corpus() / "rules").string());
    model::Model with_rules = model::load_model(paths, again, load);
    if (!again.has_errors() && !with_rules.tests.empty()) {
      inputs.paths = paths;
      rule_base = {(bundled_corpus() / "rules").lexically_normal().string() + " (bundled; the paths hold no tests)"};
      return with_rules;
    }
  }
  std::set<std::string> folders;
  for (const auto& test : model.tests)
    if (test.span.valid())
      folders.insert(fs::path(test.span.file->path()).parent_path().string());
  rule_base.assign(folders.begin(), folders.end());
  return model;
}

int run_lint(const LintOptions& options, const GlobalOptions& global) {
  Inputs inputs;
  if (!resolve_inputs(options.paths, inputs, nullptr))
    return 2;
  auto started = std::chrono::steady_clock::now();
  Diagnostics diagnostics;
  std::vector<std::string> rule_base;
  model::Model model = load_with_rule_base(inputs, diagnostics, rule_base);
  // The rule-set checks ask the solver about the rules themselves; they need a model
  // without errors.
  if (!diagnostics.has_errors())
    check::rule_set_checks(model, check::Options{}, diagnostics);
  spdlog::debug(
      "lint: {} files, {} rights, {} tests, {} provisions in {} ms", model.files.size(), model.rights.size(),
      model.tests.size(), model.provisions.size(),
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
  bool failed = diagnostics.has_errors() || (options.strict && diagnostics.size() > 0);
  print_diagnostics(diagnostics, global);
  if (!failed)
    std::cout << "checked " << model.files.size() << " file" << (model.files.size() == 1 ? "" : "s") << ": "
              << model.rights.size() << " rights, " << model.tests.size() << " tests, " << model.provisions.size()
              << " provisions\n";
  return failed ? 2 : 0;
}

namespace {

std::vector<std::string> rule_files(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".sir")
          found.push_back(it->path().string());
      std::sort(found.begin(), found.end());
      if (found.empty())
        diagnostics.error("E0001", {}, "`" + path + "` holds no rule files (*.sir)");
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      diagnostics.error("E0001", {}, "cannot read `" + path + "`: no such file or folder");
    }
  }
  return files;
}

} // namespace

int run_fmt(const FmtOptions& options, const GlobalOptions& global) {
  Diagnostics diagnostics;
  std::vector<std::string> files = rule_files(options.paths, diagnostics);
  // Format everything first: a file with errors is left as it is, and so is every other
  // file if any has errors, so that a half-formatted tree never results.
  std::vector<std::pair<std::string, std::string>> changed;
  for (const auto& file : files) {
    Diagnostics file_diagnostics;
    auto source = syntax::read_source(file, file_diagnostics);
    if (!source) {
      diagnostics.append(file_diagnostics);
      continue;
    }
    auto parsed = syntax::parse(source, file_diagnostics);
    if (file_diagnostics.has_errors()) {
      diagnostics.append(file_diagnostics);
      continue;
    }
    std::string formatted = syntax::format(*parsed);
    if (formatted != source->text())
      changed.emplace_back(file, std::move(formatted));
  }
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, global);
    std::cerr << "nothing was rewritten\n";
    return 2;
  }
  if (options.check) {
    for (const auto& [file, content] : changed)
      std::cout << file << "\n";
    return changed.empty() ? 0 : 1;
  }
  for (const auto& [file, content] : changed) {
    std::string error;
    if (!write_output(file, content, error)) {
      std::cerr << "siracusa: error[E0010]: " << error << "\n";
      return 2;
    }
    spdlog::debug("formatted {}", file);
  }
  return 0;
}

} // namespace siracusa::cli
