// siracusa.toml: every key has its effect whether or not paths are given, the command line
// overrides it, and an unknown key or a bad value is a located error (E0012, E0008) in
// our words. README.md documents every key.
#include "support.hpp"

#include "options.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// One provision that fails one test (needs_permission) and passes another (imprecise).
const char* const corpus = R"(document doc {
  title: "A source"
  paragraphs: 1..10
}
enum legal_order for level { constitution, constitutional_law, code, law, bylaw } enum regime_kind { none, notification, authorisation }
fact regime: regime_kind "How the right is controlled."
fact precise: bool "Whether the terms are precise."
right art19 {
  article: 19
  title: "Expression"
}
jurisdiction xx {
  title: "Testland"
}
test needs_permission {
  applies to: art19
  criterion: necessity
  fails when: regime == authorisation
  cites: doc para 1
  explanation: "e"
  recommendation: "r"
  strength: per_se
}
test imprecise {
  applies to: art19
  criterion: legality
  fails when: not precise
  cites: doc para 2
  explanation: "e"
  recommendation: "r"
  strength: per_se
}
law l {
  title: "A law"
  jurisdiction: xx
  level: law
  source: doc para 3
  provision p {
    restricts: art19
    regime: authorisation
    precise: yes
    source: doc para 4
  }
}
)";

// A project: siracusa.toml with `settings`, the corpus in rules/ (the file's paths).
struct Project {
  TempDir dir;
  explicit Project(const std::string& settings) {
    dir.write("siracusa.toml", "[corpus]\npaths = [\"rules\"]\n" + settings);
    dir.write("rules/corpus.sir", corpus);
    // Outside `paths`: read only when named on the command line.
    dir.write("other/corpus.sir", corpus);
  }
  Run run(const std::string& arguments) const { return run_in(dir.path(), arguments); }
};

json findings(const Run& run) {
  INFO(run.err);
  REQUIRE((run.status == 0 || run.status == 1));
  return json::parse(run.out);
}

std::vector<std::string> verdicts(const json& report) {
  std::vector<std::string> out;
  for (const auto& f : report["findings"])
    out.push_back(f["verdict"]);
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

TEST_CASE("check.format applies with or without paths, and --format overrides it", "[cli][toml]") {
  Project project("[check]\nformat = \"json\"\n");
  CHECK_NOTHROW(findings(project.run("check")));
  // Paths on the command line replace only `paths`: the format still applies.
  auto report = findings(project.run("check other"));
  CHECK(report["inputs"]["origin"] == "arguments");
  Run text = project.run("check --format text other");
  CHECK(text.out.rfind("Siracusa", 0) == 0);
  // The control: without the key, text.
  Project plain("");
  CHECK(plain.run("check other").out.rfind("Siracusa", 0) == 0);
}

TEST_CASE("check.include_passes, and --no-include-passes and --include-passes over it", "[cli][toml]") {
  Project project("[check]\nformat = \"json\"\ninclude_passes = true\n");
  CHECK(verdicts(findings(project.run("check other"))) == std::vector<std::string>{"fails", "passes"});
  CHECK(verdicts(findings(project.run("check --no-include-passes"))) == std::vector<std::string>{"fails"});
  Project off("[check]\nformat = \"json\"\ninclude_passes = false\n");
  CHECK(verdicts(findings(off.run("check"))) == std::vector<std::string>{"fails"});
  CHECK(verdicts(findings(off.run("check --include-passes"))) == std::vector<std::string>{"fails", "passes"});
}

TEST_CASE("check.timeout_ms and check.rlimit reach the solver, and the options override them", "[cli][toml]") {
  Project project("[check]\nformat = \"json\"\ntimeout_ms = 1234\nrlimit = 5000000\n");
  auto report = findings(project.run("check other"));
  CHECK(report["tool"]["options"]["timeout_ms"] == 1234);
  CHECK(report["tool"]["options"]["rlimit"] == 5000000);
  auto overridden = findings(project.run("check --timeout-ms 999 --rlimit 0"));
  CHECK(overridden["tool"]["options"]["timeout_ms"] == 999);
  CHECK(overridden["tool"]["options"]["rlimit"] == 0);
  // explain decides with the same limits.
  Run explain = project.run("explain l.p/art19/needs_permission");
  CHECK(explain.status == 0);
}

TEST_CASE("check.jobs sets the worker threads, and --jobs overrides it", "[cli][toml]") {
  Project project("[check]\njobs = 3\n");
  CHECK(project.run("-v check other").err.find("jobs 3") != std::string::npos);
  CHECK(project.run("-v check -j 2").err.find("jobs 2") != std::string::npos);
  Project plain("");
  CHECK(plain.run("-v check").err.find("jobs 0") != std::string::npos);
}

TEST_CASE("lint.strict makes warnings errors, and --no-strict and --strict override it", "[cli][toml]") {
  Project project("[lint]\nstrict = true\n");
  // A test without an explanation is a warning (W0301).
  project.dir.write("rules/warning.sir", "import \"corpus.sir\"\ntest quiet {\n  applies to: art19\n"
                                         "  criterion: legality\n  fails when: not precise\n  cites: doc para 5\n"
                                         "  recommendation: \"r\"\n  strength: per_se\n}\n");
  CHECK(project.run("lint").status == 2);
  CHECK(project.run("lint rules").status == 2);
  CHECK(project.run("lint --no-strict").status == 0);
  Project lenient("[lint]\nstrict = false\n");
  lenient.dir.write("rules/warning.sir", read_file(project.dir.path() / "rules" / "warning.sir"));
  CHECK(lenient.run("lint").status == 0);
  CHECK(lenient.run("lint --strict").status == 2);
}

TEST_CASE("corpus.paths may name the bundled corpus as @siracusa/", "[cli][toml]") {
  TempDir dir;
  dir.write("siracusa.toml", "[corpus]\npaths = [\"@siracusa/rules\"]\n");
  Run lint = run_in(dir.path(), "lint");
  INFO(lint.err);
  CHECK(lint.status == 0);
  CHECK(lint.out.find("17 rights") != std::string::npos);
  // An unknown root is a located mistake, not a crash.
  dir.write("siracusa.toml", "[corpus]\npaths = [\"@elsewhere/rules\"]\n");
  Run unknown = run_in(dir.path(), "lint");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("error[E0001]: cannot read `@elsewhere/rules`: it starts with an unknown root") !=
        std::string::npos);
}

TEST_CASE("an unknown table or key is E0012 at the key, with the closest key", "[cli][toml]") {
  struct Bad {
    const char* content;
    const char* located;
    const char* note;
  };
  for (const Bad& b : std::vector<Bad>{
           {"[check]\ntimout_ms = 5\n", "siracusa.toml:2:1", "did you mean `timeout_ms`?"},
           {"[chek]\nformat = \"json\"\n", "siracusa.toml:1:2", "did you mean `[check]`?"},
           {"[check]\nstrict = true\n", "siracusa.toml:2:1", "`strict` is a key of [lint], not of [check]"},
           {"paths = [\"rules\"]\n", "siracusa.toml:1:1", "`paths` is a key of [corpus]"},
           {"[corpus]\npaths = [\"rules\"]\nexclude = [\"drafts\"]\n", "siracusa.toml:3:1", "[corpus] holds paths"},
       }) {
    DYNAMIC_SECTION(b.content) {
      TempDir dir;
      dir.write("siracusa.toml", b.content);
      dir.write("rules/corpus.sir", corpus);
      // With and without paths: the file is read either way.
      for (const char* arguments : {"lint", "check rules", "vocab rules", "fmt --check rules"}) {
        Run run = run_in(dir.path(), arguments);
        INFO(arguments << "\n" << run.err);
        CHECK(run.status == 2);
        CHECK(run.err.rfind(std::string(b.located) + ": error[E0012]: unknown ", 0) == 0);
        CHECK(run.err.find(b.note) != std::string::npos);
        CHECK(run.out.empty());
      }
    }
  }
}

TEST_CASE("a value of the wrong kind or out of range is E0008 at the value", "[cli][toml]") {
  struct Bad {
    const char* content;
    const char* located;
  };
  for (const Bad& b : std::vector<Bad>{
           {"[corpus]\npaths = []\n", "siracusa.toml:2:9"},
           {"[corpus]\npaths = [\"\"]\n", "siracusa.toml:2:10"},
           {"[check]\nformat = \"xml\"\n", "siracusa.toml:2:10"},
           {"[check]\ntimeout_ms = 0\n", "siracusa.toml:2:14"},
           {"[check]\ntimeout_ms = 86400001\n", "siracusa.toml:2:14"},
           {"[check]\ntimeout_ms = 2.5\n", "siracusa.toml:2:14"},
           {"[check]\nrlimit = -1\n", "siracusa.toml:2:10"},
           {"[check]\njobs = 1025\n", "siracusa.toml:2:8"},
           {"[check]\njobs = \"2\"\n", "siracusa.toml:2:8"},
           {"[check]\ninclude_passes = 1\n", "siracusa.toml:2:18"},
           {"[lint]\nstrict = \"yes\"\n", "siracusa.toml:2:10"},
           {"[lint]\nstrict = yes\n", "siracusa.toml:2:10"},
           {"lint = \"strict\"\n", "siracusa.toml:1:8"},
       }) {
    DYNAMIC_SECTION(b.content) {
      TempDir dir;
      dir.write("siracusa.toml", b.content);
      dir.write("rules/corpus.sir", corpus);
      Run run = run_in(dir.path(), "check rules");
      INFO(run.err);
      CHECK(run.status == 2);
      CHECK(run.err.rfind(std::string(b.located) + ": error[E0008]: invalid siracusa.toml: ", 0) == 0);
      // Rendered like a rule file's diagnostics: the line and a caret under the value.
      CHECK(run.err.find(" | ") != std::string::npos);
      CHECK(run.err.find('^') != std::string::npos);
      CHECK(run.out.empty());
    }
  }
}

TEST_CASE("README.md documents every key of siracusa.toml, and init writes every key", "[cli][toml]") {
  std::string readme = read_file(fs::path(source_dir()) / "README.md");
  std::string written = read_file(fs::path(source_dir()) / "templates" / "init" / "siracusa.toml.in");
  REQUIRE(siracusa::cli::project_keys().size() >= 7);
  for (const auto& key : siracusa::cli::project_keys()) {
    std::string name = key.table + "." + key.name;
    INFO(name);
    CHECK(readme.find("| `" + name + "` |") != std::string::npos);
    auto table = written.find("[" + key.table + "]");
    REQUIRE(table != std::string::npos);
    auto next_table = written.find("\n[", table + 1);
    // A key with no default (the day the law is read as of) is shown commented out.
    std::string part = written.substr(table, next_table - table);
    CHECK((part.find("\n" + key.name + " = ") != std::string::npos ||
           part.find("\n# " + key.name + " = ") != std::string::npos));
  }
}
