// The progress callbacks of the engine (check::Options::progress, LoadOptions::on_parsed):
// called as work gets done, ending at the whole, and without any effect on the result.
#include "support.hpp"

#include "check/check.hpp"
#include "generator.hpp"
#include "report/report.hpp"

#include <catch2/catch.hpp>

#include <mutex>

using namespace siracusa;
using namespace siracusa::testing;

TEST_CASE("progress callbacks count files and decisions and change nothing", "[progress]") {
  auto rules = std::filesystem::path(source_dir()) / "rules" / "iccpr";
  Diagnostics vocabulary_diagnostics;
  auto vocabulary = model::load_model({rules.string()}, vocabulary_diagnostics);
  REQUIRE_FALSE(vocabulary_diagnostics.has_errors());
  TempDir dir;
  bench::CorpusSpec spec;
  spec.provisions = 300; // several chunks of 64
  spec.provisions_per_law = 30;
  spec.seed = 11;
  bench::write_corpus(vocabulary, rules, dir.path(), spec);

  std::mutex mutex;
  std::vector<std::size_t> parsed;
  model::LoadOptions load;
  load.display_root = dir.path();
  load.on_parsed = [&](std::size_t files) {
    std::lock_guard lock(mutex);
    parsed.push_back(files);
  };
  Diagnostics diagnostics;
  auto corpus = model::load_model({dir.path().string()}, diagnostics, load);
  REQUIRE_FALSE(diagnostics.has_errors());
  // One call per file read, counting up to all of them.
  REQUIRE(parsed.size() == corpus.files.size());
  CHECK(*std::max_element(parsed.begin(), parsed.end()) == corpus.files.size());

  std::vector<check::Progress> calls;
  check::Options with;
  with.jobs = 2;
  with.progress = [&](const check::Progress& p) {
    std::lock_guard lock(mutex);
    calls.push_back(p);
  };
  check::Options without;
  without.jobs = 2;
  Diagnostics d1;
  Diagnostics d2;
  auto watched = check::run(corpus, with, d1);
  auto plain = check::run(corpus, without, d2);
  // One call per chunk; the last (by count) has every provision.
  REQUIRE(calls.size() == (corpus.provisions.size() + 63) / 64);
  std::size_t most = 0;
  std::size_t decisions = 0;
  for (const auto& p : calls) {
    CHECK(p.provisions_total == corpus.provisions.size());
    most = std::max(most, p.provisions_done);
    decisions = std::max(decisions, p.decisions);
  }
  CHECK(most == corpus.provisions.size());
  CHECK(decisions > 0);
  CHECK(decisions <= watched.findings.size());
  report::ReportInfo info;
  CHECK(report::render_json(watched, corpus, info) == report::render_json(plain, corpus, info));
}
