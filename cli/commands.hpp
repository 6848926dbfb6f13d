// cli — the commands. Each returns the process exit status.
#pragma once

#include "diag/diagnostics.hpp"
#include "model/loader.hpp"
#include "options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace siracusa::cli {

struct GlobalOptions {
  bool verbose = false;
  bool quiet = false;
  std::string color = "auto";
  bool color_stdout = false;
  bool color_stderr = false;
};

// An option left unset on the command line takes its value from siracusa.toml, then
// the default.
struct LintOptions {
  std::vector<std::string> paths;
  std::optional<bool> strict;
};

struct FmtOptions {
  std::vector<std::string> paths;
  bool check = false;
  bool diff = false;
};

struct CheckOptions {
  std::vector<std::string> paths;
  std::optional<std::string> format;
  std::string output;
  std::optional<bool> include_passes;
  std::optional<unsigned> timeout_ms;
  std::optional<unsigned> rlimit;
  std::optional<unsigned> jobs;
  bool all_z3 = false;
};

struct ExplainOptions {
  std::string finding;
  std::vector<std::string> paths;
  std::optional<unsigned> timeout_ms;
  std::optional<unsigned> rlimit;
};

struct InitOptions {
  std::string folder = ".";
  std::string jurisdiction; // empty: from the folder's name
  std::string title;        // empty: the jurisdiction id
};

struct VocabOptions {
  std::string name; // empty: the whole vocabulary
  std::vector<std::string> paths;
};

void configure_output(GlobalOptions& global);

int run_lint(const LintOptions& options, const GlobalOptions& global);
int run_fmt(const FmtOptions& options, const GlobalOptions& global);
int run_check(const CheckOptions& options, const GlobalOptions& global);
int run_explain(const ExplainOptions& options, const GlobalOptions& global);
int run_init(const InitOptions& options, const GlobalOptions& global);
int run_vocab(const VocabOptions& options, const GlobalOptions& global);

// Shared by the commands.

// Reads siracusa.toml (its settings apply whether or not paths are given) and chooses
// what to read: `given`, else the project's paths, else the bundled corpus. False, after
// printing the diagnostics, when siracusa.toml has errors.
bool resolve_inputs(const std::vector<std::string>& given, const GlobalOptions& global, Inputs& inputs,
                    ProjectConfig& config);
// How the loader reads `inputs`: names shown relative to its display root, `@siracusa/`.
model::LoadOptions load_options(const Inputs& inputs);
void print_diagnostics(Diagnostics& diagnostics, const GlobalOptions& global);
// A diagnostic about no file at all (`siracusa: error[E0009]: ...`), with notes.
void print_error(const std::string& id, const std::string& message, const std::vector<std::string>& notes,
                 const GlobalOptions& global);
// Writes a whole file or nothing: a temporary beside it, then a rename.
bool write_atomically(const std::string& path, const std::string& content, std::string& error);

} // namespace siracusa::cli
