// Tests of the canonical formatter (engine/syntax/format.cpp): exact layout, comments,
// strings, idempotence, and that formatting never changes the AST.
#include "syntax/ast_adapted.hpp"
#include "syntax/format.hpp"
#include "syntax/parsed_file.hpp"
#include "syntax/parser.hpp"

#include <boost/fusion/include/at_c.hpp>
#include <boost/fusion/include/size.hpp>
#include <boost/fusion/support/is_sequence.hpp>
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace siracusa;
namespace x3 = boost::spirit::x3;

// ---- an AST dumper that ignores positions ---------------------------------------------
// Adapted structs are walked with Boost.Fusion (every member, by name), so a field the
// formatter forgets to print shows up as a difference; the one-member structs that are
// not adapted are listed by hand.

class Dumper {
 public:
  std::string out;

  void operator()(const std::string& s) { out += "'" + s + "'"; }
  void operator()(bool b) { out += b ? "true" : "false"; }
  void operator()(ast::Op op) { out += std::string("op`") + ast::spelling(op) + "`"; }

  template <typename T>
  void operator()(const boost::optional<T>& o) {
    if (!o) {
      out += "none";
      return;
    }
    out += "some(";
    (*this)(*o);
    out += ")";
  }

  template <typename T>
  void operator()(const std::vector<T>& v) {
    out += "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i > 0)
        out += ", ";
      (*this)(v[i]);
    }
    out += "]";
  }

  template <typename T>
  void operator()(const x3::forward_ast<T>& f) {
    (*this)(f.get());
  }

  template <typename... Ts>
  void operator()(const boost::variant<Ts...>& v) {
    out += "<" + std::to_string(v.which()) + ">";
    boost::apply_visitor([this](const auto& alternative) { (*this)(alternative); }, v);
  }

  // x3::variant and the AST types derived from it.
  template <typename T>
  requires(!boost::fusion::traits::is_sequence<T>::value) && requires(const T& t) { t.get().which(); }
  void operator()(const T& v) { (*this)(v.get()); }

  template <typename T>
  requires(boost::fusion::traits::is_sequence<T>::value) void operator()(const T& node) {
    out += "{";
    members(node, std::make_index_sequence<boost::fusion::result_of::size<T>::type::value>());
    out += "}";
  }

#define SIRACUSA_DUMP_ONE(Type, member)                                                                                \
  void operator()(const ast::Type& node) {                                                                             \
    out += #Type "{";                                                                                                  \
    (*this)(node.member);                                                                                              \
    out += "}";                                                                                                        \
  }
  SIRACUSA_DUMP_ONE(Identifier, name)
  SIRACUSA_DUMP_ONE(StringLit, segments)
  SIRACUSA_DUMP_ONE(DateLit, text)
  SIRACUSA_DUMP_ONE(BoolLit, word)
  SIRACUSA_DUMP_ONE(KeywordLit, word)
  SIRACUSA_DUMP_ONE(MemberAccess, member)
  SIRACUSA_DUMP_ONE(Call, arguments)
  SIRACUSA_DUMP_ONE(SetLit, elements)
  SIRACUSA_DUMP_ONE(PredicateLit, body)
  SIRACUSA_DUMP_ONE(PersonBinder, name)
  SIRACUSA_DUMP_ONE(UnknownValue, word)
  SIRACUSA_DUMP_ONE(OneOfValue, options)
  SIRACUSA_DUMP_ONE(ExactValue, value)
  SIRACUSA_DUMP_ONE(IdentList, items)
  SIRACUSA_DUMP_ONE(CitationList, items)
  SIRACUSA_DUMP_ONE(ArticleRef, text)
  SIRACUSA_DUMP_ONE(Word, word)
  SIRACUSA_DUMP_ONE(Import, path)
#undef SIRACUSA_DUMP_ONE

 private:
  template <typename T, std::size_t... I>
  void members(const T& node, std::index_sequence<I...>) {
    ((out += std::string(boost::fusion::extension::struct_member_name<T, I>::call()) + "=",
      (*this)(boost::fusion::at_c<I>(node)), out += ";"),
     ...);
  }
};

// The declarations and the comment texts, in order; no positions.
std::string dump(const ast::File& file) {
  Dumper d;
  d(file.declarations);
  d.out += "\ncomments:";
  for (const auto& c : file.comments)
    d.out += "\n" + c.text;
  return d.out;
}

struct Parsed {
  syntax::ParsedFilePtr file;
  std::string errors;
};

Parsed parse(const std::string& text) {
  Diagnostics diagnostics;
  auto file = syntax::parse(std::make_shared<SourceFile>("test.sir", text), diagnostics);
  return {std::move(file), render_all(diagnostics, {})};
}

// Formats `input` and checks what must hold for every input: the output parses, to the
// same AST and comments, and formatting it again changes nothing.
std::string check_format(const std::string& input) {
  auto before = parse(input);
  INFO("input:\n" << input);
  REQUIRE(before.errors.empty());
  std::string output = syntax::format(*before.file);
  INFO("output:\n" << output);
  auto after = parse(output);
  REQUIRE(after.errors.empty());
  CHECK(dump(after.file->ast) == dump(before.file->ast));
  CHECK(syntax::format(*after.file) == output);
  if (!output.empty()) {
    CHECK(output.back() == '\n');
    CHECK(output.find("\n\n", output.size() - 2) == std::string::npos);
  }
  return output;
}

// Every example of docs/language.md, and every other construct of the grammar, in the
// canonical layout.
const std::string canonical_sample = R"sir(# The examples of docs/language.md, with every other construct added.

import "../../rules/iccpr/vocabulary.sir"
import "documents.sir"

document kz-ngo-2025 {
  title: "Statement by the Group of NGOs of Kazakhstan on the third periodic report (May 2025)"
  paragraphs: 1..91
  url: "https://example.org/kz-ngo-2025.pdf"
}

enum control_regime "What must happen before a right may be exercised." {
  none, notification, authorisation
}

enum aim {
  national_security "National security.",
  public_order "Public order (ordre public).",
  rights_of_others
}

person {
  citizenship: {citizen, foreign_national, stateless, refugee} protected "Nationality status."
  age: years "Age in full years."
  criminal_record: bool protected "Has an unspent criminal record."
  role: role_kind
  income: integer
}

person {}

fact regime: control_regime "How the exercise of the right is controlled in advance."
fact notice_days: days "Days of advance notice the organiser must give."
fact notice_hours: hours
fact ban_months: months
fact ban_start: date
fact reason: text "Free text."
fact stated_aims: set of aim "Aims the law itself states for the restriction."
fact scope: predicate over person "Who may exercise the right under this provision."

duty anti_discrimination_law "Comprehensive law against discrimination with remedies." {
  rights: art2, art26
}

duty views_implementation_procedure

duty ombudsman "An ombudsman." {
  nature: good_practice
}

duty equality_body {
  rights: art26
  nature: obligation
}

act record_at_polling_station "Photograph, film or record inside a polling station."

right art21 {
  article: 21
  title: "Right of peaceful assembly"
  derogable: yes
  limitation: prescribed_by_law, necessary_in_democratic_society
  aims: national_security, public_safety, public_order, public_health, public_morals, rights_of_others
  cites: covenant art 21
}

right art7 {
  article: 2(1)(a)
  absolute: true
  derogable: false
  cites: general comment 37 para 70; siracusa para 10, 11; covenant art 21; views "Toonen v. Australia, 488/1992" para 8..9; views "Toonen"; kz-ngo-2025 para 45, 47; kz-ngo-2025; general comment 20
}

test assembly_needs_permission {
  title: "Assemblies require permission"
  applies to: art21
  criterion: necessity
  about: regime, notice_days
  fails when: regime == authorisation
  unless: notice_days == 0 days
  unless: not scope(everyone)
  strength: presumptive
  justification: "that a notice would not do."
  cites: general comment 37 para 70
  explanation: "A permission regime turns a right into a privilege granted by the State."
  recommendation: "Replace the permission requirement by a simple notification."
}

test aim_not_permitted {
  applies to: all
  criterion: legitimate_aim
  about: all
  strength: per_se
  fails when: some a in stated_aims: not (a in right.aims)
  cites: siracusa para 22..37; general comment 22 para 8 [unverified]; siracusa para 11 [unverified]
}

test excludes_on_protected_ground {
  applies to: art21, art22
  criterion: non_discrimination
  fails when: some pair a, b differing in protected: scope(a) and not scope(b)
  cites: covenant art 2(1); general comment 18 para 13
}

test no_remedy_for_views {
  applies to: art2
  criterion: positive_obligation
  requires: views_implementation_procedure
  cites: general comment 33 para 13..20
}

test quantifiers {
  criterion: proportionality
  fails when: every person p: scope(p) implies p.age >= 18 years or p.citizenship != citizen
  cites: siracusa para 10
}

test binders {
  criterion: non_discrimination
  fails when: some pair a, b differing in {citizenship, age}, x in {public_order, national_security}, person q: (scope(a) or -notice_days + 2 * 3 days - 1 > 5 days) and {x} subset of stated_aims
  cites: siracusa para 10
}

test literals {
  criterion: legality
  fails when: ban_start < 2020-05-25 and reason == "none" and law.level == constitution and right.absolute == false and ban_months <= 6 months
  cites: siracusa para 10
}

test keywords {
  criterion: conflict
  fails when: scope == everyone or scope == no one or stated_aims == {} or ((not regime == none)) or f(a, (b)).c == - -1
  cites: siracusa para 10
}

test split_strings {
  criterion: legality
  explanation: "A first part, "
      "a second part and "
      "a third."
  recommendation: "Short."
  cites: siracusa para 17
}

jurisdiction kz {
  title: "Republic of Kazakhstan"
  original_title: "Қазақстан Республикасы"
  reported_absent: anti_discrimination_law, source: kz-ngo-2025 para 14
}

law kz_assemblies_2020 {
  title: "On the procedure for organising and holding peaceful assemblies"
  original_title: "О порядке организации и проведения мирных собраний"
  jurisdiction: kz
  level: law
  adopted: 2020-05-25
  effective: 2020-06-01
  source: kz-ngo-2025 para 47
  basis: practice
  reason: "Stated once for the whole law." [text]

  provision organisers_and_participants {
    title: "Who may organise or take part in an assembly"
    article: "Article 3(2)"
    restricts: art21
    implements: anti_discrimination_law
    scope: person where citizenship == citizen and age >= 18 years and not criminal_record
    notice_days: 5..10 days
    notice_hours: 2 hours..48 hours
    regime: one of {notification, authorisation}
    stated_aims: at least {public_order}
    ban_months: at most 6 months
    reason: unknown [assessment kz-ngo-2025 para 46]
    ban_start: 2020-06-01 [text kz-ngo-2025 para 47, 48]
    implements partially: views_implementation_procedure "only for criminal cases"
    basis: assessment
    effective: 2021-01-01
    permits: record_at_polling_station for person where role == observer
    obliges: record_at_polling_station for everyone
    forbids: record_at_polling_station for no one
    source: kz-ngo-2025 para 45, 47
  }

  provision empty {}

  effective: 2020-07-01
}

law nothing_yet {}

expect fails: art21 necessity on kz_assemblies_2020.organisers_and_participants source: kz-ngo-2025 para 47
expect no fails per_se on kz
expect unassessed: assembly_needs_permission on kz_assemblies_2020

amendment notification_reform {
  title: "Notification instead of permission"
  effective: 2026-07-01
  source: kz-ngo-2025 para 49

  amends kz_assemblies_2020.organisers_and_participants {
    change regime: notification
    change notice_days: 2 days
    remove stated_aims
    set reason: "Reform."
    set restricts: art21, art22
    set implements: anti_discrimination_law
  }

  repeals kz_assemblies_2020.empty
  repeals kz_other.provision_x

  adds to kz_assemblies_2020 provision spontaneous {
    title: "Spontaneous assemblies"
    spontaneous_allowed: yes
    source: kz-ngo-2025 para 49
  }
}
)sir";

// Every place between two tokens where a comment could go: the spaces and newlines
// outside strings and comments.
std::vector<std::size_t> gaps(const std::string& text) {
  std::vector<std::size_t> result;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n')
        ++i;
    } else if (c == ' ' || c == '\n') {
      result.push_back(i);
    }
  }
  return result;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

} // namespace

TEST_CASE("format: the language reference sample is canonical and a fixed point", "[format]") {
  std::string output = check_format(canonical_sample);
  CHECK(output == canonical_sample);
}

TEST_CASE("format: a messy rendering of the sample formats back to the canonical text", "[format]") {
  // Squeeze every run of spaces and newlines outside strings into one space (or none
  // around punctuation), and indent what is left oddly.
  std::string messy;
  bool in_string = false;
  for (std::size_t i = 0; i < canonical_sample.size(); ++i) {
    char c = canonical_sample[i];
    if (in_string) {
      messy += c;
      if (c == '\\')
        messy += canonical_sample[++i];
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '#') { // keep comments, their line ends and an empty line after them
      while (i < canonical_sample.size() && canonical_sample[i] != '\n')
        messy += canonical_sample[i++];
      messy += "\n";
      if (i + 1 < canonical_sample.size() && canonical_sample[i + 1] == '\n')
        messy += canonical_sample[++i];
      continue;
    }
    if (c == '"')
      in_string = true;
    if (c == '\n')
      messy += (i % 3 == 0) ? "\r\n\t\t" : "   ";
    else if (c == ' ' && (canonical_sample[i + 1] == ':' || canonical_sample[i - 1] == ':' ||
                          canonical_sample[i - 1] == ',' || canonical_sample[i + 1] == '{'))
      continue; // `key:value`, `a,b`, `name{`
    else if (c == ' ')
      messy += "  ";
    else
      messy += c;
  }
  INFO(messy);
  CHECK(check_format(messy) == canonical_sample);
}

TEST_CASE("format: spacing and layout are normalised", "[format]") {
  CHECK(check_format("fact   a :set   of aim\"doc\"") == "fact a: set of aim \"doc\"\n");
  CHECK(check_format("enum e{a,b,c,}") == "enum e {\n  a, b, c\n}\n");
  CHECK(check_format("enum e\"doc\"{a \"A\",b}") == "enum e \"doc\" {\n  a \"A\",\n  b\n}\n");
  CHECK(check_format("person{age:years protected\"Age.\" c:{x,y}}") ==
        "person {\n  age: years protected \"Age.\"\n  c: {x, y}\n}\n");
  CHECK(check_format("duty d{rights:art2,art26}act a") == "duty d {\n  rights: art2, art26\n}\n\nact a\n");
  CHECK(check_format("test t{fails when:not(a==b)and x in{p,q}or f( a ,b ).c!=-3days applies to:all "
                     "cites:siracusa para 1,2 ..3;covenant art 2(1)}") ==
        "test t {\n"
        "  fails when: not (a == b) and x in {p, q} or f(a, b).c != -3 days\n"
        "  applies to: all\n"
        "  cites: siracusa para 1, 2..3; covenant art 2(1)\n"
        "}\n");
  CHECK(check_format("test t{cites:siracusa para 11[ unverified ];covenant art 2(1)  [unverified];d;"
                     "views \"A\"[unverified]}") ==
        "test t {\n"
        "  cites: siracusa para 11 [unverified]; covenant art 2(1) [unverified]; d; views \"A\" [unverified]\n"
        "}\n");
  std::string law = "law l{\r\n\ttitle:\"T\"\r\n\tprovision p{x:5 days .. 10 days y : 5..10days}"
                    "provision q{}source:d para 1}";
  CHECK(check_format(law) == "law l {\n"
                             "  title: \"T\"\n"
                             "\n"
                             "  provision p {\n"
                             "    x: 5 days..10 days\n"
                             "    y: 5..10 days\n"
                             "  }\n"
                             "\n"
                             "  provision q {}\n"
                             "\n"
                             "  source: d para 1\n"
                             "}\n");
  CHECK(check_format("amendment a{amends l.p{set restricts:r1,r2 remove x}repeals l.q adds to l provision n{}}") ==
        "amendment a {\n"
        "  amends l.p {\n"
        "    set restricts: r1, r2\n"
        "    remove x\n"
        "  }\n"
        "\n"
        "  repeals l.q\n"
        "\n"
        "  adds to l provision n {}\n"
        "}\n");
  CHECK(check_format("import \"a\"\n\n\nimport \"b\" fact f:bool") == "import \"a\"\nimport \"b\"\n\nfact f: bool\n");
  CHECK(check_format("") == "");
  CHECK(check_format("\n\n  \n") == "");
}

TEST_CASE("format: parentheses are kept exactly where the source had them", "[format]") {
  CHECK(check_format("test t { fails when: ((a)) }") == "test t {\n  fails when: ((a))\n}\n");
  CHECK(check_format("test t { fails when: ( a or b ) and c }") == "test t {\n  fails when: (a or b) and c\n}\n");
  CHECK(check_format("test t { fails when: a or b and c }") == "test t {\n  fails when: a or b and c\n}\n");
  CHECK(check_format("test t { fails when: not(x) }") == "test t {\n  fails when: not (x)\n}\n");
  CHECK(check_format("test t { fails when: -( 1 - 2 ) * ( 3 ) }") == "test t {\n  fails when: -(1 - 2) * (3)\n}\n");
  CHECK(check_format("test t { fails when: (some x in s: x == a) and f((y)) }") ==
        "test t {\n  fails when: (some x in s: x == a) and f((y))\n}\n");
  CHECK(check_format("test t { fails when: (a).b }") == "test t {\n  fails when: (a).b\n}\n");
}

TEST_CASE("format: strings are escaped canonically", "[format]") {
  // \u{41} is A, \u{44B} is ы; controls stay escaped; a raw tab becomes \t.
  std::string input = "act a \"q\\\" b\\\\ n\\n t\\t raw\ttab c\\u{1}\\u{7F}\\u{0} A\\u{41} \\u{44B} "
                      "rtl\\u{202E} nbsp\\u{a0}\"";
  std::string expected = "act a \"q\\\" b\\\\ n\\n t\\t raw\\ttab c\\u{1}\\u{7f}\\u{0} AA ы "
                         "rtl\\u{202e} nbsp\u00a0\"\n";
  CHECK(check_format(input) == expected);
  auto reparsed = parse(expected);
  REQUIRE(reparsed.errors.empty());
  const auto& act = boost::get<ast::ActDecl>(reparsed.file->ast.declarations.at(0).get());
  CHECK(act.doc->joined() ==
        std::string("q\" b\\ n\n t\t raw\ttab c\x01\x7f") + std::string(1, '\0') + " AA ы rtl\u202e nbsp\u00a0");
}

TEST_CASE("format: Cyrillic and Kazakh text round-trips unchanged", "[format]") {
  std::string kazakh = "Қазақстан Республикасының Конституциясы: әділет, ғылым, ұлт, үміт, өнер, қоңыр, һ, і";
  std::string russian = "О порядке организации и проведения мирных собраний «в Республике Казахстан»";
  std::string input =
      "jurisdiction kz {original_title:\"" + kazakh + "\"   title: \"" + russian + "\" # Комментарий: қазақша\n}";
  std::string expected = "jurisdiction kz {\n  original_title: \"" + kazakh + "\"\n  title: \"" + russian +
                         "\" # Комментарий: қазақша\n}\n";
  CHECK(check_format(input) == expected);
  auto reparsed = parse(expected);
  REQUIRE(reparsed.errors.empty());
  const auto& block = boost::get<ast::Block>(reparsed.file->ast.declarations.at(0).get());
  CHECK(boost::get<ast::StringLit>(block.clauses.at(0).value.get()).joined() == kazakh);
  CHECK(boost::get<ast::StringLit>(block.clauses.at(1).value.get()).joined() == russian);
}

TEST_CASE("format: split strings put each segment on a continuation line", "[format]") {
  CHECK(check_format("act a \"one \"   \"two \" \"three\"") == "act a \"one \"\n    \"two \"\n    \"three\"\n");
  CHECK(check_format("law l { provision p { title: \"a\" \"b\" } }") ==
        "law l {\n  provision p {\n    title: \"a\"\n        \"b\"\n  }\n}\n");
  // Inside an expression the rest of the expression follows the last segment.
  CHECK(check_format("test t { fails when: x == \"a\" \"b\" and y }") ==
        "test t {\n  fails when: x == \"a\"\n      \"b\" and y\n}\n");
}

TEST_CASE("format: comments at top level", "[format][comments]") {
  std::string input = "# header\n"
                      "# second line\n"
                      "\n"
                      "import \"a.sir\"   # trailing import\n"
                      "# between imports\n"
                      "import \"b.sir\"\n"
                      "fact a: bool # trailing fact\n"
                      "   # before b\n"
                      "fact b: bool\n"
                      "# end 1\n"
                      "\n\n\n"
                      "# end 2";
  std::string expected = "# header\n"
                         "# second line\n"
                         "\n"
                         "import \"a.sir\" # trailing import\n"
                         "# between imports\n"
                         "import \"b.sir\"\n"
                         "\n"
                         "fact a: bool # trailing fact\n"
                         "# before b\n"
                         "fact b: bool\n"
                         "\n"
                         "# end 1\n"
                         "\n"
                         "# end 2\n";
  CHECK(check_format(input) == expected);
  CHECK(check_format("# only a comment") == "# only a comment\n");
  CHECK(check_format("\n\n# one\n\n\n# two\n\n") == "# one\n\n# two\n");
}

TEST_CASE("format: comments inside blocks and at their end", "[format][comments]") {
  std::string input = "law x { # about x\n"
                      "# before title\n"
                      "title: \"t\"   # trailing title\n"
                      "    provision p {\n"
                      "      source: d para 1 # trailing source\n"
                      "      # end of p\n"
                      "    } # after p\n"
                      "# end of law\n"
                      "}  # after law\n";
  std::string expected = "law x { # about x\n"
                         "  # before title\n"
                         "  title: \"t\" # trailing title\n"
                         "\n"
                         "  provision p {\n"
                         "    source: d para 1 # trailing source\n"
                         "    # end of p\n"
                         "  } # after p\n"
                         "  # end of law\n"
                         "} # after law\n";
  CHECK(check_format(input) == expected);

  CHECK(check_format("enum e {\n  a, b, # after b\n  # own at end\n}\nperson {\n# only a comment\n}\nlaw empty {}") ==
        "enum e {\n  a, b # after b\n  # own at end\n}\n\nperson {\n  # only a comment\n}\n\nlaw empty {}\n");
  // A comment between enum members puts one member on each line.
  CHECK(check_format("enum e { a, # first\n b }") == "enum e {\n  a, # first\n  b\n}\n");
  CHECK(check_format("duty d { # why\n # own\n rights: a # r\n # end\n }") ==
        "duty d { # why\n  # own\n  rights: a # r\n  # end\n}\n");
  CHECK(check_format("amendment a {\n amends l.p { # changes\n  remove x # gone\n  # last\n }\n}") ==
        "amendment a {\n  amends l.p { # changes\n    remove x # gone\n    # last\n  }\n}\n");
  CHECK(check_format("person { # nothing yet\n}") == "person { # nothing yet\n}\n");
}

TEST_CASE("format: comments inside a line move before it", "[format][comments]") {
  CHECK(check_format("test t {\n  fails when: a and # why a\n    b\n}") ==
        "test t {\n  # why a\n  fails when: a and b\n}\n");
  CHECK(check_format("fact # what\n f: # type\n bool") == "# what\n# type\nfact f: bool\n");
  // Between the segments of a split string they stay between the segments.
  CHECK(check_format("act x \"one \" # c1\n  # c2\n  \"two\" # c3\n") ==
        "act x \"one \" # c1\n    # c2\n    \"two\" # c3\n");
}

TEST_CASE("format: a comment in any gap of the sample is kept once, in order", "[format][comments]") {
  // Each gap between tokens gets a trailing comment (` # cN` then a line break) and,
  // separately, a comment on its own line. Formatting must keep it, keep the AST and
  // be idempotent.
  auto positions = gaps(canonical_sample);
  REQUIRE(positions.size() > 500);
  std::size_t n = 0;
  for (std::size_t at : positions) {
    for (const char* shape : {" # c%\n", "\n# c%\n"}) {
      std::string comment = shape;
      std::string marker = "# c" + std::to_string(n++);
      comment.replace(comment.find("# c%"), 4, marker);
      std::string input = canonical_sample;
      input.insert(at, comment);
      std::string output = check_format(input);
      INFO(output);
      CHECK(count(output, marker + "\n") == 1);
      CHECK(count(output, "# ") == count(canonical_sample, "# ") + 1);
    }
  }
}

TEST_CASE("format: many comments at once keep their order", "[format][comments]") {
  // A comment in every fifth gap, alternating shapes.
  auto positions = gaps(canonical_sample);
  std::string input = canonical_sample;
  std::vector<std::string> markers;
  for (std::size_t k = positions.size(); k-- > 0;) {
    if (k % 5 != 0)
      continue;
    std::string marker = "# m" + std::to_string(k);
    input.insert(positions[k], (k % 2 == 0 ? " " : "\n") + marker + "\n");
    markers.insert(markers.begin(), marker);
  }
  std::string output = check_format(input);
  std::size_t at = 0;
  for (const auto& marker : markers) {
    auto found = output.find(marker + "\n", at);
    INFO(marker);
    REQUIRE(found != std::string::npos);
    at = found + marker.size();
  }
}
