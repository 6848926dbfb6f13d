// engine/model — the amendments and expectations passes.
#include "model/resolver.hpp"

namespace siracusa::model::detail {

void Resolver::resolve_amendments(const ast::AmendmentDecl& node) {
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

void Resolver::resolve_expectations(const ast::ExpectDecl& node) {
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

int Resolver::target_provision(const ast::Identifier& law, const ast::Identifier& provision) {
  std::string id = law.name + "." + provision.name;
  Span where = span(law);
  where.end = span(provision).end;
  return lookup(provisions_, "provision", id, where, "E0220");
}

void Resolver::resolve_amends(const ast::Amends& node, Amendment& amendment) {
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

void Resolver::resolve_repeal(const ast::Repeals& node, Amendment& amendment) {
  int target = target_provision(node.law, node.provision);
  if (target < 0)
    return;
  Change change;
  change.kind = Change::Kind::repeal;
  change.target = model_.provisions[static_cast<std::size_t>(target)].id;
  change.span = span(node);
  amendment.changes.push_back(std::move(change));
}

void Resolver::resolve_addition(const ast::AddsTo& node, Amendment& amendment) {
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

std::shared_ptr<Expr> Resolver::quantity(const ast::Quantity& node) {
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

} // namespace siracusa::model::detail
