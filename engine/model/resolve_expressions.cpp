// engine/model — the expression elaborator: conditions typed, units converted, quantifiers bounded.
#include "model/resolver.hpp"

namespace siracusa::model::detail {

ExprPtr Resolver::in_unit(const ExprPtr& e, Unit unit, const std::string& whose, bool declared) {
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

void Resolver::expect_type(const ExprPtr& e, const Type& wanted, const std::string& what) {
  if (!e || e->type.is_error() || wanted.is_error() || e->type == wanted)
    return;
  auto& d = diagnostics_.error(
      "E0204", e->span, "type mismatch: " + what + " is " + describe(wanted) + ", but this is " + describe(e->type));
  if (wanted.kind == Type::Kind::integer && e->type.kind == Type::Kind::integer && e->kind == ExprKind::integer &&
      e->type.unit == Unit::none)
    d.notes.push_back({{}, "write the unit: `" + std::to_string(e->number) + " " + unit_name(wanted.unit) + "`"});
}

std::shared_ptr<Expr> Resolver::error_expr(const Span& where) {
  auto e = std::make_shared<Expr>();
  e->type = Type::error();
  e->span = where;
  return e;
}

std::shared_ptr<Expr> Resolver::make(ExprKind kind, Type type, const Span& where, std::vector<ExprPtr> children) {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  e->type = type;
  e->span = where;
  e->children = std::move(children);
  return e;
}

Span Resolver::join_spans(const Span& a, const Span& b) {
  Span s = a;
  if (b.valid() && b.file == a.file)
    s.end = std::max(a.end, b.end);
  return s;
}

ExprPtr Resolver::expression(const ast::Expression& node, ExprContext& context, const Type* hint) {
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

ExprPtr Resolver::implication(const ast::Expression& node, ExprContext& context) {
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

ExprPtr Resolver::junction(ast::Op op, const ast::Expression& node, ExprContext& context) {
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

Span Resolver::operand_span(const ast::Operand& node) const {
  return boost::apply_visitor(
      [&](const auto& alternative) -> Span {
        if constexpr (requires { alternative.get(); })
          return span(alternative.get());
        else
          return span(alternative);
      },
      node.get());
}

bool Resolver::needs_hint(const ast::Operand& node, const ExprContext& context) const {
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

ExprPtr Resolver::binary(ast::Op op, const ast::Operand& left_node, const ast::Operand& right_node,
                         ExprContext& context) {
  ExprPtr left;
  ExprPtr right;
  if (op == ast::Op::and_ || op == ast::Op::or_) {
    Type boolean = Type::boolean();
    left = operand(left_node, context, &boolean);
    right = operand(right_node, context, &boolean);
  } else if (op == ast::Op::in) {
    right = operand(right_node, context, nullptr);
    Type element = right->type.kind == Type::Kind::set ? Type::enumeration_of(right->type.enumeration) : Type::error();
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

std::string Resolver::subject(const Expr& e) {
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

ExprPtr Resolver::binary_resolved(ast::Op op, const ExprPtr& left_in, const ExprPtr& right_in) {
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
        left = in_unit(left, ru, subject(*right), right->kind == ExprKind::fact || right->kind == ExprKind::attribute);
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

ExprPtr Resolver::operand(const ast::Operand& node, ExprContext& context, const Type* hint) {
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
    ExprPtr operator()(const x3::forward_ast<ast::SetLit>& n) const { return self.set_literal(n.get(), context, hint); }
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

std::shared_ptr<Expr> Resolver::variable_expr(const Variable& v, const Span& where) {
  auto e = make(ExprKind::variable, v.type, where);
  e->number = v.id;
  e->text = v.name;
  return e;
}

ExprPtr Resolver::attribute_of(const ExprPtr& person, const std::string& name, const Span& where) {
  int index = lookup(attributes_, "person attribute", name, where, "E0217");
  if (index < 0)
    return error_expr(where);
  const auto& attribute = model_.attributes[static_cast<std::size_t>(index)];
  auto e = make(ExprKind::attribute, attribute.type, join_spans(person->span, where), {person});
  e->number = index;
  e->text = name;
  return e;
}

ExprPtr Resolver::identifier(const ast::Identifier& node, ExprContext& context, const Type* hint) {
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
        .notes.push_back({{}, "e.g. `some person p: p." + node.name + " ...` or `person where " + node.name + " ...`"});
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

ExprPtr Resolver::set_literal(const ast::SetLit& node, ExprContext& context, const Type* hint) {
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

ExprPtr Resolver::predicate_literal(const ast::PredicateLit& node, ExprContext& context) {
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

ExprPtr Resolver::quantified(const ast::Quantified& node, ExprContext& context) {
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

double Resolver::expansion(const Expr& e) {
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

ExprPtr Resolver::postfix(const ast::Postfix& node, ExprContext& context, const Type* hint) {
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

} // namespace siracusa::model::detail
