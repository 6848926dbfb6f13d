// engine/check — the fast route: three-valued evaluation of a failure condition over a
// provision's known facts, ranges and sets, and readings sampled from the open facts
// (decide/sampler.hpp). It settles a decision only when the answer is certain:
//   C true for every reading  -> fails
//   C false for every reading -> passes
//   a sampled reading where C holds and one where it does not -> may_fail
// and only when it can give the canonical core (decide/core.hpp) exactly: each deletion
// step is settled by the evaluator's certainty or by a sampled counter-reading. Anything
// else — persons beyond the class cap, predicates with bounds, texts, enums past 64
// members — goes to Z3. The witness is the first failing sample, as on the Z3 route.
#pragma once

#include "decide/route.hpp"
#include "decide/sampler.hpp"
#include "model/model.hpp"

#include <optional>
#include <vector>

namespace siracusa::check {

class FastPath : public decide::Route {
 public:
  explicit FastPath(const model::Model& model);
  std::optional<decide::Decision> decide(const model::Provision& provision, const model::Test& test,
                                         const model::Right& right) override;
  // The facts the test's failure condition still reads once the provision's facts are
  // filled in (decide::Sampler::live_facts). Both routes use it to tell what an open
  // verdict depends on.
  std::vector<int> live_facts(const model::Provision& provision, const model::Test& test, const model::Right& right);

 private:
  const model::Model& model_;
  decide::Sampler sampler_;
};

} // namespace siracusa::check
