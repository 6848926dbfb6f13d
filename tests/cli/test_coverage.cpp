// `siracusa coverage DOC`: each paragraph of a source document mapped to the provisions
// that cite it (own source, law's source, a fact's source), their findings and the
// expectations citing it; uncovered paragraphs listed with the analyst's note; E0021 for
// a document that cannot be covered, E0022 for a bad notes file. The expected mapping is
// written out here by hand from the tiny corpus, not computed.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;
using nlohmann::json;

namespace {

const char* const rules = R"(document src {
  title: "A source statement"
  paragraphs: 1..6
}
document unnumbered {
  title: "A source without a paragraph range"
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
  cites: src para 1
  explanation: "e"
  recommendation: "r"
}
)";

// Para 1: both provisions' own source. Para 2: p's own source too (p fails). Para 3: a
// fact of q (q passes). Para 5: only the law's source, which covers no provision (each
// has its own). Para 6: only an expectation. Para 4: nothing.
const char* const law = R"(import "rules.sir"
law l {
  title: "A law"
  jurisdiction: xx
  source: src para 5
  provision p {
    restricts: art19
    precise: no
    source: src para 1, 2
  }
  provision q {
    restricts: art19
    precise: yes [text src para 3]
    source: src para 1
  }
}
expect fails: imprecise on l.p source: src para 2
expect no fails on l.q source: src para 6
)";

struct Corpus {
  TempDir dir;
  Corpus() {
    dir.write("c/rules.sir", rules);
    dir.write("c/law.sir", law);
    dir.write("notes.txt", "# why paragraphs are not covered\n4: the rules have no vocabulary for it\n");
  }
  Run run(const std::string& arguments) const { return run_in(dir.path(), arguments, "NO_COLOR=1"); }
};

const json& para(const json& report, int n) {
  for (const auto& p : report["paragraphs"])
    if (p["para"] == n)
      return p;
  FAIL("no paragraph " << n);
  static json none;
  return none;
}

std::vector<std::string> ids(const json& items) {
  std::vector<std::string> out;
  for (const auto& i : items)
    out.push_back(i.is_string() ? i.get<std::string>() : i["id"].get<std::string>());
  return out;
}

} // namespace

TEST_CASE("coverage: each paragraph lists the provisions citing it, their findings and expectations",
          "[cli][coverage]") {
  Corpus corpus;
  Run run = corpus.run("coverage src c --format json --notes notes.txt");
  INFO(run.err);
  REQUIRE(run.status == 0);
  auto report = json::parse(run.out);
  CHECK(report["document"] == "src");
  CHECK(report["title"] == "A source statement");
  REQUIRE(report["paragraphs"].size() == 6);

  const auto& p1 = para(report, 1);
  CHECK(ids(p1["provisions"]) == std::vector<std::string>{"l.p", "l.q"});
  CHECK(p1["covered"] == true);

  const auto& p2 = para(report, 2);
  CHECK(ids(p2["provisions"]) == std::vector<std::string>{"l.p"});
  REQUIRE(p2["findings"].size() == 1);
  CHECK(p2["findings"][0]["id"] == "l.p/art19/imprecise");
  CHECK(p2["findings"][0]["verdict"] == "fails");
  CHECK(p2["findings"][0]["strength"] == "per_se");
  REQUIRE(p2["expectations"].size() == 1);
  CHECK(p2["expectations"][0]["met"] == true);
  CHECK(p2["expectations"][0]["statement"] == "expect fails: imprecise on l.p source: src para 2");

  const auto& p3 = para(report, 3);
  CHECK(ids(p3["provisions"]) == std::vector<std::string>{"l.q"});
  REQUIRE(p3["findings"].size() == 1);
  CHECK(p3["findings"][0]["id"] == "l.q/art19/imprecise");
  CHECK(p3["findings"][0]["verdict"] == "passes");

  const auto& p4 = para(report, 4);
  CHECK(p4["covered"] == false);
  CHECK(p4["provisions"].empty());
  CHECK(p4["note"] == "the rules have no vocabulary for it");

  const auto& p5 = para(report, 5);
  CHECK(p5["covered"] == false);
  CHECK(p5["provisions"].empty());
  CHECK(p5["note"].is_null());

  const auto& p6 = para(report, 6);
  CHECK(p6["covered"] == false);
  REQUIRE(p6["expectations"].size() == 1);
  CHECK(p6["expectations"][0]["met"] == true);
}

TEST_CASE("coverage: the Markdown table shows failing findings and lists the uncovered paragraphs", "[cli][coverage]") {
  Corpus corpus;
  Run run = corpus.run("coverage src c --notes notes.txt");
  INFO(run.err);
  REQUIRE(run.status == 0);
  const std::string& md = run.out;
  CHECK(md.find("# Coverage of `src`") != std::string::npos);
  CHECK(md.find("**Summary.** 6 paragraphs: 3 covered (cited by a provision, or behind a gap finding), 3 not (1 "
                "of them cited by an expectation, 1 with a note).") != std::string::npos);
  CHECK(md.find("| 2 | `l.p` | `l.p/art19/imprecise` fails, per_se | met: `expect fails: imprecise on l.p source: "
                "src para 2` | — |") != std::string::npos);
  // A passing finding is counted, not listed.
  CHECK(md.find("| 3 | `l.q` | (1 passes) | — | — |") != std::string::npos);
  CHECK(md.find("- 4: the rules have no vocabulary for it\n") != std::string::npos);
  CHECK(md.find("- 5: no note\n") != std::string::npos);
  CHECK(md.find("- 2:") == std::string::npos);

  // -o writes the same report.
  Run to_file = corpus.run("coverage src c --notes notes.txt -o out/coverage.md");
  CHECK(to_file.status == 2); // the folder does not exist
  CHECK(to_file.err.find("error[E0010]") != std::string::npos);
  Run written = corpus.run("coverage src c --notes notes.txt -o coverage.md");
  REQUIRE(written.status == 0);
  CHECK(written.out.empty());
  CHECK(read_file(corpus.dir.path() / "coverage.md") == md);
}

TEST_CASE("coverage: a document that cannot be covered is E0021", "[cli][coverage]") {
  Corpus corpus;
  Run unknown = corpus.run("coverage scr c");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("error[E0021]: no document `scr` is declared") != std::string::npos);
  CHECK(unknown.err.find("did you mean `src`?") != std::string::npos);
  Run no_range = corpus.run("coverage unnumbered c");
  CHECK(no_range.status == 2);
  CHECK(no_range.err.find("error[E0021]: document `unnumbered` declares no `paragraphs:` range") != std::string::npos);
  Run no_document = corpus.run("coverage");
  CHECK(no_document.status == 2);
  CHECK(no_document.err.find("error[E0009]") != std::string::npos);
  Run bad_format = corpus.run("coverage src c --format html");
  CHECK(bad_format.status == 2);
  CHECK(bad_format.err.find("`--format` takes markdown or json, not `html`") != std::string::npos);
}

TEST_CASE("coverage: a bad notes file is E0022, located at the line", "[cli][coverage]") {
  Corpus corpus;
  corpus.dir.write("bad.txt", "1: fine\n\nthree: not a number\n");
  Run malformed = corpus.run("coverage src c --notes bad.txt");
  CHECK(malformed.status == 2);
  CHECK(malformed.err.find("bad.txt:3:1: error[E0022]: a note is `N: text` or `N-M: text`") != std::string::npos);
  CHECK(malformed.out.empty());

  corpus.dir.write("range.txt", "# ok\n5-9: beyond the last paragraph\n");
  Run outside = corpus.run("coverage src c --notes range.txt");
  CHECK(outside.status == 2);
  CHECK(outside.err.find("range.txt:2:1: error[E0022]: `src` has paragraphs 1 to 6; this note is for 5-9") !=
        std::string::npos);

  corpus.dir.write("twice.txt", "1-3: a range\n2: again\n");
  Run twice = corpus.run("coverage src c --notes twice.txt");
  CHECK(twice.status == 2);
  CHECK(twice.err.find("twice.txt:2:1: error[E0022]: paragraph 2 has a note already") != std::string::npos);

  Run missing = corpus.run("coverage src c --notes none.txt");
  CHECK(missing.status == 2);
  CHECK(missing.err.find("error[E0022]: cannot read the notes file `none.txt`") != std::string::npos);
}
