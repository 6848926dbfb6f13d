// cli — siracusa.toml and the bundled corpus: what a command reads when the command line
// does not say.
#pragma once

#include "diag/diagnostics.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace siracusa::cli {

// `siracusa.toml`, found in the working folder or one of its parents. Every key is
// optional; the command line overrides each (paths given on the command line replace
// `corpus.paths` only). The keys are listed, with their checks, in options.cpp
// (`project_keys`) and documented in README.md.
struct ProjectConfig {
  std::filesystem::path file;     // the siracusa.toml read
  std::vector<std::string> paths; // corpus.paths: relative to the file, or `@siracusa/...`
  std::optional<std::string> format;
  std::optional<unsigned> timeout_ms;
  std::optional<unsigned> rlimit;
  std::optional<unsigned> jobs;
  std::optional<bool> include_passes;
  std::optional<bool> strict;           // lint.strict
  std::optional<std::string> as_of;     // `[check] as_of = "YYYY-MM-DD"`: the day the law is read as of
  std::optional<std::string> min_basis; // `[check] min_basis`: facts on a weaker basis are unstated
  // `[parameters] name = "3 days"`: another value for a threshold the rule base names,
  // checked against the rule base once it is read.
  struct ParameterSetting {
    std::string name;
    std::string value; // as written: `3 days`, `2`, `yes`, `2020-01-01`
    Span name_span;    // the key, for an unknown name
    Span span;         // the value, for a value of another type
  };
  std::vector<ParameterSetting> parameters;
};

// Reads the nearest siracusa.toml at or above `start`. Its problems are diagnostics
// located in the file: E0008 (not TOML, or a value of the wrong kind or out of range),
// E0012 (an unknown table or key). Nothing when there is no file.
std::optional<ProjectConfig> find_project_config(const std::filesystem::path& start, Diagnostics& diagnostics);

// One key of siracusa.toml, for messages, suggestions and `siracusa init`.
struct ProjectKey {
  std::string table;
  std::string name;
  std::string expects; // "a list of strings", "\"text\" or \"json\"", ...
};
const std::vector<ProjectKey>& project_keys();

// The corpus that ships with the binary: <prefix>/share/siracusa when installed, the source
// tree when run from a build folder. It holds rules/, laws/ and templates/.
std::filesystem::path bundled_corpus();

// The name under which paths and imports reach the bundled corpus: `@siracusa/rules`.
inline constexpr const char* bundled_root = "siracusa";
std::map<std::string, std::filesystem::path> import_roots();

// What to read: the paths given, else the project's, else the bundled corpus.
struct Inputs {
  std::vector<std::string> paths;
  std::filesystem::path display_root;
  std::string origin; // "arguments", "siracusa.toml" or "bundled corpus"
};

// A file's name as users see it: relative to the working folder when inside it.
std::string display_path(const std::filesystem::path& path);

} // namespace siracusa::cli
