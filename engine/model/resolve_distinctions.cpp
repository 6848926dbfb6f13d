// engine/model — accepted distinctions applied: every pair binder of a test split by ground.
#include "model/resolver.hpp"

namespace siracusa::model::detail {

void Resolver::apply_distinctions() {
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

void Resolver::bound_variables(const Expr& e, std::set<int>& out) {
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

ExprPtr Resolver::renumber(const ExprPtr& e, const std::map<int, int>& ids) {
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

ExprPtr Resolver::fresh_copy(const ExprPtr& e) {
  std::set<int> bound;
  bound_variables(*e, bound);
  std::map<int, int> ids;
  for (int id : bound)
    ids[id] = current_test_->variable_count++;
  return renumber(e, ids);
}

ExprPtr Resolver::acceptance(int distinction, const Span& where) {
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

ExprPtr Resolver::accept(const ExprPtr& e, const std::map<int, std::vector<int>>& by_ground, std::set<int>& used) {
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

} // namespace siracusa::model::detail
