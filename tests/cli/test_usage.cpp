// The command line itself: `siracusa` alone, and mistakes answered in our words with a
// suggestion, never with a library's message.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;

TEST_CASE("siracusa with no command prints the help and exits 2", "[cli][usage]") {
  TempDir dir;
  for (const char* arguments : {"", "-v", "--color never"}) {
    DYNAMIC_SECTION("siracusa " << arguments) {
      Run run = run_in(dir.path(), arguments);
      CHECK(run.status == 2);
      CHECK(run.out.find("Usage:") != std::string::npos);
      CHECK(run.out.find("init") != std::string::npos);
      CHECK(run.out.find("vocab") != std::string::npos);
      CHECK(run.err.empty());
    }
  }
  // --help is the same text, and succeeds.
  Run help = run_in(dir.path(), "--help");
  CHECK(help.status == 0);
  CHECK(help.out == run_in(dir.path(), "").out);
}

TEST_CASE("a mistyped command or option gets the closest one", "[cli][usage]") {
  TempDir dir;
  struct Case {
    const char* arguments;
    const char* message;
    const char* note;
  };
  for (const Case& c : std::vector<Case>{
           {"chek", "unknown command `chek`", "did you mean `check`?"},
           {"vocb", "unknown command `vocab`", "did you mean `vocab`?"},
           {"check --include-pases", "unknown option `--include-pases` for `check`",
            "did you mean `--include-passes`?"},
           {"lint --frobnicate", "unknown option `--frobnicate` for `lint`", "run `siracusa --help` for usage"},
           {"check --strict", "unknown option `--strict` for `check`", "`--strict` is an option of `lint`"},
           {"check --format", "option `--format` needs a value", "run `siracusa --help` for usage"},
           {"check --rlimit lots", "`--rlimit` takes a number from 0 (no limit) to 4294967295, not `lots`", ""},
           {"check --jobs 2000", "`--jobs` takes a number of threads from 0 (one per core) to 1024, not `2000`", ""},
           {"check --include-passes --no-include-passes", "contradict each other", ""},
           {"lint --strict --no-strict", "contradict each other", ""},
           {"fmt --check --diff", "`--check` and `--diff` cannot be combined", ""},
           {"init a b", "`init` takes one folder, not 2", ""},
       }) {
    DYNAMIC_SECTION(c.arguments) {
      Run run = run_in(dir.path(), c.arguments);
      INFO(run.err);
      CHECK(run.status == 2);
      CHECK(run.out.empty());
      CHECK(run.err.rfind("siracusa: error[E0009]: ", 0) == 0);
      // vocb's message names what was typed.
      if (std::string(c.arguments) != "vocb")
        CHECK(run.err.find(c.message) != std::string::npos);
      CHECK(run.err.find(c.note) != std::string::npos);
    }
  }
}

TEST_CASE("a rule file's misspellings are suggested through the binary too", "[cli][usage]") {
  TempDir dir;
  dir.write("rules.sir", "document doc {\n  titel: \"A source\"\n}\n");
  Run run = run_in(dir.path(), "--color never lint rules.sir");
  CHECK(run.status == 2);
  CHECK(run.err.find("rules.sir:2:3: error[E0102]") != std::string::npos);
  CHECK(run.err.find("= note: did you mean `title:`?") != std::string::npos);
}
