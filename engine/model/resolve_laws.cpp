// engine/model — the laws pass: jurisdictions, laws, provisions and their stated facts.
#include "model/resolver.hpp"

namespace siracusa::model::detail {

void Resolver::resolve_jurisdiction(const ast::Block& node) {
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

void Resolver::resolve_laws(const ast::LawDecl& node) {
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
    law.level = level_clause(*c).value_or(0);
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

std::optional<int> Resolver::level_clause(const ast::Clause& c) {
  const auto* w = get_if<ast::Word>(c.value);
  const EnumType* levels = role_enum(model_.level, "level", span(*w), w->word);
  if (!levels)
    return std::nullopt;
  int level = levels->index_of(w->word);
  if (level >= 0)
    return level;
  auto& d = diagnostics_.error("E0214", span(*w), "unknown level `" + w->word + "`");
  if (auto suggestion = closest(w->word, levels->members))
    d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
  d.notes.push_back({roles_.at("level").span,
                     "the levels are " + join(levels->members) + ", declared here in enum `" + levels->name + "`"});
  return std::nullopt;
}

int Resolver::own_index(const std::map<std::string, Entry>& table, const ast::Identifier& name, const Span& where) {
  auto it = table.find(name.name);
  if (it == table.end() || it->second.file != current_file_ || it->second.span.begin != where.begin)
    return -1;
  return it->second.index;
}

void Resolver::resolve_provision(const ast::ProvisionDecl& node, Provision& provision) {
  Clauses clauses = collect(node.clauses, "provision", node.name);
  if (auto* c = clauses.first("title"))
    provision.title = get_if<ast::StringLit>(c->value)->joined();
  if (auto* c = clauses.first("article"))
    provision.article = get_if<ast::StringLit>(c->value)->joined();
  if (auto* c = clauses.first("level")) {
    if (auto level = level_clause(*c)) {
      provision.level = *level;
      provision.level_span = span(*c);
    }
  }
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

std::optional<Basis> Resolver::basis_clause(const Clauses& clauses) {
  const ast::Clause* c = clauses.first("basis");
  if (!c)
    return std::nullopt;
  const auto* w = get_if<ast::Word>(c->value);
  if (auto word = word_from(w->word, basis_words, "basis", span(*w)))
    return basis_from(*word);
  return std::nullopt;
}

std::vector<StatedFact> Resolver::stated_facts(const std::vector<ast::Clause>& clauses, Basis basis,
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

bool Resolver::misspelt_provision_clause(const std::string& name, const Span& where) {
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

FactValue Resolver::fact_value(const ast::Value& node, const FactDecl& fact, const Span& where) {
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
        self.diagnostics_.error("E0215", self.span(node), "the range is empty (its lower end is above its upper end)");
      value.values = {lo, hi};
    }
  };
  boost::apply_visitor(Visitor{value, type, constant, not_for, *this, context, fact.name}, node.get());
  value.variable_count = context.next_variable;
  return value;
}

} // namespace siracusa::model::detail
