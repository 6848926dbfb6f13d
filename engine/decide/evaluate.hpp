// engine/decide — three-valued evaluation of a condition, shared by both routes.
// Takes: the model, a right, a reading of the facts (each an abstract value: a truth
// value, an integer interval, the possible members of an enum, the members a set must and
// may hold). Gives: whether the condition is true for every value the reading allows, for
// none, or unknown. Over-approximating: `yes` and `no` are certain, `unknown` is not a
// claim. With every fact single-valued (a sampled reading) the answer is exact unless it
// is `unknown`. The fast path decides with it; both routes take their canonical witness
// from its samples (witness.hpp), and the fast path checks core candidates with it.
#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace siracusa::decide {

using model::Expr;
using model::Model;
using model::Right;
using model::Type;

enum class Tri { no, yes, unknown };

constexpr std::int64_t minus_infinity = std::numeric_limits<std::int64_t>::min() / 4;
constexpr std::int64_t plus_infinity = std::numeric_limits<std::int64_t>::max() / 4;

// What is known of a value: a truth value, an integer interval, the possible members
// of an enum, or the members a set must and may hold. `opaque` when the evaluator cannot
// say (persons, predicates, open texts).
struct Abstract {
  enum class Kind { truth, interval, members, set, text, person, predicate, opaque } kind = Kind::opaque;
  Tri truth = Tri::unknown;
  std::int64_t low = minus_infinity;
  std::int64_t high = plus_infinity;
  std::uint64_t mask = 0; // members (enum) or may (set)
  std::uint64_t must = 0; // set
  std::optional<std::string> text;
  std::vector<std::int64_t> person; // a concrete person: one value per attribute
  const Expr* predicate = nullptr;  // a predicate literal, `everyone` or `no one`

  static Abstract opaque() { return {}; }
  static Abstract person_of(std::vector<std::int64_t> attributes) {
    Abstract a;
    a.kind = Kind::person;
    a.person = std::move(attributes);
    return a;
  }
  static Abstract predicate_of(const Expr* definition) {
    Abstract a;
    a.kind = Kind::predicate;
    a.predicate = definition;
    return a;
  }
  static Abstract of(Tri t) {
    Abstract a;
    a.kind = Kind::truth;
    a.truth = t;
    return a;
  }
  static Abstract interval(std::int64_t lo, std::int64_t hi) {
    Abstract a;
    a.kind = Kind::interval;
    a.low = lo;
    a.high = hi;
    return a;
  }
  static Abstract members(std::uint64_t mask) {
    Abstract a;
    a.kind = Kind::members;
    a.mask = mask;
    return a;
  }
  static Abstract set(std::uint64_t must, std::uint64_t may) {
    Abstract a;
    a.kind = Kind::set;
    a.must = must;
    a.mask = may;
    return a;
  }
  bool empty() const {
    return (kind == Kind::interval && low > high) || (kind == Kind::members && mask == 0) ||
           (kind == Kind::set && (must & ~mask) != 0);
  }
  bool single() const {
    switch (kind) {
    case Kind::truth:
      return truth != Tri::unknown;
    case Kind::interval:
      return low == high;
    case Kind::members:
      return (mask & (mask - 1)) == 0;
    case Kind::set:
      return must == mask;
    case Kind::text:
      return text.has_value();
    case Kind::predicate:
      return true;
    default:
      return false;
    }
  }
};

// How a fact is read while deciding: as the provision states it, as unknown (core
// minimisation), or at one sampled reading.
struct Reading {
  std::vector<std::optional<Abstract>> facts; // by fact index; empty = not yet computed
  std::optional<Abstract> level;
};

// Enum and set values are 64-bit masks here, so an enum of more members cannot be
// represented: any decision that touches one is left to Z3.
bool wide_enum(const Type& type);
bool touches_wide_enum(const Expr& e);
std::uint64_t all_members(const model::EnumType* e);

// The abstract value of a type with nothing known.
Abstract anything(const Type& type);

// What the provision says of a fact, as an abstract value; nullopt when it cannot be
// represented (the decision then goes to Z3).
std::optional<Abstract> stated_value(const Model& model, const model::FactDecl& fact, const model::StatedFact* stated,
                                     const Right& right);

// Readings of an open fact worth trying: its ends and the constants the condition
// compares it with (and their neighbours), its members, sets grown or shrunk by one.
std::vector<Abstract> samples(const Abstract& a, const model::FactValue* stated,
                              const std::vector<std::int64_t>& constants, const Model& model, const Right& right);

// The integer and date constants of an expression (parameters included).
void integer_constants(const Model& model, const Expr& e, std::vector<std::int64_t>& out);

// A single value as an analyst writes it.
std::string show(const Abstract& a, const Type& type);

// A person the evaluation found making the outermost `some` of a condition true.
struct FoundPerson {
  std::string name;
  std::vector<std::int64_t> attributes;
  int partner = -1; // the other person of a pair, in the same vector
};

// The truth of `condition` under `reading`.
Tri evaluate(const Model& model, const Right& right, const Reading& reading, const Expr& condition);
// The same, and the facts read by the subexpressions whose truth the reading leaves open
// (a subexpression whose truth is certain needs none of its facts).
Tri evaluate_reads(const Model& model, const Right& right, const Reading& reading, const Expr& condition,
                   std::vector<int>& reads);
// The same, and the persons that make the outermost `some` true, for witnesses.
Tri evaluate_found(const Model& model, const Right& right, const Reading& reading, const Expr& condition,
                   std::vector<FoundPerson>& found);
// Whether a predicate value (a literal, `everyone`, `no one`) holds of a person.
Tri apply(const Model& model, const Right& right, const Reading& reading, const Abstract& predicate,
          const std::vector<std::int64_t>& person);

} // namespace siracusa::decide
