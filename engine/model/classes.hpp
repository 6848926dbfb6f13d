// engine/model — the classes of persons a condition can tell apart.
// Takes: an expression (and the definitions of the predicates it applies). Gives: the
// person attributes it mentions, the integer constants they are compared with, and for
// each attribute the values that stand for all others. Both the solver (to expand
// quantifiers over persons into finite conjunctions) and the fast path (to enumerate
// persons) use this, so that both read a condition the same way.
//
// Reading every person as one of these representatives is exact when integer attributes
// are compared only with constants; `exact` is false otherwise, and callers then fall
// back to reasoning over all persons.
#pragma once

#include "model/model.hpp"

#include <functional>
#include <set>
#include <vector>

namespace siracusa::model {

struct PersonClasses {
  std::set<int> attributes;
  std::set<std::int64_t> constants;
  bool exact = true;
};

// The expressions that define a predicate fact where it is applied (its exact value, or
// the bounds stated for it); none for an open predicate.
using PredicateDefinitions = std::function<std::vector<const Expr*>(int fact)>;

void collect_classes(const Expr& expr, PersonClasses& classes, const PredicateDefinitions& definitions);

// The classes a quantifier's body tells apart, from binder `first` on: the body and the
// domains of the binders after it.
PersonClasses quantifier_classes(const Expr& quantifier, std::size_t first, const PredicateDefinitions& definitions);

// The values of one attribute that stand for all others: every member of an enum, both
// booleans, and for an integer 0, 1 and each constant with its neighbours.
std::vector<std::int64_t> representatives(const Model& model, int attribute, const PersonClasses& classes);

} // namespace siracusa::model
