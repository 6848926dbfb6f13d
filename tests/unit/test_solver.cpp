// The Z3 encoding (engine/solve): each expression form and each form of a stated fact,
// decided on a tiny model through Engine::begin/decide/end. Every test checks the
// verdict, and where there is one the core (the facts named, and that it is sound and
// minimal) and the witness.
#include "support.hpp"

#include "check/check.hpp"
#include "solve/solver.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace siracusa;
using namespace siracusa::testing;
using solve::Verdict;

namespace {

// A corpus of one test `t` (applies to all rights) and one provision `l.p` over the base
// vocabulary (tests/support.cpp), plus a non-derogable, absolute right `art7`.
struct Setup {
  std::string condition;
  std::vector<std::string> facts; // `name: value` lines the provision states
  std::string right = "art19";
  std::string level = "law";
  unsigned rlimit = 0;
};

struct Outcome {
  Verdict verdict = Verdict::undetermined;
  std::vector<std::string> core; // fact names, `law.level`; sorted
  bool has_witness = false;
  std::map<std::string, std::string> facts; // witness facts
  std::vector<solve::Witness::Person> persons;
  std::string reason;
};

std::string corpus(const Setup& s) {
  std::string text = "import \"base.sir\"\n\n"
                     "right art7 {\n  article: 7\n  title: \"No torture\"\n  derogable: no\n  absolute: yes\n}\n\n"
                     "test t {\n  applies to: all\n  criterion: necessity\n  fails when: " +
                     s.condition +
                     "\n  cites: doc para 1\n  explanation: \"e\"\n  recommendation: \"r\"\n  strength: concern\n}\n\n";
  text += "law l {\n  title: \"L\"\n  jurisdiction: xx\n  level: " + s.level + "\n  source: doc para 1\n";
  text += "  provision p {\n    restricts: " + s.right + "\n";
  for (const auto& fact : s.facts)
    text += "    " + fact + "\n";
  text += "    source: doc para 2\n  }\n}\n";
  return text;
}

std::string fact_name(const std::string& line) {
  return line.substr(0, line.find(':'));
}

Outcome solve_one(const Setup& s) {
  Loaded loaded = load_files({{"base.sir", base_rules}, {"t.sir", corpus(s)}});
  INFO(corpus(s));
  INFO(render_all(loaded.diagnostics, {}));
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  const model::Model& m = loaded.model;
  int p = m.find_provision("l.p");
  int t = m.find_test("t");
  int r = m.find_right(s.right);
  REQUIRE(p >= 0);
  REQUIRE(t >= 0);
  REQUIRE(r >= 0);

  solve::SolverOptions options;
  options.rlimit = s.rlimit;
  solve::Engine engine(m, options);
  engine.begin(m.provisions[static_cast<std::size_t>(p)]);
  solve::Decision d = engine.decide(m.tests[static_cast<std::size_t>(t)], m.rights[static_cast<std::size_t>(r)]);
  engine.end();

  Outcome o;
  o.verdict = d.verdict;
  for (int f : d.core)
    o.core.push_back(f == solve::law_level_fact ? "law.level" : m.facts[static_cast<std::size_t>(f)].name);
  std::sort(o.core.begin(), o.core.end());
  if (d.witness) {
    o.has_witness = true;
    for (const auto& v : d.witness->facts)
      o.facts[v.name] = v.value;
    o.persons = d.witness->persons;
  }
  o.reason = d.reason;
  return o;
}

// The same provision stating only the facts whose names are given.
Setup only(const Setup& s, const std::set<std::string>& names) {
  Setup out = s;
  out.facts.clear();
  for (const auto& line : s.facts)
    if (names.count(fact_name(line)))
      out.facts.push_back(line);
  return out;
}

// A core is sound (its facts alone force the verdict) and minimal (dropping any one of
// them loses the verdict).
void check_core(const Setup& s, const Outcome& o) {
  REQUIRE((o.verdict == Verdict::fails || o.verdict == Verdict::passes));
  std::set<std::string> core(o.core.begin(), o.core.end());
  core.erase("law.level"); // the law's level is always stated
  INFO("core of `" << s.condition << "`");
  CHECK(solve_one(only(s, core)).verdict == o.verdict);
  for (const auto& name : core) {
    auto fewer = core;
    fewer.erase(name);
    INFO("without " << name);
    CHECK(solve_one(only(s, fewer)).verdict != o.verdict);
  }
}

std::vector<std::string> names(std::initializer_list<const char*> list) {
  return {list.begin(), list.end()};
}

const solve::Witness::Person* person(const Outcome& o, const std::string& name) {
  for (const auto& p : o.persons)
    if (p.name == name)
      return &p;
  return nullptr;
}

std::string attribute(const solve::Witness::Person& p, const std::string& name) {
  for (const auto& a : p.attributes)
    if (a.name == name)
      return a.value;
  return "<absent>";
}

// The 1-based line of the first line of `text` that contains `needle`.
unsigned line_of(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  return static_cast<unsigned>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1);
}

// `18 years` -> 18
long number(const std::string& value) {
  return std::stol(value.substr(0, value.find(' ')));
}

} // namespace

// ---- boolean connectives ------------------------------------------------------------------

TEST_CASE("solver: and needs every conjunct, and the core names both facts", "[solver]") {
  Setup s{"precise and notice_days > 5 days", {"precise: yes", "notice_days: 10 days"}};
  Outcome o = solve_one(s);
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"notice_days", "precise"}));
  check_core(s, o);

  s.facts = {"precise: no", "notice_days: 10 days"};
  o = solve_one(s);
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"precise"})); // minimal: the notice period does not save it
  CHECK_FALSE(o.has_witness);
  check_core(s, o);
}

TEST_CASE("solver: or needs one disjunct, and a minimal core names only that one", "[solver]") {
  Setup s{"precise or notice_days > 5 days", {"precise: yes", "notice_days: 1 days"}};
  Outcome o = solve_one(s);
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"precise"}));
  check_core(s, o);

  s.facts = {"precise: no", "notice_days: 1 days"};
  o = solve_one(s);
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"notice_days", "precise"}));
  check_core(s, o);
}

TEST_CASE("solver: not, and an unknown fact gives may_fail with the failing reading as witness", "[solver]") {
  Outcome o = solve_one({"not precise", {"precise: no"}});
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"precise"}));

  o = solve_one({"not precise", {}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.core.empty());
  REQUIRE(o.has_witness);
  CHECK(o.facts == std::map<std::string, std::string>{{"precise", "no"}});

  o = solve_one({"not precise", {"precise: unknown"}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.facts == std::map<std::string, std::string>{{"precise", "no"}});
}

TEST_CASE("solver: implies", "[solver]") {
  Setup s{"precise implies notice_days > 5 days", {"precise: yes", "notice_days: 3 days"}};
  Outcome o = solve_one(s);
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"notice_days", "precise"}));
  check_core(s, o);

  s.facts = {"precise: no", "notice_days: 3 days"};
  o = solve_one(s);
  CHECK(o.verdict == Verdict::fails); // a false premise makes the implication true
  CHECK(o.core == names({"precise"}));
  check_core(s, o);

  o = solve_one({"precise implies notice_days > 5 days", {"precise: yes"}});
  CHECK(o.verdict == Verdict::may_fail);
  REQUIRE(o.facts.count("notice_days"));
  CHECK(number(o.facts["notice_days"]) > 5);
}

// ---- comparisons and arithmetic ---------------------------------------------------------------

TEST_CASE("solver: each comparison on a known number", "[solver]") {
  struct Row {
    const char* condition;
    Verdict verdict;
  };
  for (const Row& row : {Row{"notice_days == 10 days", Verdict::fails}, Row{"notice_days != 10 days", Verdict::passes},
                         Row{"notice_days < 10 days", Verdict::passes}, Row{"notice_days <= 10 days", Verdict::fails},
                         Row{"notice_days > 9 days", Verdict::fails}, Row{"notice_days > 10 days", Verdict::passes},
                         Row{"notice_days >= 10 days", Verdict::fails}, Row{"notice_days >= 11 days", Verdict::passes},
                         Row{"10 days == notice_days", Verdict::fails}}) {
    INFO(row.condition);
    Outcome o = solve_one({row.condition, {"notice_days: 10 days", "precise: yes"}});
    CHECK(o.verdict == row.verdict);
    CHECK(o.core == names({"notice_days"})); // never the unrelated fact
  }
}

TEST_CASE("solver: + - * and unary minus", "[solver]") {
  Setup s{"notice_days + max_detention_days > 20 days", {"notice_days: 10 days", "max_detention_days: 11 days"}};
  Outcome o = solve_one(s);
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"max_detention_days", "notice_days"}));
  check_core(s, o);

  // Durations are never negative: a large notice period alone forces the sum over.
  s.facts = {"notice_days: 25 days", "max_detention_days: 11 days"};
  o = solve_one(s);
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"notice_days"}));
  check_core(s, o);

  s.facts = {"notice_days: 10 days", "max_detention_days: 5 days"};
  o = solve_one(s);
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"max_detention_days", "notice_days"}));
  check_core(s, o);

  CHECK(solve_one({"notice_days - max_detention_days > 0 days", {"notice_days: 10 days", "max_detention_days: 5 days"}})
            .verdict == Verdict::fails);
  CHECK(solve_one({"notice_days - max_detention_days > 0 days", {"notice_days: 5 days", "max_detention_days: 5 days"}})
            .verdict == Verdict::passes);
  CHECK(solve_one({"notice_days * 2 > 15 days", {"notice_days: 8 days"}}).verdict == Verdict::fails);
  CHECK(solve_one({"notice_days * 2 > 15 days", {"notice_days: 7 days"}}).verdict == Verdict::passes);
  CHECK(solve_one({"-notice_days < -5 days", {"notice_days: 6 days"}}).verdict == Verdict::fails);
  CHECK(solve_one({"-notice_days < -5 days", {"notice_days: 5 days"}}).verdict == Verdict::passes);

  // An unknown operand: the witness is a reading that makes the sum exceed the bound.
  o = solve_one({"notice_days + max_detention_days > 20 days", {"notice_days: 10 days"}});
  CHECK(o.verdict == Verdict::may_fail);
  REQUIRE(o.facts.count("max_detention_days"));
  CHECK(o.facts.count("notice_days") == 0); // known: not part of the scenario
  CHECK(10 + number(o.facts["max_detention_days"]) > 20);
}

// ---- enums, sets, dates, text ---------------------------------------------------------------------

TEST_CASE("solver: enum members, == and !=", "[solver]") {
  Outcome o = solve_one({"regime == authorisation", {"regime: authorisation"}});
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"regime"}));
  CHECK(solve_one({"regime == authorisation", {"regime: notification"}}).verdict == Verdict::passes);
  CHECK(solve_one({"regime != none", {"regime: notification"}}).verdict == Verdict::fails);

  o = solve_one({"regime == authorisation", {}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.facts == std::map<std::string, std::string>{{"regime", "authorisation"}});
}

TEST_CASE("solver: in, subset of, set literals", "[solver]") {
  CHECK(solve_one({"public_order in stated_aims", {"stated_aims: {public_order}"}}).verdict == Verdict::fails);
  CHECK(solve_one({"public_order in stated_aims", {"stated_aims: {public_health}"}}).verdict == Verdict::passes);
  CHECK(solve_one({"regime in {notification, authorisation}", {"regime: authorisation"}}).verdict == Verdict::fails);
  CHECK(solve_one({"regime in {notification, authorisation}", {"regime: none"}}).verdict == Verdict::passes);
  CHECK(solve_one({"stated_aims subset of {public_order}", {"stated_aims: {public_order}"}}).verdict == Verdict::fails);
  CHECK(solve_one({"stated_aims subset of {public_order}", {"stated_aims: {}"}}).verdict == Verdict::fails);
  CHECK(solve_one({"stated_aims subset of {public_order}", {"stated_aims: {public_order, public_health}"}}).verdict ==
        Verdict::passes);
  CHECK(solve_one({"stated_aims == {public_order, public_health}", {"stated_aims: {public_health, public_order}"}})
            .verdict == Verdict::fails);
  CHECK(solve_one({"stated_aims == {public_order, public_health}", {"stated_aims: {public_health}"}}).verdict ==
        Verdict::passes);
  CHECK(solve_one({"stated_aims != {}", {"stated_aims: {}"}}).verdict == Verdict::passes);

  Outcome o = solve_one({"public_health in stated_aims and not (public_order in stated_aims)", {}});
  CHECK(o.verdict == Verdict::may_fail);
  REQUIRE(o.facts.count("stated_aims"));
  std::string aims = o.facts["stated_aims"];
  CHECK(aims.find("public_health") != std::string::npos);
  CHECK(aims.find("public_order") == std::string::npos);
}

TEST_CASE("solver: dates", "[solver]") {
  Outcome o = solve_one({"adopted_on < 2020-01-01", {"adopted_on: 2019-12-31"}});
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"adopted_on"}));
  CHECK(solve_one({"adopted_on < 2020-01-01", {"adopted_on: 2020-01-01"}}).verdict == Verdict::passes);
  CHECK(solve_one({"adopted_on == 2016-02-29", {"adopted_on: 2016-02-29"}}).verdict == Verdict::fails);

  o = solve_one({"adopted_on >= 2020-03-01 and adopted_on <= 2020-03-01", {}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.facts == std::map<std::string, std::string>{{"adopted_on", "2020-03-01"}});
}

TEST_CASE("solver: text equality", "[solver]") {
  Outcome o = solve_one({"label == \"secret\"", {"label: \"secret\""}});
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"label"}));
  o = solve_one({"label == \"secret\"", {"label: \"public\""}});
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"label"}));
  CHECK(solve_one({"label != \"secret\"", {"label: \"public\""}}).verdict == Verdict::fails);

  o = solve_one({"label == \"secret\"", {}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.facts == std::map<std::string, std::string>{{"label", "\"secret\""}});
}

// ---- the right and the law ----------------------------------------------------------------------

TEST_CASE("solver: right.aims follows the right under test, with an empty core", "[solver]") {
  std::string condition = "some a in stated_aims: not (a in right.aims)";
  Setup s{condition, {"stated_aims: {national_security}"}, "art18"};
  Outcome o = solve_one(s);
  CHECK(o.verdict == Verdict::fails); // art18 allows no national security
  CHECK(o.core == names({"stated_aims"}));

  o = solve_one({condition, {"stated_aims: {public_order}"}, "art18"});
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"stated_aims"}));

  // art19 allows every aim of the vocabulary: whatever the provision states, it passes,
  // and the core is empty.
  s.right = "art19";
  o = solve_one(s);
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core.empty());
  o = solve_one({condition, {}, "art19"});
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core.empty());

  o = solve_one({condition, {}, "art18"});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.facts["stated_aims"].find("national_security") != std::string::npos);

  CHECK(solve_one({"stated_aims subset of right.aims", {"stated_aims: {public_order}"}, "art18"}).verdict ==
        Verdict::fails);
}

TEST_CASE("solver: right.derogable and right.absolute", "[solver]") {
  Outcome o = solve_one({"not right.derogable", {}, "art7"});
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core.empty());
  o = solve_one({"not right.derogable", {}, "art19"});
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core.empty());
  CHECK(solve_one({"right.absolute and precise", {"precise: yes"}, "art7"}).verdict == Verdict::fails);
  CHECK(solve_one({"right.absolute and precise", {"precise: yes"}, "art19"}).verdict == Verdict::passes);
}

TEST_CASE("solver: law.level is a tracked fact of the provision", "[solver]") {
  Outcome o = solve_one({"law.level == bylaw", {"precise: yes"}, "art19", "bylaw"});
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"law.level"}));
  o = solve_one({"law.level == bylaw", {"precise: yes"}, "art19", "code"});
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"law.level"}));
  o = solve_one({"law.level == bylaw and not precise", {"precise: no"}, "art19", "bylaw"});
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"law.level", "precise"}));
}

// ---- persons and quantifiers ------------------------------------------------------------------------

TEST_CASE("solver: some person, with the person in the witness", "[solver]") {
  std::string condition = "some person p: p.age < 18 years and scope(p)";
  Setup s{condition, {"scope: person where age >= 16 years"}};
  Outcome o = solve_one(s);
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"scope"}));
  REQUIRE(o.persons.size() == 1);
  CHECK(o.persons[0].name == "p");
  long age = number(attribute(o.persons[0], "age"));
  CHECK(age >= 16);
  CHECK(age < 18);
  CHECK(o.facts["scope(p)"] == "yes");

  s.facts = {"scope: person where age >= 18 years"};
  o = solve_one(s);
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"scope"}));

  // An unstated predicate is shown at the reading the witness takes: the first sampled
  // one under which the provision fails (the canonical witness both routes give).
  o = solve_one({condition, {}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.facts["scope"] == "everyone");
  CHECK(o.facts["scope(p)"] == "yes");
  REQUIRE(o.persons.size() == 1);
  CHECK(number(attribute(o.persons[0], "age")) < 18);
}

TEST_CASE("solver: every person, everyone and no one", "[solver]") {
  std::string condition = "every person p: scope(p)";
  CHECK(solve_one({condition, {"scope: everyone"}}).verdict == Verdict::fails);
  Outcome o = solve_one({condition, {"scope: no one"}});
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"scope"}));
  CHECK(solve_one({condition, {"scope: person where age >= 18 years"}}).verdict == Verdict::passes);
  CHECK(solve_one({condition, {}}).verdict == Verdict::may_fail);
  CHECK(solve_one({"some person p: scope(p)", {"scope: no one"}}).verdict == Verdict::passes);
  CHECK(solve_one({"some person p: scope(p)", {"scope: everyone"}}).verdict == Verdict::fails);
  // Nested: every person has an older person who is covered.
  CHECK(
      solve_one({"every person p: some person q: q.age > p.age and scope(q)", {"scope: person where age >= 30 years"}})
          .verdict == Verdict::fails);
  CHECK(solve_one({"every person p: some person q: q.age > p.age and scope(q)", {"scope: person where age < 30 years"}})
            .verdict == Verdict::passes);
}

TEST_CASE("solver: `person where` in a condition, applied to a person", "[solver]") {
  std::string condition = "some person p: (person where age >= 18 years)(p) and not scope(p)";
  CHECK(solve_one({condition, {"scope: person where age >= 18 years"}}).verdict == Verdict::passes);
  Outcome o = solve_one({condition, {"scope: person where age >= 21 years"}});
  CHECK(o.verdict == Verdict::fails);
  REQUIRE(o.persons.size() == 1);
  long age = number(attribute(o.persons[0], "age"));
  CHECK(age >= 18);
  CHECK(age < 21);
}

TEST_CASE("solver: some x in set expands over the members", "[solver]") {
  CHECK(solve_one({"some a in stated_aims: a == public_health", {"stated_aims: {public_order, public_health}"}})
            .verdict == Verdict::fails);
  CHECK(solve_one({"some a in stated_aims: a == public_health", {"stated_aims: {public_order}"}}).verdict ==
        Verdict::passes);
  CHECK(solve_one({"every a in stated_aims: a == public_order", {"stated_aims: {public_order}"}}).verdict ==
        Verdict::fails);
  CHECK(solve_one({"every a in stated_aims: a == public_order", {"stated_aims: {}"}}).verdict == Verdict::fails);
  CHECK(solve_one({"every a in stated_aims: a == public_order", {"stated_aims: {public_order, public_health}"}})
            .verdict == Verdict::passes);
  CHECK(solve_one({"some a in {public_order, national_security}: a in stated_aims", {"stated_aims: {public_health}"}})
            .verdict == Verdict::passes);
}

TEST_CASE("solver: a pair differing in a protected attribute is the discrimination witness", "[solver]") {
  std::string condition = "some pair a, b differing in protected: scope(a) and not scope(b)";
  Setup s{condition, {"scope: person where citizenship == citizen and age >= 18 years"}};
  Outcome o = solve_one(s);
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"scope"}));
  const auto* a = person(o, "a");
  const auto* b = person(o, "b");
  REQUIRE(a);
  REQUIRE(b);
  // The two differ in citizenship only; the age the scope reads is shown for both, equal.
  CHECK(attribute(*a, "citizenship") == "citizen");
  CHECK(attribute(*b, "citizenship") != "citizen");
  CHECK(attribute(*b, "citizenship") != "<absent>");
  CHECK(attribute(*a, "age") == attribute(*b, "age"));
  CHECK(number(attribute(*a, "age")) >= 18);
  CHECK(attribute(*a, "religion") == "<absent>"); // alike, and not read by the scope
  CHECK(o.facts["scope(a)"] == "yes");
  CHECK(o.facts["scope(b)"] == "no");

  // Age is not protected: a scope on age alone treats any such pair alike.
  o = solve_one({condition, {"scope: person where age >= 18 years"}});
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"scope"}));

  o = solve_one({condition, {"scope: person where not disabled"}});
  CHECK(o.verdict == Verdict::fails);
  REQUIRE(person(o, "a"));
  CHECK(attribute(*person(o, "a"), "disabled") == "no");
  CHECK(attribute(*person(o, "b"), "disabled") == "yes");

  // The first sampled reading of the open predicate that tells the pair apart.
  o = solve_one({condition, {}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.facts["scope"] == "person where citizenship == citizen");
  REQUIRE(o.persons.size() == 2);
}

TEST_CASE("solver: a pair differing in listed attributes ignores the others", "[solver]") {
  std::string condition = "some pair a, b differing in {religion}: scope(a) and not scope(b)";
  Outcome o = solve_one({condition, {"scope: person where citizenship == citizen"}});
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"scope"}));

  o = solve_one({condition, {"scope: person where religion != muslim"}});
  CHECK(o.verdict == Verdict::fails);
  const auto* a = person(o, "a");
  const auto* b = person(o, "b");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(attribute(*a, "religion") != "muslim");
  CHECK(attribute(*b, "religion") == "muslim");
  CHECK(attribute(*a, "citizenship") == "<absent>");

  // Two listed attributes: one of them differs, the other is equal.
  o = solve_one({"some pair a, b differing in {religion, disabled}: scope(a) and not scope(b)",
                 {"scope: person where disabled"}});
  CHECK(o.verdict == Verdict::fails);
  CHECK(attribute(*person(o, "a"), "disabled") == "yes");
  CHECK(attribute(*person(o, "b"), "disabled") == "no");
}

// ---- forms of stated facts --------------------------------------------------------------------------

TEST_CASE("solver: a range of numbers", "[solver]") {
  Setup s{"notice_days > 7 days", {"notice_days: 5..10 days"}};
  Outcome o = solve_one(s);
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.core.empty());
  REQUIRE(o.facts.count("notice_days"));
  long n = number(o.facts["notice_days"]);
  CHECK(n >= 8);
  CHECK(n <= 10);

  o = solve_one({"notice_days > 10 days", {"notice_days: 5..10 days"}});
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"notice_days"}));
  o = solve_one({"notice_days >= 5 days", {"notice_days: 5..10 days"}});
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"notice_days"}));
}

TEST_CASE("solver: one of, for enums, numbers and sets", "[solver]") {
  Outcome o = solve_one({"regime == authorisation", {"regime: one of {notification, authorisation}"}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.facts == std::map<std::string, std::string>{{"regime", "authorisation"}});
  o = solve_one({"regime == authorisation", {"regime: one of {none, notification}"}});
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"regime"}));
  CHECK(solve_one({"regime != none", {"regime: one of {notification, authorisation}"}}).verdict == Verdict::fails);

  o = solve_one({"notice_days > 7 days", {"notice_days: one of {5 days, 10 days}"}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.facts["notice_days"] == "10 days");
  CHECK(solve_one({"notice_days > 7 days", {"notice_days: one of {8 days, 10 days}"}}).verdict == Verdict::fails);

  o = solve_one({"national_security in stated_aims", {"stated_aims: one of {{public_order}, {national_security}}"}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.facts["stated_aims"] == "{national_security}");
  CHECK(solve_one({"public_health in stated_aims", {"stated_aims: one of {{public_order}, {national_security}}"}})
            .verdict == Verdict::passes);
}

TEST_CASE("solver: at least and at most on a number", "[solver]") {
  CHECK(solve_one({"notice_days > 7 days", {"notice_days: at least 8 days"}}).verdict == Verdict::fails);
  CHECK(solve_one({"notice_days > 7 days", {"notice_days: at most 7 days"}}).verdict == Verdict::passes);
  Outcome o = solve_one({"notice_days > 7 days", {"notice_days: at least 3 days"}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(number(o.facts["notice_days"]) > 7);
  o = solve_one({"notice_days < 3 days", {"notice_days: at most 10 days"}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(number(o.facts["notice_days"]) < 3);
  CHECK(number(o.facts["notice_days"]) >= 0); // durations are never negative
  // A date bound.
  CHECK(solve_one({"adopted_on < 2020-01-01", {"adopted_on: at most 2019-06-30"}}).verdict == Verdict::fails);
  CHECK(solve_one({"adopted_on < 2020-01-01", {"adopted_on: at least 2020-01-01"}}).verdict == Verdict::passes);
}

TEST_CASE("solver: at least and at most on a set (superset, subset)", "[solver]") {
  CHECK(solve_one({"public_order in stated_aims", {"stated_aims: at least {public_order}"}}).verdict == Verdict::fails);
  CHECK(
      solve_one({"national_security in stated_aims", {"stated_aims: at most {public_order, public_health}"}}).verdict ==
      Verdict::passes);
  Outcome o = solve_one({"national_security in stated_aims", {"stated_aims: at least {public_order}"}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.facts["stated_aims"].find("public_order") != std::string::npos);
  CHECK(o.facts["stated_aims"].find("national_security") != std::string::npos);
  o = solve_one({"stated_aims == {}", {"stated_aims: at most {public_order}"}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(o.facts["stated_aims"] == "{}");
}

TEST_CASE("solver: at least and at most on a predicate (covers at least / at most)", "[solver]") {
  std::string adult_left_out = "some person p: p.age >= 18 years and not scope(p)";
  std::string minor_covered = "some person p: p.age < 18 years and scope(p)";
  Outcome o = solve_one({adult_left_out, {"scope: at least person where age >= 18 years"}});
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"scope"}));
  o = solve_one({minor_covered, {"scope: at least person where age >= 18 years"}});
  CHECK(o.verdict == Verdict::may_fail);
  CHECK(number(attribute(o.persons.at(0), "age")) < 18);

  o = solve_one({minor_covered, {"scope: at most person where age >= 18 years"}});
  CHECK(o.verdict == Verdict::passes);
  o = solve_one({adult_left_out, {"scope: at most person where age >= 21 years"}});
  CHECK(o.verdict == Verdict::fails);
  CHECK(o.core == names({"scope"}));
  // The witness is one reading of F and C: an adult the scope leaves out. (An adult under
  // 21 is left out by every reading, but one over 21 whom this reading leaves out is a
  // reading too, so the witness is not held to the former.)
  REQUIRE(o.persons.size() == 1);
  CHECK(number(attribute(o.persons[0], "age")) >= 18);
  CHECK(o.facts["scope(p)"] == "no");
}

// ---- cores across several facts --------------------------------------------------------------------

TEST_CASE("solver: cores are sound and minimal across mixed conditions", "[solver]") {
  std::vector<Setup> setups = {
      {"regime == authorisation and notice_days > 3 days",
       {"regime: authorisation", "notice_days: 5..9 days", "precise: yes", "stated_aims: {public_order}"}},
      {"regime == authorisation or notice_days > 3 days or not precise",
       {"regime: notification", "notice_days: at most 2 days", "precise: yes", "label: \"x\""}},
      {"(precise and public_order in stated_aims) or max_detention_days > 30 days",
       {"precise: yes", "stated_aims: at least {public_order}", "max_detention_days: 10 days", "regime: none"}},
      {"some a in stated_aims: not (a in right.aims)",
       {"stated_aims: at most {public_order, public_health}", "precise: no", "notice_days: 3 days"}},
      {"some person p: p.age < 18 years and scope(p) and precise",
       {"scope: at least person where age >= 16 years", "precise: yes", "notice_days: 4 days"}},
      {"precise or (some person p: scope(p))", {"precise: yes", "scope: everyone"}},
  };
  for (const auto& s : setups) {
    Outcome o = solve_one(s);
    INFO(s.condition);
    REQUIRE((o.verdict == Verdict::fails || o.verdict == Verdict::passes));
    check_core(s, o);
  }
}

// A predicate fact stated exactly is substituted into the condition rather than tracked;
// it joins a core only when the verdict no longer holds with the predicate left open.
TEST_CASE("solver: a core names an exactly stated predicate only when the verdict rests on it", "[solver]") {
  Setup s{"precise and (some person p: p.age < 18 years and scope(p))",
          {"precise: no", "scope: person where age >= 16 years"}};
  Outcome o = solve_one(s);
  CHECK(o.verdict == Verdict::passes);
  CHECK(o.core == names({"precise"}));
}

// ---- solver limits ------------------------------------------------------------------------------------

TEST_CASE("solver: with rlimit=1 every decision is undetermined, never passes", "[solver]") {
  std::vector<Setup> setups = {
      {"regime == authorisation", {"regime: notification"}},
      {"notice_days > 7 days", {"notice_days: 3 days"}},
      {"some person p: p.age >= 18 years and not scope(p)", {"scope: at least person where age >= 18 years"}},
      {"some pair a, b differing in protected: scope(a) and not scope(b)", {"scope: everyone"}},
      {"every person p: scope(p)", {"scope: no one"}},
  };
  for (auto s : setups) {
    INFO(s.condition);
    REQUIRE(solve_one(s).verdict == Verdict::passes); // without a limit
    s.rlimit = 1;
    Outcome o = solve_one(s);
    CHECK(o.verdict == Verdict::undetermined);
    CHECK(o.core.empty());
    CHECK_FALSE(o.has_witness);
    CHECK_FALSE(o.reason.empty());
  }
}

// ---- provisions whose facts contradict each other -------------------------------------------------------
//
// Each fact is its own variable, so two stated facts can never contradict each other;
// what can is a single fact against what the vocabulary allows (durations and counts are
// never negative).

TEST_CASE("a provision whose facts cannot hold is E0301, and its decisions are undetermined", "[solver][check]") {
  Setup s{"notice_days > 7 days", {"notice_days: at most -1 days", "precise: yes"}};
  Loaded loaded = load_files({{"base.sir", base_rules}, {"t.sir", corpus(s)}});
  INFO(render_all(loaded.diagnostics, {}));
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  const model::Model& m = loaded.model;
  const auto& provision = m.provisions.at(static_cast<std::size_t>(m.find_provision("l.p")));

  solve::Engine engine(m, {});
  engine.begin(provision);
  std::vector<int> core;
  auto consistent = engine.consistent(core);
  engine.end();
  REQUIRE(consistent.has_value());
  CHECK_FALSE(*consistent);
  REQUIRE(core.size() == 1);
  CHECK(m.facts.at(static_cast<std::size_t>(core[0])).name == "notice_days");

  std::string text = corpus(s);
  std::string at = "E0301@" + std::to_string(line_of(text, "provision p")) + ":13"; // the provision's name
  check::Options options;
  options.jobs = 1;
  Diagnostics lint;
  check::rule_set_checks(m, options, lint);
  auto ids = ids_at(lint);
  CHECK(std::count(ids.begin(), ids.end(), at) == 1);
  for (const auto& d : lint.all())
    if (d.id == "E0301") {
      REQUIRE(d.notes.size() == 1); // only the fact that cannot hold, not `precise`
      auto lc = d.notes[0].span.file->line_col(d.notes[0].span.begin);
      CHECK(lc.line == line_of(text, "notice_days: at most -1 days"));
    }

  Diagnostics diagnostics;
  auto result = check::run(m, options, diagnostics);
  ids = ids_at(diagnostics);
  CHECK(std::count(ids.begin(), ids.end(), at) == 1);
  REQUIRE(result.findings.size() == 1);
  const auto& f = result.findings[0];
  CHECK(f.verdict == Verdict::undetermined);
  CHECK(f.note == "the provision's facts contradict each other");
  REQUIRE(f.because.size() == 1);
  CHECK(f.because[0].fact == "notice_days");
}

TEST_CASE("consistent provisions raise no E0301", "[solver][check]") {
  Setup s{"notice_days > 7 days",
          {"notice_days: 5..10 days", "stated_aims: at least {public_order}",
           "scope: at most person where age >= 18 years", "regime: one of {none, notification}", "precise: yes"}};
  Loaded loaded = load_files({{"base.sir", base_rules}, {"t.sir", corpus(s)}});
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  Diagnostics lint;
  check::rule_set_checks(loaded.model, {}, lint);
  auto ids = ids_at(lint);
  CHECK(std::none_of(ids.begin(), ids.end(), [](const std::string& id) { return id.rfind("E0301", 0) == 0; }));
}
