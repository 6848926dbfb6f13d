// Name resolution and type checking (engine/model/resolve.cpp): units, enum members and
// the type expected where they are written, sets, `in` and `subset of`, predicates, what
// is allowed where, visibility across files, recovery, and text in other scripts.
#include "support.hpp"

#include "model/print.hpp"

#include <catch2/catch.hpp>

using namespace siracusa;
using namespace siracusa::testing;
using Ids = std::vector<std::string>;

namespace {

Loaded with_base(const std::string& main) {
  return load_files({{"base.sir", base_rules}, {"main.sir", "import \"base.sir\"\n" + main}});
}

// A law whose provision `l.p` restricts art19; `facts` start on line 10, column 5.
std::string law_with(const std::string& facts) {
  return "law l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: law\n  source: doc para 1\n"
         "  provision p {\n    restricts: art19\n    source: doc para 2\n    " +
         facts + "\n  }\n}\n";
}

// A test `t` on art19 whose condition starts at line 5, column 15.
std::string test_with(const std::string& condition) {
  return "test t {\n  applies to: art19\n  criterion: necessity\n  fails when: " + condition +
         "\n  cites: covenant art 19\n  explanation: \"e\"\n  recommendation: \"r\"\n  strength: concern\n}\n";
}

Ids test_ids(const std::string& condition) {
  return ids_at(with_base(test_with(condition)).diagnostics);
}
Ids fact_ids(const std::string& facts) {
  return ids_at(with_base(law_with(facts)).diagnostics);
}

std::string messages(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.all()) {
    out += d.id + ": " + d.message + "\n";
    for (const auto& note : d.notes)
      out += "  note: " + note.message + "\n";
  }
  return out;
}

const model::Expr& condition(const Loaded& loaded) {
  REQUIRE(loaded.model.tests.size() == 1);
  REQUIRE(loaded.model.tests.front().condition);
  return *loaded.model.tests.front().condition;
}

const model::StatedFact& stated(const Loaded& loaded, const std::string& fact) {
  int p = loaded.model.find_provision("l.p");
  REQUIRE(p >= 0);
  const auto* s = loaded.model.provisions[static_cast<std::size_t>(p)].find(loaded.model.find_fact(fact));
  REQUIRE(s != nullptr);
  return *s;
}

} // namespace

// ---- units -----------------------------------------------------------------------------------

TEST_CASE("quantities compare and add only in the same unit", "[resolve]") {
  CHECK(test_ids("notice_days < 2 days").empty());
  CHECK(test_ids("10 days < 2 years") == Ids{"E0204@5:15"});
  // A constant of the other family of units does not convert (tests/unit/test_units.cpp).
  CHECK(test_ids("notice_days + 1 years > 3 days") == Ids{"E0108@5:29"});
  CHECK(test_ids("notice_days < max_detention_days").empty());
  CHECK(test_ids("2 * notice_days > 3 days").empty());
  CHECK(test_ids("notice_days * notice_days > 3 days") == Ids{"E0204@5:15"});
  CHECK(test_ids("adopted_on + 30 days > 2020-01-01").empty());
  CHECK(test_ids("adopted_on + 1 years > 2020-01-01") == Ids{"E0108@5:28"});
  // `day` and `days` are the same unit.
  CHECK(test_ids("notice_days == 1 day").empty());

  auto loaded = with_base(test_with("10 days < 2 years"));
  CHECK(messages(loaded.diagnostics) == "E0204: type mismatch: cannot order days and years (the units differ)\n");
}

TEST_CASE("a plain number for a fact with a unit asks for the unit", "[resolve]") {
  auto loaded = with_base(law_with("notice_days: 10"));
  CHECK(messages(loaded.diagnostics) ==
        "E0204: type mismatch: fact `notice_days` is days, but this is integer\n  note: write the unit: `10 days`\n");
  CHECK(fact_ids("notice_days: 10 hours") == Ids{"E0108@10:18"});
  CHECK(fact_ids("notice_days: 48 hours").empty());
  // A range takes the unit written on its upper end for both ends.
  auto range = with_base(law_with("notice_days: 5..10 days"));
  CHECK(range.diagnostics.size() == 0);
  const auto& value = stated(range, "notice_days").value;
  REQUIRE(value.values.size() == 2);
  CHECK(value.values[0]->number == 5);
  CHECK(value.values[0]->type == model::Type::integer(model::Unit::days));
  CHECK(fact_ids("notice_days: 5 hours..10 days") == Ids{"E0108@10:18"});
  CHECK(fact_ids("notice_days: 5..10 integer_days") == Ids{"E0107@10:24"});
}

// ---- enum members ----------------------------------------------------------------------------

TEST_CASE("a bare member belongs to the enum expected where it is written", "[resolve]") {
  // `none` is a member of regime_kind, sanction_kind and the inline enum of `religion`.
  auto loaded = with_base(test_with("regime == none"));
  REQUIRE(loaded.diagnostics.size() == 0);
  const auto& eq = condition(loaded);
  REQUIRE(eq.kind == model::ExprKind::eq);
  const auto& member = *eq.children[1];
  CHECK(member.kind == model::ExprKind::enum_member);
  CHECK(member.type.enumeration->name == "regime_kind");
  CHECK(member.number == 0);
  // The same with the member on the left.
  auto flipped = with_base(test_with("none == regime"));
  REQUIRE(flipped.diagnostics.size() == 0);
  CHECK(condition(flipped).children[0]->type.enumeration->name == "regime_kind");
  // And in a provision's value.
  auto fact = with_base(law_with("regime: none"));
  REQUIRE(fact.diagnostics.size() == 0);
  CHECK(stated(fact, "regime").value.values.front()->type.enumeration->name == "regime_kind");
  // Inside `person where`, by the attribute's inline enum.
  auto person = with_base(test_with("some person p: p.religion == none"));
  CHECK(person.diagnostics.size() == 0);
}

TEST_CASE("a member of several enums with nothing to say which is ambiguous", "[resolve]") {
  auto loaded = with_base(test_with("none == none"));
  // Once: the second `none` has nothing more to say.
  CHECK(ids_at(loaded.diagnostics) == Ids{"E0204@5:15"});
  CHECK(loaded.diagnostics.all().front().message ==
        "`none` is a member of several enums (regime_kind, sanction_kind, religion)");
  // A member of exactly one enum needs no context.
  CHECK(test_ids("authorisation == regime").empty());
  CHECK(test_ids("public_order == public_order").empty());
}

TEST_CASE("a member that is not in the expected enum suggests the closest", "[resolve]") {
  auto loaded = with_base(test_with("regime == authorization"));
  CHECK(ids_at(loaded.diagnostics) == Ids{"E0212@5:25"});
  CHECK(messages(loaded.diagnostics) ==
        "E0212: `authorization` is not a member of `regime_kind`\n  note: did you mean `authorisation`?\n");
  // Far from every member: the note lists them.
  CHECK(messages(with_base(law_with("regime: banned")).diagnostics) ==
        "E0212: `banned` is not a member of `regime_kind`\n  note: members: none, notification, authorisation\n");
}

// ---- sets ----------------------------------------------------------------------------------------

TEST_CASE("set literals take their enum from the context or their members", "[resolve]") {
  auto loaded = with_base(test_with("stated_aims == {public_order, public_health}"));
  REQUIRE(loaded.diagnostics.size() == 0);
  const auto& set = *condition(loaded).children[1];
  CHECK(set.kind == model::ExprKind::set_literal);
  CHECK(set.type == model::Type::set_of(loaded.model.aims_enum));
  CHECK(set.children.size() == 2);
  // An empty set is fine where the type is known ...
  CHECK(test_ids("stated_aims == {}").empty());
  CHECK(fact_ids("stated_aims: {}").empty());
  // ... and not where it is not.
  CHECK(test_ids("{} == {}") == Ids{"E0204@5:15"});
  // A member of another enum in a set of aims.
  CHECK(test_ids("stated_aims == {public_order, fine}") == Ids{"E0212@5:45"});
  // Without context, the first member decides; a second enum's member is then wrong.
  CHECK(test_ids("some a in {public_order, detention}: a in stated_aims") == Ids{"E0212@5:40"});
  // A set of something that is not an enum member.
  CHECK(test_ids("stated_aims == {1 days}") == Ids{"E0204@5:31"});
  // Sets as values: at least / at most / one of.
  CHECK(fact_ids("stated_aims: at least {public_order}").empty());
  CHECK(fact_ids("stated_aims: at most {public_order, public_health}").empty());
  CHECK(fact_ids("stated_aims: one of {{public_order}, {public_health}}").empty());
}

TEST_CASE("`in` needs a member and a set of its enum, `subset of` two sets of one enum", "[resolve]") {
  CHECK(test_ids("public_order in stated_aims").empty());
  CHECK(test_ids("some a in stated_aims: not (a in right.aims)").empty());
  CHECK(test_ids("stated_aims subset of right.aims").empty());
  CHECK(test_ids("stated_aims subset of {public_order}").empty());
  CHECK(test_ids("regime in stated_aims") == Ids{"E0204@5:15"});
  CHECK(test_ids("notice_days in stated_aims") == Ids{"E0204@5:15"});
  CHECK(test_ids("regime subset of stated_aims") == Ids{"E0204@5:15"});
  CHECK(test_ids("stated_aims in stated_aims") == Ids{"E0204@5:15"});
  // `x in s` as a binder ranges over a set only; the body does not repeat the error.
  CHECK(test_ids("some a in regime: a == none") == Ids{"E0204@5:25"});
  // Either side of a comparison tells the other its type.
  CHECK(test_ids("{} == stated_aims").empty());
  CHECK(test_ids("{public_order} == stated_aims").empty());
}

// ---- predicates -----------------------------------------------------------------------------------

TEST_CASE("a predicate is applied to exactly one person", "[resolve]") {
  CHECK(test_ids("some person p: scope(p)").empty());
  CHECK(test_ids("some pair a, b differing in protected: scope(a) and not scope(b)").empty());
  CHECK(test_ids("some person p, person q: scope(p, q)") == Ids{"E0218@5:40"});
  CHECK(test_ids("scope()") == Ids{"E0218@5:15"});
  CHECK(test_ids("some person p: regime(p)") == Ids{"E0204@5:30"});
  CHECK(test_ids("scope(regime)") == Ids{"E0204@5:21"});
  // Attributes belong to a person.
  CHECK(test_ids("some person p: p.age >= 18 years and p.disabled").empty());
  CHECK(test_ids("regime.age > 1 years") == Ids{"E0204@5:21"});
  // `person where` makes a predicate; inside it, attributes name that person.
  CHECK(fact_ids("scope: person where age >= 18 years and citizenship == citizen").empty());
  CHECK(fact_ids("scope: person where age") == Ids{"E0204@10:25"});
  CHECK(fact_ids("scope: everyone").empty());
  CHECK(fact_ids("scope: at most person where not disabled").empty());
  CHECK(fact_ids("scope: yes") == Ids{"E0204@10:12"});
}

// ---- what may be written where ---------------------------------------------------------------

TEST_CASE("`right` and `law` are for tests' conditions only", "[resolve]") {
  CHECK(test_ids("right.derogable and law.level == bylaw").empty());
  CHECK(fact_ids("stated_aims: right.aims") == Ids{"E0204@10:18"});
  CHECK(messages(with_base(law_with("stated_aims: right.aims")).diagnostics) ==
        "E0204: `right` can be used only in a test's condition\n");
  CHECK(test_ids("right.title == \"x\"") == Ids{"E0204@5:15"});
  CHECK(test_ids("right == right") == Ids{"E0204@5:15", "E0204@5:24"});
  CHECK(test_ids("law.title == \"x\"") == Ids{"E0204@5:15"});
  CHECK(fact_ids("regime: law.level") == Ids{"E0204@10:13"});
}

TEST_CASE("a provision's values cannot read other facts", "[resolve]") {
  auto loaded = with_base(law_with("max_detention_days: notice_days"));
  CHECK(ids_at(loaded.diagnostics) == Ids{"E0204@10:25"});
  CHECK(messages(loaded.diagnostics) ==
        "E0204: fact `notice_days` cannot be used here: a provision states values, not conditions on other "
        "facts\n");
  CHECK(fact_ids("scope: person where precise") == Ids{"E0204@10:25"});
  // In a test, facts are what conditions are about.
  CHECK(test_ids("max_detention_days > notice_days").empty());
}

TEST_CASE("comparisons cannot be chained", "[resolve]") {
  auto loaded = with_base(test_with("1 days < notice_days < 10 days"));
  // Reported at the second comparison, not at the start of the file.
  CHECK(ids_at(loaded.diagnostics) == Ids{"E0204@5:36"});
  CHECK(loaded.diagnostics.all().front().message == "comparisons cannot be chained; join them with `and`");
  CHECK(test_ids("regime == none == none") == Ids{"E0204@5:30"});
  CHECK(test_ids("1 days < notice_days and notice_days < 10 days").empty());
}

TEST_CASE("operators check their operands", "[resolve]") {
  CHECK(test_ids("precise and notice_days") == Ids{"E0204@5:15"});
  CHECK(test_ids("not notice_days") == Ids{"E0204@5:19"});
  CHECK(test_ids("-precise") == Ids{"E0204@5:15"});
  CHECK(test_ids("precise implies notice_days") == Ids{"E0204@5:31"});
  CHECK(test_ids("notice_days") == Ids{"E0204@5:15"});
  CHECK(test_ids("label == \"x\" or regime != none").empty());
  CHECK(test_ids("scope == scope") == Ids{"E0204@5:15"});
}

TEST_CASE("dates must exist in the calendar and numbers must be at most 10^12", "[resolve]") {
  CHECK(fact_ids("adopted_on: 2023-02-30") == Ids{"E0105@10:17"});
  CHECK(fact_ids("adopted_on: 2023-04-31") == Ids{"E0105@10:17"});
  CHECK(fact_ids("adopted_on: 1900-02-29") == Ids{"E0105@10:17"});
  CHECK(fact_ids("adopted_on: 2000-02-29").empty());
  CHECK(test_ids("adopted_on < 2023-00-10") == Ids{"E0105@5:28"});
  auto loaded = with_base(law_with("adopted_on: 2024-02-29"));
  CHECK(model::civil_from_days(stated(loaded, "adopted_on").value.values.front()->number) == "2024-02-29");

  CHECK(fact_ids("notice_days: 1000000000000 days").empty());
  CHECK(fact_ids("notice_days: 1000000000001 days") == Ids{"E0106@10:18"});
  CHECK(fact_ids("notice_days: 18446744073709551617 days") == Ids{"E0106@10:18"});
  CHECK(test_ids("notice_days > 99999999999999999999 days") == Ids{"E0106@5:29"});
  CHECK(fact_ids("source: doc para 99999999999999") == Ids{"E0106@10:22"});
}

// ---- files ---------------------------------------------------------------------------------------

TEST_CASE("a name declared in a file that is not imported is not visible", "[resolve]") {
  auto loaded = load_files({{"base.sir", base_rules},
                            {"other.sir", "enum colour { red, green }\nfact flag: bool\n"},
                            {"main.sir", "import \"base.sir\"\nfact painted: colour\n" + test_with("flag")}});
  // test_with's condition is on line 6 here (one line more than usual).
  REQUIRE(ids_at(loaded.diagnostics) == Ids{"E0201@2:15", "E0203@6:15"});
  for (const auto& d : loaded.diagnostics.all()) {
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes.front().span.file->path() == "other.sir");
    CHECK(d.notes.front().message == "declared here, in a file that `main.sir` does not import; add an `import`");
  }
  // Imports are transitive: what base.sir imports, main.sir sees.
  auto transitive = load_files({{"base.sir", std::string("import \"other.sir\"\n") + base_rules},
                                {"other.sir", "enum colour { red, green }\n"},
                                {"main.sir", "import \"base.sir\"\nfact painted: colour\n"}});
  CHECK(transitive.diagnostics.size() == 0);
  // A suggestion never names what the file cannot see.
  auto hidden = load_files({{"other.sir", "fact secret_fact: bool\n"},
                            {"main.sir", "import \"base.sir\"\n" + test_with("secret_fakt")},
                            {"base.sir", base_rules}});
  CHECK(messages(hidden.diagnostics) == "E0203: unknown fact or name `secret_fakt`\n");
}

TEST_CASE("a name declared twice across files is reported where it is repeated", "[resolve]") {
  // a.sir and b.sir sort before base.sir, which they import: the repeated declarations
  // are still theirs, not base.sir's.
  auto loaded = load_files({{"base.sir", base_rules},
                            {"a.sir", "import \"base.sir\"\nfact regime: bool\n"},
                            {"b.sir", "import \"base.sir\"\nright art19 {\n  article: 19\n  title: \"x\"\n}\n"}});
  REQUIRE(ids_at(loaded.diagnostics) == Ids{"E0202@2:6", "E0202@2:7"});
  CHECK(loaded.diagnostics.all()[0].span.file->path() == "a.sir");
  CHECK(loaded.diagnostics.all()[1].span.file->path() == "b.sir");
  for (const auto& d : loaded.diagnostics.all()) {
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes.front().span.file->path() == "base.sir");
  }
  // The first declaration, in base.sir, is the one the model keeps.
  CHECK(loaded.model.facts[static_cast<std::size_t>(loaded.model.find_fact("regime"))].type.kind ==
        model::Type::Kind::enumeration);
  // Two person blocks add to one person; the same attribute twice is a duplicate.
  auto persons = with_base("person {\n  height: integer\n}\nperson {\n  age: years\n}\n");
  CHECK(ids_at(persons.diagnostics) == Ids{"E0202@6:3"});
  CHECK(persons.model.find_attribute("height") >= 0);
}

TEST_CASE("every independent error in a file is reported", "[resolve]") {
  std::string main = "enum colour { red green }\n"                       // 2: E0102 at `green`
                     "fact weight integer\n"                             // 3: E0101
                     "fact painted: bool\n"                              // 4: fine
                     "right r {\n  article: 7\n  title: \"Unclosed\n}\n" // 5-8: E0104 at 7:10
                     + test_with("regim == authorisation")               // 9-17: E0203 at 12:15
                     + law_with("notice_days: 10");                      // 18-: E0204 at 26:18
  auto loaded = with_base(main);
  CHECK(ids_at(loaded.diagnostics) == Ids{"E0102@2:19", "E0101@3:13", "E0104@7:10", "E0203@12:15", "E0204@26:18"});
  // What parsed is in the model.
  CHECK(loaded.model.find_fact("painted") >= 0);
  CHECK(loaded.model.find_test("t") >= 0);
  CHECK(loaded.model.find_provision("l.p") >= 0);
}

TEST_CASE("a block left open does not hide the declaration after it", "[resolve]") {
  auto loaded = with_base("right r {\n  article: 7\n  title: \"x\"\n\nfact y: bool\n" + test_with("y"));
  // Only the missing `}`; `y` is declared and the test that reads it resolves.
  CHECK(ids_at(loaded.diagnostics) == Ids{"E0102@6:1"});
  CHECK(loaded.model.find_fact("y") >= 0);
}

// ---- text in other scripts ---------------------------------------------------------------------

TEST_CASE("Kazakh and Russian text round-trips through the model", "[resolve]") {
  const std::string kazakh = "Қазақстан Республикасы";
  const std::string russian = "О порядке организации и проведения мирных собраний";
  auto loaded = with_base("jurisdiction kz {\n"
                          "  title: \"Republic of Kazakhstan\"\n"
                          "  original_title: \"" +
                          kazakh +
                          "\"\n"
                          "}\n"
                          "law kz_assemblies {\n"
                          "  title: \"On peaceful assemblies\"\n"
                          "  original_title: \"О порядке организации \"\n"
                          "                  \"и проведения мирных собраний\"\n"
                          "  jurisdiction: kz\n"
                          "  level: law\n"
                          "  source: doc para 1\n"
                          "  provision p {\n"
                          "    title: \"Статья 10 \\u{2014} уведомление\"\n"
                          "    restricts: art19\n"
                          "    label: \"Ұйымдастырушы\"\n"
                          "    source: doc para 2\n"
                          "  }\n"
                          "}\n");
  REQUIRE(loaded.diagnostics.size() == 0);
  CHECK(loaded.model.jurisdictions.back().original_title == kazakh);
  CHECK(loaded.model.laws.back().original_title == russian);
  const auto& provision = loaded.model.provisions.back();
  CHECK(provision.title == "Статья 10 \xe2\x80\x94 уведомление");
  const auto* label = provision.find(loaded.model.find_fact("label"));
  REQUIRE(label != nullptr);
  CHECK(label->value.values.front()->text == "Ұйымдастырушы");
}

TEST_CASE("columns after text in other scripts count characters, not bytes", "[resolve]") {
  auto loaded = with_base("law l {\n  title: \"Закон\" level: statute\n}\n");
  // `statute` is the 25th character of its line (its byte offset is larger).
  CHECK(ids_at(loaded.diagnostics) == Ids{"E0210@2:5", "E0214@3:25"});
  std::string rendered = render_all(loaded.diagnostics, RenderOptions{false});
  CHECK(rendered.find("3 |   title: \"Закон\" level: statute\n"
                      "  |                         ^^^^^^^\n") != std::string::npos);
}

TEST_CASE("a very long line is shown as a window around the caret", "[resolve]") {
  std::string filler(300, 'x');
  auto loaded = with_base("fact f: bool \"" + filler + "\" " + "colour\n");
  REQUIRE(ids_at(loaded.diagnostics) == Ids{"E0101@2:317"});
  std::string rendered = render_all(loaded.diagnostics, RenderOptions{false});
  // No line of the rendering is longer than the window and its margins.
  std::size_t start = 0;
  while (start < rendered.size()) {
    std::size_t end = rendered.find('\n', start);
    CHECK(end - start < 200);
    start = end + 1;
  }
  CHECK(rendered.find("...xxxx") != std::string::npos);
  CHECK(rendered.find("\" colour\n") != std::string::npos);
}

// ---- citations marked `[unverified]` ------------------------------------------------------

TEST_CASE("resolve: the unverified marker marks the one citation it follows, and its display says so", "[resolve]") {
  auto loaded = with_base("document gc { title: \"A comment\" paragraphs: 1..10 }\n"
                          "test t {\n  applies to: art19\n  criterion: necessity\n  fails when: precise\n"
                          "  cites: covenant art 19(3) [unverified]; gc para 2; gc para 3, 4 [unverified]; "
                          "siracusa para 11 [unverified]; views \"A v. B, 1/2000\"\n"
                          "  explanation: \"e\"\n  recommendation: \"r\"\n  strength: concern\n}\n");
  INFO(messages(loaded.diagnostics));
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  REQUIRE(loaded.model.tests.size() == 1);
  const auto& cites = loaded.model.tests.front().citations;
  REQUIRE(cites.size() == 5);
  CHECK(cites[0].unverified);
  CHECK_FALSE(cites[1].unverified);
  CHECK(cites[2].unverified);
  CHECK(cites[3].unverified);
  CHECK_FALSE(cites[4].unverified);
  CHECK(cites[0].display() == "covenant art. 19(3) (unverified)");
  CHECK(cites[1].display() == "gc, para. 2");
  CHECK(cites[2].display() == "gc, paras. 3, 4 (unverified)");
  CHECK(cites[4].display() == "A v. B, 1/2000");
}

TEST_CASE("resolve: after an opening bracket a citation takes only `unverified`", "[resolve]") {
  auto loaded = with_base("test t {\n  applies to: art19\n  criterion: necessity\n  fails when: precise\n"
                          "  cites: covenant art 19(3) [unverifed]\n"
                          "  explanation: \"e\"\n  recommendation: \"r\"\n  strength: concern\n}\n");
  // Line 6 (the import is line 1): `[` is at column 29, the misspelt word at 30.
  CHECK(ids_at(loaded.diagnostics) == Ids{"E0101@6:30"});
  CHECK(messages(loaded.diagnostics).find("`unverified`") != std::string::npos);
}
