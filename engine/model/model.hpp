// engine/model — the resolved, type-checked model of a rule set.
// Takes: parsed files (engine/syntax). Gives: rights, tests, vocabulary, laws, provisions
// and amendments with every name resolved to an index and every expression typed.
// Verdicts are not here: a provision holds only the facts its law states.
#pragma once

#include "diag/source.hpp"
#include "model/types.hpp"

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace siracusa::model {

// ---- expressions -------------------------------------------------------------------

enum class ExprKind {
  // constants
  boolean,
  integer,
  date,
  text,
  enum_member,
  set_literal,
  everyone,
  no_one,
  predicate, // `person where body`: `variable` is the person, children[0] the body
  // references
  fact,           // `index` into Model::facts
  variable,       // a bound variable, `index` is its id
  attribute,      // children[0] is a person, `index` the attribute
  right_property, // `index`: see RightProperty
  right_is,       // whether the right under test is the one `text` names (`index` its index); made by
                  // the resolver for an accepted distinction, never written
  law_level,
  parameter, // `index` into Model::parameters: a named threshold of the rule base
  // operators
  not_,
  neg,
  // and_, or_ and implies hold a whole chain as two or more children, so that walking a
  // long chain costs no stack depth per operand; implies reads right-associatively.
  and_,
  or_,
  implies,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  add,
  sub,
  mul,
  in,
  subset,
  apply, // children[0] a predicate, children[1] a person
  some,
  every // `binders`, children[0] the body
};

enum class RightProperty { aims = 0, derogable = 1, absolute = 2 };

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Binder {
  enum class Kind { person, element, pair };
  Kind kind = Kind::person;
  int variable = -1;
  int second_variable = -1;      // pair
  std::string name, second_name; // as written, for witnesses
  ExprPtr domain;                // element: a set
  std::vector<int> attributes;   // pair: the attributes one of which differs
};

struct Expr {
  ExprKind kind = ExprKind::boolean;
  Type type;
  Span span;
  // boolean: 0/1; integer: value; date: days since 1970-01-01; enum_member: member index;
  // fact, attribute: index; variable, predicate: variable id; right_property: RightProperty
  std::int64_t number = 0;
  std::string text; // text constants; the name as written for facts, variables, attributes
  std::vector<ExprPtr> children;
  std::vector<Binder> binders;

  int index() const { return static_cast<int>(number); }
};

// ---- citations and sources -----------------------------------------------------------

struct ParaRange {
  int low = 0;
  int high = 0; // == low for a single paragraph
};

struct Citation {
  std::string kind;      // covenant, general_comment, siracusa, views, document
  std::string reference; // article, comment number, views title, document id
  std::string document;  // the declared document it refers to (`cited as:` for a form), if any
  std::vector<ParaRange> paras;
  bool unverified = false; // `[unverified]`: the rule author could not read the cited text
  Span span;
  // As written, for a form no document declares: "general comment 37, para. 70", and
  // " (unverified)" after an unverified one: the marker travels with the citation into
  // every report. citation_text (below) is what reports print.
  std::string display() const;
};

// " (unverified)" for a citation marked so, else "".
std::string verification_suffix(const Citation& citation);

struct SourceRef {
  std::string document;
  std::vector<ParaRange> paras;
  Span span;
  std::string display() const; // "kz-ngo-2025 para. 45, 47"
};

std::string display_paras(const std::vector<ParaRange>& paras);

// ---- vocabulary ------------------------------------------------------------------------

struct FactDecl {
  std::string name;
  Type type;
  std::string doc;
  Span span;
};

struct Attribute {
  std::string name;
  Type type;
  bool is_protected = false;
  std::string doc;
  Span span;
};

struct Duty {
  std::string id;
  std::string doc;
  std::vector<int> rights;
  bool good_practice = false; // recommended good practice, not a Covenant obligation
  Span span;
};

struct Act {
  std::string id;
  std::string doc;
  Span span;
};

struct Document {
  std::string id;
  std::string title;
  std::string url;
  std::optional<ParaRange> paragraphs;
  Span span;
};

// ---- rights and tests ------------------------------------------------------------------

struct Right {
  std::string id;
  std::string article;
  std::string title;
  bool derogable = true;
  bool absolute = false;
  std::vector<std::string> limitation; // members of the enum declared `for limitation`
  std::vector<int> aims;               // members of the enum declared `for aims`
  std::vector<Citation> citations;
  Span span;
};

enum class Criterion {
  legality,
  legitimate_aim,
  necessity,
  proportionality,
  non_discrimination,
  positive_obligation,
  conflict
};
const char* criterion_name(Criterion criterion);
std::optional<Criterion> criterion_from(const std::string& word);

// How strongly the test's authority condemns what it describes.
enum class Strength {
  per_se,      // incompatible whatever the circumstances
  presumptive, // incompatible unless the State justifies it (the burden is the State's)
  concern      // worth raising; not a breach on its own
};
const char* strength_name(Strength strength);
std::optional<Strength> strength_from(const std::string& word);

// What a stated fact rests on, strongest first: what the text of the law says, how the
// law is applied, or a source's assessment of it.
enum class Basis { text, practice, assessment };
const char* basis_name(Basis basis);
std::optional<Basis> basis_from(const std::string& word);

struct Test {
  std::string id;
  std::string title;
  bool all_rights = false;
  std::vector<int> rights;
  Criterion criterion = Criterion::legality;
  ExprPtr condition;               // `fails when:` as written; null for positive_obligation and conflict
  std::vector<ExprPtr> exceptions; // `unless:` clauses: recognised exceptions that save a provision
  // What the routes decide: the condition and none of the exceptions.
  ExprPtr failure;
  // The facts that make up the test's subject: a provision that states none of them is
  // not assessed (`about:`, or every fact the failure condition reads).
  std::vector<int> about;
  Strength strength = Strength::presumptive;
  std::string justification; // presumptive: what the State would have to show
  int duty = -1;             // positive_obligation
  std::vector<Citation> citations;
  std::string explanation;
  std::string recommendation;
  Span span;
  int variable_count = 0; // ids used by the condition's binders
  // The accepted distinctions (Model::distinctions) that `failure` takes into account: a
  // pair of persons who differ only in a distinction's ground does not count against the
  // provision for a right the distinction names when its condition holds.
  std::vector<int> distinctions;

  bool applies_to(int right) const;
  // Whether `failure` is more than `condition`: exceptions or accepted distinctions that
  // the stated facts may not establish.
  bool qualified() const { return !exceptions.empty() || !distinctions.empty(); }
};

// An accepted distinction: the Covenant or an authority accepts that the rights it names
// (or all) are distinguished by a ground (a protected attribute of a person) where its
// condition on the provision's facts holds (General Comment 18 para 13: a difference on
// reasonable and objective criteria for a legitimate aim is not discrimination).
struct Distinction {
  std::string id;
  std::string title;
  std::vector<int> grounds; // person attributes
  bool all_rights = false;
  std::vector<int> rights;
  ExprPtr when; // over the provision's facts; null: always
  std::vector<Citation> citations;
  std::string explanation;
  Span span;

  bool covers(int right) const;
};

// A threshold the rule base names rather than writes into a condition (a notice period, a
// number of founders), with the authority for it; a project may set another value in
// siracusa.toml.
struct Parameter {
  std::string id;
  std::string title;
  std::string explanation;
  ExprPtr value; // a constant
  std::vector<Citation> citations;
  std::string set_by; // empty: the rule base; else where its value was replaced
  Span span;
};

// ---- laws ---------------------------------------------------------------------------------

// A day, or the range of days a partial date covers when a source gives only the month
// (`2008-07`) or the year (`2008`). Days since 1970-01-01.
struct DateRange {
  std::int64_t first = 0;
  std::int64_t last = 0;
  std::string text; // as written
  bool exact() const { return first == last; }
};

// When a law, provision or amendment holds: adopted, in force from `effective`, out of force
// from `repealed` or `expires` (whichever comes first).
struct Dates {
  std::optional<DateRange> adopted, effective, repealed, expires;
  Span span; // the block, for diagnostics about its dates
};

struct FactValue {
  enum class Form { exact, unknown, at_least, at_most, one_of, range };
  Form form = Form::exact;
  std::vector<ExprPtr> values; // constants (or predicates); range: low, high
  Span span;                   // the whole `name: value` line
  int variable_count = 0;
};

struct StatedFact {
  int fact = -1;
  FactValue value;
  Basis basis = Basis::text;
  std::vector<SourceRef> sources; // the fact's own, else its provision's (or law's)
  bool inherited = false;         // stated once for the whole law
};

// `implements partially: duty "what is missing"`
struct PartialImplementation {
  int duty = -1;
  std::string note;
  Span span;
};

struct Deontic {
  enum class Modality { permits, obliges, forbids };
  Modality modality = Modality::permits;
  int act = -1;
  ExprPtr who; // a predicate
  Span span;
  int variable_count = 0;
};
const char* modality_name(Deontic::Modality modality);

struct Provision {
  std::string id;   // law.provision
  std::string name; // provision
  int law = -1;
  std::string title;
  std::string article;
  std::vector<int> restricts;  // rights
  std::vector<int> implements; // duties
  Span restricts_span, implements_span;
  // The provision's own `level:`, for an act that has parts at several levels (a law and
  // its implementing decree); -1 when it has the level of its law (Model::level_of).
  int level = -1;
  Span level_span;
  Basis basis = Basis::text; // of its facts, unless a fact says otherwise
  std::vector<PartialImplementation> partially_implements;
  std::vector<Deontic> deontics;
  std::vector<StatedFact> facts; // ordered by fact index
  std::vector<SourceRef> sources;
  Dates dates;
  // Whether the provision is part of the law as of the date checked (engine/amend decides;
  // everything is in force until then).
  bool in_force = true;
  Span span;

  const StatedFact* find(int fact) const;
};

struct Law {
  std::string id;
  std::string title;
  std::string original_title;
  int jurisdiction = -1;
  // A member of the enum declared `for level`, whose members run from the highest level
  // to the lowest (a lower index prevails); 0 when the rule base declares no levels.
  int level = 0;
  Span level_span; // the `level:` clause, cited when a verdict rests on the level
  Dates dates;
  std::vector<SourceRef> sources;
  std::vector<StatedFact> facts; // stated for the whole law; its provisions inherit them
  std::vector<int> provisions;
  Span span;
};

struct Jurisdiction {
  std::string id;
  std::string title;
  std::string original_title;
  struct Absent {
    int duty = -1;
    SourceRef source;
    Span span;
  };
  std::vector<Absent> reported_absent;
  Span span;
};

struct Change {
  enum class Kind { set, change, remove, set_restricts, set_implements, repeal, add };
  Kind kind = Kind::set;
  std::string target; // law.provision
  int fact = -1;
  FactValue value;
  std::vector<int> names;         // set_restricts / set_implements
  std::optional<Provision> added; // add
  Span span;
};

struct Amendment {
  std::string id;
  std::string title;
  // An amendment with an `adopted:` date is law and applies from its effective date; one
  // without is a draft, applied only on request (`--amend`).
  Dates dates;
  std::vector<SourceRef> sources;
  std::vector<Change> changes;
  Span span;
};

// ---- expectations ---------------------------------------------------------------------------

// `expect [no] VERDICT [STRENGTH]: SELECTOR on TARGET`: for `siracusa test`.
struct Expectation {
  bool negated = false; // `expect no ...`: no finding may match
  std::string verdict;  // a verdict name
  std::optional<Strength> strength;
  std::vector<int> rights; // the finding's right is one of these (any when empty)
  std::vector<Criterion> criteria;
  std::vector<int> tests;
  enum class Target { jurisdiction, law, provision } target_kind = Target::provision;
  int target = -1;
  std::string target_id;
  std::vector<SourceRef> sources;
  Span span;
};

// ---- the model ------------------------------------------------------------------------------

struct Model {
  // Enums are shared between copies of a model (amended models keep the vocabulary), and
  // a deque keeps their addresses stable for Type::enumeration.
  std::shared_ptr<std::deque<EnumType>> enums = std::make_shared<std::deque<EnumType>>();
  // The enums the rule base declares `for aims`, `for limitation` and `for level`; null
  // when it declares none.
  const EnumType* aims_enum = nullptr;
  const EnumType* limitation = nullptr;
  const EnumType* level = nullptr;

  std::vector<Document> documents;
  std::vector<Attribute> attributes; // of a person
  std::vector<FactDecl> facts;
  std::vector<Duty> duties;
  std::vector<Act> acts;
  std::vector<Right> rights;
  std::vector<Test> tests;
  std::vector<Parameter> parameters;
  std::vector<Distinction> distinctions;
  std::vector<Jurisdiction> jurisdictions;
  std::vector<Law> laws;
  std::vector<Provision> provisions;
  std::vector<Amendment> amendments;
  std::vector<Expectation> expectations;
  std::vector<std::string> files; // every file read, in the order read

  int find_right(const std::string& id) const;
  int find_test(const std::string& id) const;
  int find_parameter(const std::string& id) const;
  int find_fact(const std::string& name) const;
  int find_provision(const std::string& id) const;
  int find_law(const std::string& id) const;
  int find_duty(const std::string& id) const;
  int find_attribute(const std::string& name) const;
  const Document* find_document(const std::string& id) const;
  // The name of a law's level; empty when the rule base declares no levels.
  std::string level_name(const Law& law) const;
  // A provision's level: its own `level:`, else its law's; and the clause that states it.
  int level_of(const Provision& provision) const;
  const Span& level_span_of(const Provision& provision) const;
  std::string level_name(const Provision& provision) const;
};

// The facts an expression reads and the person attributes it mentions, in index order.
std::vector<int> facts_used(const Expr& expr);
std::vector<int> attributes_used(const Expr& expr);

// Days since 1970-01-01 for a valid calendar date, nullopt otherwise.
std::optional<std::int64_t> days_from_civil(int year, int month, int day);
std::string civil_from_days(std::int64_t days);

// A citation as reports print it: the declared document's title and the pinpoint ("<title>,
// art. 21", "<title>, paras. 10, 11"), or, with no titled document, as written.
std::string citation_text(const Citation& citation, const Model& model);

} // namespace siracusa::model
