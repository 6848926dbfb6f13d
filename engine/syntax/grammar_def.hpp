// engine/syntax — the X3 grammar of rule files (see docs/language.md).
// Once a construct is committed by its keyword, `>` expectation points make a failure
// say what was expected there; the driver in parser.cpp turns that into a diagnostic.
#pragma once

#include "syntax/ast.hpp"
#include "syntax/ast_adapted.hpp"
#include "syntax/grammar.hpp"

#include <boost/spirit/home/x3.hpp>

#include <string_view>
#include <unordered_set>

namespace siracusa::syntax {

namespace detail {

constexpr bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A whole word: `in` must not match the start of `income`.
struct keyword_parser : x3::parser<keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::string_view word;
  constexpr explicit keyword_parser(std::string_view w) : word(w) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute&) const {
    // Skip on a copy: a keyword that does not match must leave the input untouched, or
    // the node before it would end after the spaces and comments that follow it.
    Iterator it = first;
    x3::skip_over(it, last, context);
    for (char c : word) {
      if (it == last || *it != c)
        return false;
      ++it;
    }
    if (it != last && is_ident_char(*it))
      return false;
    first = it;
    return true;
  }
};

// The same, with the word itself as attribute.
struct keyword_string_parser : x3::parser<keyword_string_parser> {
  using attribute_type = std::string;
  static bool const has_attribute = true;
  std::string_view word;
  constexpr explicit keyword_string_parser(std::string_view w) : word(w) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attribute) const {
    if (!keyword_parser(word).parse(first, last, context, rcontext, x3::unused))
      return false;
    x3::traits::move_to(std::string(word), attribute);
    return true;
  }
};

constexpr keyword_parser kw(std::string_view w) {
  return keyword_parser(w);
}
constexpr keyword_string_parser kw_str(std::string_view w) {
  return keyword_string_parser(w);
}

// Decodes a `\u{...}` escape to UTF-8; fails on surrogates and values past U+10FFFF.
struct append_code_point {
  template <typename Context>
  void operator()(Context& context) const {
    auto cp = x3::_attr(context);
    auto& out = x3::_val(context);
    if (cp > 0x10FFFFU || (cp >= 0xD800U && cp <= 0xDFFFU)) {
      x3::_pass(context) = false;
      return;
    }
    if (cp < 0x80U) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800U) {
      out += static_cast<char>(0xC0U | (cp >> 6U));
      out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else if (cp < 0x10000U) {
      out += static_cast<char>(0xE0U | (cp >> 12U));
      out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
      out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else {
      out += static_cast<char>(0xF0U | (cp >> 18U));
      out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
      out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
      out += static_cast<char>(0x80U | (cp & 0x3FU));
    }
  }
};

struct append_char {
  char c;
  template <typename Context>
  void operator()(Context& context) const {
    x3::_val(context) += c;
  }
};

struct append_char_attr {
  template <typename Context>
  void operator()(Context& context) const {
    x3::_val(context) += x3::_attr(context);
  }
};

struct append_attr {
  template <typename Context>
  void operator()(Context& context) const {
    x3::_val(context) += x3::_attr(context);
  }
};

// Records where every tagged node starts and ends (calc9's annotate_on_success).
struct annotate {
  template <typename Iterator, typename Node, typename Context>
  void on_success(Iterator const& first, Iterator const& last, Node& node, Context const& context) {
    auto& store = x3::get<position_store_tag>(context).get();
    store.tag(node, first, last);
  }
};

// `nested[p]`: one more level of expression nesting around p (see NestingDepth). Placed
// after the token that commits to the construct, so that merely trying an alternative
// never counts.
template <typename Subject>
struct nested_directive : x3::unary_parser<Subject, nested_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, nested_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;
  constexpr explicit nested_directive(Subject const& subject) : base_type(subject) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attribute) const {
    NestingDepth& depth = x3::get<nesting_tag>(context).get();
    if (depth.current >= depth.limit) {
      Iterator at = first;
      x3::skip_over(at, last, context);
      throw NestingTooDeep{at};
    }
    ++depth.current;
    struct Leave {
      NestingDepth& depth;
      ~Leave() { --depth.current; }
    } leave{depth};
    return this->subject.parse(first, last, context, rcontext, attribute);
  }
};

struct nested_gen {
  template <typename Subject>
  constexpr nested_directive<typename x3::extension::as_parser<Subject>::value_type>
  operator[](Subject const& subject) const {
    return nested_directive<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(subject));
  }
};
inline constexpr nested_gen nested{};

inline constexpr std::string_view reserved_words[] = {
    // declarations
    "import", "document", "enum", "person", "fact", "duty", "act", "right", "test", "law", "provision", "jurisdiction",
    "amendment", "expect", "parameter", "distinction",
    // types and expressions
    "protected", "predicate", "over", "set", "of", "some", "every", "pair", "differing", "in", "where", "everyone",
    "no", "one", "not", "and", "or", "implies", "subset", "unknown", "at", "least", "most", "yes", "true", "false",
    "all", "for", "amends", "repeals", "adds", "to", "change", "remove", "on",
    // clauses
    "title", "original_title", "paragraphs", "url", "article", "derogable", "absolute", "limitation", "aims", "cites",
    "applies", "criterion", "fails", "when", "requires", "explanation", "recommendation", "reported_absent",
    "jurisdiction", "level", "adopted", "effective", "source", "restricts", "implements", "permits", "obliges",
    "forbids", "rights", "repealed", "expires", "about", "strength", "justification", "unless", "basis", "partially",
    "nature", "value", "cited", "as", "ground",
    // citations
    "covenant", "art", "general", "comment", "siracusa", "views", "para"};

inline constexpr std::string_view top_level_words[] = {"import", "document",  "enum",   "person",    "fact",
                                                       "duty",   "act",       "right",  "test",      "jurisdiction",
                                                       "law",    "amendment", "expect", "parameter", "distinction"};

// Matches when the next word is a reserved word. Reads the word once and looks it up,
// rather than trying every keyword in turn (identifiers are the commonest token).
struct reserved_word_parser : x3::parser<reserved_word_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  static bool is_reserved(std::string_view word) {
    static const std::unordered_set<std::string_view> words(std::begin(reserved_words), std::end(reserved_words));
    return words.count(word) != 0;
  }

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute&) const {
    Iterator it = first;
    x3::skip_over(it, last, context);
    Iterator end = it;
    while (end != last && is_ident_char(*end))
      ++end;
    if (end == it || !is_reserved(std::string_view(&*it, static_cast<std::size_t>(end - it))))
      return false;
    first = end;
    return true;
  }
};

inline constexpr reserved_word_parser reserved{};

// A word right after a number, on the same line, that is not a unit: `2 weeks`. Taken as
// the number's unit so that the resolver can say that `weeks` is not a unit and list the
// units, instead of the parser failing later at a word it cannot place. A word followed
// by `:` starts the next clause, and a reserved word continues the expression, so
// neither is taken.
struct unknown_unit_parser : x3::parser<unknown_unit_parser> {
  using attribute_type = std::string;
  static bool const has_attribute = true;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute& attribute) const {
    Iterator it = first;
    while (it != last && (*it == ' ' || *it == '\t'))
      ++it;
    if (it == last || !is_ident_char(*it) || (*it >= '0' && *it <= '9'))
      return false;
    Iterator end = it;
    while (end != last && is_ident_char(*end))
      ++end;
    std::string_view word(&*it, static_cast<std::size_t>(end - it));
    if (reserved_word_parser::is_reserved(word))
      return false;
    Iterator after = end;
    while (after != last && (*after == ' ' || *after == '\t'))
      ++after;
    if (after != last && *after == ':')
      return false;
    x3::traits::move_to(std::string(word), attribute);
    first = end;
    return true;
  }
};

inline constexpr unknown_unit_parser unknown_unit{};

} // namespace detail

} // namespace siracusa::syntax

namespace boost::spirit::x3 {
template <>
struct get_info<siracusa::syntax::detail::keyword_parser> {
  using result_type = std::string;
  std::string operator()(siracusa::syntax::detail::keyword_parser const& p) const {
    return "`" + std::string(p.word) + "`";
  }
};
template <>
struct get_info<siracusa::syntax::detail::keyword_string_parser> {
  using result_type = std::string;
  std::string operator()(siracusa::syntax::detail::keyword_string_parser const& p) const {
    return "`" + std::string(p.word) + "`";
  }
};
} // namespace boost::spirit::x3

namespace siracusa::syntax {

namespace grammar {

using detail::kw;
using detail::kw_str;
using x3::attr;
using x3::char_;
using x3::lexeme;
using x3::lit;

// Rule ids derive from `annotate` so every node they produce carries its span.
#define SIRACUSA_RULE(name, attribute, description)                                                                    \
  struct name##_class : detail::annotate {};                                                                           \
  x3::rule<name##_class, attribute> const name = description;

// ---- lexical --------------------------------------------------------------------------
SIRACUSA_RULE(identifier_text, std::string, "a name")
SIRACUSA_RULE(identifier, ast::Identifier, "a name")
SIRACUSA_RULE(word_text, std::string, "a word")
SIRACUSA_RULE(word, ast::Word, "a word")
SIRACUSA_RULE(document_id_text, std::string, "a document id (lower-case letters, digits and `-`)")
SIRACUSA_RULE(document_id, ast::Identifier, "a document id (lower-case letters, digits and `-`)")
SIRACUSA_RULE(member_name, ast::Identifier, "a name")
SIRACUSA_RULE(all_word, ast::Word, "`all`")
SIRACUSA_RULE(string_segment, std::string, "a string in double quotes")
SIRACUSA_RULE(string_segments, std::vector<std::string>, "a string in double quotes")
SIRACUSA_RULE(string_lit, ast::StringLit, "a string in double quotes")
SIRACUSA_RULE(escape, std::string, "an escape (\\n, \\t, \\\", \\\\ or \\u{...})")
SIRACUSA_RULE(code_point, std::string, "an escape: a valid code point in hexadecimal such as `\\u{41}`")
SIRACUSA_RULE(unicode_escape, std::string, "a code point in hexadecimal such as `\\u{41}`")
SIRACUSA_RULE(escape_code, std::string, "an escape (\\n, \\t, \\\", \\\\ or \\u{...})")
SIRACUSA_RULE(digits, std::string, "a number")
SIRACUSA_RULE(unit, std::string, "a unit")
SIRACUSA_RULE(quantity, ast::Quantity, "a number")
SIRACUSA_RULE(date_text, std::string, "a date (YYYY-MM-DD)")
SIRACUSA_RULE(date, ast::DateLit, "a date (YYYY-MM-DD)")
SIRACUSA_RULE(partial_date_text, std::string, "a date (YYYY-MM-DD, YYYY-MM or YYYY)")
SIRACUSA_RULE(partial_date, ast::DateLit, "a date (YYYY-MM-DD, YYYY-MM or YYYY)")
SIRACUSA_RULE(boolean_text, std::string, "`yes` or `no`")
SIRACUSA_RULE(boolean, ast::BoolLit, "`yes` or `no`")
SIRACUSA_RULE(article_text, std::string, "an article number such as `21` or `12(3)`")
SIRACUSA_RULE(article_ref, ast::ArticleRef, "an article number such as `21` or `12(3)`")

// ---- expressions ----------------------------------------------------------------------
SIRACUSA_RULE(expression, ast::Expression, "an expression")
SIRACUSA_RULE(implies_expr, ast::Expression, "an expression")
SIRACUSA_RULE(or_expr, ast::Expression, "an expression")
SIRACUSA_RULE(and_expr, ast::Expression, "an expression")
SIRACUSA_RULE(not_expr, ast::Operand, "an expression")
SIRACUSA_RULE(not_unary, ast::Unary, "an expression")
SIRACUSA_RULE(comparison, ast::Expression, "an expression")
SIRACUSA_RULE(comparison_operator, ast::Op, "a comparison")
SIRACUSA_RULE(sum_operator, ast::Op, "`+` or `-`")
SIRACUSA_RULE(sum, ast::Expression, "an expression")
SIRACUSA_RULE(product, ast::Expression, "an expression")
SIRACUSA_RULE(unary, ast::Operand, "an expression")
SIRACUSA_RULE(negation, ast::Unary, "an expression")
SIRACUSA_RULE(postfix, ast::Postfix, "an expression")
SIRACUSA_RULE(primary, ast::Operand, "a value, a name or `(`")
SIRACUSA_RULE(parenthesised, ast::Expression, "an expression in parentheses")
SIRACUSA_RULE(keyword_text, std::string, "a keyword")
SIRACUSA_RULE(keyword_lit, ast::KeywordLit, "a keyword")
SIRACUSA_RULE(expression_list, std::vector<ast::Expression>, "expressions separated by `,`")
SIRACUSA_RULE(set_lit, ast::SetLit, "a set such as `{a, b}`")
SIRACUSA_RULE(predicate_lit, ast::PredicateLit, "`person where ...`")
SIRACUSA_RULE(member_access, ast::MemberAccess, "`.` and a name")
SIRACUSA_RULE(arguments, std::vector<ast::Expression>, "arguments in parentheses")
SIRACUSA_RULE(call, ast::Call, "arguments in parentheses")
SIRACUSA_RULE(postfix_op, ast::PostfixOp, "`.` or `(`")
SIRACUSA_RULE(quantified, ast::Quantified, "`some` or `every`")
SIRACUSA_RULE(binder, ast::Binder, "what to range over (`person p`, `x in s` or `pair a, b differing in ...`)")
SIRACUSA_RULE(person_binder, ast::PersonBinder, "`person` and a name")
SIRACUSA_RULE(in_binder, ast::InBinder, "a name, `in` and a set")
SIRACUSA_RULE(pair_binder, ast::PairBinder, "`pair a, b differing in ...`")
SIRACUSA_RULE(differing_attributes, std::vector<ast::Identifier>, "`protected` or a set of attributes")

// ---- values ---------------------------------------------------------------------------
SIRACUSA_RULE(value, ast::Value, "a value (a literal, `unknown`, `at least`, `at most`, `one of` or a range)")
SIRACUSA_RULE(unknown_text, std::string, "`unknown`")
SIRACUSA_RULE(unknown_value, ast::UnknownValue, "`unknown`")
SIRACUSA_RULE(bound_value, ast::BoundValue, "`at least` or `at most`")
SIRACUSA_RULE(one_of_options, std::vector<ast::Expression>, "`one of {...}`")
SIRACUSA_RULE(one_of_value, ast::OneOfValue, "`one of {...}`")
SIRACUSA_RULE(range_value, ast::RangeValue, "a range such as `5..10 days`")
SIRACUSA_RULE(exact_value, ast::ExactValue, "a value")
SIRACUSA_RULE(provenance, ast::Provenance, "a basis (`text`, `practice` or `assessment`) and an optional source")
SIRACUSA_RULE(stated_value, ast::StatedValue, "a value")

// ---- citations --------------------------------------------------------------------------
SIRACUSA_RULE(para_range, ast::ParaRange, "a paragraph number")
SIRACUSA_RULE(paras, std::vector<ast::ParaRange>, "`para` and paragraph numbers")
SIRACUSA_RULE(citation, ast::Citation,
              "a citation (`covenant art N`, `general comment N para P`, `siracusa para P`, `views \"...\"` or a "
              "document id, optionally followed by `[unverified]`)")
SIRACUSA_RULE(citations, std::vector<ast::Citation>, "citations separated by `;`")
SIRACUSA_RULE(citation_list, ast::CitationList, "citations separated by `;`")
SIRACUSA_RULE(source, ast::Source, "a source (a document id, `para` and paragraph numbers)")
SIRACUSA_RULE(citation_form, ast::Citation, "a citation form (`covenant`, `general comment N` or `siracusa`)")
SIRACUSA_RULE(citation_form_items, std::vector<ast::Citation>, "citation forms separated by `,`")
SIRACUSA_RULE(citation_forms, ast::CitationList, "citation forms separated by `,`")

// ---- clauses ----------------------------------------------------------------------------
SIRACUSA_RULE(identifiers, std::vector<ast::Identifier>, "names separated by `,`")
SIRACUSA_RULE(ident_list, ast::IdentList, "names separated by `,`")
SIRACUSA_RULE(para_span, ast::ParaSpan, "a paragraph range such as `1..91`")
SIRACUSA_RULE(deontic, ast::Deontic, "an act, `for` and who it applies to")
SIRACUSA_RULE(reported_absent, ast::ReportedAbsent, "a duty, `,` and `source:`")
SIRACUSA_RULE(partial_implementation, ast::PartialImplementation, "a duty and a note in double quotes")
SIRACUSA_RULE(document_clause, ast::Clause, "a document clause (`title:`, `paragraphs:`, `url:`, `cited as:`)")
SIRACUSA_RULE(parameter_clause, ast::Clause, "a parameter clause (`value:`, `title:`, `explanation:`, `cites:`)")
SIRACUSA_RULE(distinction_clause, ast::Clause,
              "a distinction clause (`title:`, `ground:`, `rights:`, `when:`, `cites:`, `explanation:`)")
SIRACUSA_RULE(right_clause, ast::Clause,
              "a right clause (`article:`, `title:`, `derogable:`, `absolute:`, `limitation:`, `aims:`, `cites:`)")
SIRACUSA_RULE(test_clause, ast::Clause,
              "a test clause (`title:`, `applies to:`, `criterion:`, `about:`, `fails when:`, `unless:`, `requires:`, "
              "`strength:`, `justification:`, `cites:`, `explanation:`, `recommendation:`)")
SIRACUSA_RULE(jurisdiction_clause, ast::Clause,
              "a jurisdiction clause (`title:`, `original_title:`, `reported_absent:`)")
SIRACUSA_RULE(law_clause, ast::Clause,
              "a law clause (`title:`, `original_title:`, `jurisdiction:`, `level:`, `adopted:`, `effective:`, "
              "`repealed:`, `expires:`, `source:`, `basis:`), a fact or `provision`")
SIRACUSA_RULE(provision_clause, ast::Clause,
              "a provision clause (`title:`, `article:`, `restricts:`, `implements:`, `implements partially:`, "
              "`permits:`, `obliges:`, `forbids:`, `adopted:`, `effective:`, `repealed:`, `expires:`, `source:`, "
              "`basis:`) or a fact")
SIRACUSA_RULE(amendment_clause, ast::Clause, "an amendment clause (`title:`, `adopted:`, `effective:`, `source:`)")

// ---- declarations -------------------------------------------------------------------------
SIRACUSA_RULE(type_expr, ast::TypeExpr,
              "a type (bool, integer, days, years, date, text, set of ..., predicate over person or an enum)")
SIRACUSA_RULE(enum_member, ast::EnumMember, "an enum member")
SIRACUSA_RULE(enum_role, ast::Word, "`for` and what the enum lists (`aims`, `limitation` or `level`)")
SIRACUSA_RULE(enum_decl, ast::EnumDecl, "an enum")
SIRACUSA_RULE(attribute_decl, ast::AttributeDecl, "an attribute (`name: type`) or `}`")
SIRACUSA_RULE(person_decl, ast::PersonDecl, "a person block")
SIRACUSA_RULE(fact_decl, ast::FactDecl, "a fact declaration")
SIRACUSA_RULE(duty_body, ast::DutyBody, "`{`, `rights:` and `nature:`")
SIRACUSA_RULE(duty_decl, ast::DutyDecl, "a duty declaration")
SIRACUSA_RULE(act_decl, ast::ActDecl, "an act declaration")
SIRACUSA_RULE(block_decl, ast::Block, "a block")
SIRACUSA_RULE(provision_decl, ast::ProvisionDecl, "a provision")
SIRACUSA_RULE(law_item, ast::LawItem, "a law clause or `provision`")
SIRACUSA_RULE(law_decl, ast::LawDecl, "a law")
SIRACUSA_RULE(change, ast::Change, "a change (`set`, `change` or `remove`)")
SIRACUSA_RULE(amends, ast::Amends, "`amends law.provision { ... }`")
SIRACUSA_RULE(repeals, ast::Repeals, "`repeals law.provision`")
SIRACUSA_RULE(adds_to, ast::AddsTo, "`adds to law provision ...`")
SIRACUSA_RULE(amendment_item, ast::AmendmentItem, "an amendment clause, `amends`, `repeals` or `adds to`")
SIRACUSA_RULE(amendment_decl, ast::AmendmentDecl, "an amendment")
SIRACUSA_RULE(import_decl, ast::Import, "an import")
SIRACUSA_RULE(expect_decl, ast::ExpectDecl, "an expectation (`expect fails: ... on law.provision`)")

#undef SIRACUSA_RULE

auto const ident_start = char_("a-zA-Z_");
auto const ident_rest = char_("a-zA-Z0-9_");
auto const digit = char_('0', '9');

// ---- lexical --------------------------------------------------------------------------
auto const identifier_text_def = lexeme[!detail::reserved >> ident_start >> *ident_rest];
auto const identifier_def = identifier_text;
auto const word_text_def = lexeme[ident_start >> *ident_rest];
auto const word_def = word_text;
auto const document_id_text_def =
    lexeme[x3::raw[char_('a', 'z') >> *(char_("a-z0-9_") | (lit('-') >> char_("a-z0-9")))]];
auto const document_id_def = document_id_text;
auto const member_name_def = word_text;
auto const all_word_def = kw_str("all");

auto const escape_def = lit('\\') > escape_code;
auto const escape_code_def = (lit('"') >> attr(std::string("\""))) | (lit('\\') >> attr(std::string("\\"))) |
                             (lit('n') >> attr(std::string("\n"))) | (lit('t') >> attr(std::string("\t"))) |
                             unicode_escape;
auto const unicode_escape_def = lit("u{") > code_point > lit('}');
auto const code_point_def = x3::hex[detail::append_code_point{}];
auto const string_segment_def =
    lexeme[lit('"') > x3::omit[*(escape[detail::append_attr{}] |
                                 (char_ - lit('"') - lit('\\') - lit('\n'))[detail::append_char_attr{}])] > lit('"')];
auto const string_segments_def = +string_segment;
auto const string_lit_def = string_segments;

auto const digits_def = lexeme[+digit];
auto const unit_def = kw_str("days") | kw_str("day") | kw_str("hours") | kw_str("hour") | kw_str("weeks") |
                      kw_str("week") | kw_str("months") | kw_str("month") | kw_str("years") | kw_str("year");
auto const quantity_def = digits >> -(unit | detail::unknown_unit);
auto const date_text_def =
    x3::raw[lexeme[x3::repeat(4)[digit] >> '-' >> x3::repeat(2)[digit] >> '-' >> x3::repeat(2)[digit] >> !ident_rest]];
auto const date_def = date_text;
// Sources often give only a year or a month: a partial date stands for a range of days.
auto const partial_date_text_def =
    x3::raw[lexeme[x3::repeat(4)[digit] >> -('-' >> x3::repeat(2)[digit] >> -('-' >> x3::repeat(2)[digit])) >>
                   !ident_rest]];
auto const partial_date_def = partial_date_text;
auto const boolean_text_def = kw_str("yes") | kw_str("no") | kw_str("true") | kw_str("false");
auto const boolean_def = boolean_text;
auto const article_text_def = lexeme[x3::raw[+digit >> *(lit('(') >> (+digit | +char_('a', 'z')) >> lit(')'))]];
auto const article_ref_def = article_text;

// ---- expressions ----------------------------------------------------------------------
// Operators map to ast::Op; word operators are whole words (`in` is not `income`).
auto const implies_op = kw("implies") >> attr(ast::Op::implies);
auto const or_op = kw("or") >> attr(ast::Op::or_);
auto const and_op = kw("and") >> attr(ast::Op::and_);
auto const mul_op = lit('*') >> attr(ast::Op::mul);

auto const expression_def = implies_expr;
auto const implies_expr_def = or_expr >> *(implies_op > or_expr);
auto const or_expr_def = and_expr >> *(or_op > and_expr);
auto const and_expr_def = not_expr >> *(and_op > not_expr);
auto const not_expr_def = not_unary | comparison;
auto const not_unary_def = (kw("not") >> attr(ast::Op::not_)) > detail::nested[not_expr];

auto const comparison_operator_def =
    (lit("==") >> attr(ast::Op::eq)) | (lit("!=") >> attr(ast::Op::ne)) | (lit("<=") >> attr(ast::Op::le)) |
    (lit(">=") >> attr(ast::Op::ge)) | (lit('<') >> attr(ast::Op::lt)) | (lit('>') >> attr(ast::Op::gt)) |
    (kw("in") >> attr(ast::Op::in)) | ((kw("subset") >> attr(ast::Op::subset)) > kw("of"));
auto const sum_operator_def = (lit('+') >> attr(ast::Op::add)) | (lit('-') >> attr(ast::Op::sub));
auto const comparison_def = sum >> *(comparison_operator > sum);
auto const sum_def = product >> *(sum_operator > product);
auto const product_def = unary >> *(mul_op > unary);
auto const unary_def = negation | postfix;
auto const negation_def = (lit('-') >> attr(ast::Op::neg)) > detail::nested[unary];
auto const postfix_def = primary >> *postfix_op;
auto const member_access_def = lit('.') >> !lit('.') > member_name;
auto const arguments_def = lit('(') > detail::nested[-(expression % ',')] > lit(')');
auto const call_def = arguments;
auto const postfix_op_def = member_access | call;

auto const keyword_text_def =
    (kw("no") >> kw("one") >> attr(std::string("no one"))) | kw_str("everyone") | kw_str("right") | kw_str("law");
auto const keyword_lit_def = keyword_text;
auto const parenthesised_def = lit('(') > detail::nested[expression] > lit(')');
auto const expression_list_def = -(expression % ',');
auto const set_elements = lit('{') > detail::nested[expression_list] > lit('}');
auto const set_lit_def = set_elements;
auto const predicate_lit_def = kw("person") >> kw("where") > detail::nested[expression];
auto const primary_def = quantified | predicate_lit | date | quantity | string_lit | keyword_lit | boolean | set_lit |
                         parenthesised | identifier;

auto const quantified_def = (kw_str("some") | kw_str("every")) > (binder % ',') > lit(':') > detail::nested[expression];
auto const binder_def = pair_binder | person_binder | in_binder;
auto const person_binder_def = kw("person") > identifier;
auto const in_binder_def = identifier > kw("in") > detail::nested[or_expr];
auto const differing_attributes_def =
    (kw("protected") >> attr(std::vector<ast::Identifier>())) | (lit('{') > (identifier % ',') > lit('}'));
auto const pair_binder_def = kw("pair") > identifier > lit(',') > identifier > kw("differing") >
                             kw("in") > differing_attributes;

// ---- values ---------------------------------------------------------------------------
auto const unknown_text_def = kw_str("unknown");
auto const unknown_value_def = unknown_text;
auto const bound_value_def = kw("at") > (kw_str("least") | kw_str("most")) > expression;
auto const one_of_options_def = kw("one") >> kw("of") > lit('{') > (expression % ',') > lit('}');
auto const one_of_value_def = one_of_options;
auto const range_value_def = quantity >> lit("..") > quantity;
auto const exact_value_def = expression;
auto const value_def = unknown_value | bound_value | one_of_value | range_value | exact_value;
auto const provenance_def = lit('[') > word > -source > lit(']');
auto const stated_value_def = value >> -provenance;

// ---- citations --------------------------------------------------------------------------
auto const para_range_def = digits >> -(lit("..") > digits);
auto const paras_def = kw("para") > (para_range % ',');
auto const no_paras = attr(std::vector<ast::ParaRange>());
// `[unverified]` ends any citation; once `[` is read only `unverified` may follow.
auto const unverified_mark = x3::matches[lit('[') > kw("unverified") > lit(']')];
auto const citation_def =
    (kw("covenant") >> attr(std::string("covenant")) > kw("art") > article_text > no_paras > unverified_mark) |
    (kw("general") >> attr(std::string("general_comment")) > kw("comment") > digits > -paras > unverified_mark) |
    (kw("siracusa") >> attr(std::string("siracusa")) >> attr(std::string()) > paras > unverified_mark) |
    (kw("views") >> attr(std::string("views")) > string_segment > -paras > unverified_mark) |
    (&document_id_text >> attr(std::string("document")) >> document_id_text >> -paras >> unverified_mark);
auto const citations_def = citation % ';';
// `cited as:` in a document: which of the citation forms above refer to it.
// A form is not a citation: it is never marked unverified.
auto const not_unverified = attr(false);
auto const citation_form_def =
    (kw("covenant") >> attr(std::string("covenant")) >> attr(std::string()) >> no_paras >> not_unverified) |
    (kw("general") >> attr(std::string("general_comment")) > kw("comment") > digits > no_paras > not_unverified) |
    (kw("siracusa") >> attr(std::string("siracusa")) >> attr(std::string()) >> no_paras >> not_unverified);
auto const citation_form_items_def = citation_form % ',';
auto const citation_forms_def = citation_form_items;
auto const citation_list_def = citations;
auto const source_def = document_id_text > paras;

// ---- clauses ----------------------------------------------------------------------------
auto const identifiers_def = identifier % ',';
auto const ident_list_def = identifiers;
auto const para_span_def = digits > lit("..") > digits;
auto const deontic_def = identifier > kw("for") > expression;
auto const reported_absent_def = identifier > lit(',') > kw("source") > lit(':') > source;
auto const partial_implementation_def = identifier > string_lit;

// `key: value` for a keyword key. The keyword comes first so that a failed alternative
// leaves nothing behind in the clause (X3 appends to non-empty strings).
template <typename ValueParser>
auto clause(std::string_view key, ValueParser const& value_parser) {
  return (kw(key) >> attr(std::string(key)) >> attr(ast::Identifier())) > lit(':') > value_parser;
}
// `applies to:` and `fails when:` are two words.
template <typename ValueParser>
auto clause2(std::string_view key, std::string_view first, std::string_view second, ValueParser const& value_parser) {
  return (kw(first) >> kw(second) >> attr(std::string(key)) >> attr(ast::Identifier())) > lit(':') > value_parser;
}

auto const title = clause("title", string_lit);
auto const original_title = clause("original_title", string_lit);
auto const cites = clause("cites", citation_list);
auto const source_clause = clause("source", source);
auto const effective = clause("effective", partial_date);
auto const adopted = clause("adopted", partial_date);
auto const end_of_force = clause("repealed", partial_date) | clause("expires", partial_date);

auto const document_clause_def = title | clause("paragraphs", para_span) | clause("url", string_lit) |
                                 clause2("cited_as", "cited", "as", citation_forms);
auto const parameter_clause_def = clause("value", expression) | title | clause("explanation", string_lit) | cites;
auto const distinction_clause_def = title | clause("ground", ident_list) | clause("rights", all_word | ident_list) |
                                    clause("when", expression) | cites | clause("explanation", string_lit);
auto const right_clause_def = clause("article", article_ref) | title | clause("derogable", boolean) |
                              clause("absolute", boolean) | clause("limitation", ident_list) |
                              clause("aims", ident_list) | cites;
auto const test_clause_def = title | clause2("applies_to", "applies", "to", all_word | ident_list) |
                             clause("criterion", word) | clause("about", all_word | ident_list) |
                             clause2("fails_when", "fails", "when", expression) | clause("unless", expression) |
                             clause("requires", ident_list) | clause("strength", word) |
                             clause("justification", string_lit) | cites | clause("explanation", string_lit) |
                             clause("recommendation", string_lit);
auto const jurisdiction_clause_def = title | original_title | clause("reported_absent", reported_absent);
auto const fact_clause = (&identifier >> attr(std::string("fact")) >> identifier) > lit(':') > stated_value;
auto const basis_clause = clause("basis", word);
auto const law_clause_def = title | original_title | clause("jurisdiction", ident_list) | clause("level", word) |
                            adopted | effective | end_of_force | source_clause | basis_clause | fact_clause;
auto const provision_clause_def =
    title | clause("article", string_lit) | clause("level", word) | clause("restricts", ident_list) |
    clause2("implements_partially", "implements", "partially", partial_implementation) |
    clause("implements", ident_list) | clause("permits", deontic) | clause("obliges", deontic) |
    clause("forbids", deontic) | adopted | effective | end_of_force | source_clause | basis_clause | fact_clause;
auto const amendment_clause_def = title | adopted | effective | source_clause;

// ---- declarations -------------------------------------------------------------------------
auto const no_name = attr(ast::Identifier());
auto const no_members = attr(std::vector<ast::Identifier>());
auto const type_expr_def =
    ((kw_str("bool") | kw_str("integer") | kw_str("days") | kw_str("hours") | kw_str("months") | kw_str("years") |
      kw_str("date") | kw_str("text")) >>
     no_name >> no_members) |
    (kw_str("set") > kw("of") > identifier > no_members) |
    (kw("predicate") >> attr(std::string("predicate")) > kw("over") > kw("person") > no_name > no_members) |
    (&lit('{') >> attr(std::string("inline")) >> no_name >> lit('{') > (identifier % ',') > lit('}')) |
    (&identifier >> attr(std::string("named")) >> identifier >> no_members);

// A member may be a reserved word (`law` as a level of the legal order); the resolver
// accepts one only in the enum `for level`, the one enum whose members are read as words.
auto const enum_member_def = member_name >> -string_lit;
auto const enum_role_def = kw("for") > word;
auto const enum_decl_def = kw("enum") > identifier > -enum_role > -string_lit > lit('{') > (enum_member % ',') >
                           -lit(',') > lit('}');
auto const attribute_decl_def = identifier > lit(':') > type_expr > x3::matches[kw("protected")] > -string_lit;
auto const person_decl_def = kw_str("person") > lit('{') > *attribute_decl > lit('}');
auto const fact_decl_def = kw("fact") > identifier > lit(':') > type_expr > -string_lit;
auto const duty_body_def = lit('{') > -(kw("rights") > lit(':') > ident_list) > -(kw("nature") > lit(':') > word) >
                           lit('}');
auto const duty_decl_def = kw("duty") > identifier > -string_lit > -duty_body;
auto const act_decl_def = kw("act") > identifier > -string_lit;

auto const block_decl_def = (kw_str("document") > document_id > lit('{') > *document_clause > lit('}')) |
                            (kw_str("right") > identifier > lit('{') > *right_clause > lit('}')) |
                            (kw_str("test") > identifier > lit('{') > *test_clause > lit('}')) |
                            (kw_str("jurisdiction") > identifier > lit('{') > *jurisdiction_clause > lit('}')) |
                            (kw_str("parameter") > identifier > lit('{') > *parameter_clause > lit('}')) |
                            (kw_str("distinction") > identifier > lit('{') > *distinction_clause > lit('}'));

auto const provision_decl_def = kw("provision") > identifier > lit('{') > *provision_clause > lit('}');
auto const law_item_def = law_clause | provision_decl;
auto const law_decl_def = kw("law") > identifier > lit('{') > *law_item > lit('}');

auto const no_value = attr(boost::optional<ast::Value>());
auto const no_names = attr(ast::IdentList());
auto const change_def = ((kw("set") >> kw("restricts") >> attr(std::string("set_restricts")) >> no_name >> no_value) >
                         lit(':') > ident_list) |
                        ((kw("set") >> kw("implements") >> attr(std::string("set_implements")) >> no_name >> no_value) >
                         lit(':') > ident_list) |
                        ((kw("set") >> attr(std::string("set"))) > identifier > lit(':') > value > no_names) |
                        ((kw("change") >> attr(std::string("change"))) > identifier > lit(':') > value > no_names) |
                        ((kw("remove") >> attr(std::string("remove"))) > identifier > no_value > no_names);
auto const amends_def = kw("amends") > identifier > lit('.') > identifier > lit('{') > *change > lit('}');
auto const repeals_def = kw("repeals") > identifier > lit('.') > identifier;
auto const adds_to_def = kw("adds") > kw("to") > identifier > provision_decl;
auto const amendment_item_def = amendment_clause | amends | repeals | adds_to;
auto const amendment_decl_def = kw("amendment") > identifier > lit('{') > *amendment_item > lit('}');

auto const import_decl_def = kw("import") > string_lit;
auto const expect_decl_def = kw("expect") > x3::matches[kw("no")] > word > -identifier >
                             -(lit(':') > *(identifier >> -lit(','))) > kw("on") > identifier >
                             -(lit('.') > identifier) > *(kw("source") > lit(':') > source);

auto const declaration_body = import_decl | enum_decl | person_decl | fact_decl | duty_decl | act_decl | block_decl |
                              law_decl | amendment_decl | expect_decl;

BOOST_SPIRIT_DEFINE(string_segments, identifiers, citations, citation_form_items, one_of_options, arguments)
BOOST_SPIRIT_DEFINE(identifier_text, identifier, word_text, word, document_id_text, document_id, member_name, all_word,
                    string_segment, string_lit, escape, escape_code, unicode_escape, code_point, digits, unit, quantity,
                    date_text, date, partial_date_text, partial_date, boolean_text, boolean, article_text, article_ref)
BOOST_SPIRIT_DEFINE(comparison_operator, sum_operator)
BOOST_SPIRIT_DEFINE(expression, implies_expr, or_expr, and_expr, not_expr, not_unary, comparison, sum, product, unary,
                    negation, postfix, primary, parenthesised, keyword_text, keyword_lit, expression_list, set_lit,
                    predicate_lit, member_access, call, postfix_op, quantified, binder, person_binder, in_binder,
                    pair_binder, differing_attributes)
BOOST_SPIRIT_DEFINE(value, unknown_text, unknown_value, bound_value, one_of_value, range_value, exact_value, provenance,
                    stated_value)
BOOST_SPIRIT_DEFINE(para_range, paras, citation, citation_list, source, citation_form, citation_forms)
BOOST_SPIRIT_DEFINE(ident_list, para_span, deontic, reported_absent, partial_implementation, document_clause,
                    parameter_clause, distinction_clause, right_clause, test_clause, jurisdiction_clause, law_clause,
                    provision_clause, amendment_clause)
BOOST_SPIRIT_DEFINE(type_expr, enum_member, enum_role, enum_decl, attribute_decl, person_decl, fact_decl, duty_body,
                    duty_decl, act_decl, expect_decl, block_decl, provision_decl, law_item, law_decl, change, amends,
                    repeals, adds_to, amendment_item, amendment_decl, import_decl)

} // namespace grammar

struct declaration_class : detail::annotate {};
declaration_type const declaration_rule =
    "a declaration (import, document, enum, person, fact, duty, act, right, test, parameter, distinction, "
    "jurisdiction, law, "
    "amendment or expect)";
auto const declaration_rule_def = grammar::declaration_body;
BOOST_SPIRIT_DEFINE(declaration_rule)

} // namespace siracusa::syntax
