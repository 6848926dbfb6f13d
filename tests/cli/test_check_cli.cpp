// The contract of `siracusa check` on the bundled corpus: schema, exit status, both
// verdicts present, byte-identical output whatever the number of threads.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;

namespace {
std::string corpus() {
  return source_dir() + "/rules " + source_dir() + "/laws";
}
} // namespace

TEST_CASE("check --format json on the bundled corpus is valid, fails something and passes something", "[cli]") {
  Run run = run_command(binary() + " check --format json --include-all " + corpus());
  REQUIRE(run.status == 1);
  auto document = nlohmann::json::parse(run.out);
  auto schema = nlohmann::json::parse(read_file(source_dir() + "/docs/findings.schema.json"));
  auto problems = validate(document, schema);
  INFO((problems.empty() ? std::string() : problems.front()));
  CHECK(problems.empty());
  CHECK(document["summary"]["fails"].get<int>() > 0);
  CHECK(document["summary"]["passes"].get<int>() > 0);
  std::size_t evaluated = document["summary"]["evaluated"];
  CHECK(document["findings"].size() == evaluated);
}

TEST_CASE("without --include-passes the JSON lists every finding but those that pass or do not apply", "[cli]") {
  Run run = run_command(binary() + " check --format json " + corpus());
  REQUIRE(run.status == 1);
  auto document = nlohmann::json::parse(run.out);
  for (const auto& finding : document["findings"]) {
    CHECK(finding["verdict"] != "passes");
    CHECK(finding["verdict"] != "not_applicable");
  }
  auto s = document["summary"];
  CHECK(document["findings"].size() == s["fails"].get<std::size_t>() + s["may_fail"].get<std::size_t>() +
                                           s["undetermined"].get<std::size_t>() + s["unassessed"].get<std::size_t>());
  CHECK(s["not_applicable"].get<std::size_t>() > 0);
  Run passes = run_command(binary() + " check --format json --include-passes " + corpus());
  auto with_passes = nlohmann::json::parse(passes.out);
  CHECK(with_passes["findings"].size() == document["findings"].size() + s["passes"].get<std::size_t>());
}

TEST_CASE("check output is byte-identical across runs and thread counts", "[cli]") {
  Run one = run_command(binary() + " check --format json -j 1 " + corpus());
  Run two = run_command(binary() + " check --format json -j 2 " + corpus());
  Run again = run_command(binary() + " check --format json -j 2 " + corpus());
  REQUIRE(one.status == 1);
  CHECK(one.out == two.out);
  CHECK(two.out == again.out);
  Run text_one = run_command("NO_COLOR=1 " + binary() + " check -j 1 " + corpus());
  Run text_two = run_command("NO_COLOR=1 " + binary() + " check -j 2 " + corpus());
  CHECK(text_one.out == text_two.out);
}

// Which route decided is no part of a report: the fast path and Z3 give the same verdicts,
// cores and witnesses (engine/decide), so auditing with --all-z3 changes no byte.
TEST_CASE("check --format json gives the same bytes with --all-z3 on the bundled corpus", "[cli][routes]") {
  Run fast = run_command(binary() + " check --format json --include-all " + corpus());
  Run audit = run_command(binary() + " check --format json --include-all --all-z3 " + corpus());
  REQUIRE(fast.status == 1);
  REQUIRE(audit.status == fast.status);
  auto fast_findings = nlohmann::json::parse(fast.out)["findings"];
  auto audit_findings = nlohmann::json::parse(audit.out)["findings"];
  REQUIRE(fast_findings.size() == audit_findings.size());
  // The first finding that differs, to say what broke before the bytes are compared.
  for (std::size_t i = 0; i < fast_findings.size(); ++i) {
    INFO(fast_findings[i]["id"].get<std::string>());
    REQUIRE(fast_findings[i].dump(2) == audit_findings[i].dump(2));
  }
  CHECK(fast.out == audit.out);
}

TEST_CASE("explain traces a finding to the facts and lines that produced it", "[cli]") {
  Run run = run_command(binary() + " check --format json " + corpus());
  auto document = nlohmann::json::parse(run.out);
  const nlohmann::json* failing = nullptr;
  for (const auto& finding : document["findings"])
    if (finding["verdict"] == "fails" && !finding["provision"].is_null() && !finding["because"].empty()) {
      failing = &finding;
      break;
    }
  REQUIRE(failing != nullptr);
  Run explained = run_command(binary() + " explain " + (*failing)["id"].get<std::string>() + " " + corpus());
  REQUIRE(explained.status == 0);
  CHECK(explained.out.find("FAILS") != std::string::npos);
  for (const auto& cause : (*failing)["because"]) {
    std::string at = cause["file"].get<std::string>() + ":" + std::to_string(cause["line"].get<int>());
    CHECK(explained.out.find(at) != std::string::npos);
  }
  CHECK(explained.out.find((*failing)["test"].get<std::string>()) != std::string::npos);
}

TEST_CASE("explain of an unknown finding is a usage error with a suggestion", "[cli]") {
  Run run = run_command(binary() + " explain no.such/finding/here " + corpus());
  CHECK(run.status == 2);
  CHECK(run.err.find("E0011") != std::string::npos);
}

TEST_CASE("check -o writes the whole report to a file", "[cli]") {
  TempDir dir;
  auto out = dir.path() / "report.json";
  Run run = run_command(binary() + " check --format json -o " + out.string() + " " + corpus());
  CHECK(run.status == 1);
  CHECK(run.out.empty());
  auto document = nlohmann::json::parse(read_file(out));
  CHECK(document.contains("summary"));
}

TEST_CASE("explain and suggest report a provision whose facts contradict each other, as check does", "[cli]") {
  // No number of days is negative: `notice_days: at most -1 days` cannot hold (E0301).
  TempDir dir;
  std::string path = dir.write(
      "law.sir", "document doc {\n  title: \"D\"\n  paragraphs: 1..5\n}\n"
                 "fact notice_days: days \"Days of notice.\"\n"
                 "right r {\n  article: 21\n  title: \"R\"\n}\n"
                 "test long_notice {\n  applies to: r\n  criterion: proportionality\n  strength: concern\n"
                 "  fails when: notice_days > 5 days\n  cites: doc para 1\n"
                 "  explanation: \"e\"\n  recommendation: \"r\"\n}\n"
                 "jurisdiction xx {\n  title: \"X\"\n}\n"
                 "law assemblies {\n  title: \"A\"\n  jurisdiction: xx\n  source: doc para 1\n"
                 "  provision notice {\n    restricts: r\n    notice_days: at most -1 days\n    source: doc para 2\n"
                 "  }\n}\n");
  Run checked = run_command(binary() + " check " + path);
  CHECK(checked.status == 2);
  CHECK(checked.err.find("E0301") != std::string::npos);
  for (const std::string command : {"explain assemblies.notice/r/long_notice", "suggest assemblies.notice"}) {
    INFO(command);
    Run run = run_command(binary() + " " + command + " " + path);
    CHECK(run.status == 2);
    CHECK(run.err.find("E0301") != std::string::npos);
    CHECK(run.out.empty());
  }
}
