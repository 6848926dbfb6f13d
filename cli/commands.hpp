// cli — the commands. Each returns the process exit status.
#pragma once

#include "diag/diagnostics.hpp"
#include "model/loader.hpp"
#include "model/model.hpp"
#include "options.hpp"
#include "report/report.hpp"

#include <functional>
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

// Which law a command reads: as of a day, with draft amendments applied.
struct LawOptions {
  std::string as_of;              // YYYY-MM-DD; empty: siracusa.toml's, else the corpus's latest date
  std::vector<std::string> amend; // files whose amendments apply as if adopted, in this order
};

struct CheckOptions {
  std::vector<std::string> paths;
  LawOptions law;
  std::optional<std::string> format;
  std::string output;
  std::optional<bool> include_passes;
  bool include_all = false;
  std::string min_basis;            // text, practice or assessment (default)
  std::vector<std::string> fail_on; // VERDICT[:STRENGTH]; default fails:per_se, fails:presumptive
  std::optional<unsigned> timeout_ms;
  std::optional<unsigned> rlimit;
  std::optional<unsigned> jobs;
  bool all_z3 = false;
  report::Filters filters;  // --right, --law, --criterion, --verdict, --strength
  std::string group_by;     // law (default) or article
  bool counts_only = false; // -q
  std::string baseline;     // a previous JSON report
  bool timestamp = false;   // say when the report was made
};

struct TestOptions {
  std::vector<std::string> paths;
  LawOptions law;
  std::optional<unsigned> timeout_ms;
  std::optional<unsigned> jobs;
};

struct DiffOptions {
  std::vector<std::string> paths;
  LawOptions law; // --as-of: the day before; --amend: the drafts after
  std::string to; // the day after, when comparing two days
  std::string format;
  std::string output;
  std::optional<unsigned> timeout_ms;
  std::optional<unsigned> jobs;
};

struct SuggestOptions {
  std::string provision;
  std::vector<std::string> paths;
  LawOptions law;
  std::string output;
  std::vector<std::string> keep;    // facts the drafter cannot change
  std::vector<std::string> weights; // FACT=N
  std::optional<unsigned> timeout_ms;
};

struct ExplainOptions {
  std::string finding;         // one id, or several separated by commas
  std::string format = "text"; // text or json
  std::vector<std::string> paths;
  LawOptions law;
  std::optional<unsigned> timeout_ms;
  std::optional<unsigned> rlimit;
};

// `coverage DOC [PATH...]`: how the provisions reach into one source document.
struct CoverageOptions {
  std::string document; // a declared document id with a `paragraphs:` range
  std::vector<std::string> paths;
  LawOptions law;
  std::string format = "markdown"; // markdown or json
  std::string output;
  std::string notes; // a file of `N: note` lines; empty: none
  std::optional<unsigned> timeout_ms;
  std::optional<unsigned> jobs;
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
int run_test(const TestOptions& options, const GlobalOptions& global);
int run_diff(const DiffOptions& options, const GlobalOptions& global);
int run_suggest(const SuggestOptions& options, const GlobalOptions& global);
int run_init(const InitOptions& options, const GlobalOptions& global);
int run_vocab(const VocabOptions& options, const GlobalOptions& global);
int run_coverage(const CoverageOptions& options, const GlobalOptions& global);

// Shared by the commands.

// Reads siracusa.toml (its settings apply whether or not paths are given) and chooses
// what to read: `given`, else the project's paths, else the bundled corpus. False, after
// printing the diagnostics, when siracusa.toml has errors.
bool resolve_inputs(const std::vector<std::string>& given, const GlobalOptions& global, Inputs& inputs,
                    ProjectConfig& config);
// How the loader reads `inputs`: names shown relative to its display root, `@siracusa/`.
model::LoadOptions load_options(const Inputs& inputs);
// Loads the inputs; when they declare no test (laws only), the bundled rule base is
// loaded with them. `rule_base` says where the tests came from.
model::Model load_with_rule_base(Inputs& inputs, Diagnostics& diagnostics, std::vector<std::string>& rule_base,
                                 const std::function<void(std::size_t)>& on_parsed = {});
void print_diagnostics(Diagnostics& diagnostics, const GlobalOptions& global);
// A diagnostic about no file at all (`siracusa: error[E0009]: ...`), with notes.
void print_error(const std::string& id, const std::string& message, const std::vector<std::string>& notes,
                 const GlobalOptions& global);

} // namespace siracusa::cli
