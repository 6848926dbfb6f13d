// Accepted distinctions (docs/language.md): a pair test does not count two persons who
// differ only in a ground that a distinction accepts for the right under test, where the
// distinction's condition holds on the provision's facts; where the facts do not
// establish the condition, the finding stands and says so. Both routes decide the same.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;
using nlohmann::json;

namespace {

const char* const rules = R"(document doc {
  title: "A source"
  paragraphs: 1..10
}
enum legal_order for level { law }
person {
  citizenship: {citizen, foreigner} protected "Nationality."
  record: bool protected "Has a criminal record."
  religion: {none, minority} protected "Religion."
  age: years "Age."
}
fact scope: predicate over person "Who may exercise the right."
fact court_order: bool "A court orders the restriction in the individual case."
fact time_limited: bool "The restriction ends."
right art21 {
  article: 21
  title: "Assembly"
}
right art25 {
  article: 25
  title: "Participation"
}
jurisdiction xx {
  title: "Testland"
}
test excludes {
  applies to: art21, art25
  criterion: non_discrimination
  about: scope
  fails when: some pair a, b differing in protected: scope(a) and not scope(b)
  strength: presumptive
  justification: "j"
  cites: doc para 1
  explanation: "e"
  recommendation: "r"
}
test treats_alike {
  applies to: art21
  criterion: non_discrimination
  about: scope
  fails when: not (every pair a, b differing in {record, religion}: scope(a) == scope(b))
  strength: presumptive
  justification: "j"
  cites: doc para 1
  explanation: "e"
  recommendation: "r"
}
distinction citizens_take_part {
  ground: citizenship
  rights: art25
  cites: doc para 2
  explanation: "Art. 25 protects citizens."
}
distinction court_ban {
  ground: record
  rights: art21, art25
  when: court_order and time_limited
  cites: doc para 3
  explanation: "A court's time-limited order answers conduct."
}
)";

std::string provision(const std::string& name, const std::string& facts) {
  return "  provision " + name + " {\n    restricts: art21, art25\n" + facts + "    source: doc para 5\n  }\n";
}

const std::string law = "import \"rules.sir\"\nlaw l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: law\n"
                        "  source: doc para 4\n" +
                        provision("citizens", "    scope: person where citizenship == citizen\n") +
                        provision("court", "    scope: person where not record\n    court_order: yes\n"
                                           "    time_limited: yes\n") +
                        provision("status", "    scope: person where not record\n    court_order: no\n"
                                            "    time_limited: no\n") +
                        provision("silent", "    scope: person where not record\n") +
                        provision("court_and_religion", "    scope: person where not record and religion == none\n"
                                                        "    court_order: yes\n    time_limited: yes\n") +
                        provision("open", "    scope: person where not record\n    court_order: one of {yes, no}\n"
                                          "    time_limited: yes\n") +
                        "}\n";

struct Project {
  TempDir dir;
  Project() {
    dir.write("rules.sir", rules);
    dir.write("law.sir", law);
  }
  Run run(const std::string& arguments) const { return run_in(dir.path(), arguments, "NO_COLOR=1"); }
};

json report(const Run& run) {
  INFO(run.err);
  REQUIRE((run.status == 0 || run.status == 1));
  return json::parse(run.out);
}

const json* finding(const json& report, const std::string& id) {
  for (const auto& f : report["findings"])
    if (f["id"] == id)
      return &f;
  return nullptr;
}

std::string verdict(const json& report, const std::string& id) {
  const json* f = finding(report, id);
  return f ? (*f)["verdict"].get<std::string>() : "not listed";
}

} // namespace

TEST_CASE("a distinction clears a difference in its ground where its condition holds, for its rights",
          "[cli][distinctions]") {
  Project project;
  json r = report(project.run("check --format json --include-all rules.sir law.sir"));
  // Art. 25 is a citizens' right; art. 21 is not.
  CHECK(verdict(r, "l.citizens/art25/excludes") == "passes");
  CHECK(verdict(r, "l.citizens/art21/excludes") == "fails");
  // A court's time-limited order on a person with a record, against a status exclusion.
  CHECK(verdict(r, "l.court/art21/excludes") == "passes");
  CHECK(verdict(r, "l.court/art25/excludes") == "passes");
  CHECK(verdict(r, "l.status/art21/excludes") == "fails");
  CHECK(verdict(r, "l.status/art25/excludes") == "fails");
  // The distinction covers the record only: a difference in religion still fails.
  CHECK(verdict(r, "l.court_and_religion/art21/excludes") == "fails");
  // `every pair` reads the accepted difference as no difference.
  CHECK(verdict(r, "l.court/art21/treats_alike") == "passes");
  CHECK(verdict(r, "l.status/art21/treats_alike") == "fails");
  CHECK(verdict(r, "l.court_and_religion/art21/treats_alike") == "fails");
  // A condition the law leaves open leaves the verdict open.
  CHECK(verdict(r, "l.open/art21/excludes") == "may_fail");
}

TEST_CASE("a distinction the provision's facts do not establish is not assumed", "[cli][distinctions]") {
  Project project;
  json r = report(project.run("check --format json --include-all rules.sir law.sir"));
  const json* f = finding(r, "l.silent/art21/excludes");
  REQUIRE(f != nullptr);
  CHECK((*f)["verdict"] == "fails");
  std::string note = (*f)["note"].is_string() ? (*f)["note"].get<std::string>() : "";
  CHECK(note.find("no recognised exception is established") != std::string::npos);
  CHECK(note.find("court_order") != std::string::npos);
  // Only the scope puts a provision under the test, never the distinction's facts.
  Project other;
  other.dir.write("law.sir", "import \"rules.sir\"\nlaw l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: law\n"
                             "  source: doc para 4\n" +
                                 provision("only_order", "    court_order: yes\n") + "}\n");
  json o = report(other.run("check --format json --include-all rules.sir law.sir"));
  CHECK(verdict(o, "l.only_order/art21/excludes") == "not_applicable");
}

TEST_CASE("both routes decide accepted distinctions alike", "[cli][distinctions][routes]") {
  Project project;
  Run fast = project.run("check --format json --include-all rules.sir law.sir");
  Run z3 = project.run("check --format json --include-all --all-z3 rules.sir law.sir");
  INFO(fast.err << z3.err);
  CHECK(fast.status == z3.status);
  CHECK(fast.out == z3.out);
  // Not vacuous: something failed and something passed.
  json r = report(fast);
  CHECK(verdict(r, "l.status/art21/excludes") == "fails");
  CHECK(verdict(r, "l.court/art21/excludes") == "passes");
}

TEST_CASE("explain names the distinctions a finding took into account", "[cli][distinctions]") {
  Project project;
  Run run = project.run("explain l.status/art21/excludes rules.sir law.sir");
  INFO(run.err);
  CHECK(run.out.find("accepted:   court_ban") != std::string::npos);
  CHECK(run.out.find("court_order and time_limited") != std::string::npos);
  // The citizens-only distinction is for art25, not art21.
  CHECK(run.out.find("citizens_take_part") == std::string::npos);
  Run art25 = project.run("explain l.citizens/art25/excludes rules.sir law.sir");
  CHECK(art25.out.find("accepted:   citizens_take_part") != std::string::npos);
}

TEST_CASE("the bundled rule base accepts a court's ban, a citizens-only candidacy and recidivism, and not a "
          "status exclusion",
          "[cli][distinctions][corpus]") {
  TempDir dir;
  std::string root = source_dir();
  dir.write("contrast.sir",
            "import \"" + root +
                "/rules/iccpr/vocabulary.sir\"\n"
                "import \"" +
                root +
                "/rules/iccpr/tests-discrimination.sir\"\n"
                "import \"" +
                root +
                "/laws/controls/designs/jurisdiction.sir\"\n"
                "law contrast {\n  title: \"Contrast: a status exclusion\"\n  jurisdiction: ctl_designs\n  level: law\n"
                "  source: general-comment-18 para 13\n"
                "  provision no_associations_with_record {\n"
                "    title: \"Everyone with a criminal record is barred from founding or joining an association, for "
                "life\"\n"
                "    restricts: art22\n"
                "    scope: person where not criminal_record\n"
                "    judicial_authorisation: no\n    blanket_ban: yes\n    limited_in_time: no\n"
                "    source: general-comment-18 para 13\n  }\n}\n");
  Run run = run_in(dir.path(),
                   "check --format json --include-all " + root + "/rules/iccpr " + root +
                       "/laws/controls/designs contrast.sir",
                   "NO_COLOR=1");
  json r = report(run);
  const json* status = finding(r, "contrast.no_associations_with_record/art22/excludes_on_protected_ground");
  REQUIRE(status != nullptr);
  CHECK((*status)["verdict"] == "fails");
  CHECK((*status)["strength"] == "presumptive");
  CHECK(verdict(r, "ctl_design_sentencing.assembly_organising_ban_by_court/art21/excludes_on_protected_ground") ==
        "passes");
  CHECK(verdict(r, "ctl_design_elections.candidates_citizens/art25/excludes_non_citizens") == "passes");
  CHECK(verdict(r, "ctl_design_elections.party_founders_citizens/art22/excludes_non_citizens") == "passes");
  CHECK(verdict(r, "ctl_design_sentencing.recidivism_aggravation/art26/enhanced_liability_on_protected_ground") ==
        "passes");
  // Nothing in the designs fails.
  for (const auto& f : r["findings"]) {
    std::string id = f["id"];
    if (id.rfind("ctl_design", 0) == 0) {
      INFO(id);
      CHECK(f["verdict"] != "fails");
    }
  }
}
