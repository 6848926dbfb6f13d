// Every input a fuzz campaign found (tests/fuzz/regressions/<target>/) keeps the
// property of its target, checked through the same function the target calls, without
// a fuzzer. Every reproducer must also lint without breaking.
#include "support.hpp"

#include "harness.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace siracusa;
using namespace siracusa::testing;

namespace {

std::vector<std::filesystem::path> reproducers(const std::string& target) {
  std::vector<std::filesystem::path> files;
  auto folder = std::filesystem::path(source_dir()) / "tests" / "fuzz" / "regressions" / target;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.is_regular_file())
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

void check_target(const std::string& target) {
  auto property = fuzz::property(target);
  REQUIRE(property != nullptr);
  auto files = reproducers(target);
  REQUIRE_FALSE(files.empty());
  for (const auto& file : files) {
    INFO(file.string());
    std::string text = read_file(file);
    auto linted = fuzz::lint(text);
    CHECK(linted.problem == "");
    auto outcome = property(text);
    CHECK(outcome.problem == "");
    CHECK(outcome.ok);
  }
}

} // namespace

TEST_CASE("fuzz reproducers of the lint target", "[fuzz]") {
  check_target("lint");
}

TEST_CASE("fuzz reproducers of the format target", "[fuzz]") {
  check_target("format");
}

TEST_CASE("fuzz reproducers of the check target", "[fuzz]") {
  check_target("check");
}
