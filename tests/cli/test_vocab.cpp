// `siracusa vocab`: the vocabulary as plain text, deterministic; one item in full; "did
// you mean" for a name that is not there.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;

namespace {

const char* const vocabulary = R"(document doc {
  title: "A source"
  paragraphs: 1..10
}
enum legal_order for level { constitution, constitutional_law, code, law, bylaw } enum regime_kind "How a right is controlled." {
  none,
  notification "Notice is enough.",
  authorisation
}
person {
  citizenship: {citizen, foreigner} protected "Nationality."
  age: years "Age in full years."
}
fact regime: regime_kind "The control regime."
fact notice_days: days "Advance notice."
fact unused: bool
duty remedy "A remedy." {
  rights: art19
}
act record "Record a meeting."
right art19 {
  article: 19
  title: "Expression"
}
jurisdiction xx {
  title: "Testland"
  reported_absent: remedy, source: doc para 9
}
test long_notice {
  applies to: art19
  criterion: proportionality
  fails when: notice_days > 5 days and regime == notification
  cites: doc para 1
  explanation: "e"
  recommendation: "r"
  strength: per_se
}
test foreigners_excluded {
  applies to: all
  criterion: non_discrimination
  fails when: some pair a, b differing in protected: a.age > 1 years
  cites: doc para 2
  explanation: "e"
  recommendation: "r"
  strength: per_se
}
test needs_remedy {
  applies to: art19
  criterion: positive_obligation
  requires: remedy
  cites: doc para 3
  explanation: "e"
  recommendation: "r"
  strength: per_se
}
law l {
  title: "A law"
  jurisdiction: xx
  level: law
  provision p {
    restricts: art19
    notice_days: 10 days
    forbids: record for everyone
    source: doc para 4
  }
}
)";

} // namespace

TEST_CASE("vocab lists facts, enums, attributes, duties and acts, sorted, with the tests that read facts",
          "[cli][vocab]") {
  TempDir dir;
  dir.write("rules.sir", vocabulary);
  Run run = run_in(dir.path(), "vocab rules.sir");
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(run.err.empty());
  CHECK(run.out == R"(Facts (3)
  notice_days: days
      Advance notice.
      read by: long_notice
  regime: regime_kind
      The control regime.
      read by: long_notice
  unused: bool
      read by: no test

Enums (1)
  regime_kind: none, notification, authorisation
      How a right is controlled.

Person attributes (2)
  age: years
      Age in full years.
  citizenship: {citizen, foreigner} protected
      Nationality.

Duties (1)
  remedy (rights: art19)
      A remedy.

Acts (1)
  record
      Record a meeting.
)");
  // The same bytes every time.
  CHECK(run_in(dir.path(), "vocab rules.sir").out == run.out);
}

TEST_CASE("vocab NAME shows one item in full", "[cli][vocab]") {
  TempDir dir;
  dir.write("rules.sir", vocabulary);
  auto show = [&](const std::string& name) {
    Run run = run_in(dir.path(), "vocab " + name + " rules.sir");
    INFO(run.err);
    CHECK(run.status == 0);
    return run.out;
  };
  CHECK(show("notice_days") == "fact notice_days: days\n"
                               "  Advance notice.\n"
                               "  declared at rules.sir:15:6\n"
                               "  read by 1 test:\n"
                               "    long_notice (proportionality; art19)\n"
                               "  stated by 1 provision: l.p\n");
  CHECK(show("regime_kind") == "enum regime_kind\n"
                               "  How a right is controlled.\n"
                               "  members:\n"
                               "    none\n"
                               "    notification  Notice is enough.\n"
                               "    authorisation\n"
                               "  used by regime\n");
  CHECK(show("notification").rfind("member notification of enum regime_kind\n\nenum regime_kind\n", 0) == 0);
  std::string citizenship = show("citizenship");
  CHECK(citizenship.rfind("person attribute citizenship: {citizen, foreigner} protected\n", 0) == 0);
  // Read through `differing in protected`.
  CHECK(citizenship.find("read by foreigners_excluded\n") != std::string::npos);
  CHECK(show("age").find("protected") == std::string::npos);
  std::string remedy = show("remedy");
  CHECK(remedy.find("required by needs_remedy\n") != std::string::npos);
  CHECK(remedy.find("reported absent in xx\n") != std::string::npos);
  CHECK(show("record").find("permitted, obliged or forbidden by 1 provision: l.p\n") != std::string::npos);
  CHECK(show("unused").find("read by no test\n") != std::string::npos);
}

TEST_CASE("vocab NAME for no item is E0014 with the closest name", "[cli][vocab]") {
  TempDir dir;
  dir.write("rules.sir", vocabulary);
  Run typo = run_in(dir.path(), "vocab notcie_days rules.sir");
  CHECK(typo.status == 2);
  CHECK(typo.out.empty());
  CHECK(typo.err.find("siracusa: error[E0014]: no fact, enum, member, person attribute, duty or act is named "
                      "`notcie_days`") != std::string::npos);
  CHECK(typo.err.find("did you mean `notice_days`?") != std::string::npos);
  Run right = run_in(dir.path(), "vocab art19 rules.sir");
  CHECK(right.status == 2);
  CHECK(right.err.find("`art19` is a right, not part of the vocabulary") != std::string::npos);
}

TEST_CASE("vocab reads the project's paths or the bundled corpus, like check", "[cli][vocab]") {
  TempDir dir;
  // No siracusa.toml: the bundled corpus.
  Run bundled = run_in(dir.path(), "vocab notice_days");
  INFO(bundled.err);
  CHECK(bundled.status == 0);
  CHECK(bundled.out.find("declared at rules/iccpr/vocabulary.sir:") != std::string::npos);
  // A first argument that is a folder is a path, not a name.
  dir.write("rules/rules.sir", vocabulary);
  Run folder = run_in(dir.path(), "vocab rules");
  CHECK(folder.status == 0);
  CHECK(folder.out.rfind("Facts (3)\n", 0) == 0);
  dir.write("siracusa.toml", "[corpus]\npaths = [\"rules\"]\n");
  CHECK(run_in(dir.path(), "vocab").out == folder.out);
  // Errors in the rules are reported, not listed around.
  dir.write("rules/bad.sir", "fact x bool\n");
  Run bad = run_in(dir.path(), "vocab");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("rules/bad.sir:1:8: error[E0101]") != std::string::npos);
  CHECK(bad.out.empty());
}
