// engine/solve — the Z3 route, behind one interface.
// Takes: the model, one provision at a time. Gives: decisions (a verdict, its canonical
// core and witness, see decide/) and the rule-set checks.
// z3++.h stays inside solver.cpp: nothing else in the engine sees Z3.
//
// For facts F and a failure condition C:
//   fails        F ∧ ¬C unsat    core: the facts that force the failure
//   may_fail     both satisfiable witness: a reading of F ∧ C
//   passes       F ∧ C unsat     core: the facts that save the provision
// Cores are found by deletion over the candidates in a fixed order (decide/core.hpp), each
// step one query; the witness is the fast path's first failing sample where sampling
// finds one, and otherwise the least reading Z3 allows (each open value in turn made as
// small as it can be), so that neither depends on the solver's history.
//   undetermined the solver gave up within its limits (never reported as passes)
#pragma once

#include "decide/decision.hpp"
#include "model/model.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace siracusa::solve {

// The decision types are the ones both routes share (decide/decision.hpp).
using decide::Decision;
using decide::law_level_fact;
using decide::Verdict;
using decide::verdict_name;
using decide::Witness;

struct SolverOptions {
  unsigned timeout_ms = 2000; // per query
  unsigned rlimit = 0;        // per query; 0 = no resource limit
};

// The smallest change to an open provision's stated facts after which none of the given
// tests fails (`siracusa suggest`).
struct FactChange {
  int fact = -1;
  std::string value; // as an analyst writes it: `notification`, `2 days`, `{public_order}`
};

struct SuggestOptions {
  std::vector<int> fixed;                        // facts the drafter cannot change (constitutional text, say)
  std::vector<std::pair<int, unsigned>> weights; // a fact's cost of change (default 1)
};

struct Suggestion {
  enum class Outcome { found, impossible, unknown } outcome = Outcome::unknown;
  std::vector<FactChange> changes; // by fact
  bool another_optimum = false;    // a different change of the same cost works too
  std::string reason;              // unknown: why the solver stopped
};

struct Stats {
  unsigned long long queries = 0;
  unsigned long long unknown = 0;
};

class Engine {
 public:
  Engine(const model::Model& model, const SolverOptions& options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Opens a provision: asserts its stated facts, each behind its own tracking literal.
  void begin(const model::Provision& provision);
  // Whether the provision's facts can all hold together; if not, `core` names a
  // smallest set of them that contradict each other.
  std::optional<bool> consistent(std::vector<int>& core);
  Decision decide(const model::Test& test, const model::Right& right);
  // Z3 Optimize: the fewest stated facts to change (by weight), then the smallest numeric
  // moves, so that each test's failure condition can be false — one reading of the facts
  // the provision leaves open serves every test at once. Exactly stated predicates and
  // texts are kept as they are.
  Suggestion suggest(const std::vector<std::pair<const model::Test*, const model::Right*>>& tests,
                     const SuggestOptions& options);
  void end();

  // ---- rule-set checks (no provision open) ----
  // Whether C (or ¬C when `negated`) can hold for some facts the vocabulary allows.
  std::optional<bool> satisfiable(const model::Test& test, const model::Right& right, bool negated);
  // Whether some facts let a provision pass both tests (¬C1 ∧ ¬C2).
  std::optional<bool> jointly_passable(const model::Test& first, const model::Test& second, const model::Right& right);

  // ---- norm conflicts (no provision open) ----
  // A person to whom both predicates apply, if there is one.
  std::optional<std::optional<Witness>> overlap(const model::ExprPtr& first, const model::ExprPtr& second);
  // Whether every person `narrower` covers is covered by `wider`.
  std::optional<bool> covers(const model::ExprPtr& wider, const model::ExprPtr& narrower);

  const Stats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace siracusa::solve
