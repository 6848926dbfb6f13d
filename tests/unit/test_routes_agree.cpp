// The two routes agree on everything a user sees: on random rule files with their own
// vocabularies (tests/fuzz/generate.hpp), the default route (fast path first) and
// --all-z3 give every decision the same verdict, core, witness and note, every core forces
// its verdict on its own (re-checked by Z3), and every witness, stated as the provision's
// facts, makes the provision fail on both routes. SIRACUSA_ROUTES_LONG=1 tries 1000 files
// instead of 15; SIRACUSA_ROUTES_SEED=N tries file N alone (to study a failure).
#include "support.hpp"

#include "check/check.hpp"
#include "generate.hpp"
#include "harness.hpp"
#include "model/print.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>

using namespace siracusa;
using namespace siracusa::testing;

namespace {

std::uint64_t files_to_try() {
  const char* value = std::getenv("SIRACUSA_ROUTES_LONG");
  return value && std::string(value) == "1" ? 1000 : 15;
}

std::uint64_t first_file() {
  const char* value = std::getenv("SIRACUSA_ROUTES_SEED");
  return value ? std::stoull(value) : 1;
}

struct Checked {
  model::Model model;
  check::Result fast;
  check::Result audit;
};

std::optional<Checked> check_both(const std::string& text, Loaded& loaded) {
  loaded = load_files({{"rules.sir", text}});
  if (loaded.diagnostics.has_errors())
    return std::nullopt;
  Checked out;
  check::Options options;
  options.jobs = 1;
  options.solver.timeout_ms = 2000;
  check::Options audit = options;
  audit.all_z3 = true;
  Diagnostics d1, d2;
  out.fast = check::run(loaded.model, options, d1);
  out.audit = check::run(loaded.model, audit, d2);
  return out;
}

// The provision again, as `pw`, with every value the witness names stated exactly.
std::string pinned_provision(const model::Model& m, const model::Provision& p, const check::Witness& w) {
  std::string out = "  provision pw {\n    restricts: r\n";
  for (const auto& stated : p.facts) {
    const std::string& name = m.facts[static_cast<std::size_t>(stated.fact)].name;
    bool pinned = false;
    for (const auto& v : w.facts)
      pinned = pinned || v.name == name;
    if (!pinned)
      out += "    " + name + ": " + model::to_text(stated.value, m) + "\n";
  }
  for (const auto& v : w.facts)
    out += "    " + v.name + ": " + v.value + "\n";
  return out + "    source: doc para 1\n  }\n";
}

} // namespace

TEST_CASE("the routes agree on verdicts, cores, witnesses and notes of generated vocabularies",
          "[routes][fast][solver]") {
  std::size_t clean = 0;
  std::size_t decisions = 0;
  std::size_t fast = 0;
  std::uint64_t first = first_file();
  std::uint64_t count = first > 1 ? 1 : files_to_try();
  for (std::uint64_t seed = first; seed < first + count; ++seed) {
    std::string text = fuzz::generate_rules(seed);
    if (first > 1)
      std::cout << text; // unwrapped, to run by hand
    if (fuzz::lint(text).ok && !load_files({{"rules.sir", text}}).diagnostics.has_errors())
      ++clean;
    auto outcome = fuzz::routes_agree(text);
    INFO("seed " << seed << "\n" << text);
    REQUIRE(outcome.problem == "");
    decisions += outcome.decisions;
    fast += outcome.fast;
  }
  if (first > 1)
    return;
  // The generator must give files that check, and decisions both routes settle.
  CHECK(clean * 4 >= count * 3);
  CHECK(decisions > count * 10);
  CHECK(fast * 4 > decisions);
  CHECK(fast < decisions);
}

TEST_CASE("a witness, stated as the provision's facts, makes it fail on both routes", "[routes][fast][solver]") {
  std::size_t pinned = 0;
  std::uint64_t count = files_to_try() / 2;
  for (std::uint64_t seed = 1; seed <= count; ++seed) {
    std::string text = fuzz::generate_rules(seed);
    Loaded loaded;
    auto both = check_both(text, loaded);
    if (!both)
      continue;
    const model::Model& m = loaded.model;
    for (const auto& f : both->fast.findings) {
      if (!f.provision || f.conflict || !f.witness || !f.witness->persons.empty())
        continue;
      if (f.verdict != check::Verdict::fails && f.verdict != check::Verdict::may_fail)
        continue;
      // A predicate at a person cannot be stated as a fact; a predicate's whole extension
      // (`no one`, `person where ...`) can.
      bool plain = true;
      for (const auto& v : f.witness->facts)
        plain = plain && v.name.find('(') == std::string::npos && m.find_fact(v.name) >= 0 && v.value != "not stated";
      if (!plain)
        continue;
      const model::Provision& p = m.provisions[static_cast<std::size_t>(m.find_provision(f.provision->id))];
      std::string with = text;
      with.insert(with.rfind("}\n"), pinned_provision(m, p, *f.witness));
      Loaded again;
      INFO("seed " << seed << ", " << f.id << "\n" << with);
      auto rechecked = check_both(with, again);
      REQUIRE(rechecked);
      std::string id = "l.pw/r/" + f.test->id;
      for (const auto* result : {&rechecked->fast, &rechecked->audit})
        for (const auto& g : result->findings)
          if (g.id == id) {
            CHECK(solve::verdict_name(g.verdict) == std::string("fails"));
            ++pinned;
          }
    }
  }
  CHECK(pinned > 10);
}

TEST_CASE("an enum of more than 64 members: a member past the 64th is told apart on both routes",
          "[routes][fast][solver]") {
  std::string members;
  for (int i = 1; i <= 70; ++i)
    members += (i > 1 ? ", m" : "m") + std::to_string(i);
  std::string text =
      "document doc {\n  title: \"A source\"\n  paragraphs: 1..10\n}\n"
      "enum aim for aims { public_order }\nenum legal_order for level { constitution, code, law }\nenum kinds { " +
      members +
      " }\nfact kind: kinds\nright r {\n  article: 21\n  title: \"R\"\n}\n"
      "jurisdiction xx {\n  title: \"X\"\n}\n"
      "test t {\n  applies to: r\n  criterion: necessity\n  strength: concern\n"
      "  fails when: kind == m65\n  cites: covenant art 21\n  explanation: \"e\"\n"
      "  recommendation: \"r\"\n}\n"
      "law l {\n  title: \"L\"\n  jurisdiction: xx\n  level: law\n"
      "  provision p {\n    restricts: r\n    kind: m1\n    source: doc para 1\n  }\n"
      "  provision q {\n    restricts: r\n    kind: m65\n    source: doc para 2\n  }\n}\n";
  Loaded loaded;
  auto both = check_both(text, loaded);
  INFO(render_all(loaded.diagnostics, {}));
  REQUIRE(both);
  for (const auto* result : {&both->fast, &both->audit}) {
    REQUIRE(result->findings.size() == 2);
    CHECK(solve::verdict_name(result->findings[0].verdict) == std::string("passes"));
    CHECK(solve::verdict_name(result->findings[1].verdict) == std::string("fails"));
    REQUIRE(result->findings[0].because.size() == 1);
    CHECK(result->findings[0].because[0].statement == "kind: m1");
  }
  CHECK(fuzz::routes_agree(text).problem == "");
}

TEST_CASE("where either of two facts forces the verdict, both routes blame the one declared first",
          "[routes][fast][solver]") {
  // The case: the fast path blamed one fact and Z3 the other.
  std::string text = "document doc {\n  title: \"A source\"\n  paragraphs: 1..10\n}\n"
                     "enum aim for aims { public_order }\nenum legal_order for level { constitution, code, law }\nfact "
                     "discretion: bool\nfact precise: bool\n"
                     "right r {\n  article: 21\n  title: \"R\"\n}\njurisdiction xx {\n  title: \"X\"\n}\n"
                     "test t {\n  applies to: r\n  criterion: legality\n  strength: concern\n"
                     "  fails when: discretion or not precise\n  cites: covenant art 21\n  explanation: \"e\"\n"
                     "  recommendation: \"r\"\n}\n"
                     "law l {\n  title: \"L\"\n  jurisdiction: xx\n  level: law\n"
                     "  provision p {\n    restricts: r\n    precise: no\n    discretion: yes\n"
                     "    source: doc para 1\n  }\n}\n";
  Loaded loaded;
  auto both = check_both(text, loaded);
  INFO(render_all(loaded.diagnostics, {}));
  REQUIRE(both);
  for (const auto* result : {&both->fast, &both->audit}) {
    REQUIRE(result->findings.size() == 1);
    CHECK(solve::verdict_name(result->findings[0].verdict) == std::string("fails"));
    REQUIRE(result->findings[0].because.size() == 1);
    CHECK(result->findings[0].because[0].fact == "discretion");
  }
  CHECK(both->fast.findings[0].route == check::Route::fast);
  CHECK(both->audit.findings[0].route == check::Route::z3);
}

TEST_CASE("values in other units of their family are decided alike on both routes, as if written in the fact's unit",
          "[routes][fast][solver][units]") {
  auto file = [](const std::string& notice, const std::string& ban, const std::string& threshold) {
    return "document doc {\n  title: \"A source\"\n  paragraphs: 1..10\n}\n"
           "enum legal_order for level { constitution, code, law }\n"
           "fact notice_days: days\nfact ban_months: months\n"
           "right r {\n  article: 21\n  title: \"R\"\n}\njurisdiction xx {\n  title: \"X\"\n}\n"
           "test long_notice {\n  applies to: r\n  criterion: proportionality\n  strength: concern\n"
           "  fails when: notice_days > " +
           threshold +
           "\n  cites: covenant art 21\n  explanation: \"e\"\n  recommendation: \"r\"\n}\n"
           "test long_ban {\n  applies to: r\n  criterion: proportionality\n  strength: concern\n"
           "  fails when: ban_months >= 2 years\n  cites: covenant art 21\n  explanation: \"e\"\n"
           "  recommendation: \"r\"\n}\n"
           "law l {\n  title: \"L\"\n  jurisdiction: xx\n  level: law\n"
           "  provision p {\n    restricts: r\n    notice_days: " +
           notice + "\n    ban_months: " + ban + "\n    source: doc para 1\n  }\n}\n";
  };
  // Written in other units, then in the facts' own: the same verdicts, cores and
  // witnesses on both routes (the witness of a range is a value in the fact's unit).
  std::string other = file("48..168 hours", "18 months..3 years", "120 hours");
  std::string own = file("2..7 days", "18..36 months", "5 days");
  for (const auto* text : {&other, &own}) {
    INFO(*text);
    auto outcome = fuzz::routes_agree(*text);
    CHECK(outcome.problem == "");
    CHECK(outcome.decisions == 2);
  }
  Loaded a, b;
  auto in_other = check_both(other, a);
  auto in_own = check_both(own, b);
  INFO(render_all(a.diagnostics, {}) << render_all(b.diagnostics, {}));
  REQUIRE(in_other);
  REQUIRE(in_own);
  for (const auto* result : {&in_other->fast, &in_other->audit, &in_own->fast, &in_own->audit}) {
    REQUIRE(result->findings.size() == 2);
    for (const auto& f : result->findings) {
      CHECK(solve::verdict_name(f.verdict) == std::string("may_fail"));
      REQUIRE(f.witness);
      REQUIRE(f.witness->facts.size() == 1);
    }
  }
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(in_other->fast.findings[i].witness->facts[0].value == in_own->fast.findings[i].witness->facts[0].value);
    CHECK(in_other->audit.findings[i].witness->facts[0].value == in_own->audit.findings[i].witness->facts[0].value);
    CHECK(in_other->fast.findings[i].witness->facts[0].value == in_other->audit.findings[i].witness->facts[0].value);
  }
  // Each witness is in its fact's unit (days, months), not in the unit written.
  for (const auto& f : in_other->audit.findings) {
    const auto& v = f.witness->facts[0];
    std::string unit = v.name == "notice_days" ? " days" : " months";
    CHECK(v.value.size() > unit.size());
    CHECK(v.value.compare(v.value.size() - unit.size(), unit.size(), unit) == 0);
  }
}
