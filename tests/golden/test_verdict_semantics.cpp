// Independent checks of what every finding claims, re-derived from the model rather than
// from the engine's own bookkeeping: a provision reported not applicable states nothing
// of its own on the test's subject; an unassessed one leaves unstated exactly facts its
// test reads; a finding's basis is the weakest of the facts it rests on and its sources
// are theirs; a duty fails only where a source reports it absent and nothing implements
// it, and good practice never fails. Run on every golden case and the bundled corpus.
#include "support.hpp"

#include "check/check.hpp"
#include "model/resolve.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace siracusa;
using namespace siracusa::testing;
namespace fs = std::filesystem;

namespace {

void check_finding(const model::Model& model, const check::Finding& f) {
  INFO(f.id << " (" << solve::verdict_name(f.verdict) << ")");
  int test_index = model.find_test(f.test->id);
  REQUIRE(test_index >= 0);
  const model::Test& test = model.tests[static_cast<std::size_t>(test_index)];
  const model::Provision* provision = nullptr;
  if (f.provision)
    provision = &model.provisions[static_cast<std::size_t>(model.find_provision(f.provision->id))];

  // Strength comes from the test; a duty of good practice is never more than a concern.
  bool good_practice = test.duty >= 0 && model.duties[static_cast<std::size_t>(test.duty)].good_practice;
  CHECK(f.strength == (good_practice ? model::Strength::concern : test.strength));
  CHECK(f.good_practice == good_practice);

  // Basis: the weakest among the facts it rests on; sources: theirs, sorted, once each.
  std::optional<model::Basis> weakest;
  std::set<std::pair<std::string, int>> paras;
  for (const auto& c : f.because) {
    if (!weakest || static_cast<int>(c.basis) > static_cast<int>(*weakest))
      weakest = c.basis;
    for (const auto& s : c.sources)
      paras.insert({s.document, s.para});
  }
  CHECK(f.basis == weakest);
  std::set<std::pair<std::string, int>> listed;
  for (const auto& s : f.sources)
    listed.insert({s.document, s.para});
  CHECK(listed == paras);
  CHECK(listed.size() == f.sources.size());

  switch (f.verdict) {
  case solve::Verdict::not_applicable:
    REQUIRE(provision != nullptr);
    CHECK(f.because.empty());
    CHECK_FALSE(f.witness);
    CHECK_FALSE(test.about.empty());
    for (int fact : test.about) {
      const model::StatedFact* stated = provision->find(fact);
      CHECK((stated == nullptr || stated->inherited));
    }
    break;
  case solve::Verdict::unassessed:
    CHECK_FALSE(f.missing.empty());
    CHECK(f.because.empty());
    CHECK_FALSE(f.witness);
    if (provision) {
      auto read = model::facts_used(*test.condition);
      for (const auto& name : f.missing) {
        int fact = model.find_fact(name);
        INFO(name);
        REQUIRE(fact >= 0);
        CHECK(provision->find(fact) == nullptr);
        CHECK(std::find(read.begin(), read.end(), fact) != read.end());
      }
    }
    break;
  case solve::Verdict::fails:
    if (!provision && test.criterion == model::Criterion::positive_obligation) {
      CHECK_FALSE(good_practice);
      for (const auto& c : f.because)
        CHECK(c.fact == "reported_absent");
    }
    CHECK(f.missing.empty());
    break;
  default:
    CHECK(f.missing.empty());
    break;
  }
}

void check_corpus(const std::vector<std::string>& paths) {
  Diagnostics diagnostics;
  auto model = model::load_model(paths, diagnostics, {});
  REQUIRE_FALSE(diagnostics.has_errors());
  check::Options options;
  options.jobs = 1;
  auto result = check::run(model, options, diagnostics);
  REQUIRE_FALSE(result.findings.empty());
  for (const auto& f : result.findings)
    check_finding(model, f);
}

} // namespace

TEST_CASE("every finding's verdict, basis, sources and strength follow from the model", "[golden][semantics]") {
  fs::path root = fs::path(source_dir()) / "tests" / "golden" / "findings";
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory())
      continue;
    DYNAMIC_SECTION(entry.path().filename().string()) {
      check_corpus({entry.path().string()});
    }
  }
  SECTION("bundled corpus") {
    check_corpus({source_dir() + "/rules", source_dir() + "/laws"});
  }
}
