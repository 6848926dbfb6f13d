// An analyst's own word for an enum member (`extremism` for an aim) is answered from the
// rule base's descriptions of the members: the members whose descriptions cover the word
// are named in E0212's notes, so the mapping is data the rules state, not engine code.
#include "support.hpp"

#include "diag/suggest.hpp"

#include <catch2/catch.hpp>

using namespace siracusa;
using namespace siracusa::testing;
namespace fs = std::filesystem;

TEST_CASE("described_by: members whose descriptions mention every long word of a name", "[diagnostics]") {
  std::vector<std::string> members{"alpha", "beta", "gamma"};
  std::vector<std::string> docs{"Covers Widgets and gadgets.", "Gadgets only.", "Nothing here."};
  CHECK(described_by("widgets", members, docs) == std::vector<std::string>{"alpha"});
  CHECK(described_by("gadgets", members, docs) == std::vector<std::string>{"alpha", "beta"});
  // Every word must appear; words under four letters (`of`, `and`) are ignored.
  CHECK(described_by("widgets_and_gadgets", members, docs) == std::vector<std::string>{"alpha"});
  CHECK(described_by("widgets_of_gizmos", members, docs).empty());
  CHECK(described_by("of", members, docs).empty());
  // A missing description never matches and never reads past the end.
  CHECK(described_by("gadgets", members, {"gadgets"}) == std::vector<std::string>{"alpha"});
}

TEST_CASE("an aim the rules do not declare is answered with the aims whose descriptions cover it",
          "[diagnostics][cli]") {
  TempDir dir;
  auto rules = fs::path(source_dir()) / "rules" / "iccpr";
  auto law = [&](const std::string& aim) {
    return "import \"" + (rules / "vocabulary.sir").string() + "\"\nimport \"" + (rules / "rights.sir").string() +
           "\"\nimport \"" + (rules / "documents.sir").string() +
           "\"\njurisdiction xx { title: \"Testland\" }\n"
           "law l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: law\n  source: iccpr para 19\n"
           "  provision p {\n    restricts: art19\n    source: iccpr para 19\n    stated_aims: {" +
           aim + "}\n  }\n}\n";
  };
  // The renderer wraps long notes: compare with runs of white space made one space.
  auto flat = [](const std::string& text) {
    std::string out;
    for (char c : text)
      if (!(c == ' ' || c == '\n') || out.empty() || out.back() != ' ')
        out += (c == '\n' ? ' ' : c);
    return out;
  };
  dir.write("extremism.sir", law("extremism"));
  auto run = run_in(dir.path(), "lint extremism.sir", "NO_COLOR=1");
  INFO(run.err);
  CHECK(run.status == 2);
  CHECK(run.err.find("extremism.sir:13:19: error[E0212]") != std::string::npos);
  CHECK(flat(run.err).find("falls under national_security, public_safety") != std::string::npos);

  dir.write("minors.sir", law("protection_of_minors"));
  run = run_in(dir.path(), "lint minors.sir", "NO_COLOR=1");
  INFO(run.err);
  CHECK(run.status == 2);
  CHECK(flat(run.err).find("falls under rights_of_others") != std::string::npos);

  // A word no description covers gets the list of members only.
  dir.write("other.sir", law("prosperity"));
  run = run_in(dir.path(), "lint other.sir", "NO_COLOR=1");
  CHECK(run.status == 2);
  CHECK(flat(run.err).find("falls under") == std::string::npos);
  CHECK(flat(run.err).find("members: national_security") != std::string::npos);
}
