// cli — the commands. Each returns the process exit status.
#pragma once

#include "diag/diagnostics.hpp"
#include "model/model.hpp"
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

// Which law a command reads: as of a day, with draft amendments applied.
struct LawOptions {
  std::string as_of;              // YYYY-MM-DD; empty: siracusa.toml's, else the corpus's latest date
  std::vector<std::string> amend; // files whose amendments apply as if adopted, in this order
};

struct CheckOptions {
  std::vector<std::string> paths;
  LawOptions law;
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
};

struct TestOptions {
  std::vector<std::string> paths;
  LawOptions law;
  unsigned timeout_ms = 0;
  unsigned jobs = 0;
};

struct DiffOptions {
  std::vector<std::string> paths;
  LawOptions law; // --as-of: the day before; --amend: the drafts after
  std::string to; // the day after, when comparing two days
  std::string format;
  std::string output;
  unsigned timeout_ms = 0;
  unsigned jobs = 0;
};

struct SuggestOptions {
  std::string provision;
  std::vector<std::string> paths;
  LawOptions law;
  std::string output;
  std::vector<std::string> keep;    // facts the drafter cannot change
  std::vector<std::string> weights; // FACT=N
  unsigned timeout_ms = 0;
};

struct ExplainOptions {
  std::string finding;
  std::vector<std::string> paths;
  LawOptions law;
  unsigned timeout_ms = 0;
};

void configure_output(GlobalOptions& global);

int run_lint(const LintOptions& options, const GlobalOptions& global);
int run_fmt(const FmtOptions& options, const GlobalOptions& global);
int run_check(const CheckOptions& options, const GlobalOptions& global);
int run_explain(const ExplainOptions& options, const GlobalOptions& global);
int run_test(const TestOptions& options, const GlobalOptions& global);
int run_diff(const DiffOptions& options, const GlobalOptions& global);
int run_suggest(const SuggestOptions& options, const GlobalOptions& global);

// Shared by the commands.
bool resolve_inputs(const std::vector<std::string>& given, Inputs& inputs, ProjectConfig* config);
// Loads the inputs; when they declare no test (laws only), the bundled rule base is
// loaded with them. `rule_base` says where the tests came from.
model::Model load_with_rule_base(Inputs& inputs, Diagnostics& diagnostics, std::vector<std::string>& rule_base);
void print_diagnostics(Diagnostics& diagnostics, const GlobalOptions& global);

} // namespace siracusa::cli
