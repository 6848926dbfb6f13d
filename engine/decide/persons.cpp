#include "decide/persons.hpp"

#include <algorithm>

namespace siracusa::decide {

using namespace model;

namespace {

bool integer_attribute(const Expr& e) {
  return e.kind == ExprKind::attribute && e.type.kind == Type::Kind::integer;
}

void collect(const Expr& e, PersonClasses& m, const PredicateDefinitions& definitions, int depth) {
  // Predicates defined through other predicates nest; a bound keeps a cycle finite.
  if (depth > 8) {
    m.exact = false;
    return;
  }
  switch (e.kind) {
  case ExprKind::attribute:
    m.attributes.insert(e.index());
    break;
  case ExprKind::integer:
    m.constants.insert(e.number);
    break;
  case ExprKind::add:
  case ExprKind::sub:
  case ExprKind::mul:
  case ExprKind::neg:
    for (const auto& child : e.children)
      if (integer_attribute(*child))
        m.exact = false;
    break;
  case ExprKind::eq:
  case ExprKind::ne:
  case ExprKind::lt:
  case ExprKind::le:
  case ExprKind::gt:
  case ExprKind::ge:
    if ((integer_attribute(*e.children[0]) || integer_attribute(*e.children[1])) &&
        e.children[0]->kind != ExprKind::integer && e.children[1]->kind != ExprKind::integer)
      m.exact = false;
    break;
  case ExprKind::fact:
    if (e.type.kind == Type::Kind::predicate && definitions)
      for (const Expr* definition : definitions(e.index()))
        if (definition)
          collect(*definition, m, definitions, depth + 1);
    break;
  default:
    break;
  }
  for (const auto& child : e.children)
    collect(*child, m, definitions, depth);
  for (const auto& binder : e.binders)
    if (binder.domain)
      collect(*binder.domain, m, definitions, depth);
}

} // namespace

void collect_classes(const Expr& expr, PersonClasses& classes, const PredicateDefinitions& definitions) {
  collect(expr, classes, definitions, 0);
}

PersonClasses quantifier_classes(const Expr& quantifier, std::size_t first, const PredicateDefinitions& definitions) {
  PersonClasses classes;
  collect_classes(*quantifier.children.front(), classes, definitions);
  for (std::size_t i = first + 1; i < quantifier.binders.size(); ++i)
    if (quantifier.binders[i].domain)
      collect_classes(*quantifier.binders[i].domain, classes, definitions);
  return classes;
}

std::vector<std::int64_t> representatives(const Model& model, int attribute, const PersonClasses& classes) {
  const Type& type = model.attributes[static_cast<std::size_t>(attribute)].type;
  std::vector<std::int64_t> values;
  if (type.kind == Type::Kind::enumeration) {
    for (std::size_t i = 0; i < type.enumeration->members.size(); ++i)
      values.push_back(static_cast<std::int64_t>(i));
    return values;
  }
  values = {0, 1};
  if (type.kind == Type::Kind::integer) {
    for (auto c : classes.constants)
      for (auto v : {c - 1, c, c + 1})
        if (v >= 0)
          values.push_back(v);
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
  }
  return values;
}

PersonOdometer::PersonOdometer(const Model& model, const std::vector<int>& attributes, const PersonClasses& classes)
    : attributes_(attributes), at_(attributes.size(), 0), person_(model.attributes.size(), 0) {
  for (int a : attributes_) {
    choices_.push_back(representatives(model, a, classes));
    person_[static_cast<std::size_t>(a)] = choices_.back().front();
  }
}

std::size_t PersonOdometer::count(std::size_t limit) const {
  std::size_t n = 1;
  for (const auto& c : choices_) {
    n *= c.size();
    if (n > limit)
      return limit + 1;
  }
  return n;
}

bool PersonOdometer::next() {
  for (std::size_t i = 0; i < at_.size(); ++i) {
    auto a = static_cast<std::size_t>(attributes_[i]);
    if (++at_[i] < choices_[i].size()) {
      person_[a] = choices_[i][at_[i]];
      return true;
    }
    at_[i] = 0;
    person_[a] = choices_[i][0];
  }
  return false;
}

} // namespace siracusa::decide
