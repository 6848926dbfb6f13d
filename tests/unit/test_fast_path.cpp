// The fast path must be the solver by other means: on generated corpora, every decision
// it settles has the verdict, the core and the witness Z3 gives.
#include "support.hpp"

#include "check/check.hpp"
#include "generator.hpp"

#include <catch2/catch.hpp>

using namespace siracusa;
using namespace siracusa::testing;

TEST_CASE("fast path and Z3 agree on every verdict of generated corpora", "[fast][solver]") {
  auto rules = std::filesystem::path(source_dir()) / "rules" / "iccpr";
  Diagnostics vocabulary_diagnostics;
  auto vocabulary = model::load_model({rules.string()}, vocabulary_diagnostics);
  REQUIRE_FALSE(vocabulary_diagnostics.has_errors());
  for (std::uint64_t seed : {7ULL, 1234ULL}) {
    TempDir dir;
    bench::CorpusSpec spec;
    spec.provisions = 120;
    spec.provisions_per_law = 40;
    spec.seed = seed;
    spec.scope_probability = 0.3;
    bench::write_corpus(vocabulary, rules, dir.path(), spec);
    Diagnostics diagnostics;
    auto corpus = model::load_model({dir.path().string()}, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());

    check::Options fast;
    fast.jobs = 2;
    check::Options audit = fast;
    audit.all_z3 = true;
    Diagnostics fast_diagnostics;
    Diagnostics audit_diagnostics;
    auto by_fast = check::run(corpus, fast, fast_diagnostics);
    auto by_z3 = check::run(corpus, audit, audit_diagnostics);
    REQUIRE(by_fast.findings.size() == by_z3.findings.size());
    CHECK(by_fast.summary.fast_path > by_fast.summary.solver);
    CHECK(by_z3.summary.fast_path == 0);
    std::size_t compared = 0;
    for (std::size_t i = 0; i < by_fast.findings.size(); ++i) {
      const auto& f = by_fast.findings[i];
      const auto& z = by_z3.findings[i];
      REQUIRE(f.id == z.id);
      if (z.verdict == check::Verdict::undetermined)
        continue;
      INFO("seed " << seed << ": " << f.id);
      CHECK(solve::verdict_name(f.verdict) == std::string(solve::verdict_name(z.verdict)));
      // The same core and the same witness, not merely one on both sides.
      std::string fast_core, z3_core;
      for (const auto& c : f.because)
        fast_core += c.statement + "; ";
      for (const auto& c : z.because)
        z3_core += c.statement + "; ";
      CHECK(fast_core == z3_core);
      CHECK(f.witness == z.witness);
      CHECK(f.note == z.note);
      CHECK(f.note_kind == z.note_kind);
      CHECK(f.unestablished == z.unestablished);
      // Single-provision findings come with a scenario; gaps and conflicts have their own.
      if (f.provision && !f.conflict && f.verdict == check::Verdict::may_fail)
        CHECK(f.witness.has_value());
      ++compared;
    }
    CHECK(compared > 500);
  }
}
