// The words the language reads from the rule base rather than from the engine: the enums
// declared `for aims`, `for limitation` and `for level`, and the documents `cited as:` a
// short citation form (docs/language.md, "Enums the language reads").
#include "support.hpp"

#include "check/check.hpp"
#include "report/report.hpp"
#include "syntax/format.hpp"

#include <catch2/catch.hpp>

using namespace siracusa;
using namespace siracusa::testing;
using Ids = std::vector<std::string>;

namespace {

// A corpus of its own, without tests/support.cpp's base, so that each role is declared
// only where a case declares it. `declarations` start on line 5.
Loaded corpus(const std::string& declarations) {
  return load_files({{"main.sir", "document doc {\n  title: \"A source\"\n  paragraphs: 1..10\n}\n" + declarations}});
}

std::string notes(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.all())
    for (const auto& note : d.notes)
      out += note.message + "\n";
  return out;
}

const std::string jurisdiction = "jurisdiction xx {\n  title: \"X\"\n}\n";

std::string law(const std::string& level_line) {
  return "law l {\n  title: \"L\"\n  jurisdiction: xx\n" + level_line + "  source: doc para 1\n}\n";
}

} // namespace

TEST_CASE("a law's level is a member of the enum declared for level", "[vocabulary][roles]") {
  const std::string levels = "enum rank for level { federal, law, municipal }\n";
  auto loaded = corpus(levels + jurisdiction + law("  level: municipal\n"));
  INFO(render_all(loaded.diagnostics, {}));
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  REQUIRE(loaded.model.level != nullptr);
  CHECK(loaded.model.level->name == "rank");
  const auto& l = loaded.model.laws.front();
  CHECK(l.level == 2);
  CHECK(loaded.model.level_name(l) == "municipal");
  // A reserved word is a level (`law`), read by `level:` as a word.
  CHECK(corpus(levels + jurisdiction + law("  level: law\n")).model.laws.front().level == 1);

  // A word the enum does not list: located, with the closest level and the declared ones.
  auto wrong = corpus(levels + jurisdiction + law("  level: municipl\n"));
  CHECK(ids_at(wrong.diagnostics) == Ids{"E0214@12:10"});
  CHECK(notes(wrong.diagnostics) ==
        "did you mean `municipal`?\nthe levels are federal, law, municipal, declared here in enum `rank`\n");
  // Declared levels make `level:` required.
  CHECK(ids_at(corpus(levels + jurisdiction + law("")).diagnostics) == Ids{"E0210@9:5"});
}

TEST_CASE("without an enum for level, a law states no level", "[vocabulary][roles]") {
  auto plain = corpus(jurisdiction + law(""));
  INFO(render_all(plain.diagnostics, {}));
  CHECK_FALSE(plain.diagnostics.has_errors());
  CHECK(plain.model.level == nullptr);
  CHECK(plain.model.level_name(plain.model.laws.front()).empty());

  auto stated = corpus(jurisdiction + law("  level: law\n"));
  CHECK(ids_at(stated.diagnostics) == Ids{"E0201@11:10"});
  CHECK(notes(stated.diagnostics) == "declare the words this clause may use as `enum <name> for level { ... }`\n");
  // An enum that holds the word is named in the note.
  auto unmarked = corpus("enum rank { federal, municipal }\n" + jurisdiction + law("  level: federal\n"));
  CHECK(notes(unmarked.diagnostics) ==
        "`federal` is a member of enum `rank`: declare it `enum rank for level { ... }`\n");
}

TEST_CASE("a condition reads law.level only when levels are declared", "[vocabulary][roles]") {
  const std::string test = "right r {\n  article: 1\n  title: \"R\"\n}\n"
                           "test t {\n  applies to: r\n  criterion: legality\n  strength: concern\n"
                           "  fails when: law.level == municipal\n  cites: doc para 1\n"
                           "  explanation: \"e\"\n  recommendation: \"r\"\n}\n";
  auto with_levels = corpus("enum rank for level { federal, municipal }\n" + test);
  INFO(render_all(with_levels.diagnostics, {}));
  CHECK_FALSE(with_levels.diagnostics.has_errors());
  // Without levels, `municipal` names nothing either.
  CHECK(ids_at(corpus(test).diagnostics) == Ids{"E0201@13:15", "E0203@13:28"});
}

TEST_CASE("the levels' order decides which of two conflicting provisions prevails", "[vocabulary][roles][check]") {
  // The same two laws under two declared orders: the higher level prevails, whichever it is.
  auto conflict = [](const std::string& order) {
    std::string text = "enum rank for level { " + order + " }\n" + jurisdiction +
                       "person {\n  age: years\n}\n"
                       "act assemble \"Assemble.\"\n"
                       "right r {\n  article: 21\n  title: \"R\"\n}\n"
                       "test clash {\n  applies to: all\n  criterion: conflict\n  strength: concern\n"
                       "  cites: doc para 1\n}\n"
                       "law a {\n  title: \"A\"\n  jurisdiction: xx\n  level: federal\n  source: doc para 1\n"
                       "  provision allow {\n    restricts: r\n    permits: assemble for everyone\n"
                       "    source: doc para 2\n  }\n}\n"
                       "law b {\n  title: \"B\"\n  jurisdiction: xx\n  level: municipal\n  source: doc para 1\n"
                       "  provision forbid {\n    restricts: r\n    forbids: assemble for everyone\n"
                       "    source: doc para 3\n  }\n}\n";
    auto loaded = corpus(text);
    INFO(render_all(loaded.diagnostics, {}));
    REQUIRE_FALSE(loaded.diagnostics.has_errors());
    Diagnostics diagnostics;
    auto result = check::run(loaded.model, check::Options{}, diagnostics);
    std::string prevails;
    for (const auto& finding : result.findings)
      if (finding.conflict)
        prevails = finding.conflict->prevails + " by " + finding.conflict->rule;
    return prevails;
  };
  CHECK(conflict("federal, municipal") == "a.allow by hierarchy");
  CHECK(conflict("municipal, federal") == "b.forbid by hierarchy");
}

TEST_CASE("aims and qualifiers are members of the enums declared for them", "[vocabulary][roles]") {
  const std::string right = "right r {\n  article: 1\n  title: \"R\"\n  limitation: lawful\n  aims: order\n}\n";
  auto declared = corpus("enum goal for aims { safety, order }\nenum condition for limitation { lawful }\n" + right);
  INFO(render_all(declared.diagnostics, {}));
  REQUIRE_FALSE(declared.diagnostics.has_errors());
  CHECK(declared.model.aims_enum->name == "goal");
  CHECK(declared.model.limitation->name == "condition");
  CHECK(declared.model.rights.front().aims == std::vector<int>{1});
  CHECK(declared.model.rights.front().limitation == std::vector<std::string>{"lawful"});

  // Neither enum declared: each clause is located, and the note names the enum that holds
  // the word when there is one.
  auto undeclared = corpus("enum goal { safety, order }\n" + right);
  CHECK(ids_at(undeclared.diagnostics) == Ids{"E0201@9:3", "E0201@10:3"});
  CHECK(notes(undeclared.diagnostics) ==
        "declare the words this clause may use as `enum <name> for limitation { ... }`\n"
        "`order` is a member of enum `goal`: declare it `enum goal for aims { ... }`\n");
}

TEST_CASE("an enum role is declared once, and only the levels may be reserved words", "[vocabulary][roles]") {
  CHECK(ids_at(corpus("enum a for aims { x }\nenum b for aims { y }\n").diagnostics) == Ids{"E0202@6:8"});
  CHECK(ids_at(corpus("enum a for level { law }\nenum b for aims { law, x }\n").diagnostics) == Ids{"E0101@6:19"});
  std::string many = "enum rank for level { l0";
  for (int i = 1; i < 65; ++i)
    many += ", l" + std::to_string(i);
  CHECK(ids_at(corpus(many + " }\n").diagnostics) == Ids{"E0221@5:6"});
}

TEST_CASE("a short citation form refers to the document cited as it", "[vocabulary][citations]") {
  const std::string rules =
      "document treaty {\n  title: \"The treaty\"\n  cited as: covenant, siracusa\n}\n"
      "document comment-9 {\n  title: \"Comment nine\"\n  cited as: general comment 9\n}\n"
      "right r {\n  article: 1\n  title: \"R\"\n"
      "  cites: covenant art 1; general comment 9 para 2; general comment 8; siracusa para 3\n}\n";
  auto loaded = corpus(rules);
  INFO(render_all(loaded.diagnostics, {}));
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  std::vector<std::string> documents;
  for (const auto& c : loaded.model.rights.front().citations)
    documents.push_back(c.document);
  CHECK(documents == std::vector<std::string>{"treaty", "comment-9", "", "treaty"});

  // A form means one document.
  auto twice = corpus(rules + "document other {\n  title: \"O\"\n  cited as: general comment 9\n}\n");
  CHECK(ids_at(twice.diagnostics) == Ids{"E0202@20:13"});

  // `fmt` keeps the clause as written.
  Diagnostics diagnostics;
  auto parsed =
      parse_text("document treaty {\n  title: \"T\"\n  cited as: covenant, general comment 9\n}\n", diagnostics);
  REQUIRE(parsed);
  CHECK(syntax::format(*parsed) == "document treaty {\n  title: \"T\"\n  cited as: covenant, general comment 9\n}\n");
}

TEST_CASE("a provision may state its own level: a law and its implementing decree in one act",
          "[vocabulary][roles][check]") {
  // Act `a` is a law; its provision `decree` is the executive's implementing rule, a lower
  // level. Lines: the act starts on line 17, `level: municipal` of `decree` is line 28.
  auto text = [](const std::string& decree_level) {
    return "enum rank for level { federal, municipal }\n" + jurisdiction +
           "person {\n  age: years\n}\n"
           "act assemble \"Assemble.\"\n"
           "right r {\n  article: 21\n  title: \"R\"\n}\n"
           "law a {\n  title: \"A\"\n  jurisdiction: xx\n  level: federal\n  source: doc para 1\n"
           "  provision allow {\n    restricts: r\n    permits: assemble for everyone\n    source: doc para 2\n  }\n"
           "  provision decree {\n" +
           decree_level +
           "    restricts: r\n    forbids: assemble for everyone\n    source: doc para 3\n  }\n}\n"
           "test clash {\n  applies to: all\n  criterion: conflict\n  strength: concern\n  cites: doc para 1\n"
           "  explanation: \"e\"\n  recommendation: \"r\"\n}\n"
           "test low {\n  applies to: r\n  criterion: legality\n  strength: concern\n"
           "  fails when: law.level == municipal\n  cites: doc para 1\n"
           "  explanation: \"e\"\n  recommendation: \"r\"\n}\n";
  };
  auto loaded = corpus(text("    level: municipal\n"));
  INFO(render_all(loaded.diagnostics, {}));
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  const auto& model = loaded.model;
  REQUIRE(model.provisions.size() == 2);
  CHECK(model.level_of(model.provisions[0]) == 0); // inherits the law's
  CHECK(model.level_of(model.provisions[1]) == 1);
  CHECK(model.level_name(model.provisions[1]) == "municipal");
  const Span& clause = model.level_span_of(model.provisions[1]);
  CHECK(clause.file->line_col(clause.begin).line == 28);

  // Both routes: the decree fails `low` on its own level, the law's provision passes; the
  // conflict inside the act is settled by hierarchy in favour of the law's provision.
  for (bool all_z3 : {false, true}) {
    check::Options options;
    options.all_z3 = all_z3;
    options.jobs = 1;
    Diagnostics diagnostics;
    auto result = check::run(model, options, diagnostics);
    std::map<std::string, std::string> verdicts;
    std::string prevails, level_cause;
    for (const auto& f : result.findings) {
      verdicts[f.id] = std::string(decide::verdict_name(f.verdict));
      if (f.conflict)
        prevails = f.conflict->prevails + " by " + f.conflict->rule;
      for (const auto& c : f.because)
        if (c.fact == "law.level" && f.id == "a.decree/r/low")
          level_cause = c.statement + " @" + std::to_string(c.location.line);
    }
    INFO("all_z3 " << all_z3);
    CHECK(verdicts["a.decree/r/low"] == "fails");
    CHECK(verdicts["a.allow/r/low"] == "passes");
    CHECK(prevails == "a.allow by hierarchy");
    CHECK(level_cause == "level: municipal @28");
    // Reports name the law's level for the law, and the provision's own beside it.
    for (const auto& f : result.findings)
      if (f.id == "a.decree/r/low") {
        CHECK(f.provision->level == "municipal");
        CHECK(f.provision->law_level == "federal");
        std::string explained = report::render_explain(f, model, false);
        CHECK(explained.find("(federal, xx)") != std::string::npos);
        CHECK(explained.find("level:      municipal (the provision's own, within its law)") != std::string::npos);
      }
  }

  // Without its own level the decree is the law's: no hierarchy between the two, and `low`
  // passes it.
  auto same = corpus(text(""));
  REQUIRE_FALSE(same.diagnostics.has_errors());
  CHECK(same.model.level_of(same.model.provisions[1]) == 0);

  // An unknown level is located at the provision's clause, with the declared levels.
  auto wrong = corpus(text("    level: munic\n"));
  CHECK(ids_at(wrong.diagnostics) == Ids{"E0214@28:12"});

  // `fmt` keeps the clause.
  Diagnostics diagnostics;
  auto parsed = parse_text(text("    level: municipal\n"), diagnostics);
  REQUIRE(parsed);
  CHECK(syntax::format(*parsed).find("  provision decree {\n    level: municipal\n") != std::string::npos);
}
