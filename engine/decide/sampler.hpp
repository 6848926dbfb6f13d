// engine/decide — a provision's facts as abstract values, and readings sampled from them.
// Takes: the model; then one (provision, test, right) at a time. Gives: the three-valued
// verdict of the test's condition over the stated facts, whether some facts alone force
// a verdict (for core minimisation), and readings of the open facts tried in one fixed
// order. The first sampled reading under which the provision fails is the canonical
// witness: both routes show it when there is one, so a witness never depends on which
// route decided (the Z3 route finds its own only where sampling cannot, see witness.hpp).
// Decisions this cannot represent (enums past 64 members, bounds on predicates, texts,
// persons beyond the class cap) are `unusable`: the fast path leaves them to Z3.
#pragma once

#include "decide/decision.hpp"
#include "decide/evaluate.hpp"

#include <map>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace siracusa::decide {

class Sampler {
 public:
  explicit Sampler(const Model& model);
  Sampler(const Sampler&) = delete;
  Sampler& operator=(const Sampler&) = delete;

  // The provision's facts as abstract values, or null when the decision is not one the
  // evaluator can represent.
  const Reading* reading(const model::Provision& provision, const model::Test& test, const Right& right);

  // Whether the evaluator represents every fact the provision states. Each is then a
  // non-empty value of its own symbol, so together they are consistent: what
  // solve::Engine::consistent asks Z3, answered without it. `right` is the one a stated
  // value reads (`right.aims`); a default Right is none, as Z3 reads a provision alone.
  bool representable(const model::Provision& provision, const Right& right) {
    return reading_for(provision, right).usable;
  }

  // C over the stated facts (reading() must not be null).
  Tri verdict(const model::Provision& provision, const model::Test& test, const Right& right);

  // Whether the `kept` candidates alone (core.hpp) make C `target` for every reading;
  // exact when it answers: `true` is the evaluator's certainty, `false` a sampled reading
  // that gives the other answer. nullopt when neither settles it.
  std::optional<bool> forces(const model::Provision& provision, const model::Test& test, const Right& right,
                             const std::vector<int>& candidates, const std::vector<int>& kept, Tri target);

  struct Sampled {
    std::optional<Reading> failing; // the first sampled reading where C holds
    bool passing = false;           // a sampled reading where C does not hold
    bool complete = true;           // false: a reading was unknown or there were too many
  };
  // Readings of the open facts in a fixed order, until one fails and (with `want_pass`)
  // one passes.
  Sampled sample(const model::Provision& provision, const model::Test& test, const Right& right, bool want_pass);

  // The witness a failing reading shows: the open facts the condition reads, and the
  // persons that make it hold.
  Witness witness(const model::Provision& provision, const model::Test& test, const Right& right,
                  const Reading& failing);

  // The canonical witness, when sampling finds one.
  std::optional<Witness> canonical_witness(const model::Provision& provision, const model::Test& test,
                                           const Right& right);

  // The facts the test's failure condition still reads once the provision's facts are
  // filled in: three-valued evaluation drops every subexpression whose truth the stated
  // facts settle.
  std::vector<int> live_facts(const model::Provision& provision, const model::Test& test, const Right& right);

 private:
  struct ProvisionReading {
    Reading reading;
    bool usable = true; // false when a stated fact cannot be represented
  };
  const ProvisionReading& reading_for(const model::Provision& provision, const Right& right);
  const std::vector<int>& used_by(const model::Test& test);
  // Samples of every slot (fact, or law_level_fact) `reading` leaves open; false when one
  // cannot be sampled or there would be more than `limit` combinations.
  bool sample_slots(const model::Provision& provision, const model::Test& test, const Right& right,
                    const Reading& reading, std::vector<int>& open, std::vector<std::vector<Abstract>>& choices,
                    bool& exhaustive, std::size_t limit);
  // Fewer readings than every combination, for a search that only needs one reading of
  // some kind: each slot at its first sample while one other runs through its samples,
  // the same from the last samples, and every slot at its k-th sample together.
  template <typename Visit>
  bool some_readings(const Reading& base, const std::vector<int>& open,
                     const std::vector<std::vector<Abstract>>& choices, Visit visit);
  template <typename Visit>
  bool each_reading(const Reading& base, const std::vector<int>& open,
                    const std::vector<std::vector<Abstract>>& choices, Visit visit);

  const Model& model_;
  // Readings to try for a predicate fact the provision leaves open: everyone, no one,
  // and each value of each person attribute.
  std::vector<model::ExprPtr> predicate_samples_;
  // The provision's facts as abstract values, computed once for all its decisions.
  std::optional<ProvisionReading> cache_;
  std::pair<const model::Provision*, const Right*> cached_{nullptr, nullptr};
  std::unordered_map<const model::Test*, std::vector<int>> facts_used_;
  std::unordered_map<const model::Test*, std::vector<std::int64_t>> constants_;
  // Integer facts the test compares with each other directly (`a > b`), both ways round.
  std::unordered_map<const model::Test*, std::vector<std::pair<int, int>>> compared_;
  // Enums of more than 64 members do not fit the evaluator's masks; Z3 decides for them.
  bool model_wide_ = false;
  std::unordered_map<const model::Test*, bool> wide_tests_;
};

} // namespace siracusa::decide
