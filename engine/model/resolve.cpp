#include "model/resolve.hpp"
#include "model/units.hpp"

#include "diag/suggest.hpp"
#include "syntax/grammar.hpp"
#include "syntax/keywords.hpp"
#include "syntax/parsed_file.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <set>

namespace siracusa::model {

namespace x3 = boost::spirit::x3;

namespace {

using syntax::ParsedFile;

// ---- small helpers --------------------------------------------------------------------

// What an enum may be declared `for`: the clauses and properties that read its members
// (a right's `aims:` and `right.aims`, a right's `limitation:`, a law's `level:` and
// `law.level`). The members themselves are the rule base's.
const std::vector<std::string> enum_roles = {"aims", "limitation", "level"};

const std::vector<std::string> criterion_words = {"legality",        "legitimate_aim",     "necessity",
                                                  "proportionality", "non_discrimination", "positive_obligation",
                                                  "conflict"};

const std::vector<std::string> strength_words = {"per_se", "presumptive", "concern"};

const std::vector<std::string> basis_words = {"text", "practice", "assessment"};

const std::vector<std::string> nature_words = {"obligation", "good_practice"};

const std::vector<std::string> verdict_words = {"fails",        "may_fail",       "passes",
                                                "undetermined", "not_applicable", "unassessed"};

std::string join(const std::vector<std::string>& items, const std::string& separator = ", ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i > 0 ? separator : "") + items[i];
  return out;
}

template <typename T>
const T* get_if(const ast::ClauseValue& value) {
  return boost::get<T>(&value.get());
}

Unit unit_from(const boost::optional<std::string>& word) {
  if (!word)
    return Unit::none;
  return unit_from_word(*word).value_or(Unit::none);
}

// Largest number the language accepts: keeps arithmetic far from overflow in the solver.
constexpr std::int64_t max_number = 1'000'000'000'000LL;

// Bounds on the size of what the later stages walk or expand; each is a located E0006 or
// E0221 rather than a crash, a hang or an exhausted stack.
constexpr std::size_t max_arithmetic_chain = 32; // operators of one `+ - *` chain
constexpr double max_expansion = 100'000;        // cases of nested element quantifiers
constexpr std::size_t max_provisions_per_law = 10'000;
constexpr std::size_t max_enum_members = 1'024;
constexpr std::size_t max_levels = 64;
constexpr std::size_t max_person_attributes = 64; // each is a dimension of the person classes

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

  Model run() {
    for (const auto& file : files_.files)
      model_.files.push_back(file.display);
    order_files();

    for_each_declaration([&](const auto& node) { declare(node); });
    for_each_declaration([&](const auto& node) { resolve_vocabulary(node); });
    for_each_declaration([&](const auto& node) { resolve_rules(node); });
    apply_distinctions();
    for_each_declaration([&](const auto& node) { resolve_laws(node); });
    for_each_declaration([&](const auto& node) { resolve_amendments(node); });
    for_each_declaration([&](const auto& node) { resolve_expectations(node); });
    return std::move(model_);
  }

 private:
  // Files are visited with every file after the files it imports (by display name among
  // files that do not depend on each other), so that a name declared in an imported file
  // is the first declaration and one repeated by its importer is the duplicate.
  void order_files() {
    std::vector<bool> placed(files_.files.size(), false);
    std::function<void(std::size_t)> visit = [&](std::size_t f) {
      if (placed[f])
        return;
      placed[f] = true; // before the imports: a cycle (already E0206) must not recurse forever
      for (auto imported : files_.files[f].imports)
        visit(imported);
      order_.push_back(f);
    };
    for (std::size_t f = 0; f < files_.files.size(); ++f)
      visit(f);
  }

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
                    const Span& where) {
    auto [it, inserted] = table.emplace(name, Entry{index, current_file_, where});
    if (!inserted) {
      diagnostics_.error("E0202", where, std::string(kind) + " `" + name + "` is declared twice")
          .notes.push_back({it->second.span, "first declared here"});
    }
    return inserted;
  }

  // Looks a name up as seen from the current file. Reports unknown or not-imported names
  // with `id` and returns -1.
  int lookup(const std::map<std::string, Entry>& table, const char* kind, const std::string& name, const Span& where,
             const char* id = "E0201") {
    auto it = table.find(name);
    if (it != table.end()) {
      if (files_.files[current_file_].visible[it->second.file])
        return it->second.index;
      diagnostics_.error(id, where, std::string("unknown ") + kind + " `" + name + "`")
          .notes.push_back({it->second.span, "declared here, in a file that `" + files_.files[current_file_].display +
                                                 "` does not import; add an `import`"});
      return -1;
    }
    auto& d = diagnostics_.error(id, where, std::string("unknown ") + kind + " `" + name + "`");
    std::vector<std::string> candidates;
    for (const auto& [candidate, entry] : table)
      if (files_.files[current_file_].visible[entry.file])
        candidates.push_back(candidate);
    if (auto suggestion = closest(name, candidates))
      d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
    return -1;
  }

  // Looks up a right. An unknown one is never corrected to a right of another article:
  // `art7` and `art17` are one edit apart but name different articles. A right is
  // suggested only if its name has the same digits (`atr21`, `art_21` -> `art21`) or, failing
  // that, if its `article:` has the number the name gives (`article18` -> `art18`,
  // `art18_belief`); otherwise the note says that the rule base has no right for that
  // article.
  int lookup_right(const std::string& name, const Span& where) {
    if (rights_.count(name))
      return lookup(rights_, "right", name, where, "E0205");
    auto& d = diagnostics_.error("E0205", where, "unknown right `" + name + "`");
    std::vector<std::string> visible;
    for (const auto& [candidate, entry] : rights_)
      if (files_.files[current_file_].visible[entry.file])
        visible.push_back(candidate);
    // In the order of the Covenant: art2, art9, art12 (not art12, art2, art9).
    auto numbers = [](const std::string& id) {
      std::vector<std::size_t> out;
      for (const auto& run : digit_runs(id))
        out.push_back(run.size() > 9 ? 999'999'999 : std::stoul(run));
      return out;
    };
    std::sort(visible.begin(), visible.end(), [&](const std::string& a, const std::string& b) {
      return std::make_pair(numbers(a), a) < std::make_pair(numbers(b), b);
    });
    auto digits = digit_runs(name);
    std::vector<std::string> same_digits;
    for (const auto& candidate : visible)
      if (digit_runs(candidate) == digits)
        same_digits.push_back(candidate);
    if (auto suggestion = closest(name, same_digits)) {
      d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
      return -1;
    }
    if (digits.empty()) {
      if (!visible.empty())
        d.notes.push_back({{}, "the rights are " + join(visible)});
      return -1;
    }
    std::vector<std::string> same_article;
    for (const auto& candidate : visible) {
      const Right& right = model_.rights[static_cast<std::size_t>(rights_.at(candidate).index)];
      if (digit_runs(right.article).empty() || digit_runs(right.article).front() != digits.front())
        continue;
      same_article.push_back("`" + candidate + "` (article " + right.article + ")");
    }
    if (!same_article.empty()) {
      d.notes.push_back({{},
                         std::string(same_article.size() == 1 ? "the right for article " : "the rights for article ") +
                             digits.front() + (same_article.size() == 1 ? " is " : " are ") +
                             join(same_article, " and ")});
      return -1;
    }
    d.notes.push_back({{},
                       "the rule base has no right for article " + digits.front() +
                           (visible.empty() ? std::string() : "; the rights are " + join(visible))});
    return -1;
  }

  // ---- pass 1: declare every name ----------------------------------------------------------

  void declare(const ast::Import&) {}
  void declare(const ast::ExpectDecl&) {}

  void declare(const ast::EnumDecl& node) {
    auto& e = model_.enums->emplace_back();
    e.name = node.name.name;
    e.doc = node.doc ? node.doc->joined() : "";
    std::optional<std::string> role;
    if (node.role)
      role = word_from(node.role->word, enum_roles, "enum role", span(*node.role));
    std::set<std::string> seen;
    for (const auto& member : node.members) {
      // Only a level is read as a word (`level: law`); anywhere else a reserved word would
      // be taken for the keyword.
      if (role != "level" && syntax::is_reserved_word(member.name.name)) {
        diagnostics_
            .error("E0101", span(member.name), "`" + member.name.name + "` is a reserved word and cannot name a member")
            .notes.push_back({{}, "only the members of the enum `for level` may be reserved words; rename this one"});
        continue;
      }
      if (!seen.insert(member.name.name).second) {
        diagnostics_.error("E0202", span(member.name),
                           "member `" + member.name.name + "` appears twice in enum `" + e.name + "`");
        continue;
      }
      if (e.members.size() == max_enum_members) {
        diagnostics_
            .error("E0221", span(member.name),
                   "enum `" + e.name + "` has too many members (the limit is " + std::to_string(max_enum_members) + ")")
            .notes.push_back({{}, "split the enum, or describe the distinction with several facts"});
        break;
      }
      e.members.push_back(member.name.name);
      e.docs.push_back(member.doc ? member.doc->joined() : "");
    }
    if (!declare_name(enums_, "enum", e.name, static_cast<int>(model_.enums->size() - 1), span(node.name)) || !role)
      return;
    auto [it, first] =
        roles_.emplace(*role, Entry{static_cast<int>(model_.enums->size() - 1), current_file_, span(*node.role)});
    if (!first) {
      diagnostics_.error("E0202", span(*node.role), "a second enum is declared `for " + *role + "`")
          .notes.push_back({it->second.span, "the first is declared here"});
      return;
    }
    // A law's level is one bit of the fast path's 64-bit sets of members.
    if (*role == "level" && e.members.size() > max_levels) {
      diagnostics_.error("E0221", span(node.name),
                         "enum `" + e.name + "` declares too many levels (the limit is " + std::to_string(max_levels) +
                             ")");
      return;
    }
    if (*role == "aims")
      model_.aims_enum = &e;
    else if (*role == "limitation")
      model_.limitation = &e;
    else
      model_.level = &e;
  }

  void declare(const ast::PersonDecl& node) {
    for (const auto& attribute : node.attributes) {
      Attribute a;
      a.name = attribute.name.name;
      a.is_protected = attribute.is_protected;
      a.doc = attribute.doc ? attribute.doc->joined() : "";
      a.span = span(attribute.name);
      if (model_.attributes.size() == max_person_attributes) {
        diagnostics_
            .error("E0221", a.span,
                   "a person has too many attributes (the limit is " + std::to_string(max_person_attributes) + ")")
            .notes.push_back({{}, "a test tells persons apart by the attributes it mentions; keep the ones tests use"});
        return;
      }
      if (declare_name(attributes_, "person attribute", a.name, static_cast<int>(model_.attributes.size()), a.span))
        model_.attributes.push_back(std::move(a));
    }
  }

  void declare(const ast::FactDecl& node) {
    FactDecl f;
    f.name = node.name.name;
    f.doc = node.doc ? node.doc->joined() : "";
    f.span = span(node.name);
    if (declare_name(facts_, "fact", f.name, static_cast<int>(model_.facts.size()), f.span))
      model_.facts.push_back(std::move(f));
  }

  void declare(const ast::DutyDecl& node) {
    Duty d;
    d.id = node.name.name;
    d.doc = node.doc ? node.doc->joined() : "";
    d.span = span(node.name);
    if (declare_name(duties_, "duty", d.id, static_cast<int>(model_.duties.size()), d.span))
      model_.duties.push_back(std::move(d));
  }

  void declare(const ast::ActDecl& node) {
    Act a;
    a.id = node.name.name;
    a.doc = node.doc ? node.doc->joined() : "";
    a.span = span(node.name);
    if (declare_name(acts_, "act", a.id, static_cast<int>(model_.acts.size()), a.span))
      model_.acts.push_back(std::move(a));
  }

  void declare(const ast::Block& node) {
    const std::string& name = node.name.name;
    Span where = span(node.name);
    if (node.kind == "document") {
      Document d;
      d.id = name;
      d.span = where;
      if (declare_name(documents_, "document", name, static_cast<int>(model_.documents.size()), where))
        model_.documents.push_back(std::move(d));
    } else if (node.kind == "right") {
      Right r;
      r.id = name;
      r.span = where;
      // Known from the start: an unknown right is matched against the articles of the
      // rights (lookup_right) before pass 3 resolves them.
      for (const auto& clause : node.clauses)
        if (clause.key == "article")
          if (const auto* article = get_if<ast::ArticleRef>(clause.value)) {
            r.article = article->text;
            break;
          }
      if (declare_name(rights_, "right", name, static_cast<int>(model_.rights.size()), where))
        model_.rights.push_back(std::move(r));
    } else if (node.kind == "test") {
      Test t;
      t.id = name;
      t.span = where;
      if (declare_name(tests_, "test", name, static_cast<int>(model_.tests.size()), where))
        model_.tests.push_back(std::move(t));
    } else if (node.kind == "parameter") {
      Parameter p;
      p.id = name;
      p.span = where;
      if (declare_name(parameters_, "parameter", name, static_cast<int>(model_.parameters.size()), where))
        model_.parameters.push_back(std::move(p));
    } else if (node.kind == "distinction") {
      Distinction d;
      d.id = name;
      d.span = where;
      if (declare_name(distinctions_, "distinction", name, static_cast<int>(model_.distinctions.size()), where))
        model_.distinctions.push_back(std::move(d));
    } else if (node.kind == "jurisdiction") {
      Jurisdiction j;
      j.id = name;
      j.span = where;
      if (declare_name(jurisdictions_, "jurisdiction", name, static_cast<int>(model_.jurisdictions.size()), where))
        model_.jurisdictions.push_back(std::move(j));
    }
  }

  void declare(const ast::LawDecl& node) {
    Law law;
    law.id = node.name.name;
    law.span = span(node.name);
    int law_index = static_cast<int>(model_.laws.size());
    if (!declare_name(laws_, "law", law.id, law_index, law.span))
      return;
    for (const auto& item : node.items) {
      if (auto* provision = boost::get<ast::ProvisionDecl>(&item.get())) {
        Provision p;
        p.name = provision->name.name;
        p.id = law.id + "." + p.name;
        p.law = law_index;
        p.span = span(provision->name);
        if (law.provisions.size() == max_provisions_per_law) {
          diagnostics_
              .error("E0221", p.span,
                     "law `" + law.id + "` has too many provisions (the limit is " +
                         std::to_string(max_provisions_per_law) + ")")
              .notes.push_back({{}, "split the law into several laws"});
          break;
        }
        if (declare_name(provisions_, "provision", p.id, static_cast<int>(model_.provisions.size()), p.span)) {
          law.provisions.push_back(static_cast<int>(model_.provisions.size()));
          model_.provisions.push_back(std::move(p));
        }
      }
    }
    model_.laws.push_back(std::move(law));
  }

  void declare(const ast::AmendmentDecl& node) {
    Amendment a;
    a.id = node.name.name;
    a.span = span(node.name);
    if (declare_name(amendments_, "amendment", a.id, static_cast<int>(model_.amendments.size()), a.span))
      model_.amendments.push_back(std::move(a));
  }

  // ---- pass 2: types of attributes and facts -------------------------------------------

  Type resolve_type(const ast::TypeExpr& node, const std::string& owner) {
    const std::string& kind = node.kind;
    if (kind == "bool")
      return Type::boolean();
    if (kind == "integer")
      return Type::integer(Unit::none);
    if (kind == "days")
      return Type::integer(Unit::days);
    if (kind == "hours")
      return Type::integer(Unit::hours);
    if (kind == "months")
      return Type::integer(Unit::months);
    if (kind == "years")
      return Type::integer(Unit::years);
    if (kind == "date")
      return Type::date();
    if (kind == "text")
      return Type::text();
    if (kind == "predicate")
      return Type::predicate();
    if (kind == "inline") {
      auto& e = model_.enums->emplace_back();
      e.name = owner;
      for (const auto& member : node.members) {
        if (e.index_of(member.name) >= 0) {
          diagnostics_.error("E0202", span(member), "member `" + member.name + "` appears twice");
          continue;
        }
        e.members.push_back(member.name);
        e.docs.emplace_back();
      }
      return Type::enumeration_of(&e);
    }
    int index = lookup(enums_, "enum", node.name.name, span(node.name));
    if (index < 0)
      return Type::error();
    const EnumType* e = &(*model_.enums)[static_cast<std::size_t>(index)];
    return kind == "set" ? Type::set_of(e) : Type::enumeration_of(e);
  }

  void resolve_vocabulary(const ast::PersonDecl& node) {
    for (const auto& attribute : node.attributes) {
      auto it = attributes_.find(attribute.name.name);
      if (it == attributes_.end() || it->second.file != current_file_ ||
          it->second.span.begin != span(attribute.name).begin)
        continue; // a duplicate, already reported
      Type type = resolve_type(attribute.type, attribute.name.name);
      if (type.kind == Type::Kind::set || type.kind == Type::Kind::predicate || type.kind == Type::Kind::text) {
        diagnostics_.error("E0204", span(attribute.type),
                           "a person's attribute must be a bool, a number, a date or an enum, not " + describe(type));
        type = Type::error();
      }
      model_.attributes[static_cast<std::size_t>(it->second.index)].type = type;
    }
  }

  void resolve_vocabulary(const ast::FactDecl& node) {
    auto it = facts_.find(node.name.name);
    if (it == facts_.end() || it->second.file != current_file_ || it->second.span.begin != span(node.name).begin)
      return;
    model_.facts[static_cast<std::size_t>(it->second.index)].type = resolve_type(node.type, node.name.name);
  }

  void resolve_vocabulary(const ast::DutyDecl& node) {
    int index = own_index(duties_, node.name);
    if (index < 0 || !node.body)
      return;
    auto& duty = model_.duties[static_cast<std::size_t>(index)];
    if (node.body->rights) {
      for (const auto& right : node.body->rights->items) {
        int r = lookup_right(right.name, span(right));
        if (r >= 0)
          duty.rights.push_back(r);
      }
    }
    if (node.body->nature) {
      const ast::Word& nature = *node.body->nature;
      if (auto word = word_from(nature.word, nature_words, "nature of a duty", span(nature)))
        duty.good_practice = *word == "good_practice";
    }
  }

  // A parameter's value is a constant: a number with its unit, a date or yes/no.
  void resolve_parameter(const ast::Block& node) {
    int index = own_index(parameters_, node.name);
    if (index < 0)
      return;
    auto& parameter = model_.parameters[static_cast<std::size_t>(index)];
    Clauses clauses = collect(node.clauses, "parameter", node.name);
    if (auto* c = clauses.first("title"))
      parameter.title = get_if<ast::StringLit>(c->value)->joined();
    if (auto* c = clauses.first("explanation"))
      parameter.explanation = get_if<ast::StringLit>(c->value)->joined();
    parameter.citations = citations(clauses);
    auto* c = clauses.first("value");
    if (!c) {
      missing(node, "parameter", "value");
      return;
    }
    ExprContext context;
    context.file = current_file_;
    ExprPtr value = expression(*get_if<ast::Expression>(c->value), context, nullptr);
    bool constant =
        value->kind == ExprKind::integer || value->kind == ExprKind::boolean || value->kind == ExprKind::date;
    if (!constant && !value->type.is_error()) {
      diagnostics_.error("E0204", value->span, "a parameter's value is a number (with its unit), a date or yes/no");
      return;
    }
    // No fact is declared in weeks: a parameter in weeks is one in days (`2 weeks`, 14 days).
    if (value->type == Type::integer(Unit::weeks))
      value = in_unit(value, Unit::days, "a period in weeks", false);
    parameter.value = value;
  }

  void resolve_vocabulary(const ast::Block& node) {
    if (node.kind == "parameter") {
      resolve_parameter(node);
      return;
    }
    if (node.kind != "document")
      return;
    int index = own_index(documents_, node.name);
    if (index < 0)
      return;
    auto& document = model_.documents[static_cast<std::size_t>(index)];
    Clauses clauses = collect(node.clauses, node.kind, node.name);
    if (auto* c = clauses.first("title"))
      document.title = get_if<ast::StringLit>(c->value)->joined();
    else
      missing(node, "document", "title");
    if (auto* c = clauses.first("url"))
      document.url = get_if<ast::StringLit>(c->value)->joined();
    if (auto* c = clauses.first("cited_as")) {
      for (const auto& form : get_if<ast::CitationList>(c->value)->items) {
        std::string key = citation_form(form.kind, form.reference);
        auto [it, first] = citation_forms_.emplace(key, Entry{index, current_file_, span(form)});
        if (!first)
          diagnostics_.error("E0202", span(form), "`" + key + "` already cites another document")
              .notes.push_back({it->second.span, "declared here"});
      }
    }
    if (auto* c = clauses.first("paragraphs")) {
      const auto* p = get_if<ast::ParaSpan>(c->value);
      auto low = number(p->low, span(*p));
      auto high = number(p->high, span(*p));
      if (low && high) {
        if (*low > *high)
          diagnostics_.error("E0106", span(*p), "the range of paragraphs is empty (" + p->low + " > " + p->high + ")");
        else
          document.paragraphs = ParaRange{static_cast<int>(*low), static_cast<int>(*high)};
      }
    }
  }

  template <typename Node>
  void resolve_vocabulary(const Node&) {}

  int own_index(const std::map<std::string, Entry>& table, const ast::Identifier& name) {
    auto it = table.find(name.name);
    if (it == table.end() || it->second.file != current_file_ || it->second.span.begin != span(name).begin)
      return -1; // a duplicate, already reported
    return it->second.index;
  }

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

  Clauses collect(const std::vector<ast::Clause>& clauses, const std::string& kind, const ast::Identifier& owner) {
    static const std::set<std::string> repeatable = {"source",  "cites",           "permits", "obliges",
                                                     "forbids", "reported_absent", "unless",  "implements_partially"};
    Clauses out;
    std::map<std::string, const ast::Clause*> seen;
    for (const auto& clause : clauses) {
      std::string key = clause.key == "fact" ? "fact:" + clause.fact.name : clause.key;
      if (!repeatable.count(clause.key)) {
        auto [it, inserted] = seen.emplace(key, &clause);
        if (!inserted) {
          std::string shown = clause.key == "fact" ? clause.fact.name : clause.key;
          std::replace(shown.begin(), shown.end(), '_', ' ');
          if (clause.key == "fact")
            shown = clause.fact.name;
          diagnostics_
              .error("E0211", span(clause), "`" + shown + "` is given twice in " + kind + " `" + owner.name + "`")
              .notes.push_back({span(*it->second), "first given here"});
          continue;
        }
      }
      out.by_key.emplace(clause.key, &clause);
    }
    return out;
  }

  template <typename Node>
  void missing(const Node& node, const std::string& kind, const std::string& clause, const char* id = "E0210") {
    diagnostics_.error(id, span(node.name), kind + " `" + node.name.name + "` has no `" + clause + ":`");
  }

  std::optional<std::int64_t> number(const std::string& digits, const Span& where) {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size() || value > max_number) {
      diagnostics_.error("E0106", where, "number `" + digits + "` is too large (the limit is 10^12)");
      return std::nullopt;
    }
    return value;
  }

  std::optional<std::int64_t> date(const ast::DateLit& node) {
    const std::string& t = node.text;
    int year = std::stoi(t.substr(0, 4));
    int month = std::stoi(t.substr(5, 2));
    int day = std::stoi(t.substr(8, 2));
    auto days = days_from_civil(year, month, day);
    if (!days)
      diagnostics_.error("E0105", span(node), "`" + t + "` is not a valid calendar date");
    return days;
  }

  // `2008-07-20`, `2008-07` (the month's days) or `2008` (the year's).
  std::optional<DateRange> partial_date(const ast::DateLit& node) {
    const std::string& t = node.text;
    int year = std::stoi(t.substr(0, 4));
    int month = t.size() >= 7 ? std::stoi(t.substr(5, 2)) : 0;
    int day = t.size() >= 10 ? std::stoi(t.substr(8, 2)) : 0;
    std::optional<std::int64_t> first;
    std::optional<std::int64_t> last;
    if (day > 0) {
      first = last = days_from_civil(year, month, day);
    } else if (month > 0) {
      first = days_from_civil(year, month, 1);
      auto next = month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, month + 1, 1);
      if (next)
        last = *next - 1;
    } else {
      first = days_from_civil(year, 1, 1);
      last = days_from_civil(year, 12, 31);
    }
    if (!first || !last) {
      diagnostics_.error("E0105", span(node), "`" + t + "` is not a valid calendar date");
      return std::nullopt;
    }
    return DateRange{*first, *last, t};
  }

  Dates dates(const Clauses& clauses, const Span& owner) {
    Dates d;
    d.span = owner;
    auto read = [&](const char* key, std::optional<DateRange>& into) {
      if (auto* c = clauses.first(key))
        into = partial_date(*get_if<ast::DateLit>(c->value));
    };
    read("adopted", d.adopted);
    read("effective", d.effective);
    read("repealed", d.repealed);
    read("expires", d.expires);
    if (d.adopted && d.effective && d.effective->last < d.adopted->first)
      diagnostics_.error("E0105", span(*clauses.first("effective")),
                         "the entry into force (" + d.effective->text + ") is before the adoption (" + d.adopted->text +
                             ")");
    for (const auto* end : {&d.repealed, &d.expires}) {
      const auto& start = d.effective ? d.effective : d.adopted;
      if (*end && start && (*end)->last < start->first)
        diagnostics_.error("E0105", span(*clauses.first(end == &d.repealed ? "repealed" : "expires")),
                           "the end of force (" + (*end)->text + ") is before the entry into force (" + start->text +
                               ")");
    }
    return d;
  }

  std::vector<ParaRange> paras(const std::vector<ast::ParaRange>& nodes) {
    std::vector<ParaRange> out;
    for (const auto& node : nodes) {
      auto low = number(node.low, span(node));
      auto high = node.high ? number(*node.high, span(node)) : low;
      if (!low || !high)
        continue;
      if (*low > *high) {
        diagnostics_.error("E0106", span(node), "the range of paragraphs is empty");
        continue;
      }
      out.push_back({static_cast<int>(*low), static_cast<int>(*high)});
    }
    return out;
  }

  void check_paras(const std::string& document_id, const std::vector<ParaRange>& ranges, const Span& where) {
    int index = lookup(documents_, "document", document_id, where, "E0213");
    if (index < 0)
      return;
    const auto& document = model_.documents[static_cast<std::size_t>(index)];
    if (!document.paragraphs)
      return;
    for (const auto& range : ranges) {
      if (range.low < document.paragraphs->low || range.high > document.paragraphs->high) {
        diagnostics_.error("E0213", where,
                           "paragraph " + display_paras({range}) + " is not in `" + document_id + "` (paragraphs " +
                               display_paras({*document.paragraphs}) + ")");
      }
    }
  }

  SourceRef source(const ast::Source& node) {
    SourceRef ref;
    ref.document = node.document;
    ref.paras = paras(node.paras);
    ref.span = span(node);
    check_paras(ref.document, ref.paras, ref.span);
    if (documents_.count(ref.document))
      sources_seen_.emplace(current_file_, ref.document);
    return ref;
  }

  // How a citation form is written in `cited as:` (`general comment 37`); a covenant
  // citation's article is not part of its form.
  static std::string citation_form(const std::string& kind, const std::string& reference) {
    if (kind == "general_comment")
      return "general comment " + reference;
    return kind;
  }

  // A document to quote in a note, from the user's own project: one a `source:` of this
  // file names, else one this file declares, else one it can see.
  std::string example_document() const {
    if (auto it = sources_seen_.find(current_file_); it != sources_seen_.end())
      return it->second;
    const std::string* visible = nullptr;
    for (const auto& [id, entry] : documents_) {
      if (entry.file == current_file_)
        return id;
      if (!visible && files_.files[current_file_].visible[entry.file])
        visible = &id;
    }
    return visible ? *visible : "<document>";
  }

  std::vector<Citation> citations(const Clauses& clauses) {
    std::vector<Citation> out;
    for (const auto* clause : clauses.all("cites")) {
      for (const auto& node : get_if<ast::CitationList>(clause->value)->items) {
        Citation c;
        c.kind = node.kind;
        c.reference = node.reference;
        c.paras = paras(node.paras);
        c.unverified = node.unverified;
        c.span = span(node);
        if (c.kind == "document") {
          check_paras(c.reference, c.paras, c.span);
          c.document = c.reference;
        } else if (auto it = citation_forms_.find(citation_form(c.kind, c.reference)); it != citation_forms_.end()) {
          c.document = model_.documents[static_cast<std::size_t>(it->second.index)].id;
        }
        out.push_back(std::move(c));
      }
    }
    return out;
  }

  std::vector<int> rights_list(const ast::IdentList& list) {
    std::vector<int> out;
    for (const auto& name : list.items) {
      int r = lookup_right(name.name, span(name));
      if (r >= 0 && std::find(out.begin(), out.end(), r) == out.end())
        out.push_back(r);
    }
    return out;
  }

  std::optional<std::string> word_from(const std::string& word, const std::vector<std::string>& allowed,
                                       const char* what, const Span& where) {
    if (std::find(allowed.begin(), allowed.end(), word) != allowed.end())
      return word;
    auto& d = diagnostics_.error("E0214", where, "unknown " + std::string(what) + " `" + word + "`");
    if (auto suggestion = closest(word, allowed))
      d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
    else
      d.notes.push_back({{}, "expected one of: " + join(allowed)});
    return std::nullopt;
  }

  // ---- pass 3: rights and tests --------------------------------------------------------------

  void resolve_rules(const ast::Block& node) {
    if (node.kind == "right")
      resolve_right(node);
    else if (node.kind == "test")
      resolve_test(node);
    else if (node.kind == "distinction")
      resolve_distinction(node);
    else if (node.kind == "jurisdiction")
      resolve_jurisdiction(node);
  }

  template <typename Node>
  void resolve_rules(const Node&) {}

  void resolve_right(const ast::Block& node) {
    int index = own_index(rights_, node.name);
    if (index < 0)
      return;
    auto& right = model_.rights[static_cast<std::size_t>(index)];
    Clauses clauses = collect(node.clauses, "right", node.name);
    if (auto* c = clauses.first("article"))
      right.article = get_if<ast::ArticleRef>(c->value)->text;
    else
      missing(node, "right", "article");
    if (auto* c = clauses.first("title"))
      right.title = get_if<ast::StringLit>(c->value)->joined();
    else
      missing(node, "right", "title");
    auto boolean = [](const ast::BoolLit& b) { return b.word == "yes" || b.word == "true"; };
    if (auto* c = clauses.first("derogable"))
      right.derogable = boolean(*get_if<ast::BoolLit>(c->value));
    if (auto* c = clauses.first("absolute"))
      right.absolute = boolean(*get_if<ast::BoolLit>(c->value));
    if (auto* c = clauses.first("limitation")) {
      const auto& items = get_if<ast::IdentList>(c->value)->items;
      if (const EnumType* qualifiers = role_enum(model_.limitation, "limitation", span(*c), items.front().name)) {
        for (const auto& q : items) {
          if (qualifiers->index_of(q.name) < 0)
            unknown_member(q.name, *qualifiers, span(q));
          else
            right.limitation.push_back(q.name);
        }
      }
    }
    if (auto* c = clauses.first("aims")) {
      const auto& items = get_if<ast::IdentList>(c->value)->items;
      if (const EnumType* aims = role_enum(model_.aims_enum, "aims", span(*c), items.front().name)) {
        for (const auto& item : items) {
          int member = aims->index_of(item.name);
          if (member < 0)
            unknown_member(item.name, *aims, span(item));
          else
            right.aims.push_back(member);
        }
        std::sort(right.aims.begin(), right.aims.end());
        right.aims.erase(std::unique(right.aims.begin(), right.aims.end()), right.aims.end());
      }
    }
    right.citations = citations(clauses);
  }

  // The enum the rule base declares `for role`, or null after an E0201 that says how to
  // declare one (naming an enum that holds the first word, when there is one).
  const EnumType* role_enum(const EnumType* declared, const std::string& role, const Span& where,
                            const std::string& word = {}) {
    if (declared)
      return declared;
    auto& d = diagnostics_.error("E0201", where, "no enum is declared `for " + role + "`");
    for (const auto& e : *model_.enums)
      if (!word.empty() && e.index_of(word) >= 0) {
        d.notes.push_back({{},
                           "`" + word + "` is a member of enum `" + e.name + "`: declare it `enum " + e.name + " for " +
                               role + " { ... }`"});
        return nullptr;
      }
    d.notes.push_back({{}, "declare the words this clause may use as `enum <name> for " + role + " { ... }`"});
    return nullptr;
  }

  void unknown_member(const std::string& name, const EnumType& e, const Span& where) {
    auto& d = diagnostics_.error("E0212", where, "`" + name + "` is not a member of `" + e.name + "`");
    if (auto suggestion = closest(name, e.members)) {
      d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
      return;
    }
    auto covering = described_by(name, e.members, e.docs);
    if (!covering.empty())
      d.notes.push_back({{},
                         "the rule base says `" + name + "` falls under " + join(covering) +
                             " (see their descriptions: `siracusa vocab " + e.name + "`)"});
    d.notes.push_back({{}, "members: " + join(e.members)});
  }

  void resolve_test(const ast::Block& node) {
    int index = own_index(tests_, node.name);
    if (index < 0)
      return;
    auto& test = model_.tests[static_cast<std::size_t>(index)];
    Clauses clauses = collect(node.clauses, "test", node.name);
    test.title = node.name.name;
    if (auto* c = clauses.first("title"))
      test.title = get_if<ast::StringLit>(c->value)->joined();
    if (auto* c = clauses.first("applies_to")) {
      if (get_if<ast::Word>(c->value))
        test.all_rights = true;
      else
        test.rights = rights_list(*get_if<ast::IdentList>(c->value));
    } else {
      missing(node, "test", "applies to");
    }
    bool has_criterion = false;
    if (auto* c = clauses.first("criterion")) {
      const auto* w = get_if<ast::Word>(c->value);
      if (auto word = word_from(w->word, criterion_words, "criterion", span(*w))) {
        test.criterion = *criterion_from(*word);
        has_criterion = true;
      }
    } else {
      missing(node, "test", "criterion");
    }
    if (auto* c = clauses.first("requires")) {
      const auto& names = get_if<ast::IdentList>(c->value)->items;
      if (names.size() != 1)
        diagnostics_.error("E0204", span(*c), "`requires:` names exactly one duty");
      if (!names.empty())
        test.duty = lookup(duties_, "duty", names.front().name, span(names.front()));
    }
    // The condition and its exceptions number their variables together: the routes
    // decide them as one formula.
    ExprContext context;
    context.file = current_file_;
    context.allow_facts = true;
    context.allow_right = true;
    Type boolean = Type::boolean();
    if (auto* c = clauses.first("fails_when")) {
      test.condition = expression(*get_if<ast::Expression>(c->value), context, &boolean);
      expect_type(test.condition, Type::boolean(), "the failure condition");
    }
    for (const auto* c : clauses.all("unless")) {
      ExprPtr exception = expression(*get_if<ast::Expression>(c->value), context, &boolean);
      expect_type(exception, Type::boolean(), "an exception (`unless:`)");
      test.exceptions.push_back(exception);
    }
    test.variable_count = context.next_variable;
    if (!test.exceptions.empty() && !test.condition)
      diagnostics_.error("E0204", span(*clauses.first("unless")), "`unless:` needs a `fails when:` to qualify");
    test.failure = test.condition;
    if (test.condition && !test.exceptions.empty()) {
      ExprPtr any = test.exceptions.front();
      for (std::size_t i = 1; i < test.exceptions.size(); ++i)
        any = make(ExprKind::or_, Type::boolean(), join_spans(any->span, test.exceptions[i]->span),
                   {any, test.exceptions[i]});
      bool broken = test.condition->type.is_error() || any->type.is_error();
      ExprPtr saved = make(ExprKind::not_, broken ? Type::error() : Type::boolean(), any->span, {any});
      test.failure =
          make(ExprKind::and_, broken ? Type::error() : Type::boolean(), test.condition->span, {test.condition, saved});
    }
    if (auto* c = clauses.first("about"); c && get_if<ast::Word>(c->value)) {
      // `about: all`: every provision that restricts the right is on the test's subject.
    } else if (c) {
      for (const auto& name : get_if<ast::IdentList>(c->value)->items) {
        int fact = lookup(facts_, "fact", name.name, span(name), "E0203");
        if (fact >= 0 && std::find(test.about.begin(), test.about.end(), fact) == test.about.end())
          test.about.push_back(fact);
      }
      std::sort(test.about.begin(), test.about.end());
    } else if (test.failure) {
      test.about = facts_used(*test.failure);
    }
    if (auto* c = clauses.first("strength")) {
      const auto* w = get_if<ast::Word>(c->value);
      if (auto word = word_from(w->word, strength_words, "strength", span(*w)))
        test.strength = *strength_from(*word);
    } else {
      diagnostics_.error("E0210", span(node.name), "test `" + node.name.name + "` has no `strength:`")
          .notes.push_back({{},
                            "say how strongly its authority condemns the measure: `per_se`, `presumptive` (the "
                            "State must justify it) or `concern`"});
    }
    if (auto* c = clauses.first("justification"))
      test.justification = get_if<ast::StringLit>(c->value)->joined();
    else if (test.strength == Strength::presumptive && clauses.first("strength"))
      diagnostics_.warning("W0301", span(node.name),
                           "test `" + node.name.name +
                               "` is presumptive but has no `justification:` saying what the State would have to show");
    if (has_criterion) {
      if (test.criterion == Criterion::positive_obligation) {
        if (!clauses.first("requires"))
          diagnostics_
              .error("E0210", span(node.name),
                     "test `" + node.name.name + "` of criterion positive_obligation has no `requires:`")
              .notes.push_back({{}, "name the duty that some provision must implement"});
      } else if (test.criterion != Criterion::conflict && !clauses.first("fails_when")) {
        missing(node, "test", "fails when");
      }
    }
    test.citations = citations(clauses);
    if (test.citations.empty())
      diagnostics_.error("E0209", span(node.name), "test `" + node.name.name + "` cites no source")
          .notes.push_back({{},
                            "add `cites:` with the Covenant article, General Comment paragraph or Siracusa "
                            "paragraph the test encodes"});
    if (auto* c = clauses.first("explanation"))
      test.explanation = get_if<ast::StringLit>(c->value)->joined();
    else
      diagnostics_.warning("W0301", span(node.name), "test `" + node.name.name + "` has no `explanation:`");
    if (auto* c = clauses.first("recommendation"))
      test.recommendation = get_if<ast::StringLit>(c->value)->joined();
    else
      diagnostics_.warning("W0301", span(node.name), "test `" + node.name.name + "` has no `recommendation:`");
  }

  // An accepted distinction: a ground, the rights it concerns, the condition on the
  // provision's facts under which the Covenant or an authority accepts it, and why.
  void resolve_distinction(const ast::Block& node) {
    int index = own_index(distinctions_, node.name);
    if (index < 0)
      return;
    auto& d = model_.distinctions[static_cast<std::size_t>(index)];
    Clauses clauses = collect(node.clauses, "distinction", node.name);
    d.title = node.name.name;
    if (auto* c = clauses.first("title"))
      d.title = get_if<ast::StringLit>(c->value)->joined();
    if (auto* c = clauses.first("ground")) {
      for (const auto& name : get_if<ast::IdentList>(c->value)->items) {
        int attribute = ground(name);
        if (attribute >= 0 && std::find(d.grounds.begin(), d.grounds.end(), attribute) == d.grounds.end())
          d.grounds.push_back(attribute);
      }
      std::sort(d.grounds.begin(), d.grounds.end());
    } else {
      missing(node, "distinction", "ground");
    }
    if (auto* c = clauses.first("rights")) {
      if (get_if<ast::Word>(c->value))
        d.all_rights = true;
      else
        d.rights = rights_list(*get_if<ast::IdentList>(c->value));
    } else {
      missing(node, "distinction", "rights");
    }
    if (auto* c = clauses.first("when")) {
      ExprContext context;
      context.file = current_file_;
      context.allow_facts = true;
      context.allow_right = true;
      Type boolean = Type::boolean();
      ExprPtr when = expression(*get_if<ast::Expression>(c->value), context, &boolean);
      if (!when->type.is_error() && !(when->type == Type::boolean())) {
        diagnostics_
            .error("E0223", when->span,
                   "the condition of distinction `" + d.id + "` is " + describe(when->type) + ", not a bool")
            .notes.push_back({{},
                              "write a condition on the provision's facts that is true or false: a bool fact, a "
                              "comparison, or several joined with `and` and `or`"});
      } else if (!when->type.is_error()) {
        d.when = when;
      }
    }
    d.citations = citations(clauses);
    if (d.citations.empty())
      diagnostics_.error("E0209", span(node.name), "distinction `" + node.name.name + "` cites no source")
          .notes.push_back({{}, "add `cites:` with the Covenant article or General Comment paragraph that accepts it"});
    if (auto* c = clauses.first("explanation"))
      d.explanation = get_if<ast::StringLit>(c->value)->joined();
    else
      diagnostics_.warning("W0301", span(node.name), "distinction `" + node.name.name + "` has no `explanation:`");
  }

  // A distinction's ground: a protected attribute of a person (E0222 otherwise).
  int ground(const ast::Identifier& name) {
    auto it = attributes_.find(name.name);
    if (it == attributes_.end() || !files_.files[current_file_].visible[it->second.file]) {
      auto& d = diagnostics_.error("E0222", span(name),
                                   "unknown ground `" + name.name + "`: no person attribute has this name");
      std::vector<std::string> grounds;
      for (const auto& [candidate, entry] : attributes_)
        if (files_.files[current_file_].visible[entry.file] &&
            model_.attributes[static_cast<std::size_t>(entry.index)].is_protected)
          grounds.push_back(candidate);
      if (it != attributes_.end())
        d.notes.push_back({it->second.span, "declared here, in a file that `" + files_.files[current_file_].display +
                                                "` does not import; add an `import`"});
      else if (auto suggestion = closest(name.name, grounds))
        d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
      else if (!grounds.empty())
        d.notes.push_back({{}, "the grounds (protected attributes) are " + join(grounds)});
      return -1;
    }
    const Attribute& attribute = model_.attributes[static_cast<std::size_t>(it->second.index)];
    if (!attribute.is_protected) {
      diagnostics_
          .error("E0222", span(name), "`" + name.name + "` is not a ground: the attribute is not marked `protected`")
          .notes.push_back({it->second.span, "declared here"});
      return -1;
    }
    return it->second.index;
  }

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

  void apply_distinctions() {
    if (model_.distinctions.empty())
      return;
    for (std::size_t t = 0; t < model_.tests.size(); ++t) {
      Test& test = model_.tests[t];
      if (!test.failure || test.failure->type.is_error())
        continue;
      // The distinctions that can reach this test: a right in common, a ground it compares.
      std::map<int, std::vector<int>> by_ground;
      for (std::size_t i = 0; i < model_.distinctions.size(); ++i) {
        const Distinction& d = model_.distinctions[i];
        bool shared = d.all_rights || test.all_rights ||
                      std::any_of(d.rights.begin(), d.rights.end(), [&](int r) { return test.applies_to(r); });
        if (!shared)
          continue;
        for (int g : d.grounds)
          by_ground[g].push_back(static_cast<int>(i));
      }
      if (by_ground.empty())
        continue;
      std::set<int> used;
      current_test_ = &test;
      ExprPtr failure = accept(test.failure, by_ground, used);
      current_test_ = nullptr;
      if (used.empty())
        continue;
      test.failure = failure;
      test.distinctions.assign(used.begin(), used.end());
    }
  }

  // The variables an expression binds, for a copy that must not share them.
  static void bound_variables(const Expr& e, std::set<int>& out) {
    for (const auto& binder : e.binders) {
      out.insert(binder.variable);
      if (binder.second_variable >= 0)
        out.insert(binder.second_variable);
    }
    if (e.kind == ExprKind::predicate)
      out.insert(e.index());
    for (const auto& child : e.children)
      bound_variables(*child, out);
    for (const auto& binder : e.binders)
      if (binder.domain)
        bound_variables(*binder.domain, out);
  }

  static ExprPtr renumber(const ExprPtr& e, const std::map<int, int>& ids) {
    auto copy = std::make_shared<Expr>(*e);
    if (e->kind == ExprKind::variable || e->kind == ExprKind::predicate)
      if (auto it = ids.find(e->index()); it != ids.end())
        copy->number = it->second;
    for (auto& binder : copy->binders) {
      if (auto it = ids.find(binder.variable); it != ids.end())
        binder.variable = it->second;
      if (auto it = ids.find(binder.second_variable); it != ids.end())
        binder.second_variable = it->second;
      if (binder.domain)
        binder.domain = renumber(binder.domain, ids);
    }
    for (auto& child : copy->children)
      child = renumber(child, ids);
    return copy;
  }

  // A copy of `e` whose own variables are fresh ids of the current test.
  ExprPtr fresh_copy(const ExprPtr& e) {
    std::set<int> bound;
    bound_variables(*e, bound);
    std::map<int, int> ids;
    for (int id : bound)
      ids[id] = current_test_->variable_count++;
    return renumber(e, ids);
  }

  // Whether a distinction accepts the difference for the right under test: `right is R
  // or ...` and its condition.
  ExprPtr acceptance(int distinction, const Span& where) {
    const Distinction& d = model_.distinctions[static_cast<std::size_t>(distinction)];
    std::vector<ExprPtr> parts;
    if (!d.all_rights) {
      std::vector<ExprPtr> rights;
      for (int r : d.rights) {
        auto is = make(ExprKind::right_is, Type::boolean(), where);
        is->number = r;
        is->text = model_.rights[static_cast<std::size_t>(r)].id;
        rights.push_back(is);
      }
      if (rights.empty())
        return make(ExprKind::boolean, Type::boolean(), where);
      parts.push_back(rights.size() == 1 ? rights.front() : make(ExprKind::or_, Type::boolean(), where, rights));
    }
    if (d.when)
      parts.push_back(fresh_copy(d.when));
    if (parts.empty()) {
      auto yes = make(ExprKind::boolean, Type::boolean(), where);
      yes->number = 1;
      return yes;
    }
    return parts.size() == 1 ? parts.front() : make(ExprKind::and_, Type::boolean(), where, parts);
  }

  ExprPtr accept(const ExprPtr& e, const std::map<int, std::vector<int>>& by_ground, std::set<int>& used) {
    bool quantifier = e->kind == ExprKind::some || e->kind == ExprKind::every;
    std::size_t at = e->binders.size();
    if (quantifier)
      for (std::size_t i = 0; i < e->binders.size() && at == e->binders.size(); ++i)
        if (e->binders[i].kind == Binder::Kind::pair)
          for (int k : e->binders[i].attributes)
            if (by_ground.count(k))
              at = i;
    if (at == e->binders.size()) {
      auto copy = std::make_shared<Expr>(*e);
      for (auto& child : copy->children)
        child = accept(child, by_ground, used);
      for (auto& binder : copy->binders)
        if (binder.domain)
          binder.domain = accept(binder.domain, by_ground, used);
      return copy;
    }
    if (e->binders.size() > 1) {
      // `Q B1, ..., Bn: body` is `Q B1..Bi-1: Q Bi: Q Bi+1..Bn: body`: the pair binder on
      // its own, so that it can be split by ground.
      auto split = [&](std::size_t from, std::size_t to, ExprPtr body) {
        auto q = std::make_shared<Expr>(*e);
        q->binders.assign(e->binders.begin() + static_cast<std::ptrdiff_t>(from),
                          e->binders.begin() + static_cast<std::ptrdiff_t>(to));
        q->children = {std::move(body)};
        return ExprPtr(q);
      };
      ExprPtr inner = e->children.front();
      if (at + 1 < e->binders.size())
        inner = split(at + 1, e->binders.size(), inner);
      inner = split(at, at + 1, inner);
      if (at > 0)
        inner = split(0, at, inner);
      return accept(inner, by_ground, used);
    }
    // One pair binder, some of whose attributes are grounds of a distinction.
    bool existential = e->kind == ExprKind::some;
    ExprPtr body = accept(e->children.front(), by_ground, used);
    const Binder& binder = e->binders.front();
    std::vector<int> rest;
    std::vector<ExprPtr> parts;
    for (int k : binder.attributes)
      if (!by_ground.count(k))
        rest.push_back(k);
    auto with = [&](std::vector<int> attributes, bool fresh) {
      auto q = std::make_shared<Expr>(*e);
      q->children = {body};
      q->binders.front().attributes = std::move(attributes);
      return fresh ? fresh_copy(q) : ExprPtr(q);
    };
    if (!rest.empty())
      parts.push_back(with(rest, false));
    for (int k : binder.attributes) {
      auto it = by_ground.find(k);
      if (it == by_ground.end())
        continue;
      std::vector<ExprPtr> accepted;
      for (int d : it->second) {
        accepted.push_back(acceptance(d, e->span));
        used.insert(d);
      }
      ExprPtr any = accepted.size() == 1 ? accepted.front() : make(ExprKind::or_, Type::boolean(), e->span, accepted);
      ExprPtr quantified = with({k}, !rest.empty() || parts.size() > 0);
      if (existential)
        parts.push_back(make(ExprKind::and_, Type::boolean(), e->span,
                             {make(ExprKind::not_, Type::boolean(), e->span, {any}), quantified}));
      else
        parts.push_back(make(ExprKind::or_, Type::boolean(), e->span, {any, quantified}));
    }
    if (parts.size() == 1)
      return parts.front();
    return make(existential ? ExprKind::or_ : ExprKind::and_, Type::boolean(), e->span, parts);
  }

  void resolve_jurisdiction(const ast::Block& node) {
    int index = own_index(jurisdictions_, node.name);
    if (index < 0)
      return;
    auto& j = model_.jurisdictions[static_cast<std::size_t>(index)];
    Clauses clauses = collect(node.clauses, "jurisdiction", node.name);
    if (auto* c = clauses.first("title"))
      j.title = get_if<ast::StringLit>(c->value)->joined();
    else
      missing(node, "jurisdiction", "title");
    if (auto* c = clauses.first("original_title"))
      j.original_title = get_if<ast::StringLit>(c->value)->joined();
    for (const auto* c : clauses.all("reported_absent")) {
      const auto* absent = get_if<ast::ReportedAbsent>(c->value);
      int duty = lookup(duties_, "duty", absent->duty.name, span(absent->duty));
      if (duty >= 0)
        j.reported_absent.push_back({duty, source(absent->source), span(*c)});
    }
  }

  // ---- pass 4: laws and provisions -------------------------------------------------------------

  void resolve_laws(const ast::LawDecl& node) {
    int index = own_index(laws_, node.name);
    if (index < 0)
      return;
    Law& law = model_.laws[static_cast<std::size_t>(index)];
    std::vector<ast::Clause> clause_nodes;
    for (const auto& item : node.items)
      if (auto* clause = boost::get<ast::Clause>(&item.get()))
        clause_nodes.push_back(*clause);
    Clauses clauses = collect(clause_nodes, "law", node.name);
    if (auto* c = clauses.first("title"))
      law.title = get_if<ast::StringLit>(c->value)->joined();
    else
      missing(node, "law", "title");
    if (auto* c = clauses.first("original_title"))
      law.original_title = get_if<ast::StringLit>(c->value)->joined();
    if (auto* c = clauses.first("jurisdiction")) {
      const auto& names = get_if<ast::IdentList>(c->value)->items;
      if (names.size() != 1)
        diagnostics_.error("E0204", span(*c), "a law belongs to exactly one jurisdiction");
      law.jurisdiction = lookup(jurisdictions_, "jurisdiction", names.front().name, span(names.front()));
    } else {
      missing(node, "law", "jurisdiction");
    }
    if (auto* c = clauses.first("level")) {
      const auto* w = get_if<ast::Word>(c->value);
      if (const EnumType* levels = role_enum(model_.level, "level", span(*w), w->word)) {
        int level = levels->index_of(w->word);
        if (level >= 0) {
          law.level = level;
        } else {
          auto& d = diagnostics_.error("E0214", span(*w), "unknown level `" + w->word + "`");
          if (auto suggestion = closest(w->word, levels->members))
            d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
          d.notes.push_back({roles_.at("level").span, "the levels are " + join(levels->members) +
                                                          ", declared here in enum `" + levels->name + "`"});
        }
      }
      law.level_span = span(*c);
    } else if (model_.level) {
      missing(node, "law", "level");
    }
    law.dates = dates(clauses, span(node.name));
    for (const auto* c : clauses.all("source"))
      law.sources.push_back(source(*get_if<ast::Source>(c->value)));
    Basis law_basis = basis_clause(clauses).value_or(Basis::text);
    law.facts = stated_facts(clause_nodes, law_basis, law.sources);
    laws_basis_[index] = law_basis;

    for (const auto& item : node.items) {
      if (auto* provision = boost::get<ast::ProvisionDecl>(&item.get())) {
        int p = own_index(provisions_, ast::Identifier(law.id + "." + provision->name.name), span(provision->name));
        if (p >= 0)
          resolve_provision(*provision, model_.provisions[static_cast<std::size_t>(p)]);
      }
    }
  }

  int own_index(const std::map<std::string, Entry>& table, const ast::Identifier& name, const Span& where) {
    auto it = table.find(name.name);
    if (it == table.end() || it->second.file != current_file_ || it->second.span.begin != where.begin)
      return -1;
    return it->second.index;
  }

  template <typename Node>
  void resolve_laws(const Node&) {}

  void resolve_provision(const ast::ProvisionDecl& node, Provision& provision) {
    Clauses clauses = collect(node.clauses, "provision", node.name);
    if (auto* c = clauses.first("title"))
      provision.title = get_if<ast::StringLit>(c->value)->joined();
    if (auto* c = clauses.first("article"))
      provision.article = get_if<ast::StringLit>(c->value)->joined();
    if (auto* c = clauses.first("restricts")) {
      provision.restricts = rights_list(*get_if<ast::IdentList>(c->value));
      provision.restricts_span = span(*c);
    }
    if (auto* c = clauses.first("implements")) {
      provision.implements_span = span(*c);
      for (const auto& name : get_if<ast::IdentList>(c->value)->items) {
        int duty = lookup(duties_, "duty", name.name, span(name));
        if (duty >= 0)
          provision.implements.push_back(duty);
      }
    }
    for (const auto* c : clauses.all("implements_partially")) {
      const auto* partial = get_if<ast::PartialImplementation>(c->value);
      int duty = lookup(duties_, "duty", partial->duty.name, span(partial->duty));
      if (duty >= 0)
        provision.partially_implements.push_back({duty, partial->note.joined(), span(*c)});
    }
    provision.dates = dates(clauses, span(node.name));
    for (const auto* c : clauses.all("source"))
      provision.sources.push_back(source(*get_if<ast::Source>(c->value)));
    if (provision.sources.empty())
      diagnostics_.error("E0208", span(node.name), "provision `" + provision.id + "` has no source")
          .notes.push_back({{},
                            "add `source:` with the document and paragraph its facts come from, e.g. `source: " +
                                example_document() + " para 1`"});
    for (const char* modality : {"permits", "obliges", "forbids"}) {
      for (const auto* c : clauses.all(modality)) {
        const auto* node_deontic = get_if<ast::Deontic>(c->value);
        Deontic d;
        d.modality = std::string(modality) == "permits"   ? Deontic::Modality::permits
                     : std::string(modality) == "obliges" ? Deontic::Modality::obliges
                                                          : Deontic::Modality::forbids;
        d.act = lookup(acts_, "act", node_deontic->act.name, span(node_deontic->act));
        d.span = span(*c);
        ExprContext context;
        context.file = current_file_;
        Type predicate = Type::predicate();
        d.who = expression(node_deontic->who, context, &predicate);
        expect_type(d.who, Type::predicate(), "who the rule applies to");
        d.variable_count = context.next_variable;
        if (d.act >= 0)
          provision.deontics.push_back(std::move(d));
      }
    }
    // A provision's own facts, then what its law states for all its provisions.
    const Law& law = model_.laws[static_cast<std::size_t>(provision.law)];
    auto law_basis = laws_basis_.find(provision.law);
    Basis basis = basis_clause(clauses).value_or(law_basis == laws_basis_.end() ? Basis::text : law_basis->second);
    provision.basis = basis;
    provision.facts = stated_facts(node.clauses, basis, provision.sources);
    for (const StatedFact& inherited : law.facts) {
      auto at = std::lower_bound(provision.facts.begin(), provision.facts.end(), inherited.fact,
                                 [](const StatedFact& s, int f) { return s.fact < f; });
      if (at != provision.facts.end() && at->fact == inherited.fact)
        continue; // the provision says otherwise
      StatedFact copy = inherited;
      copy.inherited = true;
      provision.facts.insert(at, std::move(copy));
    }
    // A `restricts:` or `implements:` whose names are all unknown has been reported already.
    if (provision.restricts.empty() && provision.implements.empty() && provision.partially_implements.empty() &&
        provision.deontics.empty() && !clauses.first("restricts") && !clauses.first("implements"))
      diagnostics_.warning("W0302", span(node.name),
                           "provision `" + provision.id +
                               "` restricts no right, implements no duty and states no "
                               "rule of conduct, so no test will examine it");
  }

  std::optional<Basis> basis_clause(const Clauses& clauses) {
    const ast::Clause* c = clauses.first("basis");
    if (!c)
      return std::nullopt;
    const auto* w = get_if<ast::Word>(c->value);
    if (auto word = word_from(w->word, basis_words, "basis", span(*w)))
      return basis_from(*word);
    return std::nullopt;
  }

  // The `fact: value [basis source]` clauses among `clauses`, ordered by fact. A fact
  // without its own basis or source takes the block's.
  std::vector<StatedFact> stated_facts(const std::vector<ast::Clause>& clauses, Basis basis,
                                       const std::vector<SourceRef>& sources) {
    std::vector<StatedFact> out;
    for (const auto& clause : clauses) {
      if (clause.key != "fact")
        continue;
      if (misspelt_provision_clause(clause.fact.name, span(clause.fact)))
        continue;
      int fact = lookup(facts_, "fact", clause.fact.name, span(clause.fact), "E0203");
      if (fact < 0)
        continue;
      auto at = std::lower_bound(out.begin(), out.end(), fact, [](const StatedFact& s, int f) { return s.fact < f; });
      if (at != out.end() && at->fact == fact)
        continue; // given twice: reported by collect()
      const auto& stated_value = *get_if<ast::StatedValue>(clause.value);
      StatedFact stated;
      stated.fact = fact;
      stated.value = fact_value(stated_value.value, model_.facts[static_cast<std::size_t>(fact)], span(clause));
      stated.basis = basis;
      stated.sources = sources;
      if (const auto& provenance = stated_value.provenance) {
        if (auto word = word_from(provenance->basis.word, basis_words, "basis", span(provenance->basis)))
          stated.basis = *basis_from(*word);
        if (provenance->source)
          stated.sources = {source(*provenance->source)};
      }
      out.insert(at, std::move(stated));
    }
    return out;
  }

  // In a provision any `name: value` that is not a clause is a fact, so a misspelt clause
  // (`sourse: ...`) reaches here as an unknown fact. Reports it as such, with the clause it
  // probably is, when a clause is at least as close as any fact; true if reported.
  bool misspelt_provision_clause(const std::string& name, const Span& where) {
    if (facts_.count(name))
      return false;
    auto clause = syntax::suggest_clause("provision", name);
    if (!clause)
      return false;
    std::vector<std::string> candidates;
    for (const auto& [candidate, entry] : facts_)
      if (files_.files[current_file_].visible[entry.file])
        candidates.push_back(candidate);
    if (auto fact = closest(name, candidates); fact && edit_distance(name, *fact) < edit_distance(name, clause->clause))
      return false;
    diagnostics_.error("E0203", where, "unknown fact `" + name + "`")
        .notes.push_back({{}, syntax::suggestion_note("provision", name, *clause)});
    return true;
  }

  FactValue fact_value(const ast::Value& node, const FactDecl& fact, const Span& where) {
    FactValue value;
    value.span = where;
    ExprContext context;
    context.file = current_file_;
    const Type& type = fact.type;
    auto constant = [&](const ast::Expression& e) {
      ExprPtr resolved = expression(e, context, &type);
      if (type.kind == Type::Kind::integer)
        resolved = in_unit(resolved, type.unit, "fact `" + fact.name + "`", true);
      expect_type(resolved, type, "fact `" + fact.name + "`");
      return resolved;
    };
    auto not_for = [&](const char* form, const Span& at) {
      diagnostics_.error("E0215", at,
                         std::string("`") + form + "` does not apply to fact `" + fact.name + "` of type " +
                             describe(type));
    };
    struct Visitor {
      using result_type = void;
      FactValue& value;
      const Type& type;
      std::function<ExprPtr(const ast::Expression&)> constant;
      std::function<void(const char*, const Span&)> not_for;
      Resolver& self;
      ExprContext& context;
      const std::string& fact_name;
      void operator()(const ast::UnknownValue&) const { value.form = FactValue::Form::unknown; }
      void operator()(const ast::ExactValue& node) const {
        value.form = FactValue::Form::exact;
        value.values.push_back(constant(node.value));
      }
      void operator()(const ast::BoundValue& node) const {
        value.form = node.bound == "least" ? FactValue::Form::at_least : FactValue::Form::at_most;
        if (type.kind != Type::Kind::integer && type.kind != Type::Kind::date && type.kind != Type::Kind::set &&
            type.kind != Type::Kind::predicate && !type.is_error()) {
          not_for(node.bound == "least" ? "at least" : "at most", self.span(node));
          value.form = FactValue::Form::unknown;
          return;
        }
        value.values.push_back(constant(node.value));
      }
      void operator()(const ast::OneOfValue& node) const {
        value.form = FactValue::Form::one_of;
        if (type.kind == Type::Kind::predicate) {
          not_for("one of", self.span(node));
          value.form = FactValue::Form::unknown;
          return;
        }
        for (const auto& option : node.options)
          value.values.push_back(constant(option));
      }
      void operator()(const ast::RangeValue& node) const {
        value.form = FactValue::Form::range;
        if (type.kind != Type::Kind::integer) {
          if (!type.is_error())
            not_for("a range", self.span(node));
          value.form = FactValue::Form::unknown;
          return;
        }
        // `5..10 days`: a unit written only on the upper end applies to both ends.
        ast::Quantity low = node.low;
        if (!low.unit && node.high.unit && unit_from_word(*node.high.unit))
          low.unit = node.high.unit;
        ExprPtr lo = self.quantity(low);
        ExprPtr hi = self.quantity(node.high);
        if (lo->type.is_error() || hi->type.is_error()) {
          value.form = FactValue::Form::unknown; // reported (E0107)
          return;
        }
        lo = self.in_unit(lo, type.unit, "fact `" + fact_name + "`", true);
        hi = self.in_unit(hi, type.unit, "fact `" + fact_name + "`", true);
        if (lo->type.is_error() || hi->type.is_error()) {
          value.form = FactValue::Form::unknown; // reported (E0106, E0108)
          return;
        }
        self.expect_type(lo, type, "the lower end of the range");
        self.expect_type(hi, type, "the upper end of the range");
        if (lo->number > hi->number)
          self.diagnostics_.error("E0215", self.span(node),
                                  "the range is empty (its lower end is above its upper end)");
        value.values = {lo, hi};
      }
    };
    boost::apply_visitor(Visitor{value, type, constant, not_for, *this, context, fact.name}, node.get());
    value.variable_count = context.next_variable;
    return value;
  }

  // ---- pass 5: amendments ------------------------------------------------------------------------

  void resolve_amendments(const ast::AmendmentDecl& node) {
    int index = own_index(amendments_, node.name);
    if (index < 0)
      return;
    Amendment& amendment = model_.amendments[static_cast<std::size_t>(index)];
    std::vector<ast::Clause> clause_nodes;
    for (const auto& item : node.items)
      if (auto* clause = boost::get<ast::Clause>(&item.get()))
        clause_nodes.push_back(*clause);
    Clauses clauses = collect(clause_nodes, "amendment", node.name);
    if (auto* c = clauses.first("title"))
      amendment.title = get_if<ast::StringLit>(c->value)->joined();
    else
      missing(node, "amendment", "title");
    amendment.dates = dates(clauses, span(node.name));
    for (const auto* c : clauses.all("source"))
      amendment.sources.push_back(source(*get_if<ast::Source>(c->value)));
    for (const auto& item : node.items) {
      if (auto* amends = boost::get<ast::Amends>(&item.get()))
        resolve_amends(*amends, amendment);
      else if (auto* repeals = boost::get<ast::Repeals>(&item.get()))
        resolve_repeal(*repeals, amendment);
      else if (auto* adds = boost::get<ast::AddsTo>(&item.get()))
        resolve_addition(*adds, amendment);
    }
  }

  template <typename Node>
  void resolve_amendments(const Node&) {}

  // ---- pass 6: expectations -----------------------------------------------------------------

  void resolve_expectations(const ast::ExpectDecl& node) {
    Expectation e;
    e.span = span(node);
    e.negated = node.negated;
    if (auto word = word_from(node.verdict.word, verdict_words, "verdict", span(node.verdict)))
      e.verdict = *word;
    else
      return;
    if (node.strength) {
      if (auto word = word_from(node.strength->name, strength_words, "strength", span(*node.strength)))
        e.strength = strength_from(*word);
      else
        return;
    }
    // A selector word names a right, a criterion or a test; every one must match.
    for (const auto& word : node.selector) {
      if (auto criterion = criterion_from(word.name)) {
        e.criteria.push_back(*criterion);
        continue;
      }
      auto right = rights_.find(word.name);
      if (right != rights_.end() && files_.files[current_file_].visible[right->second.file]) {
        e.rights.push_back(right->second.index);
        continue;
      }
      auto test = tests_.find(word.name);
      if (test != tests_.end() && files_.files[current_file_].visible[test->second.file]) {
        e.tests.push_back(test->second.index);
        continue;
      }
      auto& d = diagnostics_.error("E0216", span(word),
                                   "`" + word.name + "` is not a right, a criterion or a test this file can see");
      std::vector<std::string> candidates = criterion_words;
      for (const auto* table : {&rights_, &tests_})
        for (const auto& [name, entry] : *table)
          if (files_.files[current_file_].visible[entry.file])
            candidates.push_back(name);
      if (auto suggestion = closest(word.name, candidates))
        d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
      return;
    }
    if (node.target_provision) {
      e.target_kind = Expectation::Target::provision;
      e.target = target_provision(node.target, *node.target_provision);
      e.target_id = node.target.name + "." + node.target_provision->name;
    } else if (laws_.count(node.target.name)) {
      e.target_kind = Expectation::Target::law;
      e.target = lookup(laws_, "law", node.target.name, span(node.target), "E0216");
      e.target_id = node.target.name;
    } else {
      e.target_kind = Expectation::Target::jurisdiction;
      e.target = lookup(jurisdictions_, "law or jurisdiction", node.target.name, span(node.target), "E0216");
      e.target_id = node.target.name;
    }
    if (e.target < 0)
      return;
    for (const auto& s : node.sources)
      e.sources.push_back(source(s));
    model_.expectations.push_back(std::move(e));
  }

  template <typename Node>
  void resolve_expectations(const Node&) {}

  int target_provision(const ast::Identifier& law, const ast::Identifier& provision) {
    std::string id = law.name + "." + provision.name;
    Span where = span(law);
    where.end = span(provision).end;
    return lookup(provisions_, "provision", id, where, "E0220");
  }

  void resolve_amends(const ast::Amends& node, Amendment& amendment) {
    int target = target_provision(node.law, node.provision);
    if (target < 0)
      return;
    const Provision& provision = model_.provisions[static_cast<std::size_t>(target)];
    for (const auto& change_node : node.changes) {
      Change change;
      change.target = provision.id;
      change.span = span(change_node);
      if (change_node.verb == "set_restricts" || change_node.verb == "set_implements") {
        change.kind = change_node.verb == "set_restricts" ? Change::Kind::set_restricts : Change::Kind::set_implements;
        for (const auto& name : change_node.names.items) {
          int i = change.kind == Change::Kind::set_restricts ? lookup_right(name.name, span(name))
                                                             : lookup(duties_, "duty", name.name, span(name));
          if (i >= 0)
            change.names.push_back(i);
        }
        amendment.changes.push_back(std::move(change));
        continue;
      }
      change.kind = change_node.verb == "set"      ? Change::Kind::set
                    : change_node.verb == "change" ? Change::Kind::change
                                                   : Change::Kind::remove;
      change.fact = lookup(facts_, "fact", change_node.fact.name, span(change_node.fact), "E0203");
      if (change.fact < 0)
        continue;
      bool stated = provision.find(change.fact) != nullptr;
      if (change.kind == Change::Kind::set && stated)
        diagnostics_.error("E0220", span(change_node.fact),
                           "`" + provision.id + "` already states `" + change_node.fact.name + "`; use `change`");
      else if (change.kind != Change::Kind::set && !stated)
        diagnostics_.error("E0220", span(change_node.fact),
                           "`" + provision.id + "` does not state `" + change_node.fact.name + "`" +
                               (change.kind == Change::Kind::change ? "; use `set`" : ""));
      if (change_node.value)
        change.value = fact_value(*change_node.value, model_.facts[static_cast<std::size_t>(change.fact)], change.span);
      amendment.changes.push_back(std::move(change));
    }
  }

  void resolve_repeal(const ast::Repeals& node, Amendment& amendment) {
    int target = target_provision(node.law, node.provision);
    if (target < 0)
      return;
    Change change;
    change.kind = Change::Kind::repeal;
    change.target = model_.provisions[static_cast<std::size_t>(target)].id;
    change.span = span(node);
    amendment.changes.push_back(std::move(change));
  }

  void resolve_addition(const ast::AddsTo& node, Amendment& amendment) {
    int law = lookup(laws_, "law", node.law.name, span(node.law));
    if (law < 0)
      return;
    Provision provision;
    provision.name = node.provision.name.name;
    provision.id = node.law.name + "." + provision.name;
    provision.law = law;
    provision.span = span(node.provision.name);
    if (provisions_.count(provision.id)) {
      diagnostics_.error("E0202", provision.span, "provision `" + provision.id + "` already exists")
          .notes.push_back({provisions_.at(provision.id).span, "declared here"});
      return;
    }
    resolve_provision(node.provision, provision);
    Change change;
    change.kind = Change::Kind::add;
    change.target = provision.id;
    change.span = span(node);
    change.added = std::move(provision);
    amendment.changes.push_back(std::move(change));
  }

  // ---- expressions ---------------------------------------------------------------------------

  std::shared_ptr<Expr> quantity(const ast::Quantity& node) {
    auto e = std::make_shared<Expr>();
    e->kind = ExprKind::integer;
    e->span = span(node);
    if (node.unit && !unit_from_word(*node.unit)) {
      // The parser takes any word after a number as its unit (`2 weeks`), so that it can be
      // reported here, at the word.
      Span word{e->span.file, e->span.end - node.unit->size(), e->span.end};
      auto& d = diagnostics_.error("E0107", word, "`" + *node.unit + "` is not a unit");
      // The plural first: `dayz` is one edit from both `day` and `days`.
      auto suggestion = closest(*node.unit, {"hours", "days", "weeks", "months", "years"});
      if (!suggestion)
        suggestion = closest(*node.unit, unit_words());
      if (suggestion)
        d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
      d.notes.push_back({{},
                         "the units are `hours`, `days`, `weeks`, `months` and `years` (`hour`, `day`, `week`, "
                         "`month` and `year` also); write other periods in one of them (a fortnight is `2 weeks`)"});
      e->type = Type::error();
      return e;
    }
    e->type = Type::integer(unit_from(node.unit));
    e->number = number(node.digits, e->span).value_or(0);
    return e;
  }

  // A constant quantity converted exactly to `unit` (engine/model/units.hpp): the unit of
  // `whose` (the fact it states, the side it is compared with; `declared` when that is a
  // fact or attribute, which could be declared in another unit). A result that is not
  // whole or crosses the families of units is E0108, one past 10^12 is E0106, both at the
  // constant. Any other expression is returned as it is, for expect_type to judge.
  ExprPtr in_unit(const ExprPtr& e, Unit unit, const std::string& whose, bool declared) {
    if (!e || e->kind != ExprKind::integer || e->type.kind != Type::Kind::integer || e->type.unit == Unit::none ||
        unit == Unit::none || e->type.unit == unit)
      return e;
    Unit from = e->type.unit;
    Conversion conversion = convert(e->number, from, unit, max_number);
    if (conversion.ok()) {
      auto converted = std::make_shared<Expr>(*e);
      converted->number = conversion.value;
      converted->type = Type::integer(unit);
      return converted;
    }
    std::string problem = conversion_problem(conversion, e->number, from, unit, max_number);
    if (conversion.status == Conversion::Status::too_large) {
      diagnostics_.error("E0106", e->span, problem)
          .notes.push_back({{}, whose + " is in " + unit_name(unit) + "; state a smaller value"});
      return error_expr(e->span);
    }
    std::string advice =
        whose + " is in " + unit_name(unit) + ": write the value as a whole number of " + unit_name(unit);
    if (conversion.status == Conversion::Status::incommensurable)
      advice += ", as the law counts them";
    if (declared)
      advice += std::string(", or declare the ") + (whose.rfind("fact", 0) == 0 ? "fact" : "attribute") + " in " +
                unit_name(from == Unit::weeks ? Unit::days : from);
    diagnostics_.error("E0108", e->span, problem).notes.push_back({{}, advice});
    return error_expr(e->span);
  }

  void expect_type(const ExprPtr& e, const Type& wanted, const std::string& what) {
    if (!e || e->type.is_error() || wanted.is_error() || e->type == wanted)
      return;
    auto& d = diagnostics_.error(
        "E0204", e->span, "type mismatch: " + what + " is " + describe(wanted) + ", but this is " + describe(e->type));
    if (wanted.kind == Type::Kind::integer && e->type.kind == Type::Kind::integer && e->kind == ExprKind::integer &&
        e->type.unit == Unit::none)
      d.notes.push_back({{}, "write the unit: `" + std::to_string(e->number) + " " + unit_name(wanted.unit) + "`"});
  }

 private:
  std::shared_ptr<Expr> error_expr(const Span& where) {
    auto e = std::make_shared<Expr>();
    e->type = Type::error();
    e->span = where;
    return e;
  }

  std::shared_ptr<Expr> make(ExprKind kind, Type type, const Span& where, std::vector<ExprPtr> children = {}) {
    auto e = std::make_shared<Expr>();
    e->kind = kind;
    e->type = type;
    e->span = where;
    e->children = std::move(children);
    return e;
  }

  static Span join_spans(const Span& a, const Span& b) {
    Span s = a;
    if (b.valid() && b.file == a.file)
      s.end = std::max(a.end, b.end);
    return s;
  }

  ExprPtr expression(const ast::Expression& node, ExprContext& context, const Type* hint) {
    if (node.rest.empty())
      return operand(node.first, context, hint);
    ast::Op op = node.rest.front().op;
    if (op == ast::Op::implies)
      return implication(node, context);
    if (op == ast::Op::and_ || op == ast::Op::or_)
      return junction(op, node, context);
    bool comparison = op == ast::Op::eq || op == ast::Op::ne || op == ast::Op::lt || op == ast::Op::le ||
                      op == ast::Op::gt || op == ast::Op::ge || op == ast::Op::in || op == ast::Op::subset;
    if (comparison) {
      if (node.rest.size() > 1) {
        // Operations carry no position of their own: point from the end of the first
        // comparison to the end of the second (`< 10 days` in `1 days < x < 10 days`).
        Span where = operand_span(node.rest[1].operand);
        Span before = operand_span(node.rest[0].operand);
        if (where.end > 0 && before.end > 0 && before.end < where.begin) {
          const std::string& text = where.file->text();
          where.begin = before.end;
          while (where.begin < where.end && (text[where.begin] == ' ' || text[where.begin] == '\t'))
            ++where.begin;
        } else if (where.end == 0) {
          where = span(node);
        }
        diagnostics_.error("E0204", where, "comparisons cannot be chained; join them with `and`");
      }
      return binary(op, node.first, node.rest.front().operand, context);
    }
    // Left-associative arithmetic: each operator is one more level of the tree that every
    // stage walks recursively, so a chain's length is bounded like nesting.
    if (node.rest.size() > max_arithmetic_chain) {
      Span where = join_spans(operand_span(node.first), operand_span(node.rest.back().operand));
      diagnostics_
          .error("E0006", where,
                 "too many arithmetic operators in a row (" + std::to_string(node.rest.size()) + "; the limit is " +
                     std::to_string(max_arithmetic_chain) + ")")
          .notes.push_back({{}, "split the computation into smaller conditions"});
      return error_expr(where);
    }
    ExprPtr left = nullptr;
    const ast::Operand* previous = &node.first;
    for (const auto& operation : node.rest) {
      left = left ? binary_resolved(operation.op, left, operand(operation.operand, context, nullptr))
                  : binary(operation.op, *previous, operation.operand, context);
      previous = &operation.operand;
    }
    return left;
  }

  // A chain of `implies` is one node with a child per operand (read right-associatively:
  // a implies b implies c is a implies (b implies c)), so that no stage pays stack depth
  // per operand of a long chain.
  ExprPtr implication(const ast::Expression& node, ExprContext& context) {
    std::vector<ExprPtr> parts;
    Type boolean = Type::boolean();
    parts.push_back(operand(node.first, context, &boolean));
    for (const auto& operation : node.rest)
      parts.push_back(operand(operation.operand, context, &boolean));
    for (const auto& part : parts)
      expect_type(part, Type::boolean(), "an operand of `implies`");
    Span where = join_spans(parts.front()->span, parts.back()->span);
    return make(ExprKind::implies, Type::boolean(), where, std::move(parts));
  }

  // A chain of `and` (or of `or`) is one node with a child per operand, for the same
  // reason. Type errors are reported as the left-to-right reading would meet them.
  ExprPtr junction(ast::Op op, const ast::Expression& node, ExprContext& context) {
    Type boolean = Type::boolean();
    std::vector<ExprPtr> parts;
    parts.push_back(operand(node.first, context, &boolean));
    Type so_far = parts.front()->type;
    Span where = parts.front()->span;
    for (const auto& operation : node.rest) {
      parts.push_back(operand(operation.operand, context, &boolean));
      const ExprPtr& right = parts.back();
      where = join_spans(where, right->span);
      if (so_far.is_error() || right->type.is_error()) {
        so_far = Type::error();
      } else if (so_far.kind != Type::Kind::boolean || right->type.kind != Type::Kind::boolean) {
        diagnostics_.error("E0204", where,
                           std::string("type mismatch: `") + ast::spelling(op) + "` joins two conditions, not " +
                               describe(so_far) + " and " + describe(right->type));
        so_far = Type::error();
      }
    }
    if (so_far.is_error())
      return error_expr(where);
    return make(op == ast::Op::and_ ? ExprKind::and_ : ExprKind::or_, Type::boolean(), where, std::move(parts));
  }

  Span operand_span(const ast::Operand& node) const {
    return boost::apply_visitor(
        [&](const auto& alternative) -> Span {
          if constexpr (requires { alternative.get(); })
            return span(alternative.get());
          else
            return span(alternative);
        },
        node.get());
  }

  // Whether an operand needs the other side's type to be understood: a bare name that is
  // not a variable, attribute or fact (so an enum member), or a set literal.
  bool needs_hint(const ast::Operand& node, const ExprContext& context) const {
    // The grammar wraps an operand in one expression per precedence level (`none` in
    // `none == regime` is a sum of one product of one postfix): look through them.
    const ast::Operand* inner = &node;
    while (auto* e = boost::get<x3::forward_ast<ast::Expression>>(&inner->get())) {
      if (!e->get().rest.empty())
        return false;
      inner = &e->get().first;
    }
    const ast::Postfix* postfix = nullptr;
    if (auto* p = boost::get<x3::forward_ast<ast::Postfix>>(&inner->get()))
      postfix = &p->get();
    if (!postfix || !postfix->ops.empty())
      return false;
    if (boost::get<x3::forward_ast<ast::SetLit>>(&postfix->base.get()))
      return true;
    if (auto* id = boost::get<ast::Identifier>(&postfix->base.get())) {
      for (const auto& v : context.variables)
        if (v.name == id->name)
          return false;
      if (!context.implicit_person.empty() && attributes_.count(id->name))
        return false;
      if (context.allow_facts && facts_.count(id->name))
        return false;
      return true;
    }
    return false;
  }

  ExprPtr binary(ast::Op op, const ast::Operand& left_node, const ast::Operand& right_node, ExprContext& context) {
    ExprPtr left;
    ExprPtr right;
    if (op == ast::Op::and_ || op == ast::Op::or_) {
      Type boolean = Type::boolean();
      left = operand(left_node, context, &boolean);
      right = operand(right_node, context, &boolean);
    } else if (op == ast::Op::in) {
      right = operand(right_node, context, nullptr);
      Type element =
          right->type.kind == Type::Kind::set ? Type::enumeration_of(right->type.enumeration) : Type::error();
      left = operand(left_node, context, element.is_error() ? nullptr : &element);
    } else if (needs_hint(left_node, context) && !needs_hint(right_node, context)) {
      right = operand(right_node, context, nullptr);
      left = operand(left_node, context, &right->type);
    } else {
      left = operand(left_node, context, nullptr);
      right = operand(right_node, context, &left->type);
    }
    return binary_resolved(op, left, right);
  }

  // Whose unit a constant is converted to, for the diagnostics of in_unit.
  static std::string subject(const Expr& e) {
    switch (e.kind) {
    case ExprKind::fact:
      return "fact `" + e.text + "`";
    case ExprKind::attribute:
      return "attribute `" + e.text + "`";
    case ExprKind::parameter:
      return "parameter `" + e.text + "`";
    case ExprKind::variable:
      return "`" + e.text + "`";
    default:
      return "the other side";
    }
  }

  // Comparisons, `+` and `-` convert a constant quantity to the unit of the other side.
  ExprPtr binary_resolved(ast::Op op, const ExprPtr& left_in, const ExprPtr& right_in) {
    Span where = join_spans(left_in->span, right_in->span);
    if (left_in->type.is_error() || right_in->type.is_error())
      return error_expr(where);
    ExprPtr left = left_in;
    ExprPtr right = right_in;
    bool converts = op == ast::Op::eq || op == ast::Op::ne || op == ast::Op::lt || op == ast::Op::le ||
                    op == ast::Op::gt || op == ast::Op::ge || op == ast::Op::add || op == ast::Op::sub;
    if (converts) {
      auto quantity_of = [](const ExprPtr& e) {
        return e->type.kind == Type::Kind::integer && e->type.unit != Unit::none;
      };
      auto constant = [&](const ExprPtr& e) { return e->kind == ExprKind::integer && quantity_of(e); };
      if (quantity_of(left) && quantity_of(right) && left->type.unit != right->type.unit) {
        Unit lu = left->type.unit;
        Unit ru = right->type.unit;
        if (constant(right) && !constant(left)) {
          right = in_unit(right, lu, subject(*left), left->kind == ExprKind::fact || left->kind == ExprKind::attribute);
        } else if (constant(left) && !constant(right)) {
          left =
              in_unit(left, ru, subject(*right), right->kind == ExprKind::fact || right->kind == ExprKind::attribute);
        } else if (constant(left) && constant(right)) {
          // Two constants of one family meet in the smaller unit, which is always exact
          // (unless too large); of two families they stay a mismatch.
          if (convert(1, ru, lu, max_number).ok())
            right = in_unit(right, lu, "the other side", false);
          else if (convert(1, lu, ru, max_number).ok())
            left = in_unit(left, ru, "the other side", false);
        }
      } else if ((op == ast::Op::add || op == ast::Op::sub) && left->type.kind == Type::Kind::date && constant(right) &&
                 right->type.unit != Unit::days) {
        right = in_unit(right, Unit::days, "a date", false);
      }
      if (left->type.is_error() || right->type.is_error())
        return error_expr(where);
    }
    const Type& l = left->type;
    const Type& r = right->type;
    auto mismatch = [&](const std::string& message) {
      diagnostics_.error("E0204", where, "type mismatch: " + message);
      return error_expr(where);
    };
    std::string both = describe(l) + " and " + describe(r);
    switch (op) {
    case ast::Op::and_:
    case ast::Op::or_:
      if (l.kind != Type::Kind::boolean || r.kind != Type::Kind::boolean)
        return mismatch(std::string("`") + ast::spelling(op) + "` joins two conditions, not " + both);
      return make(op == ast::Op::and_ ? ExprKind::and_ : ExprKind::or_, Type::boolean(), where, {left, right});
    case ast::Op::eq:
    case ast::Op::ne:
      if (l != r)
        return mismatch("cannot compare " + both);
      if (l.kind == Type::Kind::predicate || l.kind == Type::Kind::person)
        return mismatch("cannot compare two values of type " + describe(l) + " with `" + ast::spelling(op) + "`");
      return make(op == ast::Op::eq ? ExprKind::eq : ExprKind::ne, Type::boolean(), where, {left, right});
    case ast::Op::lt:
    case ast::Op::le:
    case ast::Op::gt:
    case ast::Op::ge: {
      bool ordered = (l.kind == Type::Kind::integer || l.kind == Type::Kind::date) && l == r;
      if (!ordered)
        return mismatch("cannot order " + both +
                        (l.kind == Type::Kind::integer && r.kind == Type::Kind::integer ? " (the units differ)" : ""));
      ExprKind kind = op == ast::Op::lt   ? ExprKind::lt
                      : op == ast::Op::le ? ExprKind::le
                      : op == ast::Op::gt ? ExprKind::gt
                                          : ExprKind::ge;
      return make(kind, Type::boolean(), where, {left, right});
    }
    case ast::Op::in:
      if (r.kind != Type::Kind::set || l.kind != Type::Kind::enumeration || l.enumeration != r.enumeration)
        return mismatch("`in` needs a member of an enum and a set of that enum, not " + both);
      return make(ExprKind::in, Type::boolean(), where, {left, right});
    case ast::Op::subset:
      if (l.kind != Type::Kind::set || l != r)
        return mismatch("`subset of` needs two sets of the same enum, not " + both);
      return make(ExprKind::subset, Type::boolean(), where, {left, right});
    case ast::Op::add:
    case ast::Op::sub: {
      ExprKind kind = op == ast::Op::add ? ExprKind::add : ExprKind::sub;
      if (l.kind == Type::Kind::integer && l == r)
        return make(kind, l, where, {left, right});
      if (l.kind == Type::Kind::date && r.kind == Type::Kind::integer && r.unit == Unit::days)
        return make(kind, Type::date(), where, {left, right});
      if (op == ast::Op::sub && l.kind == Type::Kind::date && r.kind == Type::Kind::date)
        return make(kind, Type::integer(Unit::days), where, {left, right});
      return mismatch(std::string("cannot ") + (op == ast::Op::add ? "add " : "subtract ") + both);
    }
    case ast::Op::mul:
      if (l.kind == Type::Kind::integer && r.kind == Type::Kind::integer &&
          (l.unit == Unit::none || r.unit == Unit::none))
        return make(ExprKind::mul, Type::integer(l.unit == Unit::none ? r.unit : l.unit), where, {left, right});
      return mismatch("cannot multiply " + both + " (one factor must be a plain number)");
    default:
      return mismatch("unexpected operator");
    }
  }

  ExprPtr operand(const ast::Operand& node, ExprContext& context, const Type* hint) {
    struct Visitor {
      using result_type = ExprPtr;
      Resolver& self;
      ExprContext& context;
      const Type* hint;
      ExprPtr operator()(const ast::Quantity& n) const { return self.quantity(n); }
      ExprPtr operator()(const ast::DateLit& n) const {
        auto e = self.make(ExprKind::date, Type::date(), self.span(n));
        e->number = self.date(n).value_or(0);
        return e;
      }
      ExprPtr operator()(const ast::StringLit& n) const {
        auto e = self.make(ExprKind::text, Type::text(), self.span(n));
        e->text = n.joined();
        return e;
      }
      ExprPtr operator()(const ast::BoolLit& n) const {
        auto e = self.make(ExprKind::boolean, Type::boolean(), self.span(n));
        e->number = n.word == "yes" || n.word == "true" ? 1 : 0;
        return e;
      }
      ExprPtr operator()(const ast::KeywordLit& n) const {
        if (n.word == "everyone")
          return self.make(ExprKind::everyone, Type::predicate(), self.span(n));
        if (n.word == "no one")
          return self.make(ExprKind::no_one, Type::predicate(), self.span(n));
        self.diagnostics_.error("E0204", self.span(n),
                                "`" + n.word + "` is used with a property, e.g. `" +
                                    (n.word == "right" ? std::string("right.aims") : std::string("law.level")) + "`");
        return self.error_expr(self.span(n));
      }
      ExprPtr operator()(const ast::Identifier& n) const { return self.identifier(n, context, hint); }
      ExprPtr operator()(const x3::forward_ast<ast::SetLit>& n) const {
        return self.set_literal(n.get(), context, hint);
      }
      ExprPtr operator()(const x3::forward_ast<ast::PredicateLit>& n) const {
        return self.predicate_literal(n.get(), context);
      }
      ExprPtr operator()(const x3::forward_ast<ast::Quantified>& n) const { return self.quantified(n.get(), context); }
      ExprPtr operator()(const x3::forward_ast<ast::Unary>& n) const {
        const auto& u = n.get();
        Type boolean = Type::boolean();
        ExprPtr inner = self.operand(u.operand, context, u.op == ast::Op::not_ ? &boolean : nullptr);
        Span where = self.span(u);
        if (inner->type.is_error())
          return self.error_expr(where);
        if (u.op == ast::Op::not_) {
          self.expect_type(inner, Type::boolean(), "the operand of `not`");
          return self.make(ExprKind::not_, Type::boolean(), where, {inner});
        }
        if (inner->type.kind != Type::Kind::integer) {
          self.diagnostics_.error("E0204", where, "type mismatch: cannot negate " + describe(inner->type));
          return self.error_expr(where);
        }
        return self.make(ExprKind::neg, inner->type, where, {inner});
      }
      ExprPtr operator()(const x3::forward_ast<ast::Postfix>& n) const { return self.postfix(n.get(), context, hint); }
      ExprPtr operator()(const x3::forward_ast<ast::Expression>& n) const {
        return self.expression(n.get(), context, hint);
      }
    };
    return boost::apply_visitor(Visitor{*this, context, hint}, node.get());
  }

  std::shared_ptr<Expr> variable_expr(const Variable& v, const Span& where) {
    auto e = make(ExprKind::variable, v.type, where);
    e->number = v.id;
    e->text = v.name;
    return e;
  }

  ExprPtr attribute_of(const ExprPtr& person, const std::string& name, const Span& where) {
    int index = lookup(attributes_, "person attribute", name, where, "E0217");
    if (index < 0)
      return error_expr(where);
    const auto& attribute = model_.attributes[static_cast<std::size_t>(index)];
    auto e = make(ExprKind::attribute, attribute.type, join_spans(person->span, where), {person});
    e->number = index;
    e->text = name;
    return e;
  }

  ExprPtr identifier(const ast::Identifier& node, ExprContext& context, const Type* hint) {
    Span where = span(node);
    for (auto it = context.variables.rbegin(); it != context.variables.rend(); ++it)
      if (it->name == node.name)
        return variable_expr(*it, where);
    if (!context.implicit_person.empty() && attributes_.count(node.name)) {
      Variable person{"person", Type::person(), context.implicit_person.back()};
      return attribute_of(variable_expr(person, where), node.name, where);
    }
    if (context.allow_facts && parameters_.count(node.name)) {
      int index = lookup(parameters_, "parameter", node.name, where, "E0203");
      if (index < 0)
        return error_expr(where);
      const auto& parameter = model_.parameters[static_cast<std::size_t>(index)];
      if (!parameter.value)
        return error_expr(where); // reported where it is declared
      auto e = make(ExprKind::parameter, parameter.value->type, where);
      e->number = index;
      e->text = parameter.id;
      return e;
    }
    if (context.allow_facts && facts_.count(node.name)) {
      int index = lookup(facts_, "fact", node.name, where, "E0203");
      if (index < 0)
        return error_expr(where);
      const auto& fact = model_.facts[static_cast<std::size_t>(index)];
      auto e = make(ExprKind::fact, fact.type, where);
      e->number = index;
      e->text = fact.name;
      return e;
    }
    // An enum member: the expected type says which enum.
    const EnumType* expected =
        hint && (hint->kind == Type::Kind::enumeration || hint->kind == Type::Kind::set) ? hint->enumeration : nullptr;
    if (expected) {
      int member = expected->index_of(node.name);
      if (member < 0) {
        unknown_member(node.name, *expected, where);
        return error_expr(where);
      }
      auto e = make(ExprKind::enum_member, Type::enumeration_of(expected), where);
      e->number = member;
      e->text = node.name;
      return e;
    }
    // Without an expected type, a member name that belongs to exactly one enum.
    std::vector<const EnumType*> owners;
    for (const auto& [name, entry] : enums_) {
      const EnumType& e = (*model_.enums)[static_cast<std::size_t>(entry.index)];
      if (files_.files[context.file].visible[entry.file] && e.index_of(node.name) >= 0)
        owners.push_back(&e);
    }
    for (const auto& attribute : model_.attributes)
      if (attribute.type.kind == Type::Kind::enumeration && attribute.type.enumeration->index_of(node.name) >= 0 &&
          std::find(owners.begin(), owners.end(), attribute.type.enumeration) == owners.end())
        owners.push_back(attribute.type.enumeration);
    if (owners.size() == 1) {
      auto e = make(ExprKind::enum_member, Type::enumeration_of(owners.front()), where);
      e->number = owners.front()->index_of(node.name);
      e->text = node.name;
      return e;
    }
    if (owners.size() > 1) {
      // The other side of the comparison is already an error: it cannot say which enum,
      // and saying so again would only repeat that error.
      if (hint && hint->is_error())
        return error_expr(where);
      std::vector<std::string> names;
      for (const auto* o : owners)
        names.push_back(o->name);
      diagnostics_.error("E0204", where, "`" + node.name + "` is a member of several enums (" + join(names) + ")")
          .notes.push_back({{}, "compare it with a fact or attribute so that its enum is known"});
      return error_expr(where);
    }
    if (attributes_.count(node.name)) {
      diagnostics_.error("E0217", where, "`" + node.name + "` is an attribute of a person; name the person")
          .notes.push_back(
              {{}, "e.g. `some person p: p." + node.name + " ...` or `person where " + node.name + " ...`"});
      return error_expr(where);
    }
    if (!context.allow_facts && facts_.count(node.name)) {
      diagnostics_.error("E0204", where,
                         "fact `" + node.name +
                             "` cannot be used here: a provision states values, not "
                             "conditions on other facts");
      return error_expr(where);
    }
    std::vector<std::string> candidates;
    for (const auto& v : context.variables)
      candidates.push_back(v.name);
    if (context.allow_facts)
      for (const auto& [name, entry] : facts_)
        if (files_.files[context.file].visible[entry.file])
          candidates.push_back(name);
    auto& d = diagnostics_.error(context.allow_facts ? "E0203" : "E0201", where,
                                 std::string(context.allow_facts ? "unknown fact or name `" : "unknown name `") +
                                     node.name + "`");
    if (auto suggestion = closest(node.name, candidates))
      d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
    return error_expr(where);
  }

  ExprPtr set_literal(const ast::SetLit& node, ExprContext& context, const Type* hint) {
    Span where = span(node);
    const EnumType* element = hint && hint->kind == Type::Kind::set ? hint->enumeration : nullptr;
    std::vector<ExprPtr> elements;
    for (const auto& e : node.elements) {
      Type element_type = element ? Type::enumeration_of(element) : Type::error();
      ExprPtr resolved = expression(e, context, element ? &element_type : nullptr);
      if (!element && resolved->type.kind == Type::Kind::enumeration)
        element = resolved->type.enumeration;
      elements.push_back(resolved);
    }
    if (!element) {
      if (!node.elements.empty() || !hint)
        diagnostics_.error("E0204", where, "a set holds members of one enum; cannot tell which enum this set is of");
      return error_expr(where);
    }
    for (const auto& e : elements) {
      if (e->type.is_error())
        return error_expr(where);
      if (e->type != Type::enumeration_of(element)) {
        diagnostics_.error("E0204", e->span,
                           "type mismatch: this set holds members of " + element->name + ", not " + describe(e->type));
        return error_expr(where);
      }
    }
    return make(ExprKind::set_literal, Type::set_of(element), where, std::move(elements));
  }

  ExprPtr predicate_literal(const ast::PredicateLit& node, ExprContext& context) {
    int id = context.next_variable++;
    context.implicit_person.push_back(id);
    Type boolean = Type::boolean();
    ExprPtr body = expression(node.body, context, &boolean);
    context.implicit_person.pop_back();
    expect_type(body, Type::boolean(), "the condition after `where`");
    auto e = make(ExprKind::predicate, Type::predicate(), span(node), {body});
    e->number = id;
    return e;
  }

  ExprPtr quantified(const ast::Quantified& node, ExprContext& context) {
    std::size_t depth = context.variables.size();
    std::vector<Binder> binders;
    struct Visitor {
      using result_type = void;
      Resolver& self;
      ExprContext& context;
      std::vector<Binder>& binders;
      void operator()(const ast::PersonBinder& b) const {
        Binder binder;
        binder.kind = Binder::Kind::person;
        binder.variable = context.next_variable++;
        binder.name = b.name.name;
        context.variables.push_back({b.name.name, Type::person(), binder.variable});
        binders.push_back(std::move(binder));
      }
      void operator()(const ast::InBinder& b) const {
        Binder binder;
        binder.kind = Binder::Kind::element;
        binder.domain = self.expression(b.domain, context, nullptr);
        binder.name = b.name.name;
        Type element = Type::error();
        if (binder.domain->type.kind == Type::Kind::set)
          element = Type::enumeration_of(binder.domain->type.enumeration);
        else if (!binder.domain->type.is_error())
          self.diagnostics_.error("E0204", binder.domain->span,
                                  "type mismatch: `" + b.name.name + " in ...` ranges over a set, not " +
                                      describe(binder.domain->type));
        binder.variable = context.next_variable++;
        context.variables.push_back({b.name.name, element, binder.variable});
        binders.push_back(std::move(binder));
      }
      void operator()(const ast::PairBinder& b) const {
        Binder binder;
        binder.kind = Binder::Kind::pair;
        binder.variable = context.next_variable++;
        binder.second_variable = context.next_variable++;
        binder.name = b.first.name;
        binder.second_name = b.second.name;
        if (b.attributes.empty()) {
          for (std::size_t i = 0; i < self.model_.attributes.size(); ++i)
            if (self.model_.attributes[i].is_protected)
              binder.attributes.push_back(static_cast<int>(i));
          if (binder.attributes.empty())
            self.diagnostics_.error("E0217", self.span(b), "no person attribute is marked `protected`");
        } else {
          for (const auto& name : b.attributes) {
            int index = self.lookup(self.attributes_, "person attribute", name.name, self.span(name), "E0217");
            if (index >= 0)
              binder.attributes.push_back(index);
          }
        }
        context.variables.push_back({b.first.name, Type::person(), binder.variable});
        context.variables.push_back({b.second.name, Type::person(), binder.second_variable});
        binders.push_back(std::move(binder));
      }
    };
    for (const auto& binder : node.binders)
      boost::apply_visitor(Visitor{*this, context, binders}, binder.get());
    Type boolean = Type::boolean();
    ExprPtr body = expression(node.body, context, &boolean);
    expect_type(body, Type::boolean(), "the condition of `" + node.kind + "`");
    context.variables.resize(depth);
    auto e = make(node.kind == "some" ? ExprKind::some : ExprKind::every, Type::boolean(), span(node), {body});
    e->binders = std::move(binders);
    // Both routes expand an element binder into one case per member of its enum, so
    // nested quantifiers multiply: bound the product before it becomes a hang.
    if (double cases = expansion(*e); cases > max_expansion) {
      diagnostics_
          .error("E0221", span(node),
                 "these quantifiers expand to too many cases (more than " + std::to_string(max_expansion) + ")")
          .notes.push_back({{}, "nest fewer quantifiers over large enums"});
      return error_expr(span(node));
    }
    return e;
  }

  // How many cases the routes expand an expression into (element binders range over
  // every member of their enum). A double, so that a product cannot overflow.
  static double expansion(const Expr& e) {
    double inner = 0;
    for (const auto& child : e.children)
      inner += expansion(*child);
    if (e.kind != ExprKind::some && e.kind != ExprKind::every)
      return std::max(inner, 1.0);
    double factor = 1;
    for (const auto& binder : e.binders)
      if (binder.kind == Binder::Kind::element && binder.domain && binder.domain->type.enumeration)
        factor *= static_cast<double>(std::max<std::size_t>(1, binder.domain->type.enumeration->members.size()));
    return factor * std::max(inner, 1.0);
  }

  ExprPtr postfix(const ast::Postfix& node, ExprContext& context, const Type* hint) {
    std::size_t next_op = 0;
    ExprPtr base;
    if (auto* keyword = boost::get<ast::KeywordLit>(&node.base.get());
        keyword && (keyword->word == "right" || keyword->word == "law")) {
      Span where = span(*keyword);
      const ast::MemberAccess* member = node.ops.empty() ? nullptr : boost::get<ast::MemberAccess>(&node.ops[0].get());
      if (!member) {
        diagnostics_.error("E0204", where,
                           "`" + keyword->word + "` is used with a property, e.g. `" +
                               (keyword->word == "right" ? "right.aims`" : "law.level`"));
        return error_expr(where);
      }
      next_op = 1;
      Span full = join_spans(where, span(*member));
      const std::string& property = member->member.name;
      if (keyword->word == "law") {
        if (!context.allow_right || property != "level") {
          diagnostics_.error("E0204", full,
                             context.allow_right ? "a law's property here is `law.level`"
                                                 : "`law.level` can be used only in a test's condition");
          return error_expr(full);
        }
        const EnumType* levels = role_enum(model_.level, "level", full);
        if (!levels)
          return error_expr(full);
        base = make(ExprKind::law_level, Type::enumeration_of(levels), full);
      } else {
        if (!context.allow_right) {
          diagnostics_.error("E0204", full, "`right` can be used only in a test's condition");
          return error_expr(full);
        }
        if (property == "aims") {
          if (!role_enum(model_.aims_enum, "aims", full))
            return error_expr(full);
          auto aims = make(ExprKind::right_property, Type::set_of(model_.aims_enum), full);
          aims->number = static_cast<int>(RightProperty::aims);
          base = aims;
        } else if (property == "derogable" || property == "absolute") {
          auto flag = make(ExprKind::right_property, Type::boolean(), full);
          flag->number = static_cast<int>(property == "derogable" ? RightProperty::derogable : RightProperty::absolute);
          base = flag;
        } else {
          diagnostics_.error("E0204", full, "a right's properties are `aims`, `derogable` and `absolute`");
          return error_expr(full);
        }
      }
    } else {
      base = operand(node.base, context, node.ops.empty() ? hint : nullptr);
    }
    for (std::size_t i = next_op; i < node.ops.size(); ++i) {
      if (base->type.is_error())
        return base;
      if (auto* member = boost::get<ast::MemberAccess>(&node.ops[i].get())) {
        if (base->type.kind != Type::Kind::person) {
          diagnostics_.error("E0204", span(*member),
                             "only a person has attributes (`p." + member->member.name + "`); this is " +
                                 describe(base->type));
          return error_expr(span(*member));
        }
        base = attribute_of(base, member->member.name, span(member->member));
      } else {
        const auto& call = boost::get<ast::Call>(node.ops[i].get());
        Span where = join_spans(base->span, span(call));
        if (base->type.kind != Type::Kind::predicate) {
          diagnostics_.error("E0204", where,
                             "only a predicate over person can be applied; this is " + describe(base->type));
          return error_expr(where);
        }
        if (call.arguments.size() != 1) {
          diagnostics_.error("E0218", where, "a predicate takes exactly one person");
          return error_expr(where);
        }
        Type person = Type::person();
        ExprPtr argument = expression(call.arguments.front(), context, &person);
        expect_type(argument, Type::person(), "the argument of a predicate");
        base = make(ExprKind::apply, Type::boolean(), where, {base, argument});
      }
    }
    return base;
  }

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

} // namespace

Model resolve(const FileSet& files, Diagnostics& diagnostics) {
  return Resolver(files, diagnostics).run();
}

Model load_model(const std::vector<std::string>& paths, Diagnostics& diagnostics, const LoadOptions& options) {
  FileSet files = load_files(paths, diagnostics, options);
  return resolve(files, diagnostics);
}

} // namespace siracusa::model
