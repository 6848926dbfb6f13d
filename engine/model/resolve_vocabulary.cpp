// engine/model — the vocabulary pass: types, enums, person attributes, facts, duties, acts, parameters.
#include "model/resolver.hpp"

namespace siracusa::model::detail {

Type Resolver::resolve_type(const ast::TypeExpr& node, const std::string& owner) {
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

void Resolver::resolve_vocabulary(const ast::PersonDecl& node) {
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

void Resolver::resolve_vocabulary(const ast::FactDecl& node) {
  auto it = facts_.find(node.name.name);
  if (it == facts_.end() || it->second.file != current_file_ || it->second.span.begin != span(node.name).begin)
    return;
  model_.facts[static_cast<std::size_t>(it->second.index)].type = resolve_type(node.type, node.name.name);
}

void Resolver::resolve_vocabulary(const ast::DutyDecl& node) {
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

void Resolver::resolve_parameter(const ast::Block& node) {
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
  bool constant = value->kind == ExprKind::integer || value->kind == ExprKind::boolean || value->kind == ExprKind::date;
  if (!constant && !value->type.is_error()) {
    diagnostics_.error("E0204", value->span, "a parameter's value is a number (with its unit), a date or yes/no");
    return;
  }
  // No fact is declared in weeks: a parameter in weeks is one in days (`2 weeks`, 14 days).
  if (value->type == Type::integer(Unit::weeks))
    value = in_unit(value, Unit::days, "a period in weeks", false);
  parameter.value = value;
}

void Resolver::resolve_vocabulary(const ast::Block& node) {
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

} // namespace siracusa::model::detail
