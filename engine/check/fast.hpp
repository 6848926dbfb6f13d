// engine/check — the fast path: three-valued evaluation of a failure condition over a
// provision's known facts, ranges and sets. It settles a decision only when the answer
// is certain and its core can be shown sound; everything else goes to Z3.
#pragma once

#include "model/model.hpp"
#include "solve/solver.hpp"

#include <optional>

namespace siracusa::check {

class FastPath {
public:
  explicit FastPath(const model::Model& model) : model_(model) {}
  std::optional<solve::Decision> decide(const model::Provision& provision, const model::Test& test,
                                        const model::Right& right);

private:
  const model::Model& model_;
};

} // namespace siracusa::check
