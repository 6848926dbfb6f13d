// A citation marked `[unverified]` in the rules reads with "(unverified)" after it in every
// report format, and only that citation does; `fmt` keeps the marker.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace siracusa::testing;
using nlohmann::json;

namespace {

const char* const rules = R"(document read-doc {
  title: "A document we read"
  paragraphs: 1..10
}
document unread-doc {
  title: "A document we could not read"
  paragraphs: 1..10
}
fact precise: bool "Whether the terms are precise."
right art19 {
  article: 19
  title: "Expression"
}
jurisdiction xx {
  title: "Testland"
}
test imprecise {
  applies to: art19
  criterion: legality
  fails when: not precise
  strength: per_se
  cites: read-doc para 2; unread-doc para 7 [unverified]
  explanation: "e"
  recommendation: "r"
}
)";

const char* const law = R"(import "rules.sir"
law l {
  title: "A law"
  jurisdiction: xx
  source: read-doc para 3
  provision p {
    restricts: art19
    precise: no
    source: read-doc para 4
  }
}
)";

struct Corpus {
  TempDir dir;
  Corpus() {
    dir.write("rules/rules.sir", rules);
    dir.write("rules/law.sir", law);
  }
  Run check(const std::string& format) const {
    Run run = run_in(dir.path(), "check rules --format " + format, "NO_COLOR=1");
    INFO(run.err);
    REQUIRE(run.status == 1); // the provision fails, per se
    return run;
  }
};

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size()))
    ++n;
  return n;
}

} // namespace

TEST_CASE("unverified citations: JSON marks the unverified citation and no other", "[cli][unverified]") {
  Corpus corpus;
  auto report = json::parse(corpus.check("json").out);
  auto problems = validate(report, json::parse(read_file(source_dir() + "/docs/findings.schema.json")));
  INFO((problems.empty() ? std::string() : problems.front()));
  CHECK(problems.empty());
  REQUIRE(report["findings"].size() == 1);
  const auto& citations = report["findings"][0]["citations"];
  REQUIRE(citations.size() == 2);
  // By the document's title, as every other format prints them.
  CHECK(citations[0] == "A document we read, para. 2");
  CHECK(citations[1] == "A document we could not read, para. 7 (unverified)");
}

TEST_CASE("unverified citations: text, Markdown, HTML and SARIF show the marker by the citation", "[cli][unverified]") {
  Corpus corpus;
  for (const char* format : {"text", "markdown", "html", "sarif"}) {
    INFO(format);
    std::string out = corpus.check(format).out;
    // By the document's title, followed by the marker; the read document never has it.
    CHECK(count(out, "A document we could not read, para. 7 (unverified)") >= 1);
    CHECK(count(out, "A document we read, para. 2 (unverified)") == 0);
    CHECK(count(out, "A document we read, para. 2") >= 1);
  }
}

TEST_CASE("unverified citations: fmt keeps the marker, and a misspelt marker is a located syntax error",
          "[cli][unverified]") {
  Corpus corpus;
  Run fmt = run_in(corpus.dir.path(), "fmt rules", "NO_COLOR=1");
  INFO(fmt.out << fmt.err);
  REQUIRE(fmt.status == 0);
  CHECK(read_file(corpus.dir.path() / "rules" / "rules.sir")
            .find("cites: read-doc para 2; unread-doc para 7 "
                  "[unverified]\n") != std::string::npos);
  CHECK(run_in(corpus.dir.path(), "fmt --check rules", "NO_COLOR=1").status == 0);
  corpus.dir.write("rules/rules.sir",
                   std::regex_replace(std::string(rules), std::regex(R"(\[unverified\])"), "[unverifed]"));
  Run lint = run_in(corpus.dir.path(), "lint rules", "NO_COLOR=1");
  CHECK(lint.status == 2);
  CHECK(lint.err.find("rules/rules.sir:22:") != std::string::npos);
  CHECK(lint.err.find("error[E0101]") != std::string::npos);
}
