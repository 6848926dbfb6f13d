// `siracusa fmt`: its default paths (the project's own files, or a look at the bundled
// corpus) and `--diff`, whose output is a unified diff that patch applies.
#include "support.hpp"

#include "diff.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;
using siracusa::cli::unified_diff;
namespace fs = std::filesystem;

namespace {

const std::string untidy = "enum   colour{red,green}\n\n\n\nfact   painted :bool\n";

} // namespace

TEST_CASE("unified_diff: hunks with three lines of context, GNU ranges, missing final newline", "[fmt][diff]") {
  CHECK(unified_diff("a.sir", "same\n", "same\n").empty());
  CHECK(unified_diff("a.sir", "one\ntwo\nthree\n", "one\n2\nthree\n") == "--- a/a.sir\n+++ b/a.sir\n"
                                                                         "@@ -1,3 +1,3 @@\n"
                                                                         " one\n-two\n+2\n three\n");
  // From nothing, and to nothing: an empty side starts at line 0.
  CHECK(unified_diff("a.sir", "", "x\n") == "--- a/a.sir\n+++ b/a.sir\n@@ -0,0 +1 @@\n+x\n");
  CHECK(unified_diff("a.sir", "x\n", "") == "--- a/a.sir\n+++ b/a.sir\n@@ -1 +0,0 @@\n-x\n");
  CHECK(unified_diff("a.sir", "x", "x\n") ==
        "--- a/a.sir\n+++ b/a.sir\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n");
  // Changes more than six lines apart are two hunks; closer ones share one.
  std::string before;
  for (int i = 1; i <= 20; ++i)
    before += std::to_string(i) + "\n";
  std::string two = before;
  two.replace(two.find("2\n"), 2, "two\n");
  two.replace(two.find("19\n"), 3, "nineteen\n");
  std::string diff = unified_diff("n", before, two);
  CHECK(diff.find("@@ -1,5 +1,5 @@\n") != std::string::npos);
  CHECK(diff.find("@@ -16,5 +16,5 @@\n") != std::string::npos);
  std::string one = before;
  one.replace(one.find("2\n"), 2, "two\n");
  one.replace(one.find("8\n"), 2, "eight\n");
  CHECK(unified_diff("n", before, one).find("@@ -1,11 +1,11 @@\n") != std::string::npos);
}

TEST_CASE("fmt --diff prints what would change, exits 1 and changes nothing", "[cli][fmt]") {
  TempDir dir;
  dir.write("rules/untidy.sir", untidy);
  dir.write("rules/tidy.sir", "enum shape {\n  round, square\n}\n");
  Run diff = run_in(dir.path(), "fmt --diff rules");
  INFO(diff.err);
  CHECK(diff.status == 1);
  CHECK(diff.err.empty());
  CHECK(diff.out.rfind("--- a/rules/untidy.sir\n+++ b/rules/untidy.sir\n@@ ", 0) == 0);
  CHECK(diff.out.find("rules/tidy.sir") == std::string::npos); // only the file that would change
  CHECK(read_file(dir.path() / "rules" / "untidy.sir") == untidy);
  // What --diff shows is what fmt writes: applied with patch, it gives fmt's result.
  if (run_command("command -v patch").status == 0) {
    dir.write("changes.diff", diff.out);
    Run patch = run_command("cd '" + dir.path().string() + "' && patch -p1 -s < changes.diff");
    REQUIRE(patch.status == 0);
    std::string patched = read_file(dir.path() / "rules" / "untidy.sir");
    dir.write("rules/untidy.sir", untidy);
    REQUIRE(run_in(dir.path(), "fmt rules").status == 0);
    CHECK(read_file(dir.path() / "rules" / "untidy.sir") == patched);
  } else {
    WARN("`patch` is not installed; --diff is not applied");
  }
  // Nothing to change: no output, exit 0.
  Run clean = run_in(dir.path(), "fmt --diff rules/tidy.sir");
  CHECK(clean.status == 0);
  CHECK(clean.out.empty());
}

TEST_CASE("fmt with no path formats the project's own files, not the bundled corpus", "[cli][fmt]") {
  TempDir dir;
  dir.write("siracusa.toml", "[corpus]\npaths = [\"@siracusa/rules\", \"laws\"]\n");
  dir.write("laws/untidy.sir", untidy);
  Run check = run_in(dir.path() / "laws", "fmt --check");
  INFO(check.err);
  CHECK(check.status == 1);
  // Relative to where it runs, and only the project's file.
  CHECK(check.out == "untidy.sir\n");
  Run rewrite = run_in(dir.path(), "fmt");
  CHECK(rewrite.status == 0);
  CHECK(read_file(dir.path() / "laws" / "untidy.sir") != untidy);
  CHECK(run_in(dir.path(), "fmt --check").status == 0);
}

TEST_CASE("fmt with no path and no project looks at the bundled corpus and never rewrites it", "[cli][fmt]") {
  TempDir dir;
  Run check = run_in(dir.path(), "fmt --check");
  INFO(check.err);
  CHECK(check.status == 0); // the bundled corpus is in the canonical layout
  CHECK(run_in(dir.path(), "fmt --diff").status == 0);
  Run rewrite = run_in(dir.path(), "fmt");
  CHECK(rewrite.status == 2);
  CHECK(rewrite.err.find("siracusa: error[E0009]: `fmt` without paths rewrites the files of a project") !=
        std::string::npos);
}
