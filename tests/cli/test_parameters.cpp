// Parameters: a threshold the rule base declares once, with its source, that a test names
// and a project may set in siracusa.toml ([parameters]); a bad name or value there is a
// located E0020, and every report says which value it used and who set it.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;
using nlohmann::json;

namespace {

const char* const rules = R"(document doc {
  title: "A source"
  paragraphs: 1..10
}
enum legal_order for level { constitution, constitutional_law, code, law, bylaw } fact notice_days: days "Days of notice required."
right art21 {
  article: 21
  title: "Assembly"
}
jurisdiction xx {
  title: "Testland"
}
parameter longest_notice {
  value: 5 days
  title: "The longest notice that is not a concern"
  cites: doc para 2
}
test notice_too_long {
  applies to: art21
  criterion: proportionality
  about: notice_days
  fails when: notice_days > longest_notice
  strength: concern
  cites: doc para 1
  explanation: "e"
  recommendation: "r"
}
)";

const char* const law = R"(import "rules.sir"
law l {
  title: "A law"
  jurisdiction: xx
  level: law
  source: doc para 3
  provision p {
    restricts: art21
    notice_days: 10 days
    source: doc para 4
  }
}
)";

struct Project {
  TempDir dir;
  explicit Project(const std::string& settings) {
    dir.write("siracusa.toml", "[corpus]\npaths = [\"rules\"]\n[check]\nformat = \"json\"\n" + settings);
    dir.write("rules/rules.sir", rules);
    dir.write("rules/law.sir", law);
  }
  Run run(const std::string& arguments) const { return run_in(dir.path(), arguments, "NO_COLOR=1"); }
};

std::string verdict(const Run& run) {
  INFO(run.err);
  REQUIRE((run.status == 0 || run.status == 1));
  auto report = json::parse(run.out);
  for (const auto& f : report["findings"])
    if (f["id"] == "l.p/art21/notice_too_long")
      return f["verdict"];
  return "not listed";
}

} // namespace

TEST_CASE("a test compares with the parameter's declared value", "[cli][parameters]") {
  Project project("");
  Run run = project.run("check");
  CHECK(verdict(run) == "fails");
  auto report = json::parse(run.out);
  REQUIRE(report["parameters"].size() == 1);
  CHECK(report["parameters"][0]["id"] == "longest_notice");
  CHECK(report["parameters"][0]["value"] == "5 days");
  CHECK(report["parameters"][0]["set_by"].is_null());
  // explain shows the condition with the parameter's name, as written.
  Run explained = project.run("explain --format text l.p/art21/notice_too_long");
  INFO(explained.err);
  CHECK(explained.out.find("longest_notice") != std::string::npos);
}

TEST_CASE("siracusa.toml sets a parameter, and the report says so", "[cli][parameters]") {
  Project longer("[parameters]\nlongest_notice = \"12 days\"\n");
  Run run = longer.run("check --include-passes");
  CHECK(verdict(run) == "passes");
  CHECK(run.status == 0);
  auto report = json::parse(run.out);
  CHECK(report["parameters"][0]["value"] == "12 days");
  CHECK(report["parameters"][0]["set_by"] == "siracusa.toml");
  // The boundary is the parameter's, not a number built in: 10 days is not more than 10.
  CHECK(verdict(Project("[parameters]\nlongest_notice = \"10 days\"\n").run("check --include-passes")) == "passes");
  CHECK(verdict(Project("[parameters]\nlongest_notice = \"9 days\"\n").run("check")) == "fails");
  // The text report names the value used.
  Run text = longer.run("check --format text");
  CHECK(text.out.find("longest_notice = 12 days") != std::string::npos);
}

TEST_CASE("a bad parameter in siracusa.toml is a located E0020 and nothing is written", "[cli][parameters]") {
  Project unknown("[parameters]\nlongest_notic = \"3 days\"\n");
  Run run = unknown.run("check -o out.json");
  CHECK(run.status == 2);
  CHECK(run.err.find("siracusa.toml:6:1: error[E0020]") != std::string::npos);
  CHECK(run.err.find("did you mean `longest_notice`?") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(unknown.dir.path() / "out.json"));

  Run far = Project("[parameters]\nquorum = 3\n").run("check");
  CHECK(far.status == 2);
  CHECK(far.err.find("the rule base's parameters are `longest_notice`") != std::string::npos);

  Run unit = Project("[parameters]\nlongest_notice = \"2 fortnights\"\n").run("check");
  CHECK(unit.status == 2);
  CHECK(unit.err.find("error[E0020]: `2 fortnights` is not a value of parameter `longest_notice`") !=
        std::string::npos);
  CHECK(Project("[parameters]\nlongest_notice = true\n").run("check").status == 2);
  CHECK(Project("[parameters]\nlongest_notice = [1]\n").run("check").status == 2);
  // A number alone, for a parameter in days, lacks its unit.
  CHECK(Project("[parameters]\nlongest_notice = 3\n").run("check").status == 2);
}

TEST_CASE("a parameter must have a constant value", "[cli][parameters]") {
  TempDir dir;
  std::string without = rules;
  without.replace(without.find("  value: 5 days\n"), 15, "");
  dir.write("a/rules.sir", without);
  Run missing = run_in(dir.path(), "lint a", "NO_COLOR=1");
  CHECK(missing.status == 2);
  CHECK(missing.err.find("E0210") != std::string::npos);

  std::string computed = rules;
  computed.replace(computed.find("value: 5 days"), 13, "value: notice_days");
  dir.write("b/rules.sir", computed);
  Run fact = run_in(dir.path(), "lint b", "NO_COLOR=1");
  CHECK(fact.status == 2);
  CHECK(fact.err.find("E0204") != std::string::npos);
}

TEST_CASE("siracusa.toml gives a parameter in another unit of its family, converted exactly", "[cli][parameters]") {
  // 240 hours are 10 days, and 10 days of notice are not more than 10: passes; 216 hours
  // are 9 days: fails. Two weeks are 14 days.
  Run hours = Project("[parameters]\nlongest_notice = \"240 hours\"\n").run("check --include-passes");
  CHECK(verdict(hours) == "passes");
  auto report = json::parse(hours.out);
  CHECK(report["parameters"][0]["value"] == "10 days");
  CHECK(verdict(Project("[parameters]\nlongest_notice = \"216 hours\"\n").run("check")) == "fails");
  CHECK(verdict(Project("[parameters]\nlongest_notice = \"2 weeks\"\n").run("check --include-passes")) == "passes");
  CHECK(verdict(Project("[parameters]\nlongest_notice = \"1 week\"\n").run("check")) == "fails");

  // Not whole in days, or across the families: a located E0020 that says why.
  Run inexact = Project("[parameters]\nlongest_notice = \"36 hours\"\n").run("check -o out.json");
  CHECK(inexact.status == 2);
  CHECK(inexact.err.find("siracusa.toml:6:18: error[E0020]: `36 hours` is not a value of parameter "
                         "`longest_notice`") != std::string::npos);
  CHECK(inexact.err.find("`36 hours` is not a whole number of days (it is 1 day and 12 hours); write the value as a "
                         "whole number of days") != std::string::npos);
  Run across = Project("[parameters]\nlongest_notice = \"1 month\"\n").run("check");
  CHECK(across.status == 2);
  CHECK(across.err.find("a month is not a fixed number of days") != std::string::npos);
  // Past the limit once converted, and past 64 bits: refused, never an overflow.
  CHECK(Project("[parameters]\nlongest_notice = \"999999999999 weeks\"\n").run("check").status == 2);
  CHECK(Project("[parameters]\nlongest_notice = \"1000000000000000000000000000000 hours\"\n").run("check").status == 2);
}

TEST_CASE("a parameter declared in weeks is a parameter in days", "[cli][parameters][units]") {
  TempDir dir;
  std::string weeks = rules;
  weeks.replace(weeks.find("value: 5 days"), 13, "value: 1 week");
  dir.write("siracusa.toml", "[corpus]\npaths = [\"rules\"]\n[check]\nformat = \"json\"\n");
  dir.write("rules/rules.sir", weeks);
  dir.write("rules/law.sir", law);
  Run run = run_in(dir.path(), "check", "NO_COLOR=1");
  // 10 days of notice are more than 7 days.
  CHECK(verdict(run) == "fails");
  CHECK(json::parse(run.out)["parameters"][0]["value"] == "7 days");
}
