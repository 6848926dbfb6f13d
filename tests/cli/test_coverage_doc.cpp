// docs/coverage.md is generated (scripts/coverage.sh); this fails when it is out of date,
// so that the committed mapping of the Kazakhstan statement is what the rules produce.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;

TEST_CASE("docs/coverage.md is what `siracusa coverage` writes for laws/kz", "[cli][coverage]") {
  Run run = run_command("cd '" + source_dir() + "' && NO_COLOR=1 timeout 300 " + binary() +
                        " coverage kz-ngo-2025 rules laws/kz --notes laws/kz/coverage-notes.txt");
  INFO(run.err);
  REQUIRE(run.status == 0);
  INFO("regenerate it with scripts/coverage.sh");
  CHECK(run.out == read_file(source_dir() + "/docs/coverage.md"));
}
