// engine/model — the resolver, shared by the files of its passes (resolve_*.cpp); internal to
// engine/model: it includes the syntax tree (and so X3), which no later stage may see.
// Takes: the parsed files in import order. Gives: the Model, with located diagnostics.
#pragma once

#include "diag/suggest.hpp"
#include "model/resolve.hpp"
#include "model/units.hpp"
#include "syntax/ast.hpp"
#include "syntax/keywords.hpp"
#include "syntax/parsed_file.hpp"
#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <set>

namespace siracusa::model::detail {

namespace x3 = boost::spirit::x3;

using syntax::ParsedFile;

// ---- small helpers --------------------------------------------------------------------

// What an enum may be declared `for`: the clauses and properties that read its members
// (a right's `aims:` and `right.aims`, a right's `limitation:`, a law's `level:` and
// `law.level`). The members themselves are the rule base's.
inline const std::vector<std::string> enum_roles = {"aims", "limitation", "level"};

inline const std::vector<std::string> criterion_words = {"legality",        "legitimate_aim",     "necessity",
                                                         "proportionality", "non_discrimination", "positive_obligation",
                                                         "conflict"};

inline const std::vector<std::string> strength_words = {"per_se", "presumptive", "concern"};

inline const std::vector<std::string> basis_words = {"text", "practice", "assessment"};

inline const std::vector<std::string> nature_words = {"obligation", "good_practice"};

inline const std::vector<std::string> verdict_words = {"fails",        "may_fail",       "passes",
                                                       "undetermined", "not_applicable", "unassessed"};

inline std::string join(const std::vector<std::string>& items, const std::string& separator = ", ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i > 0 ? separator : "") + items[i];
  return out;
}

template <typename T>
const T* get_if(const ast::ClauseValue& value) {
  return boost::get<T>(&value.get());
}

inline Unit unit_from(const boost::optional<std::string>& word) {
  if (!word)
    return Unit::none;
  return unit_from_word(*word).value_or(Unit::none);
}

// Largest number the language accepts: keeps arithmetic far from overflow in the solver.
inline constexpr std::int64_t max_number = 1'000'000'000'000LL;

// Bounds on the size of what the later stages walk or expand; each is a located E0006 or
// E0221 rather than a crash, a hang or an exhausted stack.
inline constexpr std::size_t max_arithmetic_chain = 32; // operators of one `+ - *` chain
inline constexpr double max_expansion = 100'000;        // cases of nested element quantifiers
inline constexpr std::size_t max_provisions_per_law = 10'000;
inline constexpr std::size_t max_enum_members = 1'024;
inline constexpr std::size_t max_levels = 64;
inline constexpr std::size_t max_person_attributes = 64; // each is a dimension of the person classes

// ---- the resolver --------------------------------------------------------------------

struct Entry {
  int index = -1;
  std::size_t file = 0;
  Span span;
};

struct Variable {
  std::string name;
  Type type;
  int id = -1;
};

// Where an expression is resolved and what it may refer to.
struct ExprContext {
  std::size_t file = 0;
  bool allow_facts = false; // test conditions
  bool allow_right = false;
  std::vector<Variable> variables;
  std::vector<int> implicit_person; // `person where` bodies, innermost last
  int next_variable = 0;
};

class Resolver {
 public:
  Resolver(const FileSet& files, Diagnostics& diagnostics) : files_(files), diagnostics_(diagnostics) {}

  Model run();

 private:
  // Files are visited with every file after the files it imports (by display name among
  // files that do not depend on each other), so that a name declared in an imported file
  // is the first declaration and one repeated by its importer is the duplicate.
  void order_files();

  template <typename Visit>
  void for_each_declaration(Visit visit) {
    for (std::size_t position : order_) {
      current_file_ = position;
      const auto& file = files_.files[current_file_];
      parsed_ = file.parsed.get();
      for (const auto& declaration : file.parsed->ast.declarations)
        boost::apply_visitor([&](const auto& node) { visit(node); }, declaration.get());
    }
  }

  Span span(const x3::position_tagged& node) const { return parsed_->span(node); }

  // ---- name tables ----------------------------------------------------------------------

  bool declare_name(std::map<std::string, Entry>& table, const char* kind, const std::string& name, int index,
                    const Span& where);

  // Looks a name up as seen from the current file. Reports unknown or not-imported names
  // with `id` and returns -1.
  int lookup(const std::map<std::string, Entry>& table, const char* kind, const std::string& name, const Span& where,
             const char* id = "E0201");

  // Looks up a right. An unknown one is never corrected to a right of another article:
  // `art7` and `art17` are one edit apart but name different articles. A right is
  // suggested only if its name has the same digits (`atr21`, `art_21` -> `art21`) or, failing
  // that, if its `article:` has the number the name gives (`article18` -> `art18`,
  // `art18_belief`); otherwise the note says that the rule base has no right for that
  // article.
  int lookup_right(const std::string& name, const Span& where);

  // ---- pass 1: declare every name ----------------------------------------------------------

  void declare(const ast::Import&) {}
  void declare(const ast::ExpectDecl&) {}

  void declare(const ast::EnumDecl& node);

  void declare(const ast::PersonDecl& node);

  void declare(const ast::FactDecl& node);

  void declare(const ast::DutyDecl& node);

  void declare(const ast::ActDecl& node);

  void declare(const ast::Block& node);

  void declare(const ast::LawDecl& node);

  void declare(const ast::AmendmentDecl& node);

  // ---- pass 2: types of attributes and facts -------------------------------------------

  Type resolve_type(const ast::TypeExpr& node, const std::string& owner);

  void resolve_vocabulary(const ast::PersonDecl& node);

  void resolve_vocabulary(const ast::FactDecl& node);

  void resolve_vocabulary(const ast::DutyDecl& node);

  // A parameter's value is a constant: a number with its unit, a date or yes/no.
  void resolve_parameter(const ast::Block& node);

  void resolve_vocabulary(const ast::Block& node);

  template <typename Node>
  void resolve_vocabulary(const Node&) {}

  int own_index(const std::map<std::string, Entry>& table, const ast::Identifier& name);

  // ---- clauses ---------------------------------------------------------------------------

  struct Clauses {
    std::multimap<std::string, const ast::Clause*> by_key;
    const ast::Clause* first(const std::string& key) const {
      auto it = by_key.find(key);
      return it == by_key.end() ? nullptr : it->second;
    }
    std::vector<const ast::Clause*> all(const std::string& key) const {
      std::vector<const ast::Clause*> out;
      auto [begin, end] = by_key.equal_range(key);
      for (auto it = begin; it != end; ++it)
        out.push_back(it->second);
      return out;
    }
  };

  Clauses collect(const std::vector<ast::Clause>& clauses, const std::string& kind, const ast::Identifier& owner);

  template <typename Node>
  void missing(const Node& node, const std::string& kind, const std::string& clause, const char* id = "E0210") {
    diagnostics_.error(id, span(node.name), kind + " `" + node.name.name + "` has no `" + clause + ":`");
  }

  std::optional<std::int64_t> number(const std::string& digits, const Span& where);

  std::optional<std::int64_t> date(const ast::DateLit& node);

  // `2008-07-20`, `2008-07` (the month's days) or `2008` (the year's).
  std::optional<DateRange> partial_date(const ast::DateLit& node);

  Dates dates(const Clauses& clauses, const Span& owner);

  std::vector<ParaRange> paras(const std::vector<ast::ParaRange>& nodes);

  void check_paras(const std::string& document_id, const std::vector<ParaRange>& ranges, const Span& where);

  SourceRef source(const ast::Source& node);

  // How a citation form is written in `cited as:` (`general comment 37`); a covenant
  // citation's article is not part of its form.
  static std::string citation_form(const std::string& kind, const std::string& reference);

  // A document to quote in a note, from the user's own project: one a `source:` of this
  // file names, else one this file declares, else one it can see.
  std::string example_document() const;

  std::vector<Citation> citations(const Clauses& clauses);

  std::vector<int> rights_list(const ast::IdentList& list);

  std::optional<std::string> word_from(const std::string& word, const std::vector<std::string>& allowed,
                                       const char* what, const Span& where);

  // ---- pass 3: rights and tests --------------------------------------------------------------

  void resolve_rules(const ast::Block& node);

  template <typename Node>
  void resolve_rules(const Node&) {}

  void resolve_right(const ast::Block& node);

  // The enum the rule base declares `for role`, or null after an E0201 that says how to
  // declare one (naming an enum that holds the first word, when there is one).
  const EnumType* role_enum(const EnumType* declared, const std::string& role, const Span& where,
                            const std::string& word = {});

  void unknown_member(const std::string& name, const EnumType& e, const Span& where);

  void resolve_test(const ast::Block& node);

  // An accepted distinction: a ground, the rights it concerns, the condition on the
  // provision's facts under which the Covenant or an authority accepts it, and why.
  void resolve_distinction(const ast::Block& node);

  // A distinction's ground: a protected attribute of a person (E0222 otherwise).
  int ground(const ast::Identifier& name);

  // ---- accepted distinctions in the pair tests ---------------------------------------------
  //
  // `some pair a, b differing in {g, h}: body` becomes `some pair a, b differing in {h}: body
  // or (not accepted_g and some pair a, b differing in {g}: body)` where accepted_g holds
  // when a distinction on g names the right under test and its condition holds; `every`
  // likewise reads `accepted_g or every ...`. The routes decide the result as any other
  // condition, so they agree by construction; the facts of a distinction's condition are,
  // like those of an exception, not part of the test's subject.

  struct Accepting {
    int distinction = -1;
    ExprPtr guard; // right_is ... and when, renumbered for the test
  };

  void apply_distinctions();

  // The variables an expression binds, for a copy that must not share them.
  static void bound_variables(const Expr& e, std::set<int>& out);

  static ExprPtr renumber(const ExprPtr& e, const std::map<int, int>& ids);

  // A copy of `e` whose own variables are fresh ids of the current test.
  ExprPtr fresh_copy(const ExprPtr& e);

  // Whether a distinction accepts the difference for the right under test: `right is R
  // or ...` and its condition.
  ExprPtr acceptance(int distinction, const Span& where);

  ExprPtr accept(const ExprPtr& e, const std::map<int, std::vector<int>>& by_ground, std::set<int>& used);

  void resolve_jurisdiction(const ast::Block& node);

  // ---- pass 4: laws and provisions -------------------------------------------------------------

  void resolve_laws(const ast::LawDecl& node);

  int own_index(const std::map<std::string, Entry>& table, const ast::Identifier& name, const Span& where);

  template <typename Node>
  void resolve_laws(const Node&) {}

  void resolve_provision(const ast::ProvisionDecl& node, Provision& provision);
  // A `level:` clause's member of the enum declared `for level`; reported when unknown.
  std::optional<int> level_clause(const ast::Clause& c);

  std::optional<Basis> basis_clause(const Clauses& clauses);

  // The `fact: value [basis source]` clauses among `clauses`, ordered by fact. A fact
  // without its own basis or source takes the block's.
  std::vector<StatedFact> stated_facts(const std::vector<ast::Clause>& clauses, Basis basis,
                                       const std::vector<SourceRef>& sources);

  // In a provision any `name: value` that is not a clause is a fact, so a misspelt clause
  // (`sourse: ...`) reaches here as an unknown fact. Reports it as such, with the clause it
  // probably is, when a clause is at least as close as any fact; true if reported.
  bool misspelt_provision_clause(const std::string& name, const Span& where);

  FactValue fact_value(const ast::Value& node, const FactDecl& fact, const Span& where);

  // ---- pass 5: amendments ------------------------------------------------------------------------

  void resolve_amendments(const ast::AmendmentDecl& node);

  template <typename Node>
  void resolve_amendments(const Node&) {}

  // ---- pass 6: expectations -----------------------------------------------------------------

  void resolve_expectations(const ast::ExpectDecl& node);

  template <typename Node>
  void resolve_expectations(const Node&) {}

  int target_provision(const ast::Identifier& law, const ast::Identifier& provision);

  void resolve_amends(const ast::Amends& node, Amendment& amendment);

  void resolve_repeal(const ast::Repeals& node, Amendment& amendment);

  void resolve_addition(const ast::AddsTo& node, Amendment& amendment);

  // ---- expressions ---------------------------------------------------------------------------

  std::shared_ptr<Expr> quantity(const ast::Quantity& node);

  // A constant quantity converted exactly to `unit` (engine/model/units.hpp): the unit of
  // `whose` (the fact it states, the side it is compared with; `declared` when that is a
  // fact or attribute, which could be declared in another unit). A result that is not
  // whole or crosses the families of units is E0108, one past 10^12 is E0106, both at the
  // constant. Any other expression is returned as it is, for expect_type to judge.
  ExprPtr in_unit(const ExprPtr& e, Unit unit, const std::string& whose, bool declared);

  void expect_type(const ExprPtr& e, const Type& wanted, const std::string& what);

 private:
  std::shared_ptr<Expr> error_expr(const Span& where);

  std::shared_ptr<Expr> make(ExprKind kind, Type type, const Span& where, std::vector<ExprPtr> children = {});

  static Span join_spans(const Span& a, const Span& b);

  ExprPtr expression(const ast::Expression& node, ExprContext& context, const Type* hint);

  // A chain of `implies` is one node with a child per operand (read right-associatively:
  // a implies b implies c is a implies (b implies c)), so that no stage pays stack depth
  // per operand of a long chain.
  ExprPtr implication(const ast::Expression& node, ExprContext& context);

  // A chain of `and` (or of `or`) is one node with a child per operand, for the same
  // reason. Type errors are reported as the left-to-right reading would meet them.
  ExprPtr junction(ast::Op op, const ast::Expression& node, ExprContext& context);

  Span operand_span(const ast::Operand& node) const;

  // Whether an operand needs the other side's type to be understood: a bare name that is
  // not a variable, attribute or fact (so an enum member), or a set literal.
  bool needs_hint(const ast::Operand& node, const ExprContext& context) const;

  ExprPtr binary(ast::Op op, const ast::Operand& left_node, const ast::Operand& right_node, ExprContext& context);

  // Whose unit a constant is converted to, for the diagnostics of in_unit.
  static std::string subject(const Expr& e);

  // Comparisons, `+` and `-` convert a constant quantity to the unit of the other side.
  ExprPtr binary_resolved(ast::Op op, const ExprPtr& left_in, const ExprPtr& right_in);

  ExprPtr operand(const ast::Operand& node, ExprContext& context, const Type* hint);

  std::shared_ptr<Expr> variable_expr(const Variable& v, const Span& where);

  ExprPtr attribute_of(const ExprPtr& person, const std::string& name, const Span& where);

  ExprPtr identifier(const ast::Identifier& node, ExprContext& context, const Type* hint);

  ExprPtr set_literal(const ast::SetLit& node, ExprContext& context, const Type* hint);

  ExprPtr predicate_literal(const ast::PredicateLit& node, ExprContext& context);

  ExprPtr quantified(const ast::Quantified& node, ExprContext& context);

  // How many cases the routes expand an expression into (element binders range over
  // every member of their enum). A double, so that a product cannot overflow.
  static double expansion(const Expr& e);

  ExprPtr postfix(const ast::Postfix& node, ExprContext& context, const Type* hint);

  // ---- state -----------------------------------------------------------------------------------

  const FileSet& files_;
  Diagnostics& diagnostics_;
  Model model_;
  std::size_t current_file_ = 0;
  std::map<std::size_t, std::string> sources_seen_; // a document each file's sources name
  std::vector<std::size_t> order_;                  // the order in which files are visited
  const ParsedFile* parsed_ = nullptr;
  std::map<std::string, Entry> citation_forms_; // `cited as:` forms and the documents they cite
  std::map<std::string, Entry> roles_;          // `for aims`, `for level`, ...: the enum declared for each
  std::map<std::string, Entry> enums_, attributes_, facts_, duties_, acts_, documents_, rights_, tests_, jurisdictions_,
      laws_, provisions_, amendments_, parameters_, distinctions_;
  std::map<int, Basis> laws_basis_; // a law's `basis:`, the default of its provisions
  Test* current_test_ = nullptr;    // the test whose failure apply_distinctions rewrites
};

} // namespace siracusa::model::detail
