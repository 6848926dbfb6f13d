#include "solve/solver.hpp"

#include "decide/core.hpp"
#include "decide/display.hpp"
#include "decide/persons.hpp"
#include "decide/sampler.hpp"
#include "model/print.hpp"

#include <z3++.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace siracusa::solve {

using namespace model;
using decide::PersonClasses;

namespace {

enum class Polarity { positive, negative, both };

Polarity flip(Polarity p) {
  return p == Polarity::positive ? Polarity::negative : p == Polarity::negative ? Polarity::positive : p;
}

using PredicateFn = std::function<z3::expr(const std::vector<z3::expr>&, Polarity)>;

// What an expression encodes to: a Bool or Int term; the bits of a set; the attribute
// terms of a person; or a predicate to apply to a person.
struct Value {
  std::optional<z3::expr> scalar;
  std::vector<z3::expr> parts;
  PredicateFn predicate;
};

using Environment = std::map<int, Value>;

struct Skolem {
  std::string name;
  std::vector<z3::expr> attributes;
  int pair_partner = -1; // index of the other person of a pair, in the same vector
};

} // namespace

struct Engine::Impl {
  const Model& model;
  SolverOptions options;
  z3::context ctx;
  z3::solver solver;
  Stats stats;

  std::vector<std::optional<z3::expr>> fact_scalar;
  std::vector<std::vector<z3::expr>> fact_set;
  std::vector<std::optional<z3::func_decl>> fact_function;
  std::vector<z3::sort> attribute_sorts;
  std::optional<z3::expr> level;
  std::map<std::string, int> text_ids;

  const Provision* provision = nullptr;
  std::vector<std::optional<z3::expr>> tracking;
  std::optional<z3::expr> level_tracking;
  std::map<std::string, int> tracked_by_name;
  unsigned fresh = 0;

  const Right* right = nullptr;
  std::set<int> opened_predicates; // exact predicates read as open while minimising a core
  int universal_depth = 0;
  // The product of the person classes of the expansions enclosing the one being encoded.
  std::size_t expansion_nesting = 1;
  std::vector<Skolem>* skolems = nullptr;
  // The shared evaluation, for canonical witnesses (decide/sampler.hpp).
  decide::Sampler sampler;

  Impl(const Model& m, const SolverOptions& o) : model(m), options(o), solver(ctx), sampler(m) {
    z3::params params(ctx);
    params.set("timeout", options.timeout_ms);
    if (options.rlimit > 0)
      params.set("rlimit", options.rlimit);
    params.set("core.minimize", true);
    solver.set(params);

    for (const auto& attribute : model.attributes)
      attribute_sorts.push_back(attribute.type.kind == Type::Kind::boolean ? ctx.bool_sort() : ctx.int_sort());
    level = ctx.int_const("law!level");
    // The levels are the rule base's (the enum declared `for level`), highest first.
    int levels = model.level ? static_cast<int>(model.level->members.size()) : 1;
    solver.add(*level >= 0 && *level < levels);
    fact_scalar.resize(model.facts.size());
    fact_set.resize(model.facts.size());
    fact_function.resize(model.facts.size());
    for (std::size_t i = 0; i < model.facts.size(); ++i) {
      const auto& fact = model.facts[i];
      std::string name = "f!" + fact.name;
      switch (fact.type.kind) {
      case Type::Kind::boolean:
        fact_scalar[i] = ctx.bool_const(name.c_str());
        break;
      case Type::Kind::integer:
        fact_scalar[i] = ctx.int_const(name.c_str());
        // Counts and durations are never negative.
        solver.add(*fact_scalar[i] >= 0);
        break;
      case Type::Kind::date:
      case Type::Kind::text:
        fact_scalar[i] = ctx.int_const(name.c_str());
        break;
      case Type::Kind::enumeration:
        fact_scalar[i] = ctx.int_const(name.c_str());
        solver.add(*fact_scalar[i] >= 0 && *fact_scalar[i] < static_cast<int>(fact.type.enumeration->members.size()));
        break;
      case Type::Kind::set:
        for (const auto& member : fact.type.enumeration->members)
          fact_set[i].push_back(ctx.bool_const((name + "!" + member).c_str()));
        break;
      case Type::Kind::predicate: {
        z3::sort_vector domain(ctx);
        for (const auto& sort : attribute_sorts)
          domain.push_back(sort);
        fact_function[i] = z3::function(name.c_str(), domain, ctx.bool_sort());
        break;
      }
      default:
        break;
      }
    }
  }

  // ---- persons ----------------------------------------------------------------------------

  std::vector<z3::expr> new_person(const std::string& name) {
    std::vector<z3::expr> attributes;
    for (std::size_t i = 0; i < model.attributes.size(); ++i) {
      std::string attribute = name + "." + model.attributes[i].name;
      attributes.push_back(ctx.constant(attribute.c_str(), attribute_sorts[i]));
    }
    return attributes;
  }

  z3::expr domain(const std::vector<z3::expr>& person) {
    z3::expr result = ctx.bool_val(true);
    for (std::size_t i = 0; i < model.attributes.size(); ++i) {
      const Type& type = model.attributes[i].type;
      if (type.kind == Type::Kind::enumeration) {
        z3::expr in_range = person[i] >= 0 && person[i] < static_cast<int>(type.enumeration->members.size());
        result = result && in_range;
      } else if (type.kind == Type::Kind::integer) {
        z3::expr non_negative = person[i] >= 0;
        result = result && non_negative;
      }
    }
    return result;
  }

  z3::expr apply_function(const z3::func_decl& f, const std::vector<z3::expr>& person) {
    z3::expr_vector arguments(ctx);
    for (const auto& a : person)
      arguments.push_back(a);
    return f(arguments);
  }

  // ---- facts -------------------------------------------------------------------------------

  // A predicate fact applied to a person. A stated exact value is substituted in place
  // (a macro): under a universal quantifier, an uninterpreted function would leave Z3
  // with model-based instantiation where plain arithmetic suffices. Such facts are not
  // tracked by literals; `forces` reads one as open to tell whether a core needs it.
  PredicateFn fact_predicate(int index) {
    return [this, index](const std::vector<z3::expr>& person, Polarity polarity) {
      const StatedFact* stated = provision && !opened_predicates.count(index) ? provision->find(index) : nullptr;
      if (stated && stated->value.form == FactValue::Form::exact && !stated->value.values.front()->type.is_error()) {
        Value definition = encode(*stated->value.values.front(), {}, Polarity::both);
        return definition.predicate(person, polarity);
      }
      return apply_function(*fact_function[static_cast<std::size_t>(index)], person);
    };
  }

  bool exact_predicate(int fact) const {
    const StatedFact* stated = fact >= 0 && provision ? provision->find(fact) : nullptr;
    return stated && model.facts[static_cast<std::size_t>(fact)].type.kind == Type::Kind::predicate &&
           stated->value.form == FactValue::Form::exact;
  }

  // Whether the kept candidates alone force the verdict: F_kept ∧ C (passes) or
  // F_kept ∧ ¬C (fails) unsat. Exactly stated predicates are substituted, not tracked:
  // one left out is read as an unknown function, the condition encoded again.
  std::optional<bool> forces(const std::vector<int>& candidates, const std::vector<int>& kept, const Expr& condition,
                             bool failing, const z3::expr& goal_literal) {
    for (int c : candidates)
      if (exact_predicate(c) && std::find(kept.begin(), kept.end(), c) == kept.end())
        opened_predicates.insert(c);
    z3::expr_vector trial(ctx);
    if (opened_predicates.empty()) {
      trial.push_back(goal_literal);
    } else {
      z3::expr goal = failing ? !*encode(condition, {}, Polarity::negative).scalar
                              : *encode(condition, {}, Polarity::positive).scalar;
      opened_predicates.clear();
      z3::expr literal = ctx.bool_const(("o!" + std::to_string(fresh++)).c_str());
      solver.add(z3::implies(literal, goal));
      trial.push_back(literal);
    }
    for (int k : kept) {
      if (k == law_level_fact)
        trial.push_back(*level_tracking);
      else if (tracking[static_cast<std::size_t>(k)])
        trial.push_back(*tracking[static_cast<std::size_t>(k)]);
    }
    z3::check_result result = check(trial);
    if (result == z3::unknown)
      return std::nullopt;
    return result == z3::unsat;
  }

  std::vector<int> canonical_core(const Expr& condition, bool failing, const z3::expr& goal_literal) {
    auto candidates = decide::core_candidates(model, *provision, condition);
    auto core = decide::minimal_core(
        candidates,
        [&](const std::vector<int>& kept) { return forces(candidates, kept, condition, failing, goal_literal); },
        decide::WhenUnsure::keep);
    return core ? *core : candidates;
  }

  z3::expr equal(const Value& a, const Value& b) {
    if (a.scalar)
      return *a.scalar == *b.scalar;
    z3::expr result = ctx.bool_val(true);
    for (std::size_t i = 0; i < a.parts.size(); ++i) {
      z3::expr same = a.parts[i] == b.parts[i];
      result = result && same;
    }
    return result;
  }

  z3::expr subset(const std::vector<z3::expr>& a, const std::vector<z3::expr>& b) {
    z3::expr result = ctx.bool_val(true);
    for (std::size_t i = 0; i < a.size(); ++i) {
      z3::expr included = z3::implies(a[i], b[i]);
      result = result && included;
    }
    return result;
  }

  // The constraint a stated fact puts on its variable.
  std::optional<z3::expr> fact_constraint(const StatedFact& stated) {
    const FactDecl& fact = model.facts[static_cast<std::size_t>(stated.fact)];
    const FactValue& value = stated.value;
    if (value.form == FactValue::Form::unknown || fact.type.is_error())
      return std::nullopt;
    for (const auto& v : value.values)
      if (!v || v->type.is_error())
        return std::nullopt;
    std::size_t i = static_cast<std::size_t>(stated.fact);
    Value variable;
    if (fact.type.kind == Type::Kind::set)
      variable.parts = fact_set[i];
    else if (fact.type.kind != Type::Kind::predicate)
      variable.scalar = fact_scalar[i];

    if (fact.type.kind == Type::Kind::predicate) {
      if (value.form == FactValue::Form::exact)
        return ctx.bool_val(true); // substituted where applied, see fact_predicate
      Value bound = encode(*value.values.front(), {}, Polarity::both);
      std::vector<z3::expr> person = new_person("x!" + fact.name);
      z3::expr_vector bound_variables(ctx);
      for (const auto& a : person)
        bound_variables.push_back(a);
      z3::expr applied = apply_function(*fact_function[i], person);
      z3::expr given = bound.predicate(person, Polarity::both);
      z3::expr body = value.form == FactValue::Form::at_least ? z3::implies(domain(person) && given, applied)
                                                              : z3::implies(domain(person) && applied, given);
      return z3::forall(bound_variables, body);
    }
    switch (value.form) {
    case FactValue::Form::exact:
      return equal(variable, encode(*value.values.front(), {}, Polarity::both));
    case FactValue::Form::one_of: {
      z3::expr any = ctx.bool_val(false);
      for (const auto& option : value.values) {
        z3::expr is_option = equal(variable, encode(*option, {}, Polarity::both));
        any = any || is_option;
      }
      return any;
    }
    case FactValue::Form::range: {
      Value low = encode(*value.values[0], {}, Polarity::both);
      Value high = encode(*value.values[1], {}, Polarity::both);
      return *variable.scalar >= *low.scalar && *variable.scalar <= *high.scalar;
    }
    case FactValue::Form::at_least:
    case FactValue::Form::at_most: {
      Value bound = encode(*value.values.front(), {}, Polarity::both);
      bool least = value.form == FactValue::Form::at_least;
      if (fact.type.kind == Type::Kind::set)
        return least ? subset(bound.parts, variable.parts) : subset(variable.parts, bound.parts);
      return least ? *variable.scalar >= *bound.scalar : *variable.scalar <= *bound.scalar;
    }
    case FactValue::Form::unknown:
      break;
    }
    return std::nullopt;
  }

  // ---- expressions -------------------------------------------------------------------------

  int text_id(const std::string& text) {
    auto [it, inserted] = text_ids.emplace(text, static_cast<int>(text_ids.size()));
    return it->second;
  }

  Value scalar(z3::expr e) {
    Value v;
    v.scalar = std::move(e);
    return v;
  }

  Value encode(const Expr& e, const Environment& env, Polarity polarity) {
    switch (e.kind) {
    case ExprKind::boolean:
      return scalar(ctx.bool_val(e.number != 0));
    case ExprKind::integer:
    case ExprKind::date:
    case ExprKind::enum_member:
      return scalar(ctx.int_val(static_cast<int64_t>(e.number)));
    case ExprKind::text:
      return scalar(ctx.int_val(text_id(e.text)));
    case ExprKind::set_literal: {
      Value v;
      const auto& members = e.type.enumeration->members;
      for (std::size_t i = 0; i < members.size(); ++i) {
        z3::expr bit = ctx.bool_val(false);
        for (const auto& child : e.children) {
          Value element = encode(*child, env, Polarity::both);
          z3::expr is_member = *element.scalar == static_cast<int>(i);
          bit = bit || is_member;
        }
        v.parts.push_back(bit.simplify());
      }
      return v;
    }
    case ExprKind::everyone:
    case ExprKind::no_one: {
      Value v;
      bool all = e.kind == ExprKind::everyone;
      v.predicate = [this, all](const std::vector<z3::expr>&, Polarity) { return ctx.bool_val(all); };
      return v;
    }
    case ExprKind::predicate: {
      Value v;
      const Expr* body = e.children.front().get();
      int variable = e.index();
      v.predicate = [this, body, variable, env](const std::vector<z3::expr>& person, Polarity p) {
        Environment inner = env;
        Value bound;
        bound.parts = person;
        inner[variable] = bound;
        return *encode(*body, inner, p).scalar;
      };
      return v;
    }
    case ExprKind::fact: {
      std::size_t i = static_cast<std::size_t>(e.index());
      Value v;
      if (e.type.kind == Type::Kind::set)
        v.parts = fact_set[i];
      else if (e.type.kind == Type::Kind::predicate)
        v.predicate = fact_predicate(e.index());
      else
        v.scalar = fact_scalar[i];
      return v;
    }
    case ExprKind::variable:
      return env.at(e.index());
    case ExprKind::attribute: {
      Value person = encode(*e.children.front(), env, Polarity::both);
      return scalar(person.parts[static_cast<std::size_t>(e.index())]);
    }
    case ExprKind::right_property: {
      auto property = static_cast<RightProperty>(e.index());
      if (property == RightProperty::aims) {
        Value v;
        for (std::size_t i = 0; i < model.aims_enum->members.size(); ++i) {
          bool permitted =
              right && std::find(right->aims.begin(), right->aims.end(), static_cast<int>(i)) != right->aims.end();
          v.parts.push_back(ctx.bool_val(permitted));
        }
        return v;
      }
      bool flag = right && (property == RightProperty::derogable ? right->derogable : right->absolute);
      return scalar(ctx.bool_val(flag));
    }
    case ExprKind::right_is:
      return scalar(ctx.bool_val(right && right->id == e.text));
    case ExprKind::law_level:
      return scalar(*level);
    case ExprKind::parameter:
      return encode(*model.parameters[static_cast<std::size_t>(e.index())].value, env, polarity);
    case ExprKind::not_:
      return scalar(!*encode(*e.children.front(), env, flip(polarity)).scalar);
    case ExprKind::neg:
      return scalar(-*encode(*e.children.front(), env, polarity).scalar);
    case ExprKind::and_:
    case ExprKind::or_: {
      // A chain is one node (see model.hpp) and one n-ary Z3 term: no depth per operand.
      z3::expr result = *encode(*e.children[0], env, polarity).scalar;
      if (e.children.size() == 2) {
        z3::expr right_side = *encode(*e.children[1], env, polarity).scalar;
        return scalar(e.kind == ExprKind::and_ ? (result && right_side) : (result || right_side));
      }
      z3::expr_vector parts(ctx);
      parts.push_back(result);
      for (std::size_t i = 1; i < e.children.size(); ++i)
        parts.push_back(*encode(*e.children[i], env, polarity).scalar);
      return scalar(e.kind == ExprKind::and_ ? z3::mk_and(parts) : z3::mk_or(parts));
    }
    case ExprKind::implies: {
      // a1 implies (a2 implies ... an) is not a1 or ... or not a(n-1) or an.
      if (e.children.size() == 2) {
        z3::expr left = *encode(*e.children[0], env, flip(polarity)).scalar;
        z3::expr right_side = *encode(*e.children[1], env, polarity).scalar;
        return scalar(z3::implies(left, right_side));
      }
      z3::expr_vector parts(ctx);
      for (std::size_t i = 0; i + 1 < e.children.size(); ++i)
        parts.push_back(!*encode(*e.children[i], env, flip(polarity)).scalar);
      parts.push_back(*encode(*e.children.back(), env, polarity).scalar);
      return scalar(z3::mk_or(parts));
    }
    case ExprKind::eq:
    case ExprKind::ne: {
      Value left = encode(*e.children[0], env, Polarity::both);
      Value right_side = encode(*e.children[1], env, Polarity::both);
      z3::expr same = equal(left, right_side);
      return scalar(e.kind == ExprKind::eq ? same : !same);
    }
    case ExprKind::lt:
    case ExprKind::le:
    case ExprKind::gt:
    case ExprKind::ge:
    case ExprKind::add:
    case ExprKind::sub:
    case ExprKind::mul: {
      z3::expr a = *encode(*e.children[0], env, Polarity::both).scalar;
      z3::expr b = *encode(*e.children[1], env, Polarity::both).scalar;
      switch (e.kind) {
      case ExprKind::lt:
        return scalar(a < b);
      case ExprKind::le:
        return scalar(a <= b);
      case ExprKind::gt:
        return scalar(a > b);
      case ExprKind::ge:
        return scalar(a >= b);
      case ExprKind::add:
        return scalar(a + b);
      case ExprKind::sub:
        return scalar(a - b);
      default:
        return scalar(a * b);
      }
    }
    case ExprKind::in: {
      z3::expr element = *encode(*e.children[0], env, Polarity::both).scalar;
      Value set = encode(*e.children[1], env, Polarity::both);
      z3::expr result = ctx.bool_val(false);
      for (std::size_t i = 0; i < set.parts.size(); ++i) {
        z3::expr here = element == static_cast<int>(i) && set.parts[i];
        result = result || here;
      }
      return scalar(result);
    }
    case ExprKind::subset: {
      Value a = encode(*e.children[0], env, Polarity::both);
      Value b = encode(*e.children[1], env, Polarity::both);
      return scalar(subset(a.parts, b.parts));
    }
    case ExprKind::apply: {
      Value predicate = encode(*e.children[0], env, Polarity::both);
      Value person = encode(*e.children[1], env, Polarity::both);
      return scalar(predicate.predicate(person.parts, polarity));
    }
    case ExprKind::some:
    case ExprKind::every:
      return scalar(quantifier(e, 0, env, polarity));
    }
    return scalar(ctx.bool_val(false));
  }

  // `some`/`every` over the binders from `first` on. Element binders range over a finite
  // set and are expanded; persons are Skolem constants where that is sound (an
  // existential in positive position outside any universal) so that witnesses can name
  // them, and Z3 quantifiers otherwise.
  z3::expr quantifier(const Expr& e, std::size_t first, const Environment& env, Polarity polarity) {
    bool existential = e.kind == ExprKind::some;
    if (first == e.binders.size())
      return *encode(*e.children.front(), env, polarity).scalar;
    const Binder& binder = e.binders[first];
    if (binder.kind == Binder::Kind::element) {
      Value set = encode(*binder.domain, env, Polarity::both);
      z3::expr result = ctx.bool_val(!existential);
      for (std::size_t i = 0; i < set.parts.size(); ++i) {
        Environment inner = env;
        inner[binder.variable] = scalar(ctx.int_val(static_cast<int>(i)));
        z3::expr body = quantifier(e, first + 1, inner, polarity);
        if (existential) {
          z3::expr here = set.parts[i] && body;
          result = result || here;
        } else {
          z3::expr here = z3::implies(set.parts[i], body);
          result = result && here;
        }
      }
      return result;
    }
    bool skolemize = universal_depth == 0 && ((existential && polarity == Polarity::positive) ||
                                              (!existential && polarity == Polarity::negative));
    if (!skolemize) {
      if (auto expanded = expand(e, first, env, polarity))
        return *expanded;
    }
    std::string suffix = "!" + std::to_string(fresh++);
    Environment inner = env;
    std::vector<z3::expr> a = new_person(binder.name + suffix);
    z3::expr guard = domain(a);
    Value first_person;
    first_person.parts = a;
    inner[binder.variable] = first_person;
    std::vector<std::vector<z3::expr>> persons{a};
    if (binder.kind == Binder::Kind::pair) {
      std::vector<z3::expr> b = new_person(binder.second_name + suffix);
      guard = guard && domain(b);
      // Alike in every attribute but one of the listed ones.
      z3::expr one_differs = ctx.bool_val(false);
      for (int k : binder.attributes) {
        z3::expr only_k = a[static_cast<std::size_t>(k)] != b[static_cast<std::size_t>(k)];
        for (std::size_t j = 0; j < a.size(); ++j) {
          if (static_cast<int>(j) == k)
            continue;
          z3::expr same = a[j] == b[j];
          only_k = only_k && same;
        }
        one_differs = one_differs || only_k;
      }
      guard = guard && one_differs;
      Value second_person;
      second_person.parts = b;
      inner[binder.second_variable] = second_person;
      persons.push_back(b);
    }
    if (skolemize) {
      if (skolems) {
        std::size_t at = skolems->size();
        skolems->push_back(Skolem{binder.name, a, binder.kind == Binder::Kind::pair ? static_cast<int>(at + 1) : -1});
        if (binder.kind == Binder::Kind::pair)
          skolems->push_back(Skolem{binder.second_name, persons[1], static_cast<int>(at)});
      }
      z3::expr body = quantifier(e, first + 1, inner, polarity);
      return existential ? (guard && body) : z3::implies(guard, body);
    }
    ++universal_depth;
    z3::expr body = quantifier(e, first + 1, inner, polarity);
    --universal_depth;
    z3::expr_vector bound(ctx);
    for (const auto& person : persons)
      for (const auto& attribute : person)
        bound.push_back(attribute);
    return existential ? z3::exists(bound, guard && body) : z3::forall(bound, z3::implies(guard, body));
  }

  // ---- finite expansion of person quantifiers ------------------------------------------------
  //
  // A quantifier Z3 would have to instantiate (a universal, or an existential under a
  // negation) is replaced by one instance per class of persons the body can tell apart:
  // every member of each enum attribute it mentions, both values of each bool, and for
  // each integer attribute the constants it is compared with and their neighbours.
  // Attributes the body does not mention take one fixed value; an unknown predicate is
  // then read as constant on each class, which is how any reading of it extends to all
  // persons. This is exact when integer attributes are only compared with constants;
  // otherwise, or when there would be too many classes, Z3's quantifiers are used.

  PersonClasses classes_of(const Expr& e, std::size_t first) const {
    // A stated predicate's exact value or bounds decide which persons it tells apart.
    auto definitions = [this](int fact) {
      std::vector<const Expr*> out;
      if (const StatedFact* stated = provision ? provision->find(fact) : nullptr)
        for (const auto& value : stated->value.values)
          out.push_back(value.get());
      return out;
    };
    return decide::quantifier_classes(e, first, definitions);
  }

  std::vector<std::int64_t> representatives(int attribute, const PersonClasses& m) const {
    return decide::representatives(model, attribute, m);
  }

  z3::expr attribute_value(int attribute, std::int64_t value) {
    const Type& type = model.attributes[static_cast<std::size_t>(attribute)].type;
    return type.kind == Type::Kind::boolean ? ctx.bool_val(value != 0) : ctx.int_val(static_cast<int64_t>(value));
  }

  // Every person the listed attributes can tell apart, in the order the fast path visits
  // them (decide::PersonOdometer); none past `limit`.
  std::vector<std::vector<z3::expr>> classes(const std::vector<int>& attributes, const PersonClasses& m,
                                             std::size_t limit) {
    decide::PersonOdometer odometer(model, attributes, m);
    if (odometer.count(limit) > limit)
      return {};
    std::vector<std::vector<z3::expr>> persons;
    do {
      std::vector<z3::expr> person;
      for (std::size_t k = 0; k < model.attributes.size(); ++k)
        person.push_back(attribute_value(static_cast<int>(k), odometer.person()[k]));
      persons.push_back(std::move(person));
    } while (odometer.next());
    return persons;
  }

  static constexpr std::size_t max_classes = decide::max_classes;

  std::optional<z3::expr> expand(const Expr& e, std::size_t first, const Environment& env, Polarity polarity) {
    PersonClasses m = classes_of(e, first);
    if (!m.exact)
      return std::nullopt;
    const Binder& binder = e.binders[first];
    bool existential = e.kind == ExprKind::some;
    z3::expr result = ctx.bool_val(!existential);
    auto combine = [&](const Environment& inner) {
      z3::expr body = quantifier(e, first + 1, inner, polarity);
      result = existential ? (result || body) : (result && body);
    };
    std::vector<int> listed(m.attributes.begin(), m.attributes.end());
    // Nested expansions multiply: the classes of every level together stay within
    // max_classes, past which Z3's quantifier is kept (slower, never wrong). The fast
    // path bounds its enumeration the same way.
    std::size_t room = max_classes / expansion_nesting;
    if (room == 0)
      return std::nullopt;
    struct Nest {
      std::size_t& nesting;
      std::size_t saved;
      ~Nest() { nesting = saved; }
    } nest{expansion_nesting, expansion_nesting};
    if (binder.kind == Binder::Kind::person) {
      auto persons = classes(listed, m, room);
      if (persons.empty())
        return std::nullopt;
      expansion_nesting *= persons.size();
      for (auto& person : persons) {
        Environment inner = env;
        Value v;
        v.parts = std::move(person);
        inner[binder.variable] = v;
        combine(inner);
      }
      return result.simplify();
    }
    // A pair: for each attribute that may differ, the first person over the classes of
    // the mentioned attributes and that one, the second the same but for that attribute.
    std::size_t budget = room;
    for (int k : binder.attributes) {
      std::vector<int> attributes = listed;
      if (std::find(attributes.begin(), attributes.end(), k) == attributes.end())
        attributes.push_back(k);
      auto persons = classes(attributes, m, budget);
      if (persons.empty())
        return std::nullopt;
      auto values = representatives(k, m);
      if (persons.size() * values.size() > budget)
        return std::nullopt;
      budget -= persons.size() * values.size();
      expansion_nesting = nest.saved * persons.size() * values.size();
      for (const auto& a : persons) {
        for (auto value : values) {
          z3::expr other = attribute_value(k, value);
          if (z3::eq(other, a[static_cast<std::size_t>(k)]))
            continue;
          std::vector<z3::expr> b = a;
          b[static_cast<std::size_t>(k)] = other;
          Environment inner = env;
          Value first_person;
          first_person.parts = a;
          Value second_person;
          second_person.parts = b;
          inner[binder.variable] = first_person;
          inner[binder.second_variable] = second_person;
          combine(inner);
        }
      }
    }
    return result.simplify();
  }

  // ---- queries -----------------------------------------------------------------------------

  std::optional<z3::check_result> scoped_check(const std::function<void()>& add,
                                               const std::function<void(z3::check_result)>& read = {});

  z3::check_result check(const z3::expr_vector& assumptions) {
    ++stats.queries;
    z3::check_result result = solver.check(assumptions);
    if (result == z3::unknown)
      ++stats.unknown;
    return result;
  }

  z3::expr_vector assumptions() {
    z3::expr_vector out(ctx);
    for (const auto& t : tracking)
      if (t)
        out.push_back(*t);
    if (level_tracking)
      out.push_back(*level_tracking);
    return out;
  }

  std::string show(const z3::model& m, const z3::expr& term, const Type& type) {
    z3::expr value = m.eval(term, true);
    if (type.kind == Type::Kind::boolean)
      return decide::show_scalar(type, value.is_true() ? 1 : 0);
    std::int64_t number = 0;
    if (!value.is_numeral() || !value.is_numeral_i64(number))
      return value.to_string();
    if (type.kind == Type::Kind::text) {
      for (const auto& [text, id] : text_ids)
        if (id == number)
          return decide::show_text(&text);
      return decide::show_text(nullptr);
    }
    return decide::show_scalar(type, number);
  }

  std::string show_set(const z3::model& m, const std::vector<z3::expr>& bits, const Type& type) {
    std::vector<bool> members;
    for (const auto& bit : bits)
      members.push_back(m.eval(bit, true).is_true());
    return decide::show_members(type, members);
  }

  Witness witness(const z3::model& m, const Expr& condition, const std::vector<Skolem>& persons) {
    Witness w;
    std::vector<int> used = attributes_used(condition);
    std::set<int> relevant(used.begin(), used.end());
    for (int f : facts_used(condition)) {
      const FactDecl& fact = model.facts[static_cast<std::size_t>(f)];
      const StatedFact* stated = provision ? provision->find(f) : nullptr;
      if (fact.type.kind == Type::Kind::predicate) {
        if (stated && stated->value.form == FactValue::Form::exact) {
          for (int a : attributes_used(*stated->value.values.front()))
            relevant.insert(a);
        } else if (auto chosen = chosen_extensions.find(f); chosen != chosen_extensions.end()) {
          w.facts.push_back({fact.name, chosen->second});
        } else if (!stated || stated->value.form == FactValue::Form::unknown) {
          w.facts.push_back({fact.name, "not stated"});
        }
        for (const auto& person : persons) {
          z3::expr applied = fact_predicate(f)(person.attributes, Polarity::both);
          w.facts.push_back({fact.name + "(" + person.name + ")", show(m, applied, Type::boolean())});
        }
        continue;
      }
      if (stated && stated->value.form == FactValue::Form::exact)
        continue; // known: not part of the scenario
      if (fact.type.kind == Type::Kind::set) {
        w.facts.push_back({fact.name, show_set(m, fact_set[static_cast<std::size_t>(f)], fact.type)});
      } else if (fact_scalar[static_cast<std::size_t>(f)]) {
        w.facts.push_back({fact.name, show(m, *fact_scalar[static_cast<std::size_t>(f)], fact.type)});
      }
    }
    for (const auto& person : persons) {
      std::set<int> shown = relevant;
      if (person.pair_partner >= 0) {
        const auto& other = persons[static_cast<std::size_t>(person.pair_partner)];
        for (std::size_t k = 0; k < person.attributes.size(); ++k)
          if (!m.eval(person.attributes[k] == other.attributes[k], true).is_true())
            shown.insert(static_cast<int>(k));
      }
      Witness::Person p;
      p.name = person.name;
      for (int k : shown) {
        const auto& attribute = model.attributes[static_cast<std::size_t>(k)];
        p.attributes.push_back(
            {attribute.name, show(m, person.attributes[static_cast<std::size_t>(k)], attribute.type)});
      }
      w.persons.push_back(std::move(p));
    }
    return w;
  }

  // The extension least_witness chose for a predicate stated only by a bound, as written.
  std::map<int, std::string> chosen_extensions;

  // A predicate stated only by a bound (`at most person where ...`) is part of the
  // scenario even where no witness person shows it (under `every`): the first of the
  // bound itself, no one and everyone that lets the condition hold is fixed and named.
  // False when Z3 gives up.
  bool choose_extensions(const Expr& condition, const z3::expr_vector& base) {
    chosen_extensions.clear();
    for (int f : facts_used(condition)) {
      const FactDecl& fact = model.facts[static_cast<std::size_t>(f)];
      const StatedFact* stated = provision ? provision->find(f) : nullptr;
      if (fact.type.kind != Type::Kind::predicate || !stated || !fact_function[static_cast<std::size_t>(f)] ||
          (stated->value.form != FactValue::Form::at_least && stated->value.form != FactValue::Form::at_most))
        continue;
      const ExprPtr& bound = stated->value.values.front();
      std::vector<std::pair<std::string, PredicateFn>> candidates;
      if (bound && !bound->type.is_error())
        if (Value bound_value = encode(*bound, {}, Polarity::both); bound_value.predicate)
          candidates.emplace_back(to_text(*bound, model), bound_value.predicate);
      candidates.emplace_back("no one", [&](const std::vector<z3::expr>&, Polarity) { return ctx.bool_val(false); });
      candidates.emplace_back("everyone", [&](const std::vector<z3::expr>&, Polarity) { return ctx.bool_val(true); });
      for (const auto& [text, given] : candidates) {
        std::vector<z3::expr> person = new_person("w!" + fact.name);
        z3::expr_vector variables(ctx);
        for (const auto& a : person)
          variables.push_back(a);
        z3::expr applied = apply_function(*fact_function[static_cast<std::size_t>(f)], person);
        z3::expr same = z3::forall(variables, z3::implies(domain(person), applied == given(person, Polarity::both)));
        solver.push();
        solver.add(same);
        z3::check_result result = check(base);
        solver.pop();
        if (result == z3::unknown)
          return false;
        if (result == z3::sat) {
          solver.add(same);
          chosen_extensions[f] = text;
          break;
        }
      }
    }
    return true;
  }

  // Where sampling finds no witness: the least reading Z3 allows. Each open value in a
  // fixed order (the extension of a predicate stated by a bound, then the condition's
  // facts, then each witness person's attributes, then each predicate at each person) is
  // made as small as the ones before it allow — a truth value `no` first, a number
  // nearest 0 and then not negative — so that the reading depends on the query, not on
  // the solver's history. nullopt when Z3 gives up.
  std::optional<Witness> least_witness(const Expr& condition, const std::vector<Skolem>& persons,
                                       const z3::expr& holds) {
    z3::expr_vector base = assumptions();
    base.push_back(holds);
    std::vector<z3::expr> terms;
    for (int f : facts_used(condition)) {
      const FactDecl& fact = model.facts[static_cast<std::size_t>(f)];
      const StatedFact* stated = provision ? provision->find(f) : nullptr;
      if (fact.type.kind == Type::Kind::predicate || (stated && stated->value.form == FactValue::Form::exact))
        continue;
      if (fact.type.kind == Type::Kind::set)
        for (const auto& bit : fact_set[static_cast<std::size_t>(f)])
          terms.push_back(bit);
      else if (fact_scalar[static_cast<std::size_t>(f)])
        terms.push_back(*fact_scalar[static_cast<std::size_t>(f)]);
    }
    for (const auto& person : persons)
      for (const auto& attribute : person.attributes)
        terms.push_back(attribute);
    for (int f : facts_used(condition))
      if (model.facts[static_cast<std::size_t>(f)].type.kind == Type::Kind::predicate)
        for (const auto& person : persons)
          terms.push_back(fact_predicate(f)(person.attributes, Polarity::both));
    solver.push();
    struct Pop {
      z3::solver& solver;
      std::map<int, std::string>& chosen;
      ~Pop() {
        solver.pop();
        chosen.clear();
      }
    } pop{solver, chosen_extensions};
    if (!choose_extensions(condition, base))
      return std::nullopt;
    auto holds_with = [&](const z3::expr& constraint) {
      solver.push();
      solver.add(constraint);
      z3::check_result result = check(base);
      solver.pop();
      return result;
    };
    for (const auto& term : terms) {
      if (term.is_bool()) {
        z3::check_result no = holds_with(!term);
        if (no == z3::unknown)
          return std::nullopt;
        solver.add(no == z3::sat ? !term : term);
        continue;
      }
      // The value nearest 0: bisect on |term| below the current model's value.
      if (check(base) != z3::sat)
        return std::nullopt;
      std::int64_t now = 0;
      if (!solver.get_model().eval(term, true).is_numeral_i64(now))
        return std::nullopt;
      std::int64_t low = 0;
      std::int64_t high = now < 0 ? -now : now;
      while (low < high) {
        std::int64_t middle = low + (high - low) / 2;
        z3::check_result within = holds_with(term <= ctx.int_val(middle) && term >= ctx.int_val(-middle));
        if (within == z3::unknown)
          return std::nullopt;
        if (within == z3::sat)
          high = middle;
        else
          low = middle + 1;
      }
      z3::check_result positive = holds_with(term == ctx.int_val(low));
      if (positive == z3::unknown)
        return std::nullopt;
      solver.add(positive == z3::sat ? term == ctx.int_val(low) : term == ctx.int_val(-low));
    }
    if (check(base) != z3::sat)
      return std::nullopt;
    return witness(solver.get_model(), condition, persons);
  }
};

Engine::Engine(const Model& model, const SolverOptions& options) : impl_(std::make_unique<Impl>(model, options)) {}
Engine::~Engine() = default;

const Stats& Engine::stats() const {
  return impl_->stats;
}

void Engine::begin(const Provision& provision) {
  Impl& s = *impl_;
  s.solver.push();
  s.provision = &provision;
  s.fresh = 0;
  s.tracking.assign(s.model.facts.size(), std::nullopt);
  s.tracked_by_name.clear();
  for (const auto& stated : provision.facts) {
    if (stated.value.form == FactValue::Form::unknown)
      continue;
    if (s.model.facts[static_cast<std::size_t>(stated.fact)].type.kind == Type::Kind::predicate &&
        stated.value.form == FactValue::Form::exact)
      continue; // substituted where applied
    std::string name = "t!" + s.model.facts[static_cast<std::size_t>(stated.fact)].name;
    z3::expr literal = s.ctx.bool_const(name.c_str());
    s.tracking[static_cast<std::size_t>(stated.fact)] = literal;
    s.tracked_by_name[name] = stated.fact;
  }
  for (const auto& stated : provision.facts) {
    if (!s.tracking[static_cast<std::size_t>(stated.fact)])
      continue;
    if (auto constraint = s.fact_constraint(stated))
      s.solver.add(z3::implies(*s.tracking[static_cast<std::size_t>(stated.fact)], *constraint));
  }
  s.level_tracking = s.ctx.bool_const("t!law.level");
  s.tracked_by_name["t!law.level"] = law_level_fact;
  s.solver.add(z3::implies(*s.level_tracking, *s.level == s.model.level_of(provision)));
}

void Engine::end() {
  Impl& s = *impl_;
  s.solver.pop();
  s.provision = nullptr;
  s.tracking.assign(s.model.facts.size(), std::nullopt);
  s.level_tracking.reset();
  s.tracked_by_name.clear();
}

std::optional<bool> Engine::consistent(std::vector<int>& core) {
  Impl& s = *impl_;
  try {
    z3::check_result result = s.check(s.assumptions());
    if (result == z3::unknown)
      return std::nullopt;
    if (result == z3::unsat) {
      // The same deletion as for a verdict's core, over every tracked fact.
      std::vector<int> candidates{law_level_fact};
      for (std::size_t f = 0; f < s.tracking.size(); ++f)
        if (s.tracking[f])
          candidates.push_back(static_cast<int>(f));
      auto minimal = decide::minimal_core(
          candidates,
          [&](const std::vector<int>& kept) -> std::optional<bool> {
            z3::expr_vector trial(s.ctx);
            for (int k : kept)
              trial.push_back(k == law_level_fact ? *s.level_tracking : *s.tracking[static_cast<std::size_t>(k)]);
            z3::check_result r = s.check(trial);
            if (r == z3::unknown)
              return std::nullopt;
            return r == z3::unsat;
          },
          decide::WhenUnsure::keep);
      core = minimal ? *minimal : candidates;
    }
    return result == z3::sat;
  } catch (const z3::exception&) {
    return std::nullopt;
  }
}

Decision Engine::decide(const Test& test, const Right& right) {
  Impl& s = *impl_;
  Decision decision;
  if (!test.failure || test.failure->type.is_error()) {
    decision.reason = "the test's condition has errors";
    return decision;
  }
  try {
    s.right = &right;
    std::vector<Skolem> persons;
    s.skolems = &persons;
    z3::expr holds = *s.encode(*test.failure, {}, Polarity::positive).scalar;
    s.skolems = nullptr;
    z3::expr fails_not = !*s.encode(*test.failure, {}, Polarity::negative).scalar;
    std::string suffix = std::to_string(s.fresh++);
    z3::expr positive = s.ctx.bool_const(("c!" + suffix).c_str());
    z3::expr negative = s.ctx.bool_const(("n!" + suffix).c_str());
    s.solver.add(z3::implies(positive, holds));
    s.solver.add(z3::implies(negative, fails_not));

    z3::expr_vector with_condition = s.assumptions();
    with_condition.push_back(positive);
    z3::check_result can_fail = s.check(with_condition);
    if (can_fail == z3::unsat) {
      decision.verdict = Verdict::passes;
      decision.core = s.canonical_core(*test.failure, false, positive);
      return decision;
    }
    // The witness both routes give: the first failing sample, else the least reading.
    auto witness = [&]() -> std::optional<Witness> {
      if (auto sampled = s.sampler.canonical_witness(*s.provision, test, right))
        return sampled;
      return s.least_witness(*test.failure, persons, positive);
    };

    z3::expr_vector without_condition = s.assumptions();
    without_condition.push_back(negative);
    z3::check_result can_pass = s.check(without_condition);
    if (can_pass == z3::unsat) {
      decision.verdict = Verdict::fails;
      decision.core = s.canonical_core(*test.failure, true, negative);
      if (can_fail == z3::sat)
        decision.witness = witness();
      return decision;
    }
    if (can_fail == z3::sat && can_pass == z3::sat) {
      decision.verdict = Verdict::may_fail;
      decision.witness = witness();
      return decision;
    }
    decision.verdict = Verdict::undetermined;
    decision.witness.reset();
    decision.reason = s.solver.reason_unknown();
    return decision;
  } catch (const z3::exception& e) {
    s.skolems = nullptr;
    decision.verdict = Verdict::undetermined;
    decision.witness.reset();
    decision.reason = e.msg();
    return decision;
  }
}

Suggestion Engine::suggest(const std::vector<std::pair<const Test*, const Right*>>& tests,
                           const SuggestOptions& options) {
  Impl& s = *impl_;
  Suggestion suggestion;
  try {
    z3::optimize opt(s.ctx);
    z3::params params(s.ctx);
    params.set("timeout", s.options.timeout_ms);
    opt.set(params);
    z3::expr_vector asserted = s.solver.assertions();
    for (unsigned i = 0; i < asserted.size(); ++i)
      opt.add(asserted[i]);
    for (const auto& [test, right] : tests) {
      if (!test->failure || test->failure->type.is_error())
        continue;
      s.right = right;
      opt.add(!*s.encode(*test->failure, {}, Polarity::negative).scalar);
    }
    opt.add(*s.level_tracking);
    auto weight_of = [&](int fact) {
      for (const auto& [f, w] : options.weights)
        if (f == fact)
          return w;
      return 1U;
    };
    // Which facts may move: tracked ones, not fixed, not texts.
    std::vector<int> movable;
    z3::expr moves = s.ctx.int_val(0);
    for (const auto& stated : s.provision->facts) {
      const auto& tracked = s.tracking[static_cast<std::size_t>(stated.fact)];
      if (!tracked)
        continue;
      const Type& type = s.model.facts[static_cast<std::size_t>(stated.fact)].type;
      bool fixed = std::find(options.fixed.begin(), options.fixed.end(), stated.fact) != options.fixed.end();
      if (fixed || type.kind == Type::Kind::text || type.kind == Type::Kind::predicate) {
        opt.add(*tracked);
        continue;
      }
      movable.push_back(stated.fact);
      opt.add_soft(*tracked, weight_of(stated.fact));
      if (type.kind == Type::Kind::integer && stated.value.form == FactValue::Form::exact) {
        z3::expr now = *s.fact_scalar[static_cast<std::size_t>(stated.fact)];
        z3::expr was = s.ctx.int_val(static_cast<int64_t>(stated.value.values.front()->number));
        z3::expr distance = z3::ite(now >= was, now - was, was - now);
        moves = moves + distance;
      }
    }
    opt.minimize(moves);
    ++s.stats.queries;
    z3::check_result result = opt.check();
    if (result == z3::unsat) {
      suggestion.outcome = Suggestion::Outcome::impossible;
      return suggestion;
    }
    if (result == z3::unknown) {
      suggestion.reason = "the solver stopped before finding the smallest change";
      return suggestion;
    }
    z3::model m = opt.get_model();
    unsigned cost = 0;
    z3::expr same_choice = s.ctx.bool_val(true);
    z3::expr cost_term = s.ctx.int_val(0);
    for (int fact : movable) {
      z3::expr tracked = *s.tracking[static_cast<std::size_t>(fact)];
      bool kept = m.eval(tracked, true).is_true();
      same_choice = same_choice && (kept ? tracked : !tracked);
      cost_term = cost_term + z3::ite(tracked, s.ctx.int_val(0), s.ctx.int_val(static_cast<int>(weight_of(fact))));
      if (kept)
        continue;
      cost += weight_of(fact);
      const FactDecl& decl = s.model.facts[static_cast<std::size_t>(fact)];
      FactChange change;
      change.fact = fact;
      if (decl.type.kind == Type::Kind::set) {
        change.value = s.show_set(m, s.fact_set[static_cast<std::size_t>(fact)], decl.type);
      } else {
        change.value = s.show(m, *s.fact_scalar[static_cast<std::size_t>(fact)], decl.type);
      }
      suggestion.changes.push_back(std::move(change));
    }
    suggestion.outcome = Suggestion::Outcome::found;
    // Another set of facts of the same cost that also works?
    opt.push();
    opt.add(!same_choice);
    opt.add(cost_term <= static_cast<int>(cost));
    ++s.stats.queries;
    suggestion.another_optimum = opt.check() == z3::sat;
    opt.pop();
    return suggestion;
  } catch (const z3::exception& e) {
    suggestion.outcome = Suggestion::Outcome::unknown;
    suggestion.reason = e.msg();
    return suggestion;
  }
}

// Asserts what `add` adds in a solver scope of its own, checks, lets `read` see the model
// while the scope stands, and pops it whatever happens. nullopt when Z3 gave up.
std::optional<z3::check_result> Engine::Impl::scoped_check(const std::function<void()>& add,
                                                           const std::function<void(z3::check_result)>& read) {
  solver.push();
  struct Pop {
    z3::solver& solver;
    ~Pop() { solver.pop(); }
  } pop{solver};
  try {
    add();
    z3::check_result result = check(z3::expr_vector(ctx));
    if (result == z3::unknown)
      return std::nullopt;
    if (read)
      read(result);
    return result;
  } catch (const z3::exception&) {
    return std::nullopt;
  }
}

std::optional<bool> Engine::satisfiable(const Test& test, const Right& right, bool negated) {
  Impl& s = *impl_;
  if (!test.failure || test.failure->type.is_error())
    return std::nullopt;
  s.right = &right;
  auto result = s.scoped_check([&] {
    z3::expr condition = *s.encode(*test.failure, {}, negated ? Polarity::negative : Polarity::positive).scalar;
    s.solver.add(negated ? !condition : condition);
  });
  return result ? std::optional<bool>(*result == z3::sat) : std::nullopt;
}

std::optional<bool> Engine::jointly_passable(const Test& first, const Test& second, const Right& right) {
  Impl& s = *impl_;
  if (!first.failure || !second.failure || first.failure->type.is_error() || second.failure->type.is_error())
    return std::nullopt;
  s.right = &right;
  auto result = s.scoped_check([&] {
    for (const Test* test : {&first, &second})
      s.solver.add(!*s.encode(*test->failure, {}, Polarity::negative).scalar);
  });
  return result ? std::optional<bool>(*result == z3::sat) : std::nullopt;
}

std::optional<std::optional<Witness>> Engine::overlap(const ExprPtr& first, const ExprPtr& second) {
  Impl& s = *impl_;
  std::vector<z3::expr> person = s.new_person("p!" + std::to_string(s.fresh++));
  std::optional<Witness> witness;
  auto result = s.scoped_check(
      [&] {
        s.solver.add(s.domain(person));
        s.solver.add(s.encode(*first, {}, Polarity::both).predicate(person, Polarity::positive));
        s.solver.add(s.encode(*second, {}, Polarity::both).predicate(person, Polarity::positive));
      },
      [&](z3::check_result r) {
        if (r != z3::sat)
          return;
        Witness::Person p;
        p.name = "p";
        std::set<int> relevant;
        for (const auto* who : {&first, &second})
          for (int a : attributes_used(**who))
            relevant.insert(a);
        z3::model m = s.solver.get_model();
        for (int k : relevant) {
          const auto& attribute = s.model.attributes[static_cast<std::size_t>(k)];
          p.attributes.push_back({attribute.name, s.show(m, person[static_cast<std::size_t>(k)], attribute.type)});
        }
        witness.emplace();
        witness->persons.push_back(std::move(p));
      });
  if (!result)
    return std::nullopt;
  return witness;
}

std::optional<bool> Engine::covers(const ExprPtr& wider, const ExprPtr& narrower) {
  Impl& s = *impl_;
  std::vector<z3::expr> person = s.new_person("q!" + std::to_string(s.fresh++));
  auto result = s.scoped_check([&] {
    s.solver.add(s.domain(person));
    s.solver.add(s.encode(*narrower, {}, Polarity::both).predicate(person, Polarity::positive));
    s.solver.add(!s.encode(*wider, {}, Polarity::both).predicate(person, Polarity::negative));
  });
  return result ? std::optional<bool>(*result == z3::unsat) : std::nullopt;
}

} // namespace siracusa::solve
