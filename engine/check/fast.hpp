// engine/check — the fast path: three-valued evaluation of a failure condition over a
// provision's known facts, ranges and sets, and a few sampled readings of the open facts.
// It settles a decision only when the answer is certain:
//   C true for every reading  -> fails  (core: facts kept by deletion, still certain)
//   C false for every reading -> passes (core likewise)
//   a sampled reading where C holds and one where it does not -> may_fail (witness)
// Anything else — persons, predicates, texts it cannot enumerate — goes to Z3. The
// abstraction over-approximates the readings the facts allow, so "certain" is sound;
// tests compare every verdict with Z3's on generated corpora.
#pragma once

#include "model/model.hpp"
#include "solve/solver.hpp"

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace siracusa::check {

class FastPath {
 public:
  explicit FastPath(const model::Model& model);
  ~FastPath();
  FastPath(const FastPath&) = delete;
  FastPath& operator=(const FastPath&) = delete;
  std::optional<solve::Decision> decide(const model::Provision& provision, const model::Test& test,
                                        const model::Right& right);
  // The facts the test's failure condition still reads once the provision's facts are
  // filled in: three-valued evaluation drops every subexpression whose truth the stated
  // facts settle. Both routes use it to tell what an open verdict depends on.
  std::vector<int> live_facts(const model::Provision& provision, const model::Test& test, const model::Right& right);

 private:
  struct ProvisionReading;
  const ProvisionReading& reading_for(const model::Provision& provision, const model::Right& right);
  const std::vector<int>& used_by(const model::Test& test);

  const model::Model& model_;
  // Readings to try for a predicate fact the provision leaves open: everyone, no one,
  // and each value of each person attribute.
  std::vector<model::ExprPtr> predicate_samples_;
  // The provision's facts as abstract values, computed once for all its decisions.
  std::unique_ptr<ProvisionReading> cache_;
  const model::Provision* cached_ = nullptr;
  std::unordered_map<const model::Test*, std::vector<int>> facts_used_;
  // Enums of more than 64 members do not fit the evaluator's masks; Z3 decides for them.
  bool model_wide_ = false;
  std::unordered_map<const model::Test*, bool> wide_tests_;
};

} // namespace siracusa::check
