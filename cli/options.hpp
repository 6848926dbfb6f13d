// cli — turning arguments, siracusa.toml and the environment into engine calls.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace siracusa::cli {

// `siracusa.toml`, found in the working folder or one of its parents:
//
//   [corpus]
//   paths = ["rules", "laws"]      # relative to the file
//   [check]
//   timeout_ms = 2000
//   format = "text"
struct ProjectConfig {
  std::filesystem::path file;
  std::vector<std::string> paths;
  std::optional<unsigned> timeout_ms;
  std::optional<std::string> format;
  std::optional<std::string> as_of; // `[check] as_of = "YYYY-MM-DD"`: the day the law is read as of
};

// Reads the nearest siracusa.toml; an unreadable or invalid one is reported in `error`.
std::optional<ProjectConfig> find_project_config(const std::filesystem::path& start, std::string& error);

// The corpus that ships with the binary: <prefix>/share/siracusa when installed, the source
// tree when run from a build folder.
std::filesystem::path bundled_corpus();

// What to read when the user names no path: the project's paths, else the bundled corpus.
struct Inputs {
  std::vector<std::string> paths;
  std::filesystem::path display_root;
  std::string origin; // "arguments", "siracusa.toml" or "bundled corpus"
};

} // namespace siracusa::cli
