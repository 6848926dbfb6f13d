// engine/check — findings.
// Takes: a Model. Gives: one finding per provision × right × applicable test (verdict,
// the facts that force it, a witness, citations, sources), gap findings for duties no
// provision implements, conflict findings for provisions that cannot both be obeyed, and
// the rule-set checks `lint` runs. Work is split into fixed chunks of provisions, each
// decided on its own Z3 context, so results never depend on the number of threads.
#pragma once

#include "diag/diagnostics.hpp"
#include "model/model.hpp"
#include "solve/solver.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace siracusa::check {

using solve::Verdict;
using solve::Witness;

struct Location {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
};

struct SourcePara {
  std::string document;
  int para = 0;
};

// A fact a verdict rests on, with the line that states it, on what basis the analyst
// states it and where it comes from.
struct Cause {
  std::string fact;      // fact name, `law.level`, `restricts`, `implements`, `reported_absent`, ...
  std::string statement; // the source text, e.g. `notice_days: 10 days`
  Location location;
  model::Basis basis = model::Basis::text;
  std::vector<SourcePara> sources;
};

struct ProvisionInfo {
  std::string id;
  std::string title;
  std::string article;
  std::string law;
  std::string law_title;
  std::string level;     // the provision's: its own `level:`, else its law's
  std::string law_level; // its law's, for what is said of the law as a whole
  Location location;
};

struct ConflictInfo {
  std::string other; // the provision it conflicts with
  std::string act;
  std::string modality; // of this provision: permits, obliges
  std::string other_modality;
  std::string prevails; // provision id, or empty when no rule decides
  std::string rule;     // hierarchy, speciality, later date, none
};

// What every finding of one test shares (kept once, not copied into each finding).
struct TestInfo {
  std::string id;
  std::string title;
  model::Criterion criterion = model::Criterion::legality;
  std::vector<std::string> citations;
  std::string explanation;
  std::string recommendation;
  std::string condition;               // the failure condition, as written in the rules
  std::vector<std::string> exceptions; // `unless:` clauses, as written
  model::Strength strength = model::Strength::presumptive;
  std::string justification;
  Location location;
};

// Which route decided: the fast path, Z3, or neither (nothing to decide: not applicable,
// a duty, a verdict settled by the model alone).
enum class Route { none, fast, z3 };
const char* route_name(Route route);

// What a finding's `note` says, for layouts that show one kind of note and not another:
// they read this, never the note's words.
enum class NoteKind {
  none,
  solver_stopped,            // undetermined: why the solver stopped
  exception_not_established, // fails on the condition alone: the exceptions' facts are unstated
  partial_implementation,    // a duty implemented in part: what is missing
  conflict_undecided,        // the solver could not tell whether two rules reach the same person
};

struct Finding {
  std::string id;
  std::shared_ptr<const ProvisionInfo> provision; // none for gap findings
  std::string jurisdiction;
  std::string right;
  std::string article;
  std::shared_ptr<const TestInfo> test;
  Verdict verdict = Verdict::undetermined;
  // The test's, except for a duty of good practice: never more than a concern.
  model::Strength strength = model::Strength::presumptive;
  std::vector<Cause> because;
  std::optional<model::Basis> basis; // the weakest among `because`; none when nothing was assessed
  std::vector<std::string> missing;  // unassessed: the facts (or, for a duty, the duty) to state
  std::optional<Witness> witness;
  std::vector<SourcePara> sources; // the paragraphs behind `because`
  std::optional<ConflictInfo> conflict;
  bool good_practice = false; // a duty of recommended good practice, not a Covenant obligation
  Route route = Route::none;
  // What a note says, as data; report::note_text puts it in words. `note` holds only words
  // from outside the engine: the solver's reason for stopping, and the rule base's own
  // notes on what a partial implementation lacks.
  NoteKind note_kind = NoteKind::none;
  std::string note;
  std::vector<std::string> unestablished; // exception_not_established: the exceptions' unstated facts
};

struct Summary {
  std::size_t provisions = 0;
  std::size_t tests = 0;
  std::size_t evaluated = 0;
  std::size_t fails = 0;
  std::size_t may_fail = 0;
  std::size_t passes = 0;
  std::size_t undetermined = 0;
  std::size_t not_applicable = 0;
  std::size_t unassessed = 0;
  std::size_t fast_path = 0; // decisions the three-valued evaluation settled
  std::size_t solver = 0;    // decisions sent to Z3
  unsigned long long queries = 0;
};

// How far a run has got, for a progress display.
struct Progress {
  std::size_t provisions_done = 0;
  std::size_t provisions_total = 0;
  std::size_t decisions = 0; // provision × test decisions made so far
};

struct Options {
  solve::SolverOptions solver;
  unsigned jobs = 0;   // 0: one per core
  bool all_z3 = false; // every decision to Z3, for audits
  // Facts on a weaker basis than this are read as unstated (`--min-basis text` checks
  // the law as written, leaving out practice and sources' assessments).
  model::Basis min_basis = model::Basis::assessment;
  std::size_t chunk = 64;     // provisions per Z3 context
  std::string only_provision; // check just this provision (explain)
  // Decide only these provisions (sorted ids); duties and conflicts are still found for
  // the whole corpus. For incremental re-checks.
  const std::vector<std::string>* only_provisions = nullptr;
  // Called as chunks of provisions are decided, from the worker threads, possibly from two
  // at once: it must be thread-safe and quick. The engine never prints; the caller may.
  // It has no effect on the result.
  std::function<void(const Progress&)> progress;
};

struct Result {
  std::vector<Finding> findings; // every decision, sorted by id
  Summary summary;
};

Result run(const model::Model& model, const Options& options, Diagnostics& diagnostics);

// A re-check after a change: decides again only the provisions `touched` names (changed,
// added, repealed or in force differently), keeps `previous`'s decisions on the others, and
// finds duties and conflicts again. The same result as `run` on `model`.
Result update(const model::Model& model, const Result& previous, const std::set<std::string>& touched,
              const Options& options, Diagnostics& diagnostics);

// Recomputes the summary's counts from the findings.
void count(const model::Model& model, Result& result);

// The checks `lint` adds: a test that can never fail or always fails, two tests on the
// same right and criterion that no provision can pass together, provisions whose facts
// contradict each other.
void rule_set_checks(const model::Model& model, const Options& options, Diagnostics& diagnostics);

Location location_of(const Span& span);
// The source text of a span on one line, spaces and line breaks collapsed.
std::string statement_of(const Span& span);

} // namespace siracusa::check
