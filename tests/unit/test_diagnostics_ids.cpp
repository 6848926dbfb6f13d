// Every diagnostic id that a rule file can cause, each triggered by a small input and
// asserted by id and line:col (docs/diagnostics.md lists them all). The CLI-only ids
// are covered by tests/cli/: E0008-E0011 by test_bad_input.cpp, E0008 and E0012 by
// test_project_config.cpp, E0013 by test_init.cpp, E0014 by test_vocab.cpp.
#include "support.hpp"

#include "check/check.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using namespace siracusa;
using namespace siracusa::testing;
using Ids = std::vector<std::string>;

namespace {

// main.sir importing base.sir: line 1 is the import.
Loaded with_base(const std::string& main) {
  return load_files({{"base.sir", base_rules}, {"main.sir", "import \"base.sir\"\n" + main}});
}

// A law whose provision `p` restricts art19 and has a source; `facts` start on line 10,
// indented by four spaces (a fact's name is at column 5).
// clang-format off
std::string law_with(const std::string& facts) {
  return "law l {\n"                  // 2
         "  title: \"A law\"\n"       // 3
         "  jurisdiction: xx\n"       // 4
         "  level: law\n"             // 5
         "  source: doc para 1\n"     // 6
         "  provision p {\n"          // 7
         "    restricts: art19\n"     // 8
         "    source: doc para 2\n"   // 9
         "    " + facts + "\n"        // 10
         "  }\n"
         "}\n";
}

// A complete test `t` on art19 whose condition starts at line 5, column 15.
std::string test_with(const std::string& condition) {
  return "test t {\n"                              // 2
         "  applies to: art19\n"                   // 3
         "  criterion: necessity\n"                // 4
         "  fails when: " + condition + "\n"       // 5
         "  cites: covenant art 19\n"              // 6
         "  explanation: \"e\"\n"                  // 7
         "  recommendation: \"r\"\n"               // 8
         "  strength: concern\n"                  // 9
         "}\n";
}
// clang-format on

Ids parse_ids(const std::string& text, const syntax::ParseLimits& limits = {}) {
  Diagnostics diagnostics;
  syntax::parse(std::make_shared<SourceFile>("test.sir", text), diagnostics, limits);
  diagnostics.sort();
  return ids_at(diagnostics);
}

// What `lint` adds once the rules resolve without errors.
Ids lint_ids(const std::string& main) {
  Loaded loaded = with_base(main);
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  check::rule_set_checks(loaded.model, check::Options{}, loaded.diagnostics);
  loaded.diagnostics.sort();
  return ids_at(loaded.diagnostics);
}

const Diagnostic& only(const Loaded& loaded) {
  REQUIRE(loaded.diagnostics.size() == 1);
  return loaded.diagnostics.all().front();
}

} // namespace

// ---- the bytes of a file ---------------------------------------------------------------

TEST_CASE("E0001: a path that does not exist or a folder without rule files", "[diagnostics]") {
  TempDir dir;
  Diagnostics diagnostics;
  model::LoadOptions options;
  options.display_root = dir.path();
  model::load_model({(dir.path() / "missing.sir").string()}, diagnostics, options);
  CHECK(ids_at(diagnostics) == Ids{"E0001"});

  Diagnostics empty_folder;
  std::filesystem::create_directories(dir.path() / "empty");
  dir.write("empty/notes.txt", "not a rule file");
  model::load_model({(dir.path() / "empty").string()}, empty_folder, options);
  CHECK(ids_at(empty_folder) == Ids{"E0001"});
  CHECK(empty_folder.all().front().message.find("holds no rule files") != std::string::npos);
}

TEST_CASE("E0002: invalid UTF-8, located at the first bad byte", "[diagnostics]") {
  CHECK(parse_ids("fact a: bool \"\xff\"\n") == Ids{"E0002@1:15"});
  // A truncated sequence, an overlong form and an encoded surrogate.
  CHECK(parse_ids("enum e { a }\n\"\xd0\"") == Ids{"E0002@2:2"});
  CHECK(parse_ids("\"\xc0\xaf\"") == Ids{"E0002@1:2"});
  CHECK(parse_ids("# \xed\xa0\x80\n") == Ids{"E0002@1:3"});
  // Columns count code points: the bad byte after Cyrillic text is in column 4.
  CHECK(parse_ids("#\xd0\x9a\xd0\xb7\xff") == Ids{"E0002@1:4"});
}

TEST_CASE("E0003: a NUL byte means a binary file", "[diagnostics]") {
  CHECK(parse_ids(std::string("fact a: bool\n\0rest", 18)) == Ids{"E0003@2:1"});
}

TEST_CASE("E0004: a file over the size limit", "[diagnostics]") {
  syntax::ParseLimits limits;
  limits.max_bytes = 16;
  CHECK(parse_ids("fact a: bool \"a long enough doc\"\n", limits) == Ids{"E0004@1:1"});

  // Through the loader the file is not even read, and is named by its display name.
  TempDir dir;
  dir.write("big.sir", std::string(64, '#'));
  Diagnostics diagnostics;
  model::LoadOptions options;
  options.display_root = dir.path();
  options.limits.max_bytes = 16;
  model::load_model({dir.path().string()}, diagnostics, options);
  REQUIRE(ids_at(diagnostics) == Ids{"E0004@1:1"});
  CHECK(diagnostics.all().front().span.file->path() == "big.sir");
}

TEST_CASE("E0005: nesting deeper than the limit, at the bracket that crosses it", "[diagnostics]") {
  CHECK(parse_ids("fact x: bool\n" + std::string(65, '(')) == Ids{"E0005@2:65"});
  CHECK(parse_ids("fact x: bool\n" + std::string(64, '(')) != Ids{"E0005@2:64"});
  // Brackets inside strings and comments do not count.
  CHECK(parse_ids("# " + std::string(100, '(') + "\nfact x: bool \"" + std::string(100, '{') + "\"\n").empty());
}

// ---- syntax --------------------------------------------------------------------------------

TEST_CASE("E0101: expected something else, at what was found", "[diagnostics]") {
  CHECK(parse_ids("fact x bool\n") == Ids{"E0101@1:8"});
  CHECK(parse_ids("enum test { a }\n") == Ids{"E0101@1:6"});
  CHECK(parse_ids("%%% nonsense\n") == Ids{"E0101@1:1"});
}

TEST_CASE("E0102: a block that is not closed", "[diagnostics]") {
  std::string text = "right r {\n"
                     "  article: 7\n"
                     "  title: \"x\"\n"
                     "\n"
                     "fact y: bool\n";
  CHECK(parse_ids(text) == Ids{"E0102@5:1"});
  Diagnostics diagnostics;
  auto parsed = parse_text(text, diagnostics);
  // The declaration right after the unclosed block is still read.
  CHECK(syntax::declaration_count(*parsed) == 1);
  CHECK(diagnostics.all().front().message == "expected `}` to close right `r` opened at 1:9, found keyword `fact`");
  // At the end of the file.
  CHECK(parse_ids("law l {\n  title: \"x\"\n") == Ids{"E0102@3:1"});
  // An unclosed set in an expression.
  CHECK(parse_ids("test t {\n  fails when: x == {a, b\n  cites: covenant art 1\n}\n") == Ids{"E0102@3:3"});
}

TEST_CASE("E0103: an unknown escape, at its backslash", "[diagnostics]") {
  CHECK(parse_ids("document d {\n  title: \"a\\qb\"\n}\n") == Ids{"E0103@2:12"});
  CHECK(parse_ids("document d {\n  title: \"a\\u{D800}b\"\n}\n") == Ids{"E0103@2:12"});
  CHECK(parse_ids("document d {\n  title: \"a\\u{110000}b\"\n}\n") == Ids{"E0103@2:12"});
  CHECK(parse_ids("document d {\n  title: \"a\\t\\n\\\\\\\"\\u{41}\"\n}\n").empty());
}

TEST_CASE("E0104: a string not closed before the end of its line, at its opening quote", "[diagnostics]") {
  CHECK(parse_ids("document d {\n  title: \"abc\n}\n") == Ids{"E0104@2:10"});
}

// ---- values ----------------------------------------------------------------------------

TEST_CASE("E0105: a date that is not in the calendar", "[diagnostics]") {
  CHECK(ids_at(with_base(law_with("adopted_on: 2023-02-30")).diagnostics) == Ids{"E0105@10:17"});
  CHECK(ids_at(with_base(law_with("adopted_on: 2023-13-01")).diagnostics) == Ids{"E0105@10:17"});
  CHECK(ids_at(with_base(law_with("adopted_on: 2023-02-29")).diagnostics) == Ids{"E0105@10:17"});
  CHECK(ids_at(with_base(law_with("adopted_on: 2024-02-29")).diagnostics).empty());
}

TEST_CASE("E0106: a number too large, or an empty range of paragraphs", "[diagnostics]") {
  CHECK(ids_at(with_base(law_with("notice_days: 1000000000001 days")).diagnostics) == Ids{"E0106@10:18"});
  CHECK(ids_at(with_base(law_with("notice_days: 99999999999999999999999 days")).diagnostics) == Ids{"E0106@10:18"});
  CHECK(ids_at(with_base(law_with("notice_days: 1000000000000 days")).diagnostics).empty());
  CHECK(ids_at(with_base("document d2 {\n  title: \"x\"\n  paragraphs: 10..1\n}\n").diagnostics) == Ids{"E0106@4:15"});
}

TEST_CASE("E0107: a word after a number that is not a unit, at the word", "[diagnostics]") {
  CHECK(ids_at(with_base(law_with("notice_days: 2 fortnights")).diagnostics) == Ids{"E0107@10:20"});
  CHECK(ids_at(with_base(law_with("notice_days: 2 days")).diagnostics).empty());
  CHECK(ids_at(with_base(law_with("notice_days: 2 weeks")).diagnostics).empty());
}

TEST_CASE("E0108: a quantity that does not convert exactly to the unit it needs, at the quantity", "[diagnostics]") {
  CHECK(ids_at(with_base(law_with("notice_days: 36 hours")).diagnostics) == Ids{"E0108@10:18"});
  CHECK(ids_at(with_base(law_with("notice_days: 3 months")).diagnostics) == Ids{"E0108@10:18"});
  CHECK(ids_at(with_base(law_with("notice_days: 48 hours")).diagnostics).empty());
  CHECK(ids_at(with_base(test_with("notice_days > 1 year")).diagnostics) == Ids{"E0108@5:29"});
}

// ---- names ---------------------------------------------------------------------------------

TEST_CASE("E0201: an unknown name", "[diagnostics]") {
  CHECK(ids_at(with_base("fact f: colour\n").diagnostics) == Ids{"E0201@2:9"});
  // In a provision's value (no facts there): `colour` is no name at all.
  CHECK(ids_at(with_base(law_with("scope: person where colour")).diagnostics) == Ids{"E0201@10:25"});
}

TEST_CASE("E0202: a name declared twice", "[diagnostics]") {
  CHECK(ids_at(with_base("fact regime: bool\n").diagnostics) == Ids{"E0202@2:6"});
  CHECK(ids_at(with_base("enum mood { calm, calm }\n").diagnostics) == Ids{"E0202@2:19"});
  // Across files: the note points at the first declaration, in base.sir.
  auto loaded = with_base("act record \"Again.\"\n");
  REQUIRE(ids_at(loaded.diagnostics) == Ids{"E0202@2:5"});
  CHECK(loaded.diagnostics.all().front().notes.front().span.file->path() == "base.sir");
}

TEST_CASE("E0203: an unknown fact", "[diagnostics]") {
  CHECK(ids_at(with_base(law_with("notice_dayz: 5 days")).diagnostics) == Ids{"E0203@10:5"});
  CHECK(ids_at(with_base(test_with("regim == authorisation")).diagnostics) == Ids{"E0203@5:15"});
}

TEST_CASE("E0204: a type mismatch", "[diagnostics]") {
  CHECK(ids_at(with_base(law_with("notice_days: 10")).diagnostics) == Ids{"E0204@10:18"});
  CHECK(ids_at(with_base(test_with("notice_days < 2")).diagnostics) == Ids{"E0204@5:15"});
  // Two constants of different families of units (a constant and a fact: E0108).
  CHECK(ids_at(with_base(test_with("2 days < 2 years")).diagnostics) == Ids{"E0204@5:15"});
}

TEST_CASE("E0205: an unknown right", "[diagnostics]") {
  CHECK(ids_at(with_base("duty d { rights: art99 }\n").diagnostics) == Ids{"E0205@2:18"});
  CHECK(ids_at(with_base(
                   "test t {\n  applies to: art19, art99\n  criterion: necessity\n  fails when: precise\n"
                   "  cites: covenant art 19\n  explanation: \"e\"\n  recommendation: \"r\"\n  strength: concern\n}\n")
                   .diagnostics) == Ids{"E0205@3:22"});
}

TEST_CASE("E0206: an import cycle, reported once at the import that starts it", "[diagnostics]") {
  auto loaded = load_files({{"a.sir", "import \"b.sir\"\n"},
                            {"b.sir", "enum e { x }\nimport \"c.sir\"\n"},
                            {"c.sir", "import \"a.sir\"\n"}});
  REQUIRE(ids_at(loaded.diagnostics) == Ids{"E0206@1:1"});
  CHECK(loaded.diagnostics.all().front().message == "import cycle: a.sir -> b.sir -> c.sir -> a.sir");
  CHECK(ids_at(load_files({{"a.sir", "import \"a.sir\"\n"}}).diagnostics) == Ids{"E0206@1:1"});
}

TEST_CASE("E0207: an import that names no file", "[diagnostics]") {
  auto loaded = load_files({{"main.sir", "enum e { x }\nimport \"nothere.sir\"\n"}});
  REQUIRE(ids_at(loaded.diagnostics) == Ids{"E0207@2:1"});
  CHECK(loaded.diagnostics.all().front().message == "cannot find imported file `nothere.sir`");
}

TEST_CASE("E0208: a provision without a source", "[diagnostics]") {
  CHECK(ids_at(with_base("law l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: law\n"
                         "  provision p {\n    restricts: art19\n  }\n}\n")
                   .diagnostics) == Ids{"E0208@6:13"});
}

TEST_CASE("E0209: a test without a citation", "[diagnostics]") {
  CHECK(ids_at(with_base("test t {\n  applies to: art19\n  criterion: necessity\n  fails when: precise\n"
                         "  explanation: \"e\"\n  recommendation: \"r\"\n  strength: concern\n}\n")
                   .diagnostics) == Ids{"E0209@2:6"});
}

TEST_CASE("E0210: a required clause left out", "[diagnostics]") {
  CHECK(ids_at(with_base("right r {\n  title: \"x\"\n}\n").diagnostics) == Ids{"E0210@2:7"});
  CHECK(ids_at(with_base("test t {\n  applies to: art19\n  fails when: precise\n  cites: covenant art 19\n"
                         "  explanation: \"e\"\n  recommendation: \"r\"\n  strength: concern\n}\n")
                   .diagnostics) == Ids{"E0210@2:6"});
  CHECK(ids_at(with_base(
                   "test t {\n  applies to: art19\n  criterion: positive_obligation\n"
                   "  cites: covenant art 19\n  explanation: \"e\"\n  recommendation: \"r\"\n  strength: concern\n}\n")
                   .diagnostics) == Ids{"E0210@2:6"});
  CHECK(ids_at(with_base("law l {\n  title: \"A law\"\n  jurisdiction: xx\n}\n").diagnostics) == Ids{"E0210@2:5"});
}

TEST_CASE("E0211: a clause given twice, at the second", "[diagnostics]") {
  CHECK(ids_at(with_base(law_with("restricts: art18")).diagnostics) == Ids{"E0211@10:5"});
  CHECK(ids_at(with_base(law_with("precise: yes\n    precise: no")).diagnostics) == Ids{"E0211@11:5"});
}

TEST_CASE("E0212: a name that is not a member of the expected enum", "[diagnostics]") {
  CHECK(ids_at(with_base(law_with("regime: authorization")).diagnostics) == Ids{"E0212@10:13"});
  CHECK(ids_at(with_base("right r {\n  article: 1\n  title: \"x\"\n  aims: public_morals\n}\n").diagnostics) ==
        Ids{"E0212@5:9"});
  CHECK(ids_at(with_base("right r {\n  article: 1\n  title: \"x\"\n  limitation: necesary\n}\n").diagnostics) ==
        Ids{"E0212@5:15"});
}

TEST_CASE("E0213: an unknown document or a paragraph it does not have", "[diagnostics]") {
  CHECK(ids_at(with_base(law_with("source: nodoc para 1")).diagnostics) == Ids{"E0213@10:13"});
  CHECK(ids_at(with_base(law_with("source: doc para 11")).diagnostics) == Ids{"E0213@10:13"});
  CHECK(ids_at(with_base(law_with("source: doc para 3..12")).diagnostics) == Ids{"E0213@10:13"});
}

TEST_CASE("E0214: an unknown criterion, level or enum role", "[diagnostics]") {
  CHECK(ids_at(with_base(
                   "test t {\n  applies to: art19\n  criterion: necesity\n  fails when: precise\n"
                   "  cites: covenant art 19\n  explanation: \"e\"\n  recommendation: \"r\"\n  strength: concern\n}\n")
                   .diagnostics) == Ids{"E0214@4:14"});
  CHECK(ids_at(with_base("law l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: statute\n}\n").diagnostics) ==
        Ids{"E0214@5:10"});
  CHECK(ids_at(with_base("enum e for aimz { a }\n").diagnostics) == Ids{"E0214@2:8"});
}

TEST_CASE("E0215: a form of value the fact's type does not allow", "[diagnostics]") {
  CHECK(ids_at(with_base(law_with("precise: at least yes")).diagnostics) == Ids{"E0215@10:14"});
  CHECK(ids_at(with_base(law_with("label: 1..3")).diagnostics) == Ids{"E0215@10:12"});
  CHECK(ids_at(with_base(law_with("notice_days: 10..5 days")).diagnostics) == Ids{"E0215@10:18"});
  CHECK(ids_at(with_base(law_with("scope: one of {everyone, no one}")).diagnostics) == Ids{"E0215@10:12"});
}

TEST_CASE("E0217: an unknown attribute of a person", "[diagnostics]") {
  CHECK(ids_at(with_base(test_with("some person p: p.height > 3 years")).diagnostics) == Ids{"E0217@5:32"});
  CHECK(ids_at(with_base(test_with("some person p: age > 3 years")).diagnostics) == Ids{"E0217@5:30"});
  CHECK(ids_at(with_base(test_with("some pair a, b differing in {height}: scope(a)")).diagnostics) ==
        Ids{"E0217@5:44"});
}

TEST_CASE("E0218: a predicate applied to other than one person", "[diagnostics]") {
  CHECK(ids_at(with_base(test_with("some person p, person q: scope(p, q)")).diagnostics) == Ids{"E0218@5:40"});
  CHECK(ids_at(with_base(test_with("scope()")).diagnostics) == Ids{"E0218@5:15"});
}

TEST_CASE("E0220: an amendment whose target or change does not fit", "[diagnostics]") {
  std::string law = law_with("notice_days: 10 days");
  auto amendment = [&](const std::string& body) {
    // The amendment starts on line 13, after the law's 11 lines and the import.
    return ids_at(with_base(law + "amendment a {\n  title: \"A\"\n  source: doc para 3\n" + body + "}\n").diagnostics);
  };
  CHECK(amendment("  repeals l.q\n") == Ids{"E0220@16:11"});
  CHECK(amendment("  amends m.p {\n    remove notice_days\n  }\n") == Ids{"E0220@16:10"});
  CHECK(amendment("  amends l.p {\n    set notice_days: 2 days\n  }\n") == Ids{"E0220@17:9"});
  CHECK(amendment("  amends l.p {\n    change regime: notification\n  }\n") == Ids{"E0220@17:12"});
  CHECK(amendment("  amends l.p {\n    remove regime\n  }\n") == Ids{"E0220@17:12"});
  CHECK(amendment("  amends l.p {\n    change notice_days: 2 days\n    set regime: notification\n  }\n").empty());
}

// A distinction `d` whose clause lines start at line 3 (`ground:`), 4 (`rights:`), 5 (`when:`,
// its value at column 9).
// clang-format off
std::string distinction_with(const std::string& ground, const std::string& rights, const std::string& when) {
  return "distinction d {\n"                   // 2
         "  ground: " + ground + "\n"           // 3
         "  rights: " + rights + "\n"           // 4
         "  when: " + when + "\n"               // 5
         "  cites: covenant art 19\n"           // 6
         "  explanation: \"e\"\n"              // 7
         "}\n";
}
// clang-format on

TEST_CASE("E0222, E0223, E0205, E0209: a distinction's ground, right, condition and citation", "[diagnostics]") {
  CHECK(ids_at(with_base(distinction_with("citizenship", "art19", "precise")).diagnostics).empty());
  CHECK(ids_at(with_base(distinction_with("citizenship, religion", "all", "precise and not precise")).diagnostics)
            .empty());
  // A ground that is no attribute, and one that is not protected (age).
  CHECK(ids_at(with_base(distinction_with("creed", "art19", "precise")).diagnostics) == Ids{"E0222@3:11"});
  CHECK(ids_at(with_base(distinction_with("citizenship, age", "art19", "precise")).diagnostics) == Ids{"E0222@3:24"});
  // An unknown right is the usual E0205.
  CHECK(ids_at(with_base(distinction_with("citizenship", "art19, art99", "precise")).diagnostics) == Ids{"E0205@4:18"});
  // A condition that is not a bool, at the condition.
  CHECK(ids_at(with_base(distinction_with("citizenship", "art19", "notice_days")).diagnostics) == Ids{"E0223@5:9"});
  CHECK(ids_at(with_base(distinction_with("citizenship", "art19", "stated_aims")).diagnostics) == Ids{"E0223@5:9"});
  // Without citations it is E0209; without a ground or rights, E0210.
  CHECK(
      ids_at(with_base("distinction d {\n  ground: religion\n  rights: all\n  explanation: \"e\"\n}\n").diagnostics) ==
      Ids{"E0209@2:13"});
  CHECK(ids_at(with_base("distinction d {\n  rights: all\n  cites: covenant art 19\n  explanation: \"e\"\n}\n")
                   .diagnostics) == Ids{"E0210@2:13"});
  CHECK(ids_at(with_base("distinction d {\n  ground: religion\n  cites: covenant art 19\n}\n").diagnostics) ==
        Ids{"E0210@2:13", "W0301@2:13"});
}

// ---- warnings and the rule-set checks ------------------------------------------------------

TEST_CASE("W0301: a test without explanation or recommendation", "[diagnostics]") {
  CHECK(ids_at(with_base("test t {\n  applies to: art19\n  criterion: necessity\n  fails when: precise\n"
                         "  cites: covenant art 19\n  strength: concern\n}\n")
                   .diagnostics) == Ids{"W0301@2:6", "W0301@2:6"});
  // A presumptive test says what the State would have to show.
  CHECK(ids_at(with_base("test t {\n  applies to: art19\n  criterion: necessity\n  fails when: precise\n"
                         "  cites: covenant art 19\n  explanation: \"e\"\n  recommendation: \"r\"\n"
                         "  strength: presumptive\n}\n")
                   .diagnostics) == Ids{"W0301@2:6"});
}

TEST_CASE("W0302: a provision no test can examine", "[diagnostics]") {
  CHECK(ids_at(with_base("law l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: law\n"
                         "  provision p {\n    precise: yes\n    source: doc para 1\n  }\n}\n")
                   .diagnostics) == Ids{"W0302@6:13"});
}

TEST_CASE("W0401, W0402: a test that never fails or always fails", "[diagnostics]") {
  CHECK(lint_ids(test_with("notice_days < 0 days")) == Ids{"W0401@2:6"});
  CHECK(lint_ids(test_with("notice_days >= 0 days")) == Ids{"W0402@2:6"});
  CHECK(lint_ids(test_with("notice_days > 10 days")).empty());
}

TEST_CASE("W0403: two tests no provision can pass together, at the second", "[diagnostics]") {
  std::string second =
      "test u {\n  applies to: art19\n  criterion: necessity\n  fails when: not precise\n"
      "  cites: covenant art 19\n  explanation: \"e\"\n  recommendation: \"r\"\n  strength: concern\n}\n";
  CHECK(lint_ids(test_with("precise") + second) == Ids{"W0403@11:6"});
}

TEST_CASE("E0301: a provision whose facts contradict each other", "[diagnostics]") {
  CHECK(lint_ids(law_with("notice_days: 10 days")).empty());
  Loaded loaded = with_base(law_with("notice_days: at most -1 days"));
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  check::rule_set_checks(loaded.model, check::Options{}, loaded.diagnostics);
  loaded.diagnostics.sort();
  REQUIRE(ids_at(loaded.diagnostics) == Ids{"E0301@7:13"});
  // The note points at the fact that cannot hold.
  const auto& notes = loaded.diagnostics.all().front().notes;
  REQUIRE(notes.size() == 1);
  CHECK(notes.front().span.file->line_col(notes.front().span.begin).line == 10);
}

TEST_CASE("every id has its documented severity", "[diagnostics]") {
  CHECK(only(with_base(law_with("notice_days: 10"))).severity == Severity::error);
  CHECK(only(with_base("law l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: law\n"
                       "  provision p {\n    precise: yes\n    source: doc para 1\n  }\n}\n"))
            .severity == Severity::warning);
}

TEST_CASE("docs/diagnostics.md has a row for every id the code uses, and no other", "[diagnostics]") {
  namespace fs = std::filesystem;
  static const std::regex id_pattern(R"([EW]0[0-9]{3})");
  std::set<std::string> in_code;
  for (const char* folder : {"engine", "cli"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(source_dir()) / folder)) {
      auto extension = entry.path().extension();
      if (extension != ".cpp" && extension != ".hpp")
        continue;
      std::string text = read_file(entry.path());
      for (std::sregex_iterator it(text.begin(), text.end(), id_pattern), end; it != end; ++it)
        in_code.insert(it->str());
    }
  }
  std::string doc = read_file(fs::path(source_dir()) / "docs" / "diagnostics.md");
  std::set<std::string> in_doc;
  static const std::regex row_pattern(R"(\n\| ([EW]0[0-9]{3}) \|)");
  for (std::sregex_iterator it(doc.begin(), doc.end(), row_pattern), end; it != end; ++it)
    in_doc.insert((*it)[1].str());
  CHECK(in_code.size() > 30);
  for (const auto& id : in_code) {
    INFO(id << " is used in the code but has no row in docs/diagnostics.md");
    CHECK(in_doc.count(id) == 1);
  }
  for (const auto& id : in_doc) {
    INFO(id << " has a row in docs/diagnostics.md but the code never reports it");
    CHECK(in_code.count(id) == 1);
  }
}
