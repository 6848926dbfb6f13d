// The binary on bad input: every kind of bad file, folder, argument and siracusa.toml
// gives exit status 2 and a diagnostic (located as file:line:col when there is a file),
// never a crash, a hang or a partial output file. Every run has a time limit.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

using namespace siracusa::testing;
namespace fs = std::filesystem;

namespace {

const char* const vocabulary = "document doc {\n  title: \"A source\"\n  paragraphs: 1..10\n}\n"
                               "enum regime_kind { none, notification, authorisation }\n"
                               "fact regime: regime_kind \"How the right is controlled.\"\n"
                               "right art19 {\n  article: 19\n  title: \"Expression\"\n}\n"
                               "test needs_permission {\n  applies to: art19\n  criterion: necessity\n"
                               "  fails when: regime == authorisation\n  strength: concern\n  cites: doc para 1\n"
                               "  explanation: \"e\"\n  recommendation: \"r\"\n}\n";

std::string quote(const std::string& s) {
  return "'" + s + "'";
}

// Runs the binary with a time limit, optionally from another working folder.
Run run_siracusa(const std::string& arguments, const fs::path& folder = {}, const std::string& environment = {}) {
  std::string command;
  if (!folder.empty())
    command += "cd " + quote(folder.string()) + " && ";
  command += environment + (environment.empty() ? "" : " ") + "timeout 20 " + binary() + " " + arguments;
  return run_command(command);
}

// The `file:line:col: error[E....]` lines of an error output, as "file:line:col E...." strings.
std::vector<std::string> located_errors(const std::string& err) {
  static const std::regex line_pattern(R"(^(\S[^:]*):(\d+):(\d+): error\[(E\d{4})\]: .+$)");
  std::vector<std::string> out;
  std::istringstream lines(err);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_match(line, m, line_pattern))
      out.push_back(m[1].str() + ":" + m[2].str() + ":" + m[3].str() + " " + m[4].str());
  }
  return out;
}

// What must hold for every bad input: status 2 (not a signal, not the time limit), no
// internal error, and the expected diagnostic.
void check_rejected(const Run& run, const std::string& expected) {
  INFO("stderr: " << run.err.substr(0, 2000));
  CHECK(run.status == 2);
  CHECK(run.err.find("internal error") == std::string::npos);
  CHECK(run.err.find(expected) != std::string::npos);
}

std::vector<std::string> listing(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

bool has_escape(const std::string& s) {
  return s.find('\x1b') != std::string::npos;
}

} // namespace

// ---- paths ------------------------------------------------------------------------------

TEST_CASE("a path that does not exist is E0001 for every command", "[cli][bad-input]") {
  TempDir dir;
  for (const char* command : {"lint", "check", "fmt", "explain a.b/art19/t"}) {
    DYNAMIC_SECTION(command) {
      Run run = run_siracusa(std::string(command) + " missing.sir", dir.path());
      check_rejected(run, "error[E0001]");
      CHECK(run.err.find("missing.sir") != std::string::npos);
      CHECK(run.out.empty());
    }
  }
}

TEST_CASE("a folder without rule files is E0001, not an empty success", "[cli][bad-input]") {
  TempDir dir;
  dir.write("empty/readme.txt", "no rules here\n");
  for (const char* command : {"lint", "check", "fmt"}) {
    DYNAMIC_SECTION(command) {
      Run run = run_siracusa(std::string(command) + " empty", dir.path());
      check_rejected(run, "siracusa: error[E0001]: `empty` holds no rule files (*.sir)");
    }
  }
}

// ---- bytes ------------------------------------------------------------------------------------

TEST_CASE("binary, invalid UTF-8, too deep and too large files are located errors", "[cli][bad-input]") {
  TempDir dir;
  struct Bad {
    const char* name;
    std::string content;
    const char* located; // file:line:col id
  };
  std::vector<Bad> bad = {
      {"binary.sir",
       std::string("enum e { a }\n\x7f"
                   "ELF\0\0\x01\x02",
                   21),
       "binary.sir:2:5 E0003"},
      {"latin1.sir", "document doc {\n  title: \"Caf\xe9\"\n}\n", "latin1.sir:2:14 E0002"},
      {"deep.sir", "fact x: bool\n" + std::string(10000, '(') + std::string(10000, ')') + "\n", "deep.sir:2:65 E0005"},
      {"huge.sir", std::string(20U * 1024U * 1024U, '#'), "huge.sir:1:1 E0004"},
  };
  for (const auto& b : bad)
    dir.write(b.name, b.content);
  // One setup for all (the files are large): a loop, not sections.
  for (const auto& b : bad) {
    for (const char* command : {"lint", "check", "fmt"}) {
      INFO(b.name << " " << command);
      Run run = run_siracusa(std::string(command) + " " + b.name, dir.path());
      check_rejected(run, "error[");
      CHECK(located_errors(run.err) == std::vector<std::string>{b.located});
      // The offending line is shown, cut to a window: never 20,000 brackets or 20 MB.
      CHECK(run.err.size() < 4096);
      CHECK(run.out.empty());
    }
  }
  // fmt left every one of them alone.
  for (const auto& b : bad)
    CHECK(read_file(dir.path() / b.name) == b.content);
}

TEST_CASE("an empty file and a file of only comments are valid, empty rule files", "[cli][bad-input]") {
  TempDir dir;
  dir.write("empty.sir", "");
  dir.write("comments.sir", "# Nothing here yet.\n# Rules will follow.\n");
  for (const char* file : {"empty.sir", "comments.sir"}) {
    DYNAMIC_SECTION(file) {
      Run lint = run_siracusa(std::string("lint ") + file, dir.path());
      CHECK(lint.status == 0);
      CHECK(lint.err.empty());
      CHECK(lint.out == "checked 1 file: 0 rights, 0 tests, 0 provisions\n");
      // Nothing to check against is not a clean bill: no test, no verdict.
      Run check = run_siracusa(std::string("check --format json ") + file, dir.path());
      check_rejected(check, "error[E0015]");
      CHECK(check.out.empty());
      Run fmt = run_siracusa(std::string("fmt --check ") + file, dir.path());
      CHECK(fmt.status == 0);
    }
  }
  CHECK(read_file(dir.path() / "empty.sir").empty());
}

// ---- rule files with errors ------------------------------------------------------------------

TEST_CASE("an import cycle is one located error", "[cli][bad-input]") {
  TempDir dir;
  dir.write("rules/a.sir", "import \"b.sir\"\nenum first { x }\n");
  dir.write("rules/b.sir", "import \"c.sir\"\nenum two { y }\n");
  dir.write("rules/c.sir", "import \"a.sir\"\nenum three { z }\n");
  for (const char* command : {"lint", "check"}) {
    DYNAMIC_SECTION(command) {
      Run run = run_siracusa(std::string(command) + " rules", dir.path());
      check_rejected(run, "import cycle: rules/a.sir -> rules/b.sir -> rules/c.sir -> rules/a.sir");
      CHECK(located_errors(run.err) == std::vector<std::string>{"rules/a.sir:1:1 E0206"});
    }
  }
}

TEST_CASE("every independent error of a file is reported by lint", "[cli][bad-input]") {
  TempDir dir;
  dir.write("vocabulary.sir", vocabulary);
  dir.write("bad.sir", "import \"vocabulary.sir\"\n"
                       "fact weight integer\n"
                       "fact colour: colour\n"
                       "right art21 {\n  article: 21\n  title: \"Assembly\n}\n"
                       "fact label: txt\n");
  Run run = run_siracusa("--color never lint bad.sir", dir.path());
  check_rejected(run, "4 errors, 0 warnings");
  CHECK(located_errors(run.err) == std::vector<std::string>{"bad.sir:2:13 E0101", "bad.sir:3:14 E0201",
                                                            "bad.sir:6:10 E0104", "bad.sir:8:13 E0201"});
}

TEST_CASE("fmt on a file with errors leaves every file byte for byte unchanged", "[cli][bad-input]") {
  TempDir dir;
  // One file that fmt would change, one with a syntax error: neither is rewritten.
  std::string untidy = "enum   colour{red,green}\n\n\n\nfact   painted :bool\n";
  std::string broken = "enum shape { round square }\r\n# a comment\r\nfact x bool \t\n";
  dir.write("rules/untidy.sir", untidy);
  dir.write("rules/broken.sir", broken);
  auto before = fs::last_write_time(dir.path() / "rules" / "untidy.sir");
  Run run = run_siracusa("fmt rules", dir.path());
  check_rejected(run, "nothing was rewritten");
  CHECK(located_errors(run.err).size() == 2);
  CHECK(read_file(dir.path() / "rules" / "untidy.sir") == untidy);
  CHECK(read_file(dir.path() / "rules" / "broken.sir") == broken);
  CHECK(fs::last_write_time(dir.path() / "rules" / "untidy.sir") == before);
  CHECK(listing(dir.path() / "rules") == std::vector<std::string>{"broken.sir", "untidy.sir"});
  // --check reports the errors the same way and changes nothing either.
  Run check = run_siracusa("fmt --check rules/broken.sir", dir.path());
  check_rejected(check, "error[E0101]");
  CHECK(read_file(dir.path() / "rules" / "broken.sir") == broken);
  // Without the broken file, fmt does its work.
  fs::remove(dir.path() / "rules" / "broken.sir");
  Run fixed = run_siracusa("fmt rules", dir.path());
  CHECK(fixed.status == 0);
  CHECK(read_file(dir.path() / "rules" / "untidy.sir") != untidy);
}

TEST_CASE("check -o with bad input writes no file at all", "[cli][bad-input]") {
  TempDir dir;
  dir.write("bad.sir", "fact x bool\n");
  dir.write("cycle/a.sir", "import \"b.sir\"\n");
  dir.write("cycle/b.sir", "import \"a.sir\"\n");
  dir.write("binary.sir", std::string("\0\0\0", 3));
  for (const char* input : {"bad.sir", "cycle", "binary.sir", "missing.sir"}) {
    DYNAMIC_SECTION(input) {
      auto before = listing(dir.path());
      Run run = run_siracusa(std::string("check --format json -o out.json ") + input, dir.path());
      CHECK(run.status == 2);
      CHECK(run.out.empty());
      CHECK_FALSE(fs::exists(dir.path() / "out.json"));
      // No temporary file left behind either.
      CHECK(listing(dir.path()) == before);
    }
  }
}

TEST_CASE("check -o to a place that cannot be written is E0010 and leaves nothing", "[cli][bad-input]") {
  TempDir dir;
  dir.write("vocabulary.sir", vocabulary);
  fs::create_directories(dir.path() / "report.json");
  Run into_folder = run_siracusa("check -o report.json vocabulary.sir", dir.path());
  check_rejected(into_folder, "siracusa: error[E0010]");
  CHECK(fs::is_directory(dir.path() / "report.json"));
  Run missing_folder = run_siracusa("check -o no/such/folder/report.json vocabulary.sir", dir.path());
  check_rejected(missing_folder, "siracusa: error[E0010]");
  CHECK(listing(dir.path()) == std::vector<std::string>{"report.json", "vocabulary.sir"});
}

// ---- arguments ---------------------------------------------------------------------------------

TEST_CASE("unknown commands, flags and values are usage errors (E0009, exit 2)", "[cli][bad-input]") {
  TempDir dir;
  dir.write("vocabulary.sir", vocabulary);
  struct Usage {
    const char* arguments;
    const char* expected;
  };
  for (const Usage& u : std::vector<Usage>{
           {"frobnicate", "unknown command `frobnicate`"},
           {"--color never frobnicate vocabulary.sir", "unknown command `frobnicate`"},
           {"--frobnicate", "unknown option `--frobnicate`"},
           {"lint --frobnicate vocabulary.sir", "--frobnicate"},
           {"check --format xml vocabulary.sir", "error[E0009]"},
           {"check --timeout-ms -5 vocabulary.sir", "`--timeout-ms` takes a number of milliseconds from 1 to 86400000"},
           {"check --timeout-ms 0 vocabulary.sir", "`--timeout-ms` takes a number of milliseconds from 1 to 86400000"},
           {"check --jobs many vocabulary.sir", "error[E0009]"},
           {"--color sometimes lint vocabulary.sir", "error[E0009]"},
           {"fmt", "`fmt` without paths rewrites the files of a project"},
           {"explain", "`explain` needs a finding id"},
           {"lint check vocabulary.sir", "error[E0001]"},
       }) {
    DYNAMIC_SECTION("siracusa " << u.arguments) {
      Run run = run_siracusa(u.arguments, dir.path());
      check_rejected(run, u.expected);
      CHECK(run.out.empty());
      // In our words, never CLI11's.
      for (const char* raw : {"required", "not expected", "Could not convert", "not in range", "not in {"})
        CHECK(run.err.find(raw) == std::string::npos);
    }
  }
}

TEST_CASE("explain of a finding that does not exist is E0011", "[cli][bad-input]") {
  TempDir dir;
  dir.write("vocabulary.sir", vocabulary);
  Run run = run_siracusa("explain no.such/finding/here vocabulary.sir", dir.path());
  check_rejected(run, "siracusa: error[E0011]: no finding `no.such/finding/here`");
}

TEST_CASE("--help for every command and --version succeed", "[cli]") {
  for (const char* arguments : {"--help", "lint --help", "fmt --help", "check --help", "explain --help", "-h"}) {
    DYNAMIC_SECTION(arguments) {
      Run run = run_siracusa(arguments);
      CHECK(run.status == 0);
      CHECK(run.out.find("Usage:") != std::string::npos);
      CHECK(run.err.empty());
    }
  }
  Run version = run_siracusa("--version");
  CHECK(version.status == 0);
  CHECK(version.out == std::string("siracusa ") + SIRACUSA_VERSION + "\n");
}

// ---- colour --------------------------------------------------------------------------------------

TEST_CASE("NO_COLOR and --color never give no escape codes, even on a terminal", "[cli]") {
  TempDir dir;
  dir.write("vocabulary.sir", vocabulary);
  dir.write("bad.sir", "fact x bool\n");
  // Redirected output is never coloured.
  for (const char* arguments : {"lint bad.sir", "check vocabulary.sir", "check --help"}) {
    Run run = run_siracusa(arguments, dir.path());
    CHECK_FALSE(has_escape(run.out + run.err));
  }
  // --color always is the control: escapes do appear, so their absence below means something.
  Run always = run_siracusa("--color always lint bad.sir", dir.path());
  CHECK(has_escape(always.err));
  Run never_wins = run_siracusa("--color never lint bad.sir", dir.path(), "NO_COLOR=");
  CHECK_FALSE(has_escape(never_wins.err));

  // On a terminal (a pseudo-terminal from `script`), colour is on unless switched off.
  if (run_command("command -v script").status != 0) {
    WARN("`script` is not installed; the terminal half of this test is skipped");
    return;
  }
  auto on_terminal = [&](const std::string& environment, const std::string& arguments) {
    std::string inner = environment + " timeout 20 " + binary() + " " + arguments;
    return run_command("cd " + quote(dir.path().string()) + " && timeout 30 script -qec \"" + inner + "\" /dev/null");
  };
  CHECK(has_escape(on_terminal("NO_COLOR=", "lint bad.sir").out));
  CHECK_FALSE(has_escape(on_terminal("NO_COLOR=1", "lint bad.sir").out));
  CHECK_FALSE(has_escape(on_terminal("NO_COLOR=1", "check vocabulary.sir").out));
  CHECK_FALSE(has_escape(on_terminal("NO_COLOR=", "--color never lint bad.sir").out));
  // Global options may also follow the command.
  CHECK_FALSE(has_escape(on_terminal("NO_COLOR=", "lint --color never bad.sir").out));
  CHECK_FALSE(has_escape(on_terminal("NO_COLOR=", "check --color never vocabulary.sir").out));
}

// ---- siracusa.toml -----------------------------------------------------------------------------

TEST_CASE("siracusa.toml paths are relative to the file, wherever the command runs", "[cli][toml]") {
  TempDir dir;
  dir.write("project/siracusa.toml", "[corpus]\npaths = [\"corpus/rules\"]\n[check]\nformat = \"json\"\n");
  dir.write("project/corpus/rules/vocabulary.sir", vocabulary);
  fs::create_directories(dir.path() / "project" / "somewhere" / "deeper");
  for (const char* folder : {"project", "project/somewhere/deeper"}) {
    DYNAMIC_SECTION(folder) {
      Run lint = run_siracusa("lint", dir.path() / folder);
      CHECK(lint.status == 0);
      CHECK(lint.out == "checked 1 file: 1 rights, 1 tests, 0 provisions\n");
      Run check = run_siracusa("check", dir.path() / folder);
      CHECK(check.status == 0);
      // format = "json" from the file.
      CHECK_NOTHROW(nlohmann::json::parse(check.out));
    }
  }
  // Paths on the command line win over the file's.
  dir.write("project/other.sir", "fact x bool\n");
  Run explicit_path = run_siracusa("lint other.sir", dir.path() / "project");
  check_rejected(explicit_path, "other.sir:1:8: error[E0101]");
}

TEST_CASE("an invalid siracusa.toml is E0008 with its line and column", "[cli][toml]") {
  struct Bad {
    const char* content;
    const char* located; // file:line:col
  };
  for (const Bad& b : std::vector<Bad>{
           {"[corpus]\npaths = [\"rules\"\n", "siracusa.toml:2:"},
           {"[corpus\npaths = []\n", "siracusa.toml:1:"},
           {"[corpus]\npaths = [1, 2]\n", "siracusa.toml:2:10"},
           {"[corpus]\npaths = \"rules\"\n", "siracusa.toml:2:9"},
           {"corpus = 3\n", "siracusa.toml:1:10"},
           {"[check]\ntimeout_ms = -1\n", "siracusa.toml:2:14"},
           {"[check]\ntimeout_ms = \"fast\"\n", "siracusa.toml:2:14"},
           {"[check]\nformat = \"xml\"\n", "siracusa.toml:2:10"},
           {"\xff\xfe[corpus]\n", "siracusa.toml:1:"},
       }) {
    DYNAMIC_SECTION(b.content) {
      TempDir dir;
      dir.write("siracusa.toml", b.content);
      dir.write("rules/vocabulary.sir", vocabulary);
      for (const char* command : {"lint", "check"}) {
        Run run = run_siracusa(command, dir.path());
        check_rejected(run, "error[E0008]: invalid siracusa.toml");
        // Named as file:line:col, like a rule file's errors (relative to the working folder).
        CHECK(run.err.rfind(b.located, 0) == 0);
        // In our words: toml++'s own descriptions start "Error while parsing".
        CHECK(run.err.find("Error while") == std::string::npos);
        CHECK(run.out.empty());
      }
    }
  }
}
