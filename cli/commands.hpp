// cli — the commands. Each returns the process exit status.
#pragma once

#include "diag/diagnostics.hpp"
#include "model/model.hpp"
#include "options.hpp"
#include "report/report.hpp"

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
  bool include_all = false;
  std::string min_basis;            // text, practice or assessment (default)
  std::vector<std::string> fail_on; // VERDICT[:STRENGTH]; default fails:per_se, fails:presumptive
  unsigned timeout_ms = 0;
  unsigned rlimit = 0;
  bool all_z3 = false;
  unsigned jobs = 0;
  report::Filters filters;  // --right, --law, --criterion, --verdict, --strength
  std::string group_by;     // law (default) or article
  bool counts_only = false; // -q
  std::string baseline;     // a previous JSON report
  bool timestamp = false;   // say when the report was made
};

struct TestOptions {
  std::vector<std::string> paths;
  unsigned timeout_ms = 0;
  unsigned jobs = 0;
};

struct ExplainOptions {
  std::string finding;         // one id, or several separated by commas
  std::string format = "text"; // text or json
  std::vector<std::string> paths;
  unsigned timeout_ms = 0;
};

void configure_output(GlobalOptions& global);

int run_lint(const LintOptions& options, const GlobalOptions& global);
int run_fmt(const FmtOptions& options, const GlobalOptions& global);
int run_check(const CheckOptions& options, const GlobalOptions& global);
int run_explain(const ExplainOptions& options, const GlobalOptions& global);
int run_test(const TestOptions& options, const GlobalOptions& global);

// Shared by the commands.
bool resolve_inputs(const std::vector<std::string>& given, Inputs& inputs, ProjectConfig* config);
// Loads the inputs; when they declare no test (laws only), the bundled rule base is
// loaded with them. `rule_base` says where the tests came from.
model::Model load_with_rule_base(Inputs& inputs, Diagnostics& diagnostics, std::vector<std::string>& rule_base);
void print_diagnostics(Diagnostics& diagnostics, const GlobalOptions& global);
// Writes a whole file or nothing: a temporary beside it, then a rename.
bool write_atomically(const std::string& path, const std::string& content, std::string& error);

} // namespace siracusa::cli
