// A golden case may state, in `expect` lines written with the case, what each provision
// was written to show. `siracusa test` checks them: an independent check of the verdicts
// in the expected report, which otherwise only records what the engine printed.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace siracusa::testing;
namespace fs = std::filesystem;

TEST_CASE("golden cases: every expectation written with a case is met", "[golden][expectations]") {
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(source_dir() + "/tests/golden/findings")) {
    if (!entry.is_directory() || !fs::exists(entry.path() / "expectations.sir"))
      continue;
    ++cases;
    DYNAMIC_SECTION(entry.path().filename().string()) {
      Run run = run_command("NO_COLOR=1 " + binary() + " test " + entry.path().string());
      INFO(run.out << run.err);
      CHECK(run.status == 0);
      CHECK(run.out.find(" 0 not met") != std::string::npos);
    }
  }
  CHECK(cases > 0);
}
