#include "commands.hpp"
#include "output.hpp"
#include "stopwatch.hpp"

#include "check/check.hpp"
#include "diff.hpp"
#include "model/resolve.hpp"
#include "syntax/format.hpp"
#include "syntax/parser.hpp"
#include "system_error.hpp"

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

void print_error(const std::string& id, const std::string& message, const std::vector<std::string>& notes,
                 const GlobalOptions& global) {
  Diagnostic d{id, Severity::error, {}, message, {}};
  for (const auto& note : notes)
    d.notes.push_back({{}, note});
  std::cerr << render(d, RenderOptions{global.color_stderr});
}

bool resolve_inputs(const std::vector<std::string>& given, const GlobalOptions& global, Inputs& inputs,
                    ProjectConfig& config) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) {
    print_error("E0001", "cannot read the working folder: " + describe(ec), {}, global);
    return false;
  }
  inputs.display_root = cwd;
  Diagnostics diagnostics;
  auto project = find_project_config(cwd, diagnostics);
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, global);
    return false;
  }
  if (project)
    config = *project;
  if (!given.empty()) {
    inputs.paths = given;
    inputs.origin = "arguments";
  } else if (project && !project->paths.empty()) {
    inputs.paths = project->paths;
    inputs.origin = "siracusa.toml";
  } else {
    fs::path corpus = bundled_corpus();
    inputs.paths = {(corpus / "rules").string(), (corpus / "laws").string()};
    inputs.display_root = corpus;
    inputs.origin = "bundled corpus";
  }
  return true;
}

model::LoadOptions load_options(const Inputs& inputs) {
  model::LoadOptions options;
  options.display_root = inputs.display_root;
  options.roots = import_roots();
  return options;
}

model::Model load_with_rule_base(Inputs& inputs, Diagnostics& diagnostics, std::vector<std::string>& rule_base,
                                 const std::function<void(std::size_t)>& on_parsed) {
  model::LoadOptions load = load_options(inputs);
  load.on_parsed = on_parsed;
  // Parsed and resolved apart (as model::load_model does), so that -v times each.
  Stopwatch parsing;
  model::Model model;
  {
    model::FileSet files = model::load_files(inputs.paths, diagnostics, load);
    std::string parsed = parsing.lap();
    model = model::resolve(files, diagnostics);
    spdlog::debug("parse: {}; resolve: {}", parsed, parsing.lap());
  }
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
  ProjectConfig config;
  if (!resolve_inputs(options.paths, global, inputs, config))
    return 2;
  bool strict = options.strict.value_or(config.strict.value_or(false));
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
  bool failed = diagnostics.has_errors() || (strict && diagnostics.size() > 0);
  print_diagnostics(diagnostics, global);
  if (!failed && !global.quiet)
    std::cout << "checked " << model.files.size() << " file" << (model.files.size() == 1 ? "" : "s") << ": "
              << model.rights.size() << " rights, " << model.tests.size() << " tests, " << model.provisions.size()
              << " provisions\n";
  return failed ? 2 : 0;
}

namespace {

// The rule files under `paths` (folders searched recursively), sorted within each folder.
std::vector<std::string> rule_files(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  model::LoadOptions roots;
  roots.roots = import_roots();
  std::vector<std::string> files;
  for (const auto& written : paths) {
    auto expanded = model::expand_root(written, roots);
    if (!expanded) {
      diagnostics.error("E0001", {}, "cannot read `" + written + "`: it starts with an unknown root")
          .notes.push_back({{}, "`@" + std::string(bundled_root) + "/` is the corpus bundled with siracusa"});
      continue;
    }
    std::string path = expanded->string();
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".sir")
          found.push_back(it->path().string());
      std::sort(found.begin(), found.end());
      if (found.empty())
        diagnostics.error("E0001", {}, "`" + written + "` holds no rule files (*.sir)");
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      diagnostics.error("E0001", {}, "cannot read `" + written + "`: no such file or folder");
    }
  }
  return files;
}

// Whether `path` names something inside the bundled corpus (`@siracusa/...` or its folder).
bool in_bundled_corpus(const std::string& path) {
  if (path.rfind(std::string("@") + bundled_root, 0) == 0)
    return true;
  std::error_code ec;
  fs::path corpus = fs::weakly_canonical(bundled_corpus(), ec);
  fs::path relative = fs::weakly_canonical(path, ec).lexically_relative(corpus);
  return !ec && !relative.empty() && *relative.begin() != "..";
}

} // namespace

int run_fmt(const FmtOptions& options, const GlobalOptions& global) {
  Inputs inputs;
  ProjectConfig config;
  if (!resolve_inputs(options.paths, global, inputs, config))
    return 2;
  bool rewrite = !options.check && !options.diff;
  std::vector<std::string> paths;
  if (inputs.origin == "bundled corpus" && rewrite) {
    print_error("E0009", "`fmt` without paths rewrites the files of a project, and there is no siracusa.toml here",
                {"the bundled corpus is never rewritten; `fmt --check` and `fmt --diff` show what would change",
                 "name the files or folders to format: `siracusa fmt rules/`"},
                global);
    return 2;
  }
  if (inputs.origin == "siracusa.toml") {
    // The project's own files: its paths into the bundled corpus are not its to format.
    for (const auto& path : inputs.paths) {
      if (in_bundled_corpus(path))
        spdlog::debug("fmt: leaving {} alone (the bundled corpus)", path);
      else
        paths.push_back(path);
    }
  } else {
    paths = inputs.paths;
  }
  Diagnostics diagnostics;
  std::vector<std::string> files = rule_files(paths, diagnostics);
  // Format everything first: a file with errors is left as it is, and so is every other
  // file if any has errors, so that a half-formatted tree never results.
  struct Change {
    std::string file;
    std::string before;
    std::string after;
  };
  std::vector<Change> changed;
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
      changed.push_back({file, source->text(), std::move(formatted)});
  }
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, global);
    std::cerr << "nothing was rewritten\n";
    return 2;
  }
  auto shown = [&](const std::string& file) {
    // As given when relative (`rules/a.sir`); the project's absolute paths relative to here.
    return fs::path(file).is_absolute() ? display_path(fs::path(file).lexically_normal()) : file;
  };
  if (options.check) {
    for (const auto& change : changed)
      std::cout << shown(change.file) << "\n";
    return changed.empty() ? 0 : 1;
  }
  if (options.diff) {
    for (const auto& change : changed)
      std::cout << unified_diff(shown(change.file), change.before, change.after);
    return changed.empty() ? 0 : 1;
  }
  for (const auto& change : changed) {
    std::string error;
    if (!write_output(change.file, change.after, error)) {
      print_error("E0010", error, {}, global);
      return 2;
    }
    spdlog::debug("formatted {}", change.file);
  }
  return 0;
}

} // namespace siracusa::cli
