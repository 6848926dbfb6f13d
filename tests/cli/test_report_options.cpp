// The report options of `siracusa check` and `explain` on the command line: filters
// (every format lists what they keep and still counts the rest), -q, --group-by
// article, --baseline, the reviews in reviews.toml (shown in every format, never hiding
// a failure), explain --format json and several ids; bad input is a located error with
// exit status 2 and nothing written.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace siracusa::testing;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string report_case() {
  return "tests/cli/report_case";
}

Run sir(const std::string& arguments, const std::string& folder = source_dir()) {
  return run_command("cd '" + folder + "' && NO_COLOR=1 timeout 60 " + binary() + " " + arguments);
}

json json_of(const Run& run) {
  INFO(run.err);
  REQUIRE((run.status == 0 || run.status == 1));
  return json::parse(run.out);
}

std::vector<std::string> ids_of(const json& report) {
  std::vector<std::string> ids;
  for (const auto& f : report["findings"])
    ids.push_back(f["id"]);
  return ids;
}

// A copy of the report case in a temporary folder, to change.
struct CaseCopy {
  TempDir dir;
  CaseCopy() {
    for (const char* name : {"rules.sir", "laws.sir", "reviews.toml"})
      dir.write(std::string("case/") + name, read_file(source_dir() + "/tests/cli/report_case/" + name));
  }
  std::string path() const { return (dir.path() / "case").string(); }
  void replace(const std::string& name, const std::string& from, const std::string& to) const {
    std::string text = read_file(dir.path() / "case" / name);
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    dir.write("case/" + name, text.replace(at, from.size(), to));
  }
};

} // namespace

TEST_CASE("filters list only what they keep, in every format, and the summary still counts everything",
          "[cli][report][filters]") {
  auto all = json_of(sir("check --format json " + report_case()));
  auto filtered = json_of(sir("check --format json --right 21 --verdict fails " + report_case()));
  CHECK(filtered["summary"] == all["summary"]);
  CHECK(filtered["tool"]["options"]["filters"]["rights"] == json::array({"21"}));
  std::size_t kept = 0;
  for (const auto& f : all["findings"])
    kept += f["article"] == "21" && f["verdict"] == "fails" ? 1 : 0;
  REQUIRE(kept > 0);
  CHECK(filtered["findings"].size() == kept);
  for (const auto& f : filtered["findings"]) {
    CHECK(f["right"] == "assembly");
    CHECK(f["verdict"] == "fails");
  }
  CHECK(filtered["listing"]["filtered_out"].get<std::size_t>() > 0);
  // Every format says a filter was applied.
  Run text = sir("check --right 21 --verdict fails " + report_case());
  CHECK(text.out.find("filtered: --right 21 --verdict fails") != std::string::npos);
  CHECK(text.out.find("police_act") == std::string::npos);
  CHECK(text.out.find("Summary: 6 provisions, 5 tests, 15 decisions") != std::string::npos);
  Run html = sir("check --format html --right 21 --verdict fails " + report_case());
  CHECK(html.out.find("Filtered with <code>--right 21 --verdict fails</code>") != std::string::npos);
  CHECK(html.out.find("data-article=\"9\"") == std::string::npos);
  Run md = sir("check --format markdown --right 21 --verdict fails " + report_case());
  CHECK(md.out.find("> **Filtered** with `--right 21 --verdict fails`") != std::string::npos);
  auto sarif = json::parse(sir("check --format sarif --right 21 --verdict fails " + report_case()).out);
  CHECK(sarif["runs"][0]["results"].size() == kept);
  CHECK(sarif["runs"][0]["invocations"][0]["properties"]["options"]["filters"] == "--right 21 --verdict fails");
  // Law, criterion and strength; values comma-separated.
  auto narrow = json_of(
      sir("check --format json --law police_act --criterion legality,necessity --strength per_se " + report_case()));
  CHECK(ids_of(narrow) == std::vector<std::string>{"police_act.detention/liberty/vague_terms"});
}

TEST_CASE("filters decide the exit status too: only what they keep can fail the run", "[cli][report][filters]") {
  CHECK(sir("check " + report_case()).status == 1);
  // The only findings on art. 12(3) pass.
  CHECK(sir("check --right '12(3)' " + report_case()).status == 0);
  CHECK(sir("check --verdict may_fail " + report_case()).status == 0);
  CHECK(sir("check --verdict may_fail --fail-on may_fail " + report_case()).status == 1);
}

TEST_CASE("a filter that names nothing is a usage error, and nothing is written", "[cli][report][filters]") {
  TempDir dir;
  auto out = dir.path() / "report.html";
  for (const char* bad :
       {"--right art99", "--law nolaw", "--criterion necesity", "--verdict failz", "--strength strong"}) {
    DYNAMIC_SECTION(bad) {
      Run run = sir(std::string("check --format html -o ") + out.string() + " " + bad + " " + report_case());
      CHECK(run.status == 2);
      CHECK(run.err.find("error[E0009]") != std::string::npos);
      CHECK_FALSE(fs::exists(out));
    }
  }
  CHECK(sir("check --criterion necesity " + report_case()).err.find("did you mean `necessity`") != std::string::npos);
}

TEST_CASE("check -q prints the counts only, and --group-by article orders by article number", "[cli][report]") {
  Run quiet = sir("check -q " + report_case());
  CHECK(quiet.status == 1);
  CHECK(quiet.out.find("Summary: 6 provisions, 5 tests, 15 decisions: FAILS 5") != std::string::npos);
  CHECK(quiet.out.find("because:") == std::string::npos);
  CHECK(quiet.out.find("provision ") == std::string::npos);
  Run quiet_json = sir("check -q --format json " + report_case());
  CHECK(quiet_json.status == 2);
  CHECK(quiet_json.err.find("error[E0009]") != std::string::npos);

  Run by_article = sir("check --group-by article --include-passes " + report_case());
  const std::string& out = by_article.out;
  auto nine = out.find("\nArticle 9 — Liberty & security\n");
  auto twelve = out.find("\nArticle 12(3) — Movement\n");
  auto twenty_one = out.find("\nArticle 21 — Peaceful assembly");
  REQUIRE(nine != std::string::npos);
  REQUIRE(twelve != std::string::npos);
  REQUIRE(twenty_one != std::string::npos);
  CHECK(nine < twelve);
  CHECK(twelve < twenty_one);
  // Under an article, what fails comes first.
  CHECK(out.find("FAILS  per_se  assembly  needs_permission", twenty_one) <
        out.find("MAY-FAIL  per_se  assembly  needs_permission", twenty_one));
  CHECK(sir("check --group-by law " + report_case()).out.find("\nassembly_act — Assembly Act") != std::string::npos);
}

TEST_CASE("check --baseline lists only findings new or changed since a previous JSON report",
          "[cli][report][baseline]") {
  CaseCopy copy;
  auto baseline_file = copy.dir.path() / "baseline.json";
  Run first = sir("check --format json -o " + baseline_file.string() + " " + copy.path());
  REQUIRE(first.status == 1);
  auto before = json::parse(read_file(baseline_file));
  // Nothing changed: nothing listed, the run passes, and the report says how many it left out.
  auto same = json_of(sir("check --format json --baseline " + baseline_file.string() + " " + copy.path()));
  CHECK(same["findings"].empty());
  CHECK(same["listing"]["unchanged"] == before["findings"].size());
  CHECK(same["summary"] == before["summary"]);
  CHECK(sir("check --baseline " + baseline_file.string() + " " + copy.path()).status == 0);
  Run text = sir("check --baseline " + baseline_file.string() + " " + copy.path());
  CHECK(text.out.find("baseline: " + baseline_file.string() + " — listing what is new or changed; " +
                      std::to_string(before["findings"].size()) + " unchanged findings left out") != std::string::npos);

  // The open regime becomes a permission (may fail -> fails), the notice becomes short
  // (long_notice passes now), and the detention is assessed on the text (a new basis).
  copy.replace("laws.sir", "regime: one of {notification, authorisation}", "regime: authorisation");
  copy.replace("laws.sir", "notice_days: 5 days", "notice_days: 1 days");
  copy.replace("laws.sir", "precise: no [assessment report para 11]", "precise: no");
  auto after = json_of(sir("check --format json --baseline " + baseline_file.string() + " " + copy.path()));
  std::map<std::string, json> listed;
  for (const auto& f : after["findings"])
    listed[f["id"]] = f;
  REQUIRE(listed.count("assembly_act.open/assembly/needs_permission") == 1);
  const auto& open = listed["assembly_act.open/assembly/needs_permission"];
  CHECK(open["verdict"] == "fails");
  CHECK(open["change"]["kind"] == "changed");
  CHECK(open["change"]["was"]["verdict"] == "may_fail");
  REQUIRE(listed.count("police_act.detention/liberty/vague_terms") == 1);
  CHECK(listed["police_act.detention/liberty/vague_terms"]["change"]["was"]["basis"] == "assessment");
  CHECK(listed.count("assembly_act.notice/assembly/long_notice") == 0);
  CHECK(after["listing"]["gone"] == 1);
  // Two changed, one gone, the rest as they were.
  CHECK(listed.size() == 2);
  CHECK(after["listing"]["unchanged"].get<std::size_t>() + listed.size() + 1 == before["findings"].size());
  Run changed = sir("check --baseline " + baseline_file.string() + " " + copy.path());
  CHECK(changed.status == 1);
  CHECK(changed.out.find("changed since the baseline (was may fail, per se incompatible, on the text of the law)") !=
        std::string::npos);
  auto sarif = json::parse(sir("check --format sarif --baseline " + baseline_file.string() + " " + copy.path()).out);
  for (const auto& r : sarif["runs"][0]["results"])
    CHECK(r["baselineState"] == "updated");
}

TEST_CASE("a baseline that is not a JSON report is E0019 at its place, and nothing is written",
          "[cli][report][baseline]") {
  TempDir dir;
  auto out = dir.path() / "report.json";
  auto not_json = dir.write("broken.json", "{\n  \"findings\": [\n    {\"id\": \"a\",,}\n  ]\n}\n");
  Run run = sir("check --format json -o " + out.string() + " --baseline " + not_json.string() + " " + report_case());
  CHECK(run.status == 2);
  CHECK(std::regex_search(run.err, std::regex(R"(broken\.json:3:\d+: error\[E0019\]: the baseline is not JSON)")));
  CHECK_FALSE(fs::exists(out));
  auto no_verdict = dir.write("old.json", "{\n  \"findings\": [\n    {\"id\": \"x.y/r/t\", \"strength\": \"per_se\"}\n"
                                          "  ]\n}\n");
  Run bad = sir("check --baseline " + no_verdict.string() + " " + report_case());
  CHECK(bad.status == 2);
  CHECK(std::regex_search(bad.err,
                          std::regex(R"(old\.json:3:12: error\[E0019\]: /findings/0 \(`x\.y/r/t`\): `verdict`)")));
  Run missing = sir("check --baseline " + (dir.path() / "none.json").string() + " " + report_case());
  CHECK(missing.status == 2);
  CHECK(missing.err.find("error[E0019]: cannot read the baseline") != std::string::npos);
  auto no_findings = dir.write("empty.json", "{\"tool\": {}}\n");
  CHECK(sir("check --baseline " + no_findings.string() + " " + report_case()).err.find("has no `findings` list") !=
        std::string::npos);
}

TEST_CASE("reviews beside the laws show in every format and never hide a failure", "[cli][report][reviews]") {
  const std::string contested = "assembly_act.notice/assembly/refusable_notice";
  auto report = json_of(sir("check --format json " + report_case()));
  json review;
  for (const auto& f : report["findings"])
    if (f["id"] == contested)
      review = f["review"];
  REQUIRE(review.is_object());
  CHECK(review["status"] == "contested");
  CHECK(review["by"] == "A. Analyst");
  CHECK(review["date"] == "2025-06-01");
  CHECK(review["current"] == true);
  CHECK(review["file"] == "tests/cli/report_case/reviews.toml");
  CHECK(review["line"] == 4);
  CHECK(report["listing"]["reviewed"] == 2);
  CHECK(report["listing"]["contested"] == 1);
  // The review of an earlier verdict is shown as such.
  for (const auto& f : report["findings"])
    if (f["id"] == "police_act.detention/liberty/vague_terms")
      CHECK(f["review"]["current"] == false);

  Run text = sir("check " + report_case());
  CHECK(text.out.find("review: Contested by A. Analyst on 2025-06-01: The ministry's <guidance>") != std::string::npos);
  CHECK(text.out.find("1 contested") != std::string::npos);
  Run html = sir("check --format html " + report_case());
  CHECK(html.out.find("Contested by A. Analyst on 2025-06-01: The ministry&#39;s &lt;guidance&gt;") !=
        std::string::npos);
  CHECK(html.out.find("contested by an analyst</span>") != std::string::npos);
  Run md = sir("check --format markdown " + report_case());
  CHECK(md.out.find("- **Analyst's review:** Contested by A. Analyst on 2025-06-01: The ministry's \\<guidance\\>") !=
        std::string::npos);
  auto sarif = json::parse(sir("check --format sarif " + report_case()).out);
  bool found = false;
  for (const auto& r : sarif["runs"][0]["results"])
    if (r["properties"]["id"] == contested) {
      found = true;
      CHECK(r["level"] == "error"); // still a presumptive failure
      CHECK(r["properties"]["review"]["status"] == "contested");
      CHECK(r["message"]["text"].get<std::string>().find("Contested by A. Analyst") != std::string::npos);
      CHECK_FALSE(r.contains("suppressions"));
    }
  CHECK(found);
  // The contested failure is the only presumptive one in the assembly act: it still fails the run.
  CHECK(sir("check --law assembly_act --fail-on fails:presumptive " + report_case()).status == 1);
}

TEST_CASE("a bad reviews.toml is E0018 at its line, a review of no finding W0601", "[cli][report][reviews]") {
  CaseCopy copy;
  auto out = copy.dir.path() / "report.html";
  copy.replace("reviews.toml", "status = \"contested\"", "status = \"disputed\"");
  Run run = sir("check --format html -o " + out.string() + " " + copy.path(), copy.dir.path().string());
  CHECK(run.status == 2);
  CHECK(run.err.find("case/reviews.toml:5:10: error[E0018]: `status` is `reviewed`") != std::string::npos);
  CHECK_FALSE(fs::exists(out));

  CaseCopy unknown;
  unknown.replace("reviews.toml", "finding = \"assembly_act.notice/assembly/refusable_notice\"",
                  "finding = \"assembly_act.notice/assembly/refusable_notic\"");
  Run warned = sir("check --format json " + unknown.path(), unknown.dir.path().string());
  CHECK(warned.status == 1);
  CHECK(warned.err.find("case/reviews.toml:4:11: warning[W0601]: no finding "
                        "`assembly_act.notice/assembly/refusable_notic`") != std::string::npos);
  CHECK(warned.err.find("did you mean `assembly_act.notice/assembly/refusable_notice`") != std::string::npos);
  CHECK(json::parse(warned.out)["listing"]["reviewed"] == 1);
}

TEST_CASE("explain takes several ids and --format json", "[cli][report][explain]") {
  const std::string a = "assembly_act.notice/assembly/refusable_notice";
  const std::string b = "police_act.detention/liberty/long_detention";
  Run text = sir("explain " + a + "," + b + " " + report_case());
  REQUIRE(text.status == 0);
  CHECK(text.out.find("Finding " + a) < text.out.find("Finding " + b));
  CHECK(text.out.find("The Siracusa Principles, paras. 10, 11") != std::string::npos);
  Run json_run = sir("explain --format json " + b + "," + a + " " + report_case());
  REQUIRE(json_run.status == 0);
  auto document = json::parse(json_run.out);
  REQUIRE(document["explained"].size() == 2);
  CHECK(document["explained"][0]["finding"]["id"] == b);
  CHECK(document["explained"][1]["finding"]["id"] == a);
  auto schema = json::parse(read_file(source_dir() + "/docs/findings.schema.json"));
  json finding_schema = schema;
  finding_schema.erase("required");
  finding_schema.erase("properties");
  finding_schema["$ref"] = "#/definitions/finding";
  for (const auto& item : document["explained"]) {
    auto problems = validate(item["finding"], finding_schema);
    INFO((problems.empty() ? std::string() : problems.front()));
    CHECK(problems.empty());
    CHECK(item["condition"].is_string());
    CHECK_FALSE(item["stated_facts"].empty());
    for (const auto& fact : item["stated_facts"])
      CHECK(fact["file"] == "tests/cli/report_case/laws.sir");
  }
  CHECK(document["explained"][1]["condition"] == "regime == notification and refusal_possible");
  Run unknown = sir("explain " + a + ",no.such/finding/x " + report_case());
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("error[E0011]: no finding `no.such/finding/x`") != std::string::npos);
  CHECK(unknown.out.empty());
}
