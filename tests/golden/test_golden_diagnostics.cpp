// Golden diagnostics: every case under tests/golden/diagnostics/ is loaded as `lint`
// loads it (load, resolve, then the rule-set checks when there are no errors) and its
// rendered diagnostics, without colour, are compared with the `.expected` file beside it.
//
// A case is a `<case>.sir` file (expected output in `<case>.expected`) or a `<case>/`
// folder (expected output in `<case>.expected`, beside the folder). Names starting with
// `_` are shared files that cases import, not cases.
//
// Rebaseline after an intended change of wording or layout, then review the diff:
//   SIRACUSA_REBASELINE=1 ./build/tests/siracusa_tests "[golden]"
#include "support.hpp"

#include "check/check.hpp"
#include "model/resolve.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>

using namespace siracusa;
using namespace siracusa::testing;
namespace fs = std::filesystem;

namespace {

fs::path golden_root() {
  return fs::path(source_dir()) / "tests" / "golden" / "diagnostics";
}

bool rebaselining() {
  const char* value = std::getenv("SIRACUSA_REBASELINE");
  return value != nullptr && std::string(value) == "1";
}

struct Case {
  std::string name;
  fs::path input;    // a file or a folder
  fs::path expected; // <name>.expected
};

std::vector<Case> golden_cases() {
  std::vector<Case> cases;
  for (const auto& entry : fs::directory_iterator(golden_root())) {
    std::string file = entry.path().filename().string();
    if (file.empty() || file.front() == '_' || file.front() == '.')
      continue;
    if (entry.is_directory()) {
      cases.push_back({file, entry.path(), golden_root() / (file + ".expected")});
    } else if (entry.path().extension() == ".sir") {
      std::string name = entry.path().stem().string();
      cases.push_back({name, entry.path(), golden_root() / (name + ".expected")});
    }
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return cases;
}

// What `siracusa lint --color never` prints for the case, minus the summary line.
std::string render_case(const Case& c) {
  Diagnostics diagnostics;
  model::LoadOptions options;
  options.display_root = golden_root();
  model::Model model = model::load_model({c.input.string()}, diagnostics, options);
  if (!diagnostics.has_errors())
    check::rule_set_checks(model, check::Options{}, diagnostics);
  diagnostics.sort();
  return render_all(diagnostics, RenderOptions{false});
}

} // namespace

TEST_CASE("rendered diagnostics match the golden files", "[golden]") {
  auto cases = golden_cases();
  REQUIRE(cases.size() >= 10);
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.name) {
      std::string actual = render_case(c);
      if (rebaselining()) {
        std::ofstream out(c.expected, std::ios::binary | std::ios::trunc);
        out << actual;
        SUCCEED("rebaselined " << c.expected.string());
      } else {
        INFO("golden file: " << c.expected.string());
        INFO("to accept a new output: SIRACUSA_REBASELINE=1 siracusa_tests \"[golden]\"");
        REQUIRE(fs::exists(c.expected));
        std::string expected = read_file(c.expected);
        CHECK(actual == expected);
        // A golden file that expects nothing proves nothing.
        CHECK(!expected.empty());
      }
    }
  }
}

TEST_CASE("every golden .expected file belongs to a case", "[golden]") {
  std::set<fs::path> expected;
  for (const auto& c : golden_cases())
    expected.insert(c.expected);
  for (const auto& entry : fs::directory_iterator(golden_root())) {
    if (entry.path().extension() != ".expected")
      continue;
    INFO("orphan golden file: " << entry.path().string());
    CHECK(expected.count(entry.path()) == 1);
  }
}

TEST_CASE("golden outputs are deterministic", "[golden]") {
  // Loading twice (and from a different working folder) renders the same bytes.
  auto cases = golden_cases();
  REQUIRE(!cases.empty());
  for (const auto& c : cases) {
    auto before = fs::current_path();
    std::string first = render_case(c);
    fs::current_path(fs::temp_directory_path());
    std::string second = render_case(c);
    fs::current_path(before);
    INFO(c.name);
    CHECK(first == second);
  }
}
