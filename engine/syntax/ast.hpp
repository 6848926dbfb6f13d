// engine/syntax — the abstract syntax tree of a rule file.
// Takes: nothing (plain data). Gives: position-tagged nodes that the grammar fills and
// the model stage resolves. Expressions follow Boost's calc9: each precedence level is
// a flat `Expression { first, rest }`; the model stage builds the tree.
#pragma once

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include <string>
#include <utility>
#include <vector>

namespace siracusa::ast {

namespace x3 = boost::spirit::x3;

struct Identifier : x3::position_tagged {
  Identifier() = default;
  Identifier(std::string v) : name(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::string name;
};

// A string literal after escape processing; adjacent literals are kept apart so that
// `fmt` can keep the author's line breaks.
struct StringLit : x3::position_tagged {
  StringLit() = default;
  StringLit(std::vector<std::string> v) : segments(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::vector<std::string> segments;
  std::string joined() const {
    std::string out;
    for (const auto& s : segments)
      out += s;
    return out;
  }
};

// Digits are kept as text so the model stage can report an out-of-range number
// with its location instead of the parser failing to match.
struct Quantity : x3::position_tagged {
  std::string digits;
  boost::optional<std::string> unit;
};

struct DateLit : x3::position_tagged {
  DateLit() = default;
  DateLit(std::string v) : text(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::string text;
};

struct BoolLit : x3::position_tagged {
  BoolLit() = default;
  BoolLit(std::string v) : word(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::string word;                              // yes, no, true, false
};

// everyone, no one, right, law
struct KeywordLit : x3::position_tagged {
  KeywordLit() = default;
  KeywordLit(std::string v) : word(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::string word;
};

struct Expression;
struct SetLit;
struct PredicateLit;
struct Quantified;
struct Unary;
struct Postfix;

struct Operand : x3::variant<Quantity, DateLit, StringLit, BoolLit, KeywordLit, Identifier, x3::forward_ast<SetLit>,
                             x3::forward_ast<PredicateLit>, x3::forward_ast<Quantified>, x3::forward_ast<Unary>,
                             x3::forward_ast<Postfix>, x3::forward_ast<Expression>> {
  using base_type::base_type;
  using base_type::operator=;
};

enum class Op { implies, or_, and_, eq, ne, lt, le, gt, ge, in, subset, add, sub, mul, not_, neg };

// The spelling of an operator in rule files (`and`, `==`, `subset of`, ...).
const char* spelling(Op op);

struct Operation : x3::position_tagged {
  Op op;
  Operand operand;
};

struct Expression : x3::position_tagged {
  Operand first;
  std::vector<Operation> rest;
};

struct Unary : x3::position_tagged {
  Op op; // not_, neg
  Operand operand;
};

struct MemberAccess : x3::position_tagged {
  MemberAccess() = default;
  MemberAccess(Identifier v) : member(std::move(v)) {} // NOLINT(google-explicit-constructor)
  Identifier member;
};

struct Call : x3::position_tagged {
  Call() = default;
  Call(std::vector<Expression> v) : arguments(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::vector<Expression> arguments;
};

struct PostfixOp : x3::variant<MemberAccess, Call> {
  using base_type::base_type;
  using base_type::operator=;
};

struct Postfix : x3::position_tagged {
  Operand base;
  std::vector<PostfixOp> ops;
};

struct SetLit : x3::position_tagged {
  SetLit() = default;
  SetLit(std::vector<Expression> v) : elements(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::vector<Expression> elements;
};

// `person where <expr>`: attribute names inside refer to the person.
struct PredicateLit : x3::position_tagged {
  PredicateLit() = default;
  PredicateLit(Expression v) : body(std::move(v)) {} // NOLINT(google-explicit-constructor)
  Expression body;
};

struct PersonBinder : x3::position_tagged {
  PersonBinder() = default;
  PersonBinder(Identifier v) : name(std::move(v)) {} // NOLINT(google-explicit-constructor)
  Identifier name;
};

struct InBinder : x3::position_tagged {
  Identifier name;
  Expression domain;
};

// `pair a, b differing in protected` (attributes empty) or `... in {religion, age}`.
struct PairBinder : x3::position_tagged {
  Identifier first;
  Identifier second;
  std::vector<Identifier> attributes;
};

struct Binder : x3::variant<PersonBinder, InBinder, PairBinder> {
  using base_type::base_type;
  using base_type::operator=;
};

struct Quantified : x3::position_tagged {
  std::string kind; // some, every
  std::vector<Binder> binders;
  Expression body;
};

// ---- values a provision states for a fact ----------------------------------------

struct UnknownValue : x3::position_tagged {
  UnknownValue() = default;
  UnknownValue(std::string v) : word(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::string word;                                   // "unknown"
};

struct BoundValue : x3::position_tagged {
  std::string bound; // least, most
  Expression value;
};

struct OneOfValue : x3::position_tagged {
  OneOfValue() = default;
  OneOfValue(std::vector<Expression> v) : options(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::vector<Expression> options;
};

struct RangeValue : x3::position_tagged {
  Quantity low;
  Quantity high;
};

struct ExactValue : x3::position_tagged {
  ExactValue() = default;
  ExactValue(Expression v) : value(std::move(v)) {} // NOLINT(google-explicit-constructor)
  Expression value;
};

struct Value : x3::variant<UnknownValue, BoundValue, OneOfValue, RangeValue, ExactValue> {
  using base_type::base_type;
  using base_type::operator=;
};

// ---- citations and sources ----------------------------------------------------------

struct ParaRange : x3::position_tagged {
  std::string low;
  boost::optional<std::string> high;
};

struct Citation : x3::position_tagged {
  std::string kind;      // covenant, general_comment, siracusa, views, document
  std::string reference; // article ref, comment number, views title or document id
  std::vector<ParaRange> paras;
  // `[unverified]` after the citation: the rule author could not read the cited text.
  bool unverified = false;
};

struct Source : x3::position_tagged {
  std::string document;
  std::vector<ParaRange> paras;
};

// ---- clauses ------------------------------------------------------------------------

struct IdentList : x3::position_tagged {
  IdentList() = default;
  IdentList(std::vector<Identifier> v) : items(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::vector<Identifier> items;
};

struct CitationList : x3::position_tagged {
  CitationList() = default;
  CitationList(std::vector<Citation> v) : items(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::vector<Citation> items;
};

struct ArticleRef : x3::position_tagged {
  ArticleRef() = default;
  ArticleRef(std::string v) : text(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::string text;                                 // 21, 12(3), 2(1)(a)
};

struct ParaSpan : x3::position_tagged {
  std::string low;
  std::string high;
};

// `permits: record_at_polling_station for person where role == observer`
struct Deontic : x3::position_tagged {
  Identifier act;
  Expression who;
};

// `reported_absent: duty, source: doc para 1`
struct ReportedAbsent : x3::position_tagged {
  Identifier duty;
  Source source;
};

// A word from a closed list (criterion, level, `all`).
struct Word : x3::position_tagged {
  Word() = default;
  Word(std::string v) : word(std::move(v)) {} // NOLINT(google-explicit-constructor)
  std::string word;
};

// `[assessment kz-ngo-2025 para 47]` after a fact's value: on what basis the analyst
// states it (the text of the law, its practice, a source's assessment) and where from.
struct Provenance : x3::position_tagged {
  Word basis;
  boost::optional<Source> source;
};

// A fact's value as a provision or law states it.
struct StatedValue : x3::position_tagged {
  Value value;
  boost::optional<Provenance> provenance;
};

// `implements partially: duty "what is missing"`
struct PartialImplementation : x3::position_tagged {
  Identifier duty;
  StringLit note;
};

using ClauseValue = x3::variant<StringLit, IdentList, CitationList, ArticleRef, BoolLit, DateLit, Source, Expression,
                                StatedValue, Deontic, ReportedAbsent, Word, ParaSpan, PartialImplementation>;

struct Clause : x3::position_tagged {
  std::string key; // title, article, cites, fails_when, ... or a fact name (key of "fact")
  Identifier fact; // set when key == "fact"
  ClauseValue value;
};

// ---- vocabulary -------------------------------------------------------------------

struct TypeExpr : x3::position_tagged {
  std::string kind; // bool, integer, days, hours, months, years, date, text, set, predicate, named, inline
  Identifier name;  // for set and named
  std::vector<Identifier> members; // for inline
};

struct EnumMember : x3::position_tagged {
  Identifier name;
  boost::optional<StringLit> doc;
};

struct EnumDecl : x3::position_tagged {
  Identifier name;
  boost::optional<Word> role; // `for aims`: what the language reads this enum as
  boost::optional<StringLit> doc;
  std::vector<EnumMember> members;
};

struct AttributeDecl : x3::position_tagged {
  Identifier name;
  TypeExpr type;
  bool is_protected = false;
  boost::optional<StringLit> doc;
};

struct PersonDecl : x3::position_tagged {
  std::string keyword;
  std::vector<AttributeDecl> attributes;
};

struct FactDecl : x3::position_tagged {
  Identifier name;
  TypeExpr type;
  boost::optional<StringLit> doc;
};

// `{ rights: art2  nature: good_practice }`
struct DutyBody : x3::position_tagged {
  boost::optional<IdentList> rights;
  boost::optional<Word> nature;
};

struct DutyDecl : x3::position_tagged {
  Identifier name;
  boost::optional<StringLit> doc;
  boost::optional<DutyBody> body;
};

struct ActDecl : x3::position_tagged {
  Identifier name;
  boost::optional<StringLit> doc;
};

// document, right, test, jurisdiction: a name and order-free clauses.
struct Block : x3::position_tagged {
  std::string kind;
  Identifier name;
  std::vector<Clause> clauses;
};

struct ProvisionDecl : x3::position_tagged {
  Identifier name;
  std::vector<Clause> clauses;
};

struct LawItem : x3::variant<Clause, ProvisionDecl> {
  using base_type::base_type;
  using base_type::operator=;
};

struct LawDecl : x3::position_tagged {
  Identifier name;
  std::vector<LawItem> items;
};

struct Change : x3::position_tagged {
  std::string verb; // set, change, remove, set_restricts, set_implements
  Identifier fact;
  boost::optional<Value> value;
  IdentList names;
};

struct Amends : x3::position_tagged {
  Identifier law;
  Identifier provision;
  std::vector<Change> changes;
};

struct Repeals : x3::position_tagged {
  Identifier law;
  Identifier provision;
};

struct AddsTo : x3::position_tagged {
  Identifier law;
  ProvisionDecl provision;
};

struct AmendmentItem : x3::variant<Clause, Amends, Repeals, AddsTo> {
  using base_type::base_type;
  using base_type::operator=;
};

struct AmendmentDecl : x3::position_tagged {
  Identifier name;
  std::vector<AmendmentItem> items;
};

// `expect [no] VERDICT [STRENGTH] [: SELECTOR...] on TARGET [source: ...]`: what the
// analyst expects `check` to find; `siracusa test` compares.
struct ExpectDecl : x3::position_tagged {
  bool negated = false;
  Word verdict;
  boost::optional<Identifier> strength;
  std::vector<Identifier> selector; // rights, criteria and tests, all of which must match
  Identifier target;                // a jurisdiction, a law or `law.provision`
  boost::optional<Identifier> target_provision;
  std::vector<Source> sources;
};

struct Import : x3::position_tagged {
  Import() = default;
  Import(StringLit v) : path(std::move(v)) {} // NOLINT(google-explicit-constructor)
  StringLit path;
};

struct Declaration : x3::variant<Import, EnumDecl, PersonDecl, FactDecl, DutyDecl, ActDecl, Block, LawDecl,
                                 AmendmentDecl, ExpectDecl> {
  using base_type::base_type;
  using base_type::operator=;
};

// A parsed file: declarations in order, plus comments for the formatter.
struct Comment {
  std::size_t offset = 0;
  std::string text;      // from '#' to end of line, without the newline
  bool own_line = false; // nothing but spaces before it on its line
};

struct File {
  std::vector<Declaration> declarations;
  std::vector<Comment> comments;
};

} // namespace siracusa::ast
