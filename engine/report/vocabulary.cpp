#include "report/vocabulary.hpp"

#include "check/check.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace siracusa::report {

using namespace model;

namespace {

// What the vocabulary's items are used by, computed once per rendering.
struct Uses {
  std::vector<std::vector<int>> tests_of_fact;         // by fact
  std::vector<std::vector<int>> tests_of_attribute;    // by attribute
  std::vector<std::vector<int>> tests_of_duty;         // by duty
  std::vector<std::vector<int>> provisions_of_fact;    // that state it
  std::vector<std::vector<int>> provisions_of_duty;    // that implement it
  std::vector<std::vector<int>> provisions_of_act;     // that permit, oblige or forbid it
  std::vector<std::vector<int>> jurisdictions_of_duty; // that a source reports lack it
};

// The attributes an expression reads, including those a `pair ... differing in` ranges over.
void attributes_read(const Expr& e, std::set<int>& out) {
  if (e.kind == ExprKind::attribute)
    out.insert(e.index());
  for (const auto& binder : e.binders) {
    out.insert(binder.attributes.begin(), binder.attributes.end());
    if (binder.domain)
      attributes_read(*binder.domain, out);
  }
  for (const auto& child : e.children)
    attributes_read(*child, out);
}

Uses uses_of(const Model& model) {
  Uses uses;
  uses.tests_of_fact.resize(model.facts.size());
  uses.tests_of_attribute.resize(model.attributes.size());
  uses.tests_of_duty.resize(model.duties.size());
  uses.provisions_of_fact.resize(model.facts.size());
  uses.provisions_of_duty.resize(model.duties.size());
  uses.provisions_of_act.resize(model.acts.size());
  uses.jurisdictions_of_duty.resize(model.duties.size());
  auto at = [](std::vector<std::vector<int>>& table, int index) -> std::vector<int>* {
    if (index < 0 || static_cast<std::size_t>(index) >= table.size())
      return nullptr;
    return &table[static_cast<std::size_t>(index)];
  };
  for (std::size_t t = 0; t < model.tests.size(); ++t) {
    const Test& test = model.tests[t];
    if (test.condition) {
      for (int fact : facts_used(*test.condition))
        if (auto* list = at(uses.tests_of_fact, fact))
          list->push_back(static_cast<int>(t));
      std::set<int> attributes;
      attributes_read(*test.condition, attributes);
      for (int attribute : attributes)
        if (auto* list = at(uses.tests_of_attribute, attribute))
          list->push_back(static_cast<int>(t));
    }
    if (auto* list = at(uses.tests_of_duty, test.duty))
      list->push_back(static_cast<int>(t));
  }
  for (std::size_t p = 0; p < model.provisions.size(); ++p) {
    const Provision& provision = model.provisions[p];
    for (const auto& stated : provision.facts)
      if (auto* list = at(uses.provisions_of_fact, stated.fact))
        list->push_back(static_cast<int>(p));
    for (int duty : provision.implements)
      if (auto* list = at(uses.provisions_of_duty, duty))
        list->push_back(static_cast<int>(p));
    std::set<int> acts;
    for (const auto& deontic : provision.deontics)
      acts.insert(deontic.act);
    for (int act : acts)
      if (auto* list = at(uses.provisions_of_act, act))
        list->push_back(static_cast<int>(p));
  }
  for (std::size_t j = 0; j < model.jurisdictions.size(); ++j)
    for (const auto& absent : model.jurisdictions[j].reported_absent)
      if (auto* list = at(uses.jurisdictions_of_duty, absent.duty))
        list->push_back(static_cast<int>(j));
  return uses;
}

std::string join(const std::vector<std::string>& items, const std::string& separator = ", ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i > 0 ? separator : "") + items[i];
  return out;
}

template <typename Item, typename Name>
std::vector<std::size_t> sorted_by_name(const std::vector<Item>& items, Name name) {
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return name(items[a]) < name(items[b]); });
  return order;
}

std::vector<std::string> test_ids(const Model& model, const std::vector<int>& tests) {
  std::vector<std::string> ids;
  for (int t : tests)
    ids.push_back(model.tests[static_cast<std::size_t>(t)].id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string location(const Span& span) {
  auto at = check::location_of(span);
  return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

// Enums an analyst declared: not the built-in `level`, not an attribute's `{a, b}`.
std::vector<const EnumType*> declared_enums(const Model& model) {
  std::set<const EnumType*> inline_enums;
  for (const auto& attribute : model.attributes)
    if (attribute.type.kind == Type::Kind::enumeration && attribute.type.enumeration &&
        attribute.type.enumeration->name == attribute.name)
      inline_enums.insert(attribute.type.enumeration);
  std::vector<const EnumType*> out;
  for (const auto& e : *model.enums)
    if (&e != model.level && !inline_enums.count(&e))
      out.push_back(&e);
  std::stable_sort(out.begin(), out.end(), [](const EnumType* a, const EnumType* b) { return a->name < b->name; });
  return out;
}

// `{citizen, stateless}` for an attribute's own enum, its type otherwise.
std::string attribute_type(const Attribute& attribute) {
  if (attribute.type.kind == Type::Kind::enumeration && attribute.type.enumeration &&
      attribute.type.enumeration->name == attribute.name)
    return "{" + join(attribute.type.enumeration->members) + "}";
  return describe(attribute.type);
}

void put_doc(std::string& out, const std::string& doc, const std::string& indent) {
  if (!doc.empty())
    out += indent + doc + "\n";
}

// At most `shown` names, then how many more: a statute book states a fact thousands of times.
std::string some(const std::vector<std::string>& names, std::size_t shown = 10) {
  if (names.size() <= shown)
    return join(names);
  std::vector<std::string> first(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(shown));
  return join(first) + " and " + std::to_string(names.size() - shown) + " more";
}

std::vector<std::string> provision_ids(const Model& model, const std::vector<int>& provisions) {
  std::vector<std::string> ids;
  for (int p : provisions)
    ids.push_back(model.provisions[static_cast<std::size_t>(p)].id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void full_fact(std::string& out, const Model& model, const Uses& uses, std::size_t f) {
  const FactDecl& fact = model.facts[f];
  out += "fact " + fact.name + ": " + describe(fact.type) + "\n";
  put_doc(out, fact.doc, "  ");
  out += "  declared at " + location(fact.span) + "\n";
  if (fact.type.enumeration)
    out += "  values: " + join(fact.type.enumeration->members) + "\n";
  const auto& tests = uses.tests_of_fact[f];
  if (tests.empty()) {
    out += "  read by no test\n";
  } else {
    out += "  read by " + count(tests.size(), "test", "tests") + ":\n";
    std::vector<int> sorted = tests;
    std::sort(sorted.begin(), sorted.end(), [&](int a, int b) {
      return model.tests[static_cast<std::size_t>(a)].id < model.tests[static_cast<std::size_t>(b)].id;
    });
    for (int t : sorted) {
      const Test& test = model.tests[static_cast<std::size_t>(t)];
      std::vector<std::string> rights;
      for (int r : test.rights)
        rights.push_back(model.rights[static_cast<std::size_t>(r)].id);
      out += "    " + test.id + " (" + criterion_name(test.criterion) + "; " +
             (test.all_rights ? std::string("all rights") : join(rights)) + ")\n";
    }
  }
  auto stated = provision_ids(model, uses.provisions_of_fact[f]);
  out += "  stated by " + count(stated.size(), "provision", "provisions") +
         (stated.empty() ? "" : ": " + some(stated)) + "\n";
}

void full_enum(std::string& out, const Model& model, const EnumType& e) {
  out += "enum " + e.name + "\n";
  put_doc(out, e.doc, "  ");
  out += "  members:\n";
  for (std::size_t m = 0; m < e.members.size(); ++m)
    out += "    " + e.members[m] + (m < e.docs.size() && !e.docs[m].empty() ? "  " + e.docs[m] : "") + "\n";
  std::vector<std::string> facts;
  for (const auto& fact : model.facts)
    if (fact.type.enumeration == &e)
      facts.push_back(fact.name + (fact.type.kind == Type::Kind::set ? " (set of)" : ""));
  for (const auto& attribute : model.attributes)
    if (attribute.type.enumeration == &e)
      facts.push_back("person." + attribute.name);
  std::sort(facts.begin(), facts.end());
  out += "  used by " + (facts.empty() ? std::string("no fact") : join(facts)) + "\n";
}

void full_attribute(std::string& out, const Model& model, const Uses& uses, std::size_t a) {
  const Attribute& attribute = model.attributes[a];
  out += "person attribute " + attribute.name + ": " + attribute_type(attribute) +
         (attribute.is_protected ? " protected" : "") + "\n";
  put_doc(out, attribute.doc, "  ");
  out += "  declared at " + location(attribute.span) + "\n";
  if (attribute.is_protected)
    out += "  a ground of discrimination: non-discrimination tests compare persons who differ in it\n";
  auto tests = test_ids(model, uses.tests_of_attribute[a]);
  out += "  read by " + (tests.empty() ? std::string("no test") : join(tests)) + "\n";
}

void full_duty(std::string& out, const Model& model, const Uses& uses, std::size_t d) {
  const Duty& duty = model.duties[d];
  out += "duty " + duty.id + "\n";
  put_doc(out, duty.doc, "  ");
  out += "  declared at " + location(duty.span) + "\n";
  std::vector<std::string> rights;
  for (int r : duty.rights)
    rights.push_back(model.rights[static_cast<std::size_t>(r)].id);
  if (!rights.empty())
    out += "  rights: " + join(rights) + "\n";
  auto tests = test_ids(model, uses.tests_of_duty[d]);
  out += "  required by " + (tests.empty() ? std::string("no test") : join(tests)) + "\n";
  auto implementing = provision_ids(model, uses.provisions_of_duty[d]);
  out += "  implemented by " + count(implementing.size(), "provision", "provisions") +
         (implementing.empty() ? "" : ": " + some(implementing)) + "\n";
  std::vector<std::string> absent;
  for (int j : uses.jurisdictions_of_duty[d])
    absent.push_back(model.jurisdictions[static_cast<std::size_t>(j)].id);
  std::sort(absent.begin(), absent.end());
  if (!absent.empty())
    out += "  reported absent in " + join(absent) + "\n";
}

void full_act(std::string& out, const Model& model, const Uses& uses, std::size_t a) {
  const Act& act = model.acts[a];
  out += "act " + act.id + "\n";
  put_doc(out, act.doc, "  ");
  out += "  declared at " + location(act.span) + "\n";
  auto rules = provision_ids(model, uses.provisions_of_act[a]);
  out += "  permitted, obliged or forbidden by " + count(rules.size(), "provision", "provisions") +
         (rules.empty() ? "" : ": " + some(rules)) + "\n";
}

} // namespace

std::string render_vocabulary(const Model& model) {
  Uses uses = uses_of(model);
  std::string out;
  out += "Facts (" + std::to_string(model.facts.size()) + ")\n";
  for (std::size_t f : sorted_by_name(model.facts, [](const FactDecl& x) { return x.name; })) {
    const FactDecl& fact = model.facts[f];
    out += "  " + fact.name + ": " + describe(fact.type) + "\n";
    put_doc(out, fact.doc, "      ");
    auto tests = test_ids(model, uses.tests_of_fact[f]);
    out += "      read by: " + (tests.empty() ? std::string("no test") : join(tests)) + "\n";
  }
  auto enums = declared_enums(model);
  out += "\nEnums (" + std::to_string(enums.size()) + ")\n";
  for (const EnumType* e : enums) {
    out += "  " + e->name + ": " + join(e->members) + "\n";
    put_doc(out, e->doc, "      ");
  }
  out += "\nPerson attributes (" + std::to_string(model.attributes.size()) + ")\n";
  for (std::size_t a : sorted_by_name(model.attributes, [](const Attribute& x) { return x.name; })) {
    const Attribute& attribute = model.attributes[a];
    out +=
        "  " + attribute.name + ": " + attribute_type(attribute) + (attribute.is_protected ? " protected" : "") + "\n";
    put_doc(out, attribute.doc, "      ");
  }
  out += "\nDuties (" + std::to_string(model.duties.size()) + ")\n";
  for (std::size_t d : sorted_by_name(model.duties, [](const Duty& x) { return x.id; })) {
    const Duty& duty = model.duties[d];
    std::vector<std::string> rights;
    for (int r : duty.rights)
      rights.push_back(model.rights[static_cast<std::size_t>(r)].id);
    out += "  " + duty.id + (rights.empty() ? "" : " (rights: " + join(rights) + ")") + "\n";
    put_doc(out, duty.doc, "      ");
  }
  out += "\nActs (" + std::to_string(model.acts.size()) + ")\n";
  for (std::size_t a : sorted_by_name(model.acts, [](const Act& x) { return x.id; })) {
    out += "  " + model.acts[a].id + "\n";
    put_doc(out, model.acts[a].doc, "      ");
  }
  return out;
}

std::optional<std::string> render_vocabulary_item(const Model& model, const std::string& name) {
  Uses uses = uses_of(model);
  std::vector<std::string> parts;
  for (std::size_t f = 0; f < model.facts.size(); ++f)
    if (model.facts[f].name == name) {
      std::string out;
      full_fact(out, model, uses, f);
      parts.push_back(out);
    }
  for (const EnumType* e : declared_enums(model))
    if (e->name == name) {
      std::string out;
      full_enum(out, model, *e);
      parts.push_back(out);
    }
  for (std::size_t a = 0; a < model.attributes.size(); ++a)
    if (model.attributes[a].name == name) {
      std::string out;
      full_attribute(out, model, uses, a);
      parts.push_back(out);
    }
  for (std::size_t d = 0; d < model.duties.size(); ++d)
    if (model.duties[d].id == name) {
      std::string out;
      full_duty(out, model, uses, d);
      parts.push_back(out);
    }
  for (std::size_t a = 0; a < model.acts.size(); ++a)
    if (model.acts[a].id == name) {
      std::string out;
      full_act(out, model, uses, a);
      parts.push_back(out);
    }
  // A member: its enum in full, after saying which (several enums may have it).
  for (const EnumType* e : declared_enums(model))
    if (e->index_of(name) >= 0) {
      std::string out = "member " + name + " of enum " + e->name + "\n\n";
      full_enum(out, model, *e);
      parts.push_back(out);
    }
  if (parts.empty())
    return std::nullopt;
  return join(parts, "\n");
}

std::vector<std::string> vocabulary_names(const Model& model) {
  std::set<std::string> names;
  for (const auto& fact : model.facts)
    names.insert(fact.name);
  for (const EnumType* e : declared_enums(model)) {
    names.insert(e->name);
    names.insert(e->members.begin(), e->members.end());
  }
  for (const auto& attribute : model.attributes)
    names.insert(attribute.name);
  for (const auto& duty : model.duties)
    names.insert(duty.id);
  for (const auto& act : model.acts)
    names.insert(act.id);
  return {names.begin(), names.end()};
}

} // namespace siracusa::report
