// The verdict semantics as a user meets them on the command line: laws alone are checked
// against the bundled rule base (and the output says so), --fail-on picks what makes the
// exit status 1, --min-basis leaves out facts on a weaker basis, and `siracusa test`
// compares expectations with the findings.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;

namespace {

std::string verdicts_case() {
  return source_dir() + "/tests/golden/findings/verdicts";
}

Run sir(const std::string& arguments) {
  return run_command("NO_COLOR=1 " + binary() + " " + arguments);
}

} // namespace

TEST_CASE("laws alone are checked against the bundled rule base, and the report says so", "[cli][verdicts]") {
  Run run = sir("check --format json " + source_dir() + "/laws/kz/assemblies_2020.sir");
  INFO(run.err);
  REQUIRE((run.status == 0 || run.status == 1));
  auto document = nlohmann::json::parse(run.out);
  CHECK(document["inputs"]["tests"].get<int>() > 0);
  REQUIRE(document["inputs"]["rule_base"].size() == 1);
  CHECK(document["inputs"]["rule_base"][0].get<std::string>().find("bundled") != std::string::npos);
  Run text = sir("check " + source_dir() + "/laws/kz/assemblies_2020.sir");
  CHECK(text.out.find("rule base:") != std::string::npos);
}

TEST_CASE("check --fail-on chooses the verdicts and strengths that make the exit status 1", "[cli][verdicts]") {
  // The case has per se and presumptive failures: the default fails.
  CHECK(sir("check " + verdicts_case()).status == 1);
  // Only concerns: there is one `fails` of strength concern.
  CHECK(sir("check --fail-on fails:concern " + verdicts_case()).status == 1);
  // Nothing is undetermined.
  CHECK(sir("check --fail-on undetermined " + verdicts_case()).status == 0);
  // The analyst's work list can fail a run too.
  CHECK(sir("check --fail-on unassessed " + verdicts_case()).status == 1);
  Run bad = sir("check --fail-on failz " + verdicts_case());
  CHECK(bad.status == 2);
  CHECK(bad.err.find("`failz` is not a verdict") != std::string::npos);
  CHECK(sir("check --fail-on fails:never " + verdicts_case()).status == 2);
}

TEST_CASE("check --min-basis text leaves out facts that rest on practice or an assessment", "[cli][verdicts]") {
  auto all = nlohmann::json::parse(sir("check --format json --include-all " + verdicts_case()).out);
  auto text = nlohmann::json::parse(sir("check --format json --include-all --min-basis text " + verdicts_case()).out);
  CHECK(text["tool"]["options"]["min_basis"] == "text");
  auto verdict_of = [](const nlohmann::json& document, const std::string& id) {
    for (const auto& f : document["findings"])
      if (f["id"] == id)
        return f["verdict"].get<std::string>();
    return std::string("absent");
  };
  // `precise: no` is an assessment: without it the definitions say nothing on vagueness.
  CHECK(verdict_of(all, "assembly_act.definitions/assembly/vague_terms") == "fails");
  CHECK(verdict_of(text, "assembly_act.definitions/assembly/vague_terms") == "not_applicable");
  // `refusal_possible: yes` is an assessment: without it the question is open again.
  CHECK(verdict_of(all, "assembly_act.notice/assembly/refusable_notice") == "fails");
  CHECK(verdict_of(text, "assembly_act.notice/assembly/refusable_notice") == "unassessed");
  for (const auto& f : text["findings"])
    if (!f["basis"].is_null())
      CHECK(f["basis"] == "text");
}

TEST_CASE("siracusa test reports each expectation and exits 1 when one is not met", "[cli][verdicts]") {
  TempDir dir;
  dir.write("expect.sir", "import \"" + verdicts_case() +
                              "/laws.sir\"\n\n"
                              "expect fails per_se: vague_terms on assembly_act.definitions source: report para 9\n"
                              "expect unassessed: assembly on assembly_act.unclear_refusal\n"
                              "expect no fails: necessity on assembly_act.urgent\n"
                              "expect no fails on opinion_act\n");
  Run run = sir("test " + (dir.path() / "expect.sir").string());
  INFO(run.out << run.err);
  CHECK(run.status == 1);
  CHECK(run.out.find("ok    expect fails per_se: vague_terms on assembly_act.definitions") != std::string::npos);
  CHECK(run.out.find("ok    expect unassessed: assembly on assembly_act.unclear_refusal") != std::string::npos);
  CHECK(run.out.find("ok    expect no fails: necessity on assembly_act.urgent") != std::string::npos);
  // The opinion act restricts an absolute right: the expectation is not met, and the
  // report shows the finding that breaks it.
  CHECK(run.out.find("FAIL  expect no fails on opinion_act") != std::string::npos);
  CHECK(run.out.find("FAILS  per_se  opinion_act.registered_beliefs/opinion/restricts_absolute") != std::string::npos);
  CHECK(run.out.find("4 expectations: 3 met, 1 not met") != std::string::npos);

  dir.write("met.sir", "import \"" + verdicts_case() + "/laws.sir\"\n\nexpect fails: opinion on opinion_act\n");
  CHECK(sir("test " + (dir.path() / "met.sir").string()).status == 0);
}

TEST_CASE("an expectation that names nothing the rule base has is a located error", "[cli][verdicts]") {
  TempDir dir;
  dir.write("expect.sir", "import \"" + verdicts_case() + "/laws.sir\"\n\nexpect fails: art7 on opinion_act\n");
  Run run = sir("test " + (dir.path() / "expect.sir").string());
  CHECK(run.status == 2);
  CHECK(run.err.find("expect.sir:3:15: error[E0216]: `art7` is not a right, a criterion or a test") !=
        std::string::npos);
}

TEST_CASE("the project's legal regression suite: every expectation beside the bundled laws is met", "[cli][verdicts]") {
  Run run = sir("test " + source_dir() + "/rules " + source_dir() + "/laws");
  INFO(run.out.substr(run.out.size() > 4000 ? run.out.size() - 4000 : 0) << run.err);
  CHECK(run.status == 0);
  CHECK(run.out.find(" 0 not met") != std::string::npos);
  // The compliant controls are among them: no control may fail.
  CHECK(run.out.find("ok    expect no fails on ctl_no") != std::string::npos);
}
