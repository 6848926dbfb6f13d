// The document formats of `siracusa check` checked against what the JSON report says
// (itself checked against docs/findings.schema.json): HTML (self-contained, escaped,
// findings by article in numeric order, every anchor resolving), Markdown (the same
// content, tables well formed) and SARIF 2.1.0 (the parts of its schema we use, levels,
// locations, fingerprints); each file's digest against sha256sum; every format
// byte-identical across runs and thread counts.
#include "support.hpp"

#include "diag/sha256.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace siracusa;
using namespace siracusa::testing;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string report_case() {
  return "tests/cli/report_case";
}

// Runs the binary from the source folder, so that file names in reports are relative.
Run sir(const std::string& arguments) {
  return run_command("cd '" + source_dir() + "' && NO_COLOR=1 timeout 60 " + binary() + " " + arguments);
}

json json_report(const std::string& arguments) {
  Run run = sir("check --format json " + arguments);
  INFO(run.err);
  REQUIRE((run.status == 0 || run.status == 1));
  auto document = json::parse(run.out);
  auto problems = validate(document, json::parse(read_file(source_dir() + "/docs/findings.schema.json")));
  INFO((problems.empty() ? std::string() : problems.front()));
  CHECK(problems.empty());
  return document;
}

std::map<std::string, std::string> attributes_of(const std::string& tag) {
  static const std::regex attribute(R"re(([a-zA-Z][\w-]*)="([^"]*)")re");
  std::map<std::string, std::string> out;
  for (std::sregex_iterator it(tag.begin(), tag.end(), attribute), end; it != end; ++it)
    out[(*it)[1].str()] = (*it)[2].str();
  return out;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size()))
    ++n;
  return n;
}

// An article number as numbers, part by part (written here again, not taken from the engine).
std::vector<long> article_key(const std::string& article) {
  std::vector<long> key;
  std::regex part(R"(\d+|[a-z])");
  for (std::sregex_iterator it(article.begin(), article.end(), part), end; it != end; ++it) {
    std::string p = it->str();
    key.push_back(std::isdigit(static_cast<unsigned char>(p[0])) ? std::stol(p) : 100000 + p[0]);
  }
  return key;
}

std::string sha256sum(const std::string& file) {
  Run run = run_command("sha256sum '" + source_dir() + "/" + file + "'");
  REQUIRE(run.status == 0);
  return run.out.substr(0, 64);
}

const json& by_id(const json& report, const std::string& id) {
  for (const auto& f : report["findings"])
    if (f["id"] == id)
      return f;
  FAIL("no finding " << id);
  static json none;
  return none;
}

} // namespace

TEST_CASE("check --format html is one self-contained file with every text escaped", "[cli][report][html]") {
  Run run = sir("check --format html --include-passes " + report_case());
  REQUIRE(run.status == 1);
  const std::string& html = run.out;
  CHECK(html.rfind("<!DOCTYPE html>\n", 0) == 0);
  CHECK(html.size() > 1000);
  CHECK(html.substr(html.size() - 8) == "</html>\n");
  // Nothing fetched: no external resource of any kind, every link within the page.
  for (const char* outside : {"<link", "<img", "<iframe", "<object", "@import", "url(", "src=", "http://", "https://"})
    CHECK(html.find(outside) == std::string::npos);
  for (const auto& a : html_elements(html, "a"))
    CHECK(a.at("href").rfind("#", 0) == 0);
  CHECK(count(html, "<script") == 1);
  CHECK(count(html, "<style") == 1);
  // The texts that carry markup come out as text.
  CHECK(html.find("alert(1)</script>") == std::string::npos);
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("Peaceful assembly &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("Permits &lt;/article&gt;&lt;script&gt;alert(2)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("Assemblies need &lt;em&gt;permission&lt;/em&gt;") != std::string::npos);
  CHECK(html.find("A guide with &quot;quotes&quot; and &lt;b&gt;tags&lt;/b&gt;, para. 6") != std::string::npos);
  CHECK(html.find("<em>permission</em>") == std::string::npos);
  // Every anchor resolves, and ids are unique.
  std::set<std::string> ids;
  static const std::regex id_attribute(R"re(\sid="([^"]*)")re");
  for (std::sregex_iterator it(html.begin(), html.end(), id_attribute), end; it != end; ++it)
    CHECK(ids.insert((*it)[1].str()).second);
  for (const auto& a : html_elements(html, "a")) {
    INFO(a.at("href"));
    CHECK(ids.count(a.at("href").substr(1)) == 1);
  }
}

TEST_CASE("check --format html lists what the JSON lists, by article in numeric order, with every part",
          "[cli][report][html]") {
  auto report = json_report("--include-passes " + report_case());
  Run run = sir("check --format html --include-passes " + report_case());
  const std::string& html = run.out;
  // Findings are cards, work-list questions are rows: together, the JSON's findings.
  auto cards = html_elements(html, "article");
  auto rows = html_elements(html, "tr");
  std::map<std::string, std::map<std::string, std::string>> shown;
  std::vector<std::string> card_articles;
  for (const auto& card : cards) {
    REQUIRE(card.count("data-verdict") == 1);
    card_articles.push_back(card.at("data-article"));
    shown[card.at("id")] = card;
  }
  std::size_t questions = 0;
  for (const auto& row : rows)
    if (row.count("data-verdict") == 1) {
      CHECK(row.at("data-verdict") == "unassessed");
      ++questions;
    }
  std::size_t unassessed = 0;
  for (const auto& f : report["findings"]) {
    if (f["verdict"] == "unassessed") {
      ++unassessed;
      continue;
    }
    // The card of a finding carries its id (in the footer) and its verdict, strength,
    // criterion and article as data for the filters.
    std::string id = f["id"];
    auto at = html.find("Finding <code>" + id + "</code>");
    INFO(id);
    REQUIRE(at != std::string::npos);
    auto open = html.rfind("<article ", at);
    auto card = attributes_of(html.substr(open, html.find('>', open) - open));
    CHECK(card.at("data-verdict") == f["verdict"]);
    CHECK(card.at("data-strength") == f["strength"]);
    CHECK(card.at("data-criterion") == f["criterion"]);
    CHECK(card.at("data-article") == f["article"]);
  }
  CHECK(cards.size() + unassessed == report["findings"].size());
  CHECK(questions == unassessed);
  CHECK(unassessed == 1);
  // Articles in numeric order (9, 12(3), 21 — not as text), each article in one group.
  for (std::size_t i = 1; i < card_articles.size(); ++i) {
    INFO(card_articles[i - 1] << " then " << card_articles[i]);
    CHECK(article_key(card_articles[i - 1]) <= article_key(card_articles[i]));
  }
  auto heading = [&](const std::string& text) { return html.find("<h3>" + text); };
  CHECK(heading("Article 9 — Liberty &amp; security") < heading("Article 12(3) — Movement"));
  CHECK(heading("Article 12(3) — Movement") < heading("Article 21 — Peaceful assembly"));
  // The parts a reader needs: provision and law (with its original title), verdict and
  // strength in words, facts and their basis, witness, explanation, citations by title,
  // sources by title, justification, recommendation, review; metadata.
  for (const char* part :
       {"Notice that can be refused (art. 4(1)) — Assembly Act", "Закон «О собраниях»", "presumptively incompatible",
        "per se incompatible", "<code>refusal_possible: yes [assessment report para 4]</code> — assessment by a source",
        "It fails, for instance, where <code>regime</code> is authorisation.", "A refusable notice is a permission.",
        "General Comment 37 &lt;on assembly&gt;, para. 70", "The Covenant &amp; its articles, art. 21",
        "The Siracusa Principles, paras. 10, 11", "A fictional report on Testland &amp; its laws, paras. 3, 4",
        "that only a court may refuse, on grounds the law lists.", "Let only a court refuse.",
        "Contested by A. Analyst on 2025-06-01: The ministry&#39;s &lt;guidance&gt;",
        "state <code>refusal_possible</code>", "siracusa 0.1.0", "Analyst's work list", "By law and criterion",
        "By verdict and strength"}) {
    INFO(part);
    CHECK(html.find(part) != std::string::npos);
  }
  // The justification belongs to presumptive findings where something may be wrong.
  CHECK(count(html, "The State would have to show") == 2);
  for (const auto& file : report["inputs"]["files"]) {
    CHECK(file["sha256"] == sha256sum(file["path"]));
    CHECK(html.find(file["sha256"].get<std::string>()) != std::string::npos);
  }
}

TEST_CASE("check --format markdown has the same content, escaped, with well-formed tables", "[cli][report][markdown]") {
  auto report = json_report("--include-passes " + report_case());
  Run run = sir("check --format markdown --include-passes " + report_case());
  REQUIRE(run.status == 1);
  const std::string& md = run.out;
  for (const auto& f : report["findings"]) {
    INFO(f["id"]);
    CHECK((md.find("`" + f["id"].get<std::string>() + "`") != std::string::npos || f["verdict"] == "unassessed"));
  }
  CHECK(md.find("### Article 9 — Liberty \\& security") < md.find("### Article 12(3) — Movement"));
  CHECK(md.find("### Article 12(3) — Movement") < md.find("### Article 21 — Peaceful assembly"));
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("Peaceful assembly \\<script\\>alert(1)\\</script\\>") != std::string::npos);
  CHECK(md.find("Replace permission \\| by notice \\*now\\*.") != std::string::npos);
  for (const char* part : {"General Comment 37 \\<on assembly\\>, para. 70", "The Covenant \\& its articles, art. 21",
                           "Contested by A. Analyst on 2025-06-01", "## 3. Analyst's work list", "Закон «О собраниях»",
                           "`refusal_possible: yes [assessment report para 4]` — assessment by a source"}) {
    INFO(part);
    CHECK(md.find(part) != std::string::npos);
  }
  // Each table: every row has as many cells as its header (pipes escaped in text do not count).
  std::istringstream lines(md);
  std::string line;
  long columns = -1;
  while (std::getline(lines, line)) {
    if (line.rfind("|", 0) != 0) {
      columns = -1;
      continue;
    }
    long cells = 0;
    bool code = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '`')
        code = !code;
      if (line[i] == '|' && !code && (i == 0 || line[i - 1] != '\\'))
        ++cells;
    }
    if (columns < 0)
      columns = cells;
    INFO(line);
    CHECK(cells == columns);
  }
  for (const auto& file : report["inputs"]["files"])
    CHECK(md.find("`" + file["sha256"].get<std::string>() + "`") != std::string::npos);
}

TEST_CASE("check --format sarif is SARIF 2.1.0 with one result per listed finding", "[cli][report][sarif]") {
  auto report = json_report(report_case());
  Run run = sir("check --format sarif " + report_case());
  REQUIRE(run.status == 1);
  auto sarif = json::parse(run.out);
  auto problems = validate(sarif, json::parse(read_file(source_dir() + "/tests/cli/sarif-2.1.0-subset.schema.json")));
  INFO((problems.empty() ? std::string() : problems.front()));
  CHECK(problems.empty());
  CHECK(sarif["version"] == "2.1.0");
  REQUIRE(sarif["runs"].size() == 1);
  const auto& sarif_run = sarif["runs"][0];
  const auto& rules = sarif_run["tool"]["driver"]["rules"];
  const auto& results = sarif_run["results"];
  REQUIRE(results.size() == report["findings"].size());
  // What each verdict and strength becomes.
  auto expected_level = [](const json& f) -> std::string {
    if (f["verdict"] == "fails")
      return f["strength"] == "concern" ? "warning" : "error";
    if (f["verdict"] == "undetermined")
      return "warning";
    return "note"; // may_fail, unassessed
  };
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    const auto& f = by_id(report, r["properties"]["id"]);
    INFO(f["id"]);
    CHECK(r["ruleId"] == f["test"]);
    const auto& rule = rules.at(r["ruleIndex"].get<std::size_t>());
    CHECK(rule["id"] == f["test"]);
    CHECK(rule["shortDescription"]["text"] == f["test_title"]);
    CHECK(rule["fullDescription"]["text"] == f["explanation"]);
    CHECK(r["level"] == expected_level(f));
    CHECK_FALSE(r.contains("kind")); // a level other than none goes with the default kind, fail
    CHECK(r["partialFingerprints"]["siracusaFindingId/v1"] == sha256_hex(f["id"].get<std::string>()));
    if (!f["provision"].is_null()) {
      const auto& region = r["locations"][0]["physicalLocation"]["region"];
      CHECK(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == f["provision"]["file"]);
      CHECK(region["startLine"] == f["provision"]["line"]);
    }
    // The rule's own place: the test's line in the rule files.
    CHECK(rule["properties"]["file"] == "tests/cli/report_case/rules.sir");
  }
  std::set<std::string> rule_ids;
  for (const auto& rule : rules)
    CHECK(rule_ids.insert(rule["id"].get<std::string>()).second);
  // Citations as help, by title.
  for (const auto& rule : rules)
    if (rule["id"] == "needs_permission")
      CHECK(rule["help"]["text"].get<std::string>().find("The Covenant & its articles, art. 21") != std::string::npos);
  // Artifacts: each file with its digest.
  for (const auto& artifact : sarif_run["artifacts"])
    CHECK(artifact["hashes"]["sha-256"] == sha256sum(artifact["location"]["uri"]));
  // --include-passes: a pass is kind `pass`, level `none`.
  auto with_passes = json::parse(sir("check --format sarif --include-passes " + report_case()).out);
  bool saw_pass = false;
  for (const auto& r : with_passes["runs"][0]["results"])
    if (r["properties"]["verdict"] == "passes") {
      saw_pass = true;
      CHECK(r["kind"] == "pass");
      CHECK(r["level"] == "none");
    }
  CHECK(saw_pass);
}

TEST_CASE("every format is byte-identical across runs and thread counts, with no time unless asked", "[cli][report]") {
  for (const char* format : {"text", "json", "html", "markdown", "sarif"}) {
    DYNAMIC_SECTION(format) {
      std::string arguments = std::string("check --format ") + format + " --include-passes " + report_case();
      Run one = sir(arguments + " -j 1");
      Run two = sir(arguments + " -j 2");
      Run again = sir(arguments + " -j 2");
      REQUIRE(one.status == 1);
      CHECK(one.out == two.out);
      CHECK(two.out == again.out);
    }
  }
  auto plain = json_report(report_case());
  CHECK(plain["tool"]["generated"].is_null());
  auto stamped = json_report("--timestamp " + report_case());
  REQUIRE(stamped["tool"]["generated"].is_string());
  CHECK(std::regex_match(stamped["tool"]["generated"].get<std::string>(),
                         std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  auto sarif = json::parse(sir("check --format sarif --timestamp " + report_case()).out);
  CHECK(std::regex_match(sarif["runs"][0]["invocations"][0]["startTimeUtc"].get<std::string>(),
                         std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  CHECK_FALSE(json::parse(sir("check --format sarif " + report_case()).out)["runs"][0]["invocations"][0].contains(
      "startTimeUtc"));
}

TEST_CASE("report metadata: each file's SHA-256, and a rule base digest that depends on the rule files only",
          "[cli][report]") {
  auto report = json_report(report_case());
  // The rule files, then the reviews beside the laws.
  REQUIRE(report["inputs"]["files"].size() == 3);
  CHECK(report["inputs"]["files"][2]["path"] == "tests/cli/report_case/reviews.toml");
  for (const auto& file : report["inputs"]["files"])
    CHECK(file["sha256"] == sha256sum(file["path"]));
  std::string digest = report["inputs"]["rule_base_digest"];
  // As docs/report-formats.md defines it: sha256sum's lines for the rule files, named
  // from the parent of the tests' folder, sorted by name, then hashed.
  TempDir lines;
  auto listing = lines.write("lines", sha256sum("tests/cli/report_case/laws.sir") + "  report_case/laws.sir\n" +
                                          sha256sum("tests/cli/report_case/rules.sir") + "  report_case/rules.sir\n");
  Run expected = run_command("sha256sum < " + listing.string());
  REQUIRE(expected.status == 0);
  CHECK(digest == expected.out.substr(0, 64));
  // The same rule base read from elsewhere has the same digest.
  Run elsewhere =
      run_command("cd '" + source_dir() + "/tests' && " + binary() + " check --format json cli/report_case");
  CHECK(json::parse(elsewhere.out)["inputs"]["rule_base_digest"] == digest);
  // A copy whose laws change keeps the digest; a change of a rule file changes it.
  TempDir dir;
  dir.write("case/rules.sir", read_file(source_dir() + "/tests/cli/report_case/rules.sir"));
  dir.write("case/laws.sir", read_file(source_dir() + "/tests/cli/report_case/laws.sir") + "\n# a comment\n");
  auto copy = json::parse(run_command(binary() + " check --format json " + (dir.path() / "case").string()).out);
  // The laws sit beside the tests, so they belong to the rule base's folder.
  CHECK(copy["inputs"]["rule_base_digest"] != digest);
  TempDir split;
  split.write("rules/rules.sir", read_file(source_dir() + "/tests/cli/report_case/rules.sir"));
  split.write("laws/laws.sir", std::regex_replace(read_file(source_dir() + "/tests/cli/report_case/laws.sir"),
                                                  std::regex("import \"rules.sir\""), "import \"../rules/rules.sir\""));
  auto base = json::parse(run_command(binary() + " check --format json " + split.path().string()).out);
  std::string split_digest = base["inputs"]["rule_base_digest"];
  split.write("laws/laws.sir", read_file(split.path() / "laws/laws.sir") + "\n# a comment\n");
  auto laws_changed = json::parse(run_command(binary() + " check --format json " + split.path().string()).out);
  CHECK(laws_changed["inputs"]["rule_base_digest"] == split_digest);
  split.write("rules/rules.sir", read_file(split.path() / "rules/rules.sir") + "\n# a comment\n");
  auto rules_changed = json::parse(run_command(binary() + " check --format json " + split.path().string()).out);
  CHECK(rules_changed["inputs"]["rule_base_digest"] != split_digest);
}
