// The law in time and its amendments (engine/amend), and the incremental re-check a diff
// relies on: re-deciding only the provisions a change touched gives the same findings as
// deciding everything again.
#include "support.hpp"

#include "amend/amend.hpp"
#include "amend/diff.hpp"
#include "check/check.hpp"
#include "generator.hpp"
#include "report/report.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace siracusa;
using namespace siracusa::testing;

namespace {

std::string json_of(const model::Model& model, const check::Result& result) {
  report::ReportInfo info;
  info.version = "test";
  info.include_all = true;
  return report::render_json(result, model, info);
}

// A model with dates and amendments: a law in force from 2010, a provision added in 2015
// and repealed in 2020, an enacted amendment of 2018, and a draft.
const char* const timeline = R"sir(
import "base.sir"

law l {
  title: "L"
  jurisdiction: xx
  level: law
  adopted: 2009
  effective: 2010-01-01
  source: doc para 1

  provision old {
    restricts: art19
    precise: no
    source: doc para 2
  }

  provision later {
    restricts: art19
    precise: no
    effective: 2015-07
    repealed: 2020-03-01
    source: doc para 3
  }
}

amendment enacted_2018 {
  title: "Defines the terms"
  adopted: 2018-05-01
  effective: 2018-06-01
  amends l.old {
    change precise: yes
  }
}

amendment draft {
  title: "A proposal"
  amends l.later {
    change precise: yes
  }
}
)sir";

struct Timeline {
  Loaded loaded;
  explicit Timeline(const std::string& extra = "") : loaded(with_base(std::string(timeline) + extra)) {}
  model::Model at(const std::string& day, std::vector<int> drafts, amend::Outcome& outcome, Diagnostics& d) {
    amend::Request request;
    if (!day.empty())
      request.as_of = amend::parse_day(day);
    request.drafts = std::move(drafts);
    return amend::law_as_of(loaded.model, request, outcome, d);
  }
  static Loaded with_base(const std::string& main) {
    return load_files({{"base.sir", base_rules}, {"main.sir", main}});
  }
};

bool in_force(const model::Model& m, const std::string& id) {
  return m.provisions[static_cast<std::size_t>(m.find_provision(id))].in_force;
}

bool states_precise(const model::Model& m, const std::string& id, bool value) {
  const auto& p = m.provisions[static_cast<std::size_t>(m.find_provision(id))];
  int fact = m.find_fact("precise");
  const auto* stated = p.find(fact);
  return stated && stated->value.values.front()->number == (value ? 1 : 0);
}

} // namespace

TEST_CASE("amend: provisions are in force between their effective date and their end", "[amend]") {
  Timeline t;
  REQUIRE_FALSE(t.loaded.diagnostics.has_errors());
  Diagnostics d;
  amend::Outcome o;
  auto before_law = t.at("2009-12-31", {}, o, d);
  CHECK_FALSE(in_force(before_law, "l.old"));
  auto first_day = t.at("2010-01-01", {}, o, d);
  CHECK(in_force(first_day, "l.old"));
  // `2015-07` is a month: the provision counts from its first day.
  CHECK_FALSE(in_force(t.at("2015-06-30", {}, o, d), "l.later"));
  CHECK(in_force(t.at("2015-07-01", {}, o, d), "l.later"));
  // Repealed on 2020-03-01: in force the day before, not on the day.
  CHECK(in_force(t.at("2020-02-29", {}, o, d), "l.later"));
  CHECK_FALSE(in_force(t.at("2020-03-01", {}, o, d), "l.later"));
  CHECK(o.out_of_force == 1);
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("amend: an enacted amendment applies from its effective date, a draft only when asked", "[amend]") {
  Timeline t;
  Diagnostics d;
  amend::Outcome o;
  auto day_before = t.at("2018-05-31", {}, o, d);
  CHECK(states_precise(day_before, "l.old", false));
  CHECK(o.pending.size() == 1);
  CHECK(o.drafts_not_applied.size() == 1);
  auto day_of = t.at("2018-06-01", {}, o, d);
  CHECK(states_precise(day_of, "l.old", true));
  CHECK(o.touched.count("l.old") == 1);
  CHECK(states_precise(day_of, "l.later", false));
  // The draft, asked for.
  int draft = t.loaded.model.find_provision("l.later") >= 0 ? 1 : -1;
  auto drafted = t.at("2018-06-01", {draft}, o, d);
  CHECK(states_precise(drafted, "l.later", true));
  CHECK(o.drafts_not_applied.empty());
  // Without a day: the latest date the corpus gives (the repeal of 2020-03-01).
  auto latest = t.at("", {}, o, d);
  REQUIRE(o.as_of);
  CHECK(model::civil_from_days(*o.as_of) == "2018-06-01");
  CHECK(in_force(latest, "l.later"));
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("amend: two amendments of one day that change one fact are a located error", "[amend]") {
  Timeline t(R"sir(
amendment also_2018 {
  title: "Another reading"
  adopted: 2018-05-02
  effective: 2018-06-01
  amends l.old {
    change precise: no
  }
}
)sir");
  REQUIRE_FALSE(t.loaded.diagnostics.has_errors());
  Diagnostics d;
  amend::Outcome o;
  t.at("2019-01-01", {}, o, d);
  d.sort();
  CHECK(ids_at(d) == std::vector<std::string>{"E0501@48:5"});
}

TEST_CASE("amend: a re-check of the touched provisions equals a full check", "[amend][fast]") {
  auto rules = std::filesystem::path(source_dir()) / "rules" / "iccpr";
  Diagnostics vocabulary_diagnostics;
  auto vocabulary = model::load_model({rules.string()}, vocabulary_diagnostics);
  REQUIRE_FALSE(vocabulary_diagnostics.has_errors());
  for (std::uint64_t seed : {3ULL, 99ULL}) {
    TempDir dir;
    bench::CorpusSpec spec;
    spec.provisions = 150;
    spec.provisions_per_law = 50;
    spec.seed = seed;
    bench::write_corpus(vocabulary, rules, dir.path(), spec);
    Diagnostics diagnostics;
    auto before = model::load_model({dir.path().string()}, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    // Change some provisions as an amendment would: take another provision's facts, drop
    // a fact, or take the provision out of force.
    model::Model after = before;
    std::set<std::string> touched;
    std::mt19937_64 random(seed);
    for (std::size_t i = 0; i < after.provisions.size(); i += 7) {
      auto& p = after.provisions[i];
      switch (random() % 3) {
      case 0:
        p.facts = after.provisions[(i * 13 + 5) % after.provisions.size()].facts;
        break;
      case 1:
        if (!p.facts.empty())
          p.facts.erase(p.facts.begin());
        break;
      default:
        p.in_force = false;
      }
      touched.insert(p.id);
    }
    check::Options options;
    options.jobs = 2;
    Diagnostics d;
    auto previous = check::run(before, options, d);
    auto full = check::run(after, options, d);
    auto incremental = check::update(after, previous, touched, options, d);
    INFO("seed " << seed);
    CHECK(json_of(after, incremental) == json_of(after, full));
    // The diff a drafter sees, from the touched provisions alone, is the full diff.
    std::vector<std::string> only(touched.begin(), touched.end());
    check::Options partial = options;
    partial.only_provisions = &only;
    auto fresh = check::run(after, partial, d);
    auto quick = amend::compare_incremental(previous, fresh, touched);
    auto slow = amend::compare(previous, full);
    auto ids = [](const std::vector<const check::Finding*>& list) {
      std::vector<std::string> out;
      for (const auto* f : list)
        out.push_back(f->id);
      return out;
    };
    CHECK(ids(quick.resolved) == ids(slow.resolved));
    CHECK(ids(quick.introduced) == ids(slow.introduced));
    CHECK(quick.changed.size() == slow.changed.size());
    CHECK(quick.unchanged == slow.unchanged);
    CHECK(quick.resolved.size() + quick.introduced.size() + quick.changed.size() > 0);
    // And only the touched provisions were decided again.
    CHECK(incremental.summary.fast_path + incremental.summary.solver < full.summary.fast_path + full.summary.solver);
  }
}

TEST_CASE("diff: resolved, introduced, changed and unchanged", "[amend]") {
  auto finding = [](const std::string& id, check::Verdict v, model::Strength s) {
    check::Finding f;
    f.id = id;
    f.verdict = v;
    f.strength = s;
    return f;
  };
  using V = check::Verdict;
  using S = model::Strength;
  check::Result before;
  before.findings = {finding("a", V::fails, S::per_se), finding("b", V::fails, S::presumptive),
                     finding("c", V::may_fail, S::concern), finding("d", V::passes, S::concern),
                     finding("e", V::unassessed, S::presumptive)};
  check::Result after;
  after.findings = {finding("a", V::passes, S::per_se),          finding("b", V::unassessed, S::presumptive),
                    finding("c", V::may_fail, S::concern),       finding("d", V::fails, S::concern),
                    finding("e", V::unassessed, S::presumptive), finding("f", V::fails, S::presumptive)};
  auto diff = amend::compare(before, after);
  REQUIRE(diff.resolved.size() == 1);
  CHECK(diff.resolved.front()->id == "a");
  REQUIRE(diff.introduced.size() == 2);
  CHECK(diff.introduced[0]->id == "d");
  CHECK(diff.introduced[1]->id == "f");
  REQUIRE(diff.changed.size() == 1);
  CHECK(diff.changed.front().after->id == "b");
  CHECK(diff.unchanged == 2);
  CHECK(amend::introduces_failure(diff, {S::per_se, S::presumptive})); // f
  CHECK_FALSE(amend::introduces_failure(diff, {S::per_se}));
}
