#include "check/fast.hpp"

#include "decide/core.hpp"

namespace siracusa::check {

using namespace model;
using decide::Decision;
using decide::Tri;
using decide::Verdict;

FastPath::FastPath(const Model& model) : model_(model), sampler_(model) {}

std::vector<int> FastPath::live_facts(const Provision& provision, const Test& test, const Right& right) {
  return sampler_.live_facts(provision, test, right);
}

std::optional<Decision> FastPath::decide(const Provision& provision, const Test& test, const Right& right) {
  if (!sampler_.reading(provision, test, right))
    return std::nullopt;
  Tri verdict = sampler_.verdict(provision, test, right);
  // A certain answer rests on the canonical core, each step of it settled exactly.
  auto core = [&]() {
    auto candidates = decide::core_candidates(model_, provision, *test.failure);
    return decide::minimal_core(
        candidates,
        [&](const std::vector<int>& kept) {
          return sampler_.forces(provision, test, right, candidates, kept, verdict);
        },
        decide::WhenUnsure::give_up);
  };
  if (verdict == Tri::no) {
    auto facts = core();
    if (!facts)
      return std::nullopt;
    Decision decision;
    decision.verdict = Verdict::passes;
    decision.core = std::move(*facts);
    return decision;
  }
  auto sampled = sampler_.sample(provision, test, right, verdict != Tri::yes);
  if (!sampled.complete || !sampled.failing || (verdict != Tri::yes && !sampled.passing))
    return std::nullopt;
  Decision decision;
  decision.verdict = verdict == Tri::yes ? Verdict::fails : Verdict::may_fail;
  if (verdict == Tri::yes) {
    auto facts = core();
    if (!facts)
      return std::nullopt;
    decision.core = std::move(*facts);
  }
  decision.witness = sampler_.witness(provision, test, right, *sampled.failing);
  return decision;
}

} // namespace siracusa::check
