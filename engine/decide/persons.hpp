// engine/decide — the classes of persons a condition can tell apart, and their enumeration.
// Takes: an expression (and the definitions of the predicates it applies). Gives: the
// person attributes it mentions, the integer constants they are compared with, and for
// each attribute the values that stand for all others. Both the solver (to expand
// quantifiers over persons into finite conjunctions) and the fast path (to enumerate
// persons) use this, so that both read a condition the same way.
//
// Reading every person as one of these representatives is exact when integer attributes
// are compared only with constants; `exact` is false otherwise, and callers then fall
// back to reasoning over all persons. Both routes enumerate the same classes in the same
// order under the same cap (PersonOdometer, max_classes), so that they visit the same
// persons and name the same ones in witnesses.
#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <functional>
#include <set>
#include <vector>

namespace siracusa::decide {

using model::Expr;
using model::Model;

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

// Nested quantifiers multiply: the classes of every level together stay within this many,
// past which the fast path gives up and the solver keeps Z3's own quantifier (slower,
// never wrong).
constexpr std::size_t max_classes = 4096;

// The persons of the classes the listed attributes tell apart, one at a time, the first
// listed attribute varying fastest; attributes not listed are 0. The person is one buffer
// updated in place: visiting a class allocates nothing.
class PersonOdometer {
 public:
  PersonOdometer(const Model& model, const std::vector<int>& attributes, const PersonClasses& classes);
  // How many persons there are; `limit + 1` once past `limit` (the product is not formed).
  std::size_t count(std::size_t limit) const;
  const std::vector<std::int64_t>& person() const { return person_; }
  // The next person; false (and back to the first) after the last.
  bool next();

 private:
  std::vector<int> attributes_;
  std::vector<std::vector<std::int64_t>> choices_;
  std::vector<std::size_t> at_;
  std::vector<std::int64_t> person_;
};

} // namespace siracusa::decide
