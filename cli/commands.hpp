// cli — the commands. Each returns the process exit status.
#pragma once

#include "diag/diagnostics.hpp"
#include "options.hpp"

#include <string>
#include <vector>

namespace siracusa::cli {

struct GlobalOptions {
  bool verbose = false;
  std::string color = "auto";
  bool color_stdout = false;
  bool color_stderr = false;
};

struct LintOptions {
  std::vector<std::string> paths;
  bool strict = false;
};

struct FmtOptions {
  std::vector<std::string> paths;
  bool check = false;
};

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format;
  std::string output;
  bool include_passes = false;
  unsigned timeout_ms = 0;
  unsigned rlimit = 0;
  bool all_z3 = false;
  unsigned jobs = 0;
};

struct ExplainOptions {
  std::string finding;
  std::vector<std::string> paths;
  unsigned timeout_ms = 0;
};

void configure_output(GlobalOptions& global);

int run_lint(const LintOptions& options, const GlobalOptions& global);
int run_fmt(const FmtOptions& options, const GlobalOptions& global);
int run_check(const CheckOptions& options, const GlobalOptions& global);
int run_explain(const ExplainOptions& options, const GlobalOptions& global);

// Shared by the commands.
bool resolve_inputs(const std::vector<std::string>& given, Inputs& inputs, ProjectConfig* config);
void print_diagnostics(Diagnostics& diagnostics, const GlobalOptions& global);

} // namespace siracusa::cli
