// "Did you mean": misspelt clause keywords in every kind of block, words after a number
// that are not units, and unknown rights, which are never corrected to another article.
// Also keeps the table of clause keywords (engine/syntax/keywords.hpp) in step with the
// grammar and with docs/language.md.
#include "support.hpp"

#include "syntax/keywords.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using namespace siracusa;
using namespace siracusa::testing;
using Ids = std::vector<std::string>;

namespace {

Loaded with_base(const std::string& main) {
  return load_files({{"base.sir", base_rules}, {"main.sir", "import \"base.sir\"\n" + main}});
}

// Every note of every diagnostic, one per line.
std::string notes(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.all())
    for (const auto& note : d.notes)
      out += note.message + "\n";
  return out;
}

bool has_note(const Diagnostics& diagnostics, const std::string& text) {
  return notes(diagnostics).find(text) != std::string::npos;
}

Diagnostics parse_only(const std::string& text) {
  Diagnostics diagnostics;
  parse_text(text, diagnostics);
  diagnostics.sort();
  return diagnostics;
}

// A block of kind `block` holding one line, `line`, on line 3 (a provision sits in a law).
std::string block_with(const std::string& block, const std::string& line) {
  if (block == "provision")
    return "law l {\n  provision p {\n" + line + "\n  }\n}\n";
  std::string name = block == "document" ? "d-1" : "x";
  return block + " " + name + " {\n\n" + line + "\n}\n";
}

} // namespace

// ---- clause keywords ---------------------------------------------------------------------

TEST_CASE("a misspelt clause keyword is suggested in every kind of block", "[suggest]") {
  struct Case {
    const char* block;
    const char* line;
    const char* note;
  };
  for (const Case& c : std::vector<Case>{
           {"document", "  titel: \"x\"", "did you mean `title:`?"},
           {"document", "  paragrahps: 1..3", "did you mean `paragraphs:`?"},
           {"right", "  artcle: 7", "did you mean `article:`?"},
           {"right", "  derogabel: yes", "did you mean `derogable:`?"},
           {"test", "  fail when: x", "did you mean `fails when:`?"},
           {"test", "  applies_to: all", "did you mean `applies to:`?"},
           {"test", "  critrion: necessity", "did you mean `criterion:`?"},
           {"jurisdiction", "  orginal_title: \"x\"", "did you mean `original_title:`?"},
           {"law", "  sourse: doc para 1", "did you mean `source:`?"},
           {"law", "  levl: law", "did you mean `level:`?"},
           {"provision", "    sourse: doc para 1", "did you mean `source:`?"},
           {"provision", "    restrcts: art19, art18", "did you mean `restricts:`?"},
           {"amendment", "  sourse: doc para 1", "did you mean `source:`?"},
           {"amendment", "  efective: 2020-01-01", "did you mean `effective:`?"},
       }) {
    DYNAMIC_SECTION(c.block << ": " << c.line) {
      std::string text = block_with(c.block, c.line);
      Diagnostics diagnostics = parse_only(text);
      if (diagnostics.size() == 0) // a provision reads an unknown word as a fact
        diagnostics = with_base(text).diagnostics;
      INFO(notes(diagnostics));
      CHECK(diagnostics.has_errors());
      CHECK(has_note(diagnostics, c.note));
    }
  }
}

TEST_CASE("a clause of another kind of block says where it belongs", "[suggest]") {
  // Misspelt and misplaced: `source:` is not a clause of a document at all.
  auto document = parse_only(block_with("document", "  sourse: doc para 1"));
  CHECK(ids_at(document) == Ids{"E0102@3:3"});
  CHECK(has_note(document,
                 "did you mean `source:`? It is a clause of a law, a provision or an amendment, not of a document"));
  // Spelt right, in the wrong block.
  auto right = parse_only(block_with("right", "  source: doc para 1"));
  CHECK(has_note(right, "`source:` is a clause of a law, a provision or an amendment, not of a right"));
  auto provision = parse_only(block_with("provision", "    url: \"https://example.org\""));
  CHECK(has_note(provision, "`url:` is a clause of a document, not of a provision"));
  // In a provision, a name near another block's clause is more likely a fact: no guess.
  auto fact = parse_only(block_with("provision", "    urls: one of 3"));
  CHECK(fact.has_errors());
  CHECK_FALSE(has_note(fact, "url:"));
}

TEST_CASE("the suggestion points at the clause when the parser fails later on its line", "[suggest]") {
  // In a provision `sourse` reads as a fact and `doc` as its value: the parser fails at `para`.
  std::string text = block_with("provision", "    sourse: doc para 1");
  Diagnostics diagnostics = parse_only(text);
  REQUIRE(ids_at(diagnostics) == Ids{"E0102@3:17"});
  const auto& note = diagnostics.all().front().notes.front();
  REQUIRE(note.span.valid());
  CHECK(note.span.file->line_col(note.span.begin).column == 5);
  CHECK(note.message == "did you mean `source:`?");
}

TEST_CASE("an unknown fact in a provision suggests a fact before a clause when it is closer", "[suggest]") {
  std::string law = "law l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: law\n  provision p {\n"
                    "    restricts: art19\n    source: doc para 2\n    ";
  auto clause = with_base(law + "titel: \"x\"\n  }\n}\n");
  CHECK(ids_at(clause.diagnostics) == Ids{"E0203@9:5"});
  CHECK(notes(clause.diagnostics) == "did you mean `title:`?\n");
  auto fact = with_base(law + "regim: authorisation\n  }\n}\n");
  CHECK(ids_at(fact.diagnostics) == Ids{"E0203@9:5"});
  CHECK(notes(fact.diagnostics) == "did you mean `regime`?\n");
}

TEST_CASE("a correct block gets no suggestion", "[suggest]") {
  CHECK(parse_only(block_with("document", "  title: \"x\"")).size() == 0);
  CHECK(syntax::suggest_clause("test", "criterion") == std::nullopt);
  // Nothing close: no guess.
  CHECK(syntax::suggest_clause("right", "colour") == std::nullopt);
}

// ---- units ------------------------------------------------------------------------------------

TEST_CASE("a word after a number that is not a unit is E0107 at the word, with the units", "[suggest]") {
  std::string law = "law l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: law\n  provision p {\n"
                    "    restricts: art19\n    source: doc para 2\n    ";
  auto fortnights = with_base(law + "notice_days: 2 fortnights\n  }\n}\n");
  REQUIRE(ids_at(fortnights.diagnostics) == Ids{"E0107@9:20"});
  CHECK(fortnights.diagnostics.all().front().message == "`fortnights` is not a unit");
  CHECK(has_note(fortnights.diagnostics, "the units are `hours`, `days`, `weeks`, `months` and `years`"));
  CHECK_FALSE(has_note(fortnights.diagnostics, "did you mean"));
  // `weeks` is a unit: 2 weeks are 14 days.
  CHECK(ids_at(with_base(law + "notice_days: 2 weeks\n  }\n}\n").diagnostics).empty());
  // Close to a unit: suggested (the plural, though `day` is as close).
  auto dayz = with_base(law + "notice_days: 10 dayz\n  }\n}\n");
  CHECK(ids_at(dayz.diagnostics) == Ids{"E0107@9:21"});
  CHECK(has_note(dayz.diagnostics, "did you mean `days`?"));
  // In a range (once, at the word), and in a test's condition.
  CHECK(ids_at(with_base(law + "notice_days: 5..10 fortnights\n  }\n}\n").diagnostics) == Ids{"E0107@9:24"});
  CHECK(ids_at(with_base("test t {\n  applies to: art19\n  criterion: necessity\n"
                         "  fails when: notice_days < 2 fortnights\n  cites: covenant art 19\n"
                         "  explanation: \"e\"\n  recommendation: \"r\"\n  strength: per_se\n}\n")
                   .diagnostics) == Ids{"E0107@5:31"});
}

TEST_CASE("a number at the end of a line leaves the next line's name alone", "[suggest]") {
  std::string law = "law l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: law\n  provision p {\n"
                    "    restricts: art19\n    source: doc para 2\n";
  // The control: units that exist, and names on the next line, are not taken as units.
  CHECK(ids_at(with_base(law + "    max_detention_days: 5 days\n    regime: authorisation\n  }\n}\n").diagnostics)
            .empty());
  CHECK(ids_at(with_base(law + "    notice_days: 5 day\n    precise: yes\n  }\n}\n").diagnostics).empty());
}

// ---- rights ----------------------------------------------------------------------------------

TEST_CASE("an unknown right is suggested only with the same article number", "[suggest]") {
  // base.sir declares art19 (article 19) and art18 (article 18).
  auto restricts = [](const std::string& rights) {
    return with_base("law l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: law\n  provision p {\n"
                     "    restricts: " +
                     rights + "\n    source: doc para 2\n  }\n}\n");
  };
  // One digit from art19 and art18, but another article: never suggested.
  for (const char* name : {"art9", "art1", "art17", "art91"}) {
    DYNAMIC_SECTION(name) {
      auto loaded = restricts(name);
      INFO(notes(loaded.diagnostics));
      CHECK(ids_at(loaded.diagnostics)[0] == "E0205@7:16");
      CHECK_FALSE(has_note(loaded.diagnostics, "did you mean"));
      CHECK(has_note(loaded.diagnostics, "the rule base has no right for article " + std::string(name).substr(3) +
                                             "; the rights are art18, art19"));
    }
  }
  // A typo in the letters, with the digits intact: suggested.
  CHECK(notes(restricts("atr19").diagnostics) == "did you mean `art19`?\n");
  CHECK(notes(restricts("art_18").diagnostics) == "did you mean `art18`?\n");
  // The article's number in a name far from any right's: the right for that article.
  CHECK(notes(restricts("article18").diagnostics) == "the right for article 18 is `art18` (article 18)\n");
  // No digits at all: the rights are listed.
  CHECK(notes(restricts("expression").diagnostics) == "the rights are art18, art19\n");
}

TEST_CASE("digit runs tell articles apart", "[suggest]") {
  CHECK(digit_runs("art19_3") == std::vector<std::string>{"19", "3"});
  CHECK(digit_runs("art7") != digit_runs("art17"));
  CHECK(digit_runs("expression").empty());
}

// ---- the table of clause keywords -------------------------------------------------------------

TEST_CASE("every clause in the keyword table is a clause of its block in the grammar", "[suggest][keywords]") {
  std::set<std::string> every_clause;
  for (const auto& block : syntax::block_clauses())
    for (auto clause : block.clauses)
      every_clause.emplace(clause);
  for (const auto& block : syntax::block_clauses()) {
    for (const auto& clause : every_clause) {
      bool listed = std::find(block.clauses.begin(), block.clauses.end(), clause) != block.clauses.end();
      DYNAMIC_SECTION(block.block << " " << clause << (listed ? "" : " (not listed)")) {
        // The value `%` is wrong for every clause: a clause the block accepts fails after
        // its `:`, one it does not fails at its first word.
        std::string indent = std::string(block.block) == "provision" ? "    " : "  ";
        Diagnostics diagnostics = parse_only(block_with(std::string(block.block), indent + clause + ": %"));
        REQUIRE(diagnostics.has_errors());
        auto at = diagnostics.all().front().span;
        bool failed_at_keyword = at.file->line_col(at.begin).column == indent.size() + 1;
        INFO(render_all(diagnostics, {}));
        CHECK(failed_at_keyword == !listed);
      }
    }
  }
}

TEST_CASE("docs/language.md lists the clauses of the keyword table", "[suggest][keywords]") {
  std::string doc = read_file(source_dir() + "/docs/language.md");
  const std::map<std::string, std::string> rules = {{"document", "doc_clause"},
                                                    {"right", "right_clause"},
                                                    {"test", "test_clause"},
                                                    {"jurisdiction", "juris_clause"},
                                                    {"law", "law_clause"},
                                                    {"provision", "provision_clause"},
                                                    {"amendment", "amendment_clause"},
                                                    {"parameter", "parameter_clause"},
                                                    {"distinction", "distinction_clause"}};
  for (const auto& block : syntax::block_clauses()) {
    DYNAMIC_SECTION(block.block) {
      std::string rule = rules.at(std::string(block.block));
      auto begin = doc.find(rule + " =");
      REQUIRE(begin != std::string::npos);
      // The `;` that ends the rule, not one in quotes (`{ ";" citation }`).
      auto end = begin;
      for (bool quoted = false; end < doc.size() && (quoted || doc[end] != ';'); ++end)
        quoted = doc[end] == '"' ? !quoted : quoted;
      std::string text = doc.substr(begin, end - begin);
      // `"title:"` or `"applies" "to:"`, as an alternative of the rule (not the `"source:"`
      // inside `reported_absent:`).
      static const std::regex keyword(R"re((?:=|\||\()\s*"(\w+)(?:" "(\w+))?:")re");
      std::set<std::string> in_doc;
      for (std::sregex_iterator it(text.begin(), text.end(), keyword), done; it != done; ++it)
        in_doc.insert((*it)[2].matched ? (*it)[1].str() + " " + (*it)[2].str() : (*it)[1].str());
      std::set<std::string> in_table(block.clauses.begin(), block.clauses.end());
      CHECK(in_doc == in_table);
    }
  }
}
