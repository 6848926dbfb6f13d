// engine/decide — the canonical core of a decision.
// Takes: a provision and a test's condition, and a route's way of telling whether some of
// the provision's facts alone force the verdict. Gives: the core both routes report, the
// same whichever decides.
//
// The candidates are the facts the provision states (not `unknown`) that the condition
// reads, in declaration order, the law's level first when the condition reads it.
// Deletion tries them from the last to the first and drops each whose absence still
// forces the verdict: the result is minimal (no fact can be dropped), and among the
// facts that could stand in for one another the earlier-declared ones are kept. It
// depends only on which subsets force the verdict — a property of the law, not of the
// route — so two exact routes give the same core. Starting from a solver's unsat core
// instead would not: a different but equally valid starting core gives another result.
#pragma once

#include "decide/decision.hpp"
#include "model/model.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace siracusa::decide {

std::vector<int> core_candidates(const model::Model& model, const model::Provision& provision,
                                 const model::Expr& condition);

// Whether the kept facts alone (the other candidates unstated) force the verdict;
// nullopt when the route cannot tell.
using Forces = std::function<std::optional<bool>(const std::vector<int>& kept)>;

enum class WhenUnsure {
  keep,    // keep the fact (the solver gave up: the core may be larger, never unsound)
  give_up, // no core: the route leaves the decision to another
};

std::optional<std::vector<int>> minimal_core(const std::vector<int>& candidates, const Forces& forces,
                                             WhenUnsure unsure);

// Whether an expression reads the law's level.
bool reads_law_level(const model::Model& model, const model::Expr& e);

} // namespace siracusa::decide
