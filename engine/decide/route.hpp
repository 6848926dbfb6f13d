// engine/decide — what both routes share, written once.
// Takes: a model, then one (provision, test, right) at a time. Gives: a Decision
// (decision.hpp): a verdict, its canonical core (core.hpp) and its canonical witness
// (sampler.hpp, witness selection). The fast route (check/fast.hpp) and the Z3 route
// (solve/solver.hpp) are the two implementations of Route; person classes and their cap
// (persons.hpp), value display (display.hpp) and the three-valued evaluation
// (evaluate.hpp) are the parts both build on. A report cannot tell which route decided.
#pragma once

#include "decide/decision.hpp"
#include "model/model.hpp"

#include <optional>

namespace siracusa::decide {

class Route {
 public:
  virtual ~Route() = default;
  // nullopt: this route leaves the decision to another (the fast route, when its
  // evaluation is not certain).
  virtual std::optional<Decision> decide(const model::Provision& provision, const model::Test& test,
                                         const model::Right& right) = 0;
};

} // namespace siracusa::decide
