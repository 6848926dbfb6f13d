// engine/decide — what a decision is, whichever route makes it.
// A decision of one (provision, test) is a verdict, the facts it rests on (its core) and
// a scenario under which the provision fails (its witness). The fast path (check/) and
// Z3 (solve/) both give this type, and both make the core and the witness canonical (see
// core.hpp, witness.hpp), so that which route decided never shows in a report.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace siracusa::decide {

// The routes decide the first four; `check` adds the two that say a provision was not
// assessed: silent on the test's subject, or leaving a fact the test needs unstated.
enum class Verdict { fails, may_fail, passes, undetermined, not_applicable, unassessed };
const char* verdict_name(Verdict verdict);

// One reading of the unknown facts under which the provision fails.
struct Witness {
  struct Value {
    std::string name;  // a fact, or `scope(a)` for a predicate at a witness person
    std::string value; // as an analyst writes it: `11 days`, `authorisation`, `{public_order}`
    bool operator==(const Value&) const = default;
  };
  struct Person {
    std::string name; // the test's binder: `p`, `a`, `b`
    std::vector<Value> attributes;
    bool operator==(const Person&) const = default;
  };
  std::vector<Value> facts;
  std::vector<Person> persons;
  bool empty() const { return facts.empty() && persons.empty(); }
  bool operator==(const Witness&) const = default;
};

// A tracked fact in a core: an index into Model::facts, or law_level for the law's level.
constexpr int law_level_fact = -1;

struct Decision {
  Verdict verdict = Verdict::undetermined;
  std::vector<int> core;          // facts (fails: that force it; passes: that save it)
  std::optional<Witness> witness; // fails, may_fail
  std::string reason;             // undetermined: why the solver stopped
};

} // namespace siracusa::decide
