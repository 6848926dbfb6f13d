#include "check/fast.hpp"

#include "model/classes.hpp"
#include "model/print.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace siracusa::check {

using namespace model;

namespace {

enum class Tri { no, yes, unknown };

Tri tri_not(Tri a) {
  return a == Tri::unknown ? a : (a == Tri::yes ? Tri::no : Tri::yes);
}
Tri tri_and(Tri a, Tri b) {
  if (a == Tri::no || b == Tri::no)
    return Tri::no;
  return a == Tri::yes && b == Tri::yes ? Tri::yes : Tri::unknown;
}
Tri tri_or(Tri a, Tri b) {
  return tri_not(tri_and(tri_not(a), tri_not(b)));
}
Tri tri_of(bool b) {
  return b ? Tri::yes : Tri::no;
}

// Interval arithmetic needs room past int64 before clamping.
__extension__ typedef __int128 wide;

constexpr std::int64_t minus_infinity = std::numeric_limits<std::int64_t>::min() / 4;
constexpr std::int64_t plus_infinity = std::numeric_limits<std::int64_t>::max() / 4;

std::int64_t clamp(wide v) {
  if (v < minus_infinity)
    return minus_infinity;
  if (v > plus_infinity)
    return plus_infinity;
  return static_cast<std::int64_t>(v);
}

// What is known of a value: a truth value, an integer interval, the possible members
// of an enum, or the members a set must and may hold. `opaque` when the evaluator cannot
// say (persons, predicates, open texts).
struct Abstract {
  enum class Kind { truth, interval, members, set, text, person, predicate, opaque } kind = Kind::opaque;
  Tri truth = Tri::unknown;
  std::int64_t low = minus_infinity;
  std::int64_t high = plus_infinity;
  std::uint64_t mask = 0; // members (enum) or may (set)
  std::uint64_t must = 0; // set
  std::optional<std::string> text;
  std::vector<std::int64_t> person; // a concrete person: one value per attribute
  const Expr* predicate = nullptr;  // a predicate literal, `everyone` or `no one`

  static Abstract opaque() { return {}; }
  static Abstract person_of(std::vector<std::int64_t> attributes) {
    Abstract a;
    a.kind = Kind::person;
    a.person = std::move(attributes);
    return a;
  }
  static Abstract predicate_of(const Expr* definition) {
    Abstract a;
    a.kind = Kind::predicate;
    a.predicate = definition;
    return a;
  }
  static Abstract of(Tri t) {
    Abstract a;
    a.kind = Kind::truth;
    a.truth = t;
    return a;
  }
  static Abstract interval(std::int64_t lo, std::int64_t hi) {
    Abstract a;
    a.kind = Kind::interval;
    a.low = lo;
    a.high = hi;
    return a;
  }
  static Abstract members(std::uint64_t mask) {
    Abstract a;
    a.kind = Kind::members;
    a.mask = mask;
    return a;
  }
  static Abstract set(std::uint64_t must, std::uint64_t may) {
    Abstract a;
    a.kind = Kind::set;
    a.must = must;
    a.mask = may;
    return a;
  }
  bool empty() const {
    return (kind == Kind::interval && low > high) || (kind == Kind::members && mask == 0) ||
           (kind == Kind::set && (must & ~mask) != 0);
  }
  bool single() const {
    switch (kind) {
    case Kind::truth:
      return truth != Tri::unknown;
    case Kind::interval:
      return low == high;
    case Kind::members:
      return (mask & (mask - 1)) == 0;
    case Kind::set:
      return must == mask;
    case Kind::text:
      return text.has_value();
    case Kind::predicate:
      return true;
    default:
      return false;
    }
  }
};

// Enum and set values are 64-bit masks here, so an enum of more members cannot be
// represented: any decision that touches one is left to Z3.
bool wide_enum(const Type& type) {
  return (type.kind == Type::Kind::enumeration || type.kind == Type::Kind::set) && type.enumeration &&
         type.enumeration->members.size() > 64;
}

bool touches_wide_enum(const Expr& e) {
  if (wide_enum(e.type))
    return true;
  for (const auto& child : e.children)
    if (touches_wide_enum(*child))
      return true;
  for (const auto& binder : e.binders)
    if (binder.domain && touches_wide_enum(*binder.domain))
      return true;
  return false;
}

std::uint64_t all_members(const EnumType* e) {
  if (!e)
    return 1; // no levels declared: every law is at the one level 0
  std::size_t n = e->members.size();
  return n >= 64 ? ~0ULL : ((1ULL << n) - 1);
}

// The abstract value of a type with nothing known.
Abstract anything(const Type& type) {
  switch (type.kind) {
  case Type::Kind::boolean:
    return Abstract::of(Tri::unknown);
  case Type::Kind::integer:
    return Abstract::interval(0, plus_infinity); // counts are never negative
  case Type::Kind::date:
    return Abstract::interval(minus_infinity, plus_infinity);
  case Type::Kind::enumeration:
    return Abstract::members(all_members(type.enumeration));
  case Type::Kind::set:
    return Abstract::set(0, all_members(type.enumeration));
  case Type::Kind::text: {
    Abstract a;
    a.kind = Abstract::Kind::text;
    return a;
  }
  default:
    return Abstract::opaque();
  }
}

Abstract meet(const Abstract& a, const Abstract& b) {
  Abstract r = a;
  if (a.kind == Abstract::Kind::interval && b.kind == Abstract::Kind::interval) {
    r.low = std::max(a.low, b.low);
    r.high = std::min(a.high, b.high);
  } else if (a.kind == Abstract::Kind::members && b.kind == Abstract::Kind::members) {
    r.mask = a.mask & b.mask;
  } else if (a.kind == Abstract::Kind::set && b.kind == Abstract::Kind::set) {
    r.must = a.must | b.must;
    r.mask = a.mask & b.mask;
  } else if (a.kind == Abstract::Kind::truth && b.kind == Abstract::Kind::truth) {
    if (a.truth == Tri::unknown)
      r.truth = b.truth;
  }
  return r;
}

Abstract join(const Abstract& a, const Abstract& b) {
  Abstract r = a;
  if (a.kind == Abstract::Kind::interval) {
    r.low = std::min(a.low, b.low);
    r.high = std::max(a.high, b.high);
  } else if (a.kind == Abstract::Kind::members) {
    r.mask = a.mask | b.mask;
  } else if (a.kind == Abstract::Kind::set) {
    r.must = a.must & b.must;
    r.mask = a.mask | b.mask;
  } else if (a.kind == Abstract::Kind::truth) {
    r.truth = a.truth == b.truth ? a.truth : Tri::unknown;
  } else if (a.kind == Abstract::Kind::text) {
    if (a.text != b.text)
      r.text.reset();
  }
  return r;
}

// How a fact is read while deciding: as the provision states it, as unknown (core
// minimisation), or at one sampled reading.
struct Reading {
  std::vector<std::optional<Abstract>> facts; // by fact index; empty = not yet computed
  std::optional<Abstract> level;
};

class Evaluator {
 public:
  Evaluator(const Model& model, const Right& right, const Reading& reading)
      : model_(model), right_(right), reading_(reading) {}

  // The facts read by the subexpressions whose truth the reading leaves open, when
  // `reads` is set: a subexpression whose truth is certain needs none of its facts.
  std::vector<int>* reads = nullptr;

  Abstract eval(const Expr& e) {
    if (!reads)
      return eval_node(e);
    std::size_t mark = reads->size();
    Abstract a = eval_node(e);
    if (a.kind == Abstract::Kind::truth && a.truth != Tri::unknown)
      reads->resize(mark);
    return a;
  }

  Abstract eval_node(const Expr& e) {
    switch (e.kind) {
    case ExprKind::boolean:
      return Abstract::of(tri_of(e.number != 0));
    case ExprKind::integer:
    case ExprKind::date:
      return Abstract::interval(e.number, e.number);
    case ExprKind::enum_member:
      return Abstract::members(1ULL << e.number);
    case ExprKind::text: {
      Abstract a;
      a.kind = Abstract::Kind::text;
      a.text = e.text;
      return a;
    }
    case ExprKind::set_literal: {
      std::uint64_t must = 0;
      std::uint64_t may = 0;
      for (const auto& child : e.children) {
        Abstract element = eval(*child);
        if (element.kind != Abstract::Kind::members)
          return Abstract::opaque();
        may |= element.mask;
        if (element.single())
          must |= element.mask;
      }
      return Abstract::set(must, may);
    }
    case ExprKind::fact: {
      if (reads)
        reads->push_back(e.index());
      const auto& value = reading_.facts[static_cast<std::size_t>(e.index())];
      return value ? *value : Abstract::opaque();
    }
    case ExprKind::variable: {
      auto it = variables_.find(e.index());
      return it == variables_.end() ? Abstract::opaque() : it->second;
    }
    case ExprKind::right_property: {
      auto property = static_cast<RightProperty>(e.index());
      if (property == RightProperty::aims) {
        std::uint64_t bits = 0;
        for (int member : right_.aims)
          bits |= 1ULL << member;
        return Abstract::set(bits, bits);
      }
      return Abstract::of(tri_of(property == RightProperty::derogable ? right_.derogable : right_.absolute));
    }
    case ExprKind::parameter:
      return eval(*model_.parameters[static_cast<std::size_t>(e.index())].value);
    case ExprKind::law_level:
      return reading_.level ? *reading_.level : Abstract::members(all_members(model_.level));
    case ExprKind::not_:
      return truth(tri_not(eval_truth(*e.children[0])));
    case ExprKind::and_: {
      // A chain is one node (see model.hpp): a loop, not a recursion per operand.
      Tri all = Tri::yes;
      for (const auto& child : e.children)
        all = tri_and(all, eval_truth(*child));
      return truth(all);
    }
    case ExprKind::or_: {
      Tri any = Tri::no;
      for (const auto& child : e.children)
        any = tri_or(any, eval_truth(*child));
      return truth(any);
    }
    case ExprKind::implies: {
      // a1 implies (a2 implies ... an) holds when some premise is false or an holds.
      Tri any = eval_truth(*e.children.back());
      for (std::size_t i = 0; i + 1 < e.children.size(); ++i)
        any = tri_or(any, tri_not(eval_truth(*e.children[i])));
      return truth(any);
    }
    case ExprKind::neg: {
      Abstract a = eval(*e.children[0]);
      if (a.kind != Abstract::Kind::interval)
        return Abstract::opaque();
      return Abstract::interval(clamp(-static_cast<wide>(a.high)), clamp(-static_cast<wide>(a.low)));
    }
    case ExprKind::add:
    case ExprKind::sub:
    case ExprKind::mul:
      return arithmetic(e.kind, eval(*e.children[0]), eval(*e.children[1]));
    case ExprKind::eq:
    case ExprKind::ne: {
      Tri same = equal(eval(*e.children[0]), eval(*e.children[1]));
      return truth(e.kind == ExprKind::eq ? same : tri_not(same));
    }
    case ExprKind::lt:
    case ExprKind::le:
    case ExprKind::gt:
    case ExprKind::ge:
      return truth(order(e.kind, eval(*e.children[0]), eval(*e.children[1])));
    case ExprKind::in: {
      Abstract element = eval(*e.children[0]);
      Abstract set = eval(*e.children[1]);
      if (element.kind != Abstract::Kind::members || set.kind != Abstract::Kind::set)
        return Abstract::of(Tri::unknown);
      if ((element.mask & ~set.must) == 0)
        return Abstract::of(Tri::yes);
      if ((element.mask & set.mask) == 0)
        return Abstract::of(Tri::no);
      return Abstract::of(Tri::unknown);
    }
    case ExprKind::subset: {
      Abstract a = eval(*e.children[0]);
      Abstract b = eval(*e.children[1]);
      if (a.kind != Abstract::Kind::set || b.kind != Abstract::Kind::set)
        return Abstract::of(Tri::unknown);
      if ((a.mask & ~b.must) == 0)
        return Abstract::of(Tri::yes);
      if ((a.must & ~b.mask) != 0)
        return Abstract::of(Tri::no);
      return Abstract::of(Tri::unknown);
    }
    case ExprKind::some:
    case ExprKind::every:
      return truth(quantifier(e, 0));
    case ExprKind::everyone:
    case ExprKind::no_one:
    case ExprKind::predicate:
      return Abstract::predicate_of(&e);
    case ExprKind::attribute: {
      Abstract person = eval(*e.children[0]);
      if (person.kind != Abstract::Kind::person)
        return e.type.kind == Type::Kind::boolean ? Abstract::of(Tri::unknown) : Abstract::opaque();
      return attribute_value(e.index(), person.person[static_cast<std::size_t>(e.index())]);
    }
    case ExprKind::apply:
      return truth(apply(eval(*e.children[0]), eval(*e.children[1])));
    default:
      give_up(e);
      return e.type.kind == Type::Kind::boolean ? Abstract::of(Tri::unknown) : Abstract::opaque();
    }
  }

  // Where the evaluator stops without looking inside, every fact inside may matter.
  void give_up(const Expr& e) {
    if (reads)
      for (int f : facts_used(e))
        reads->push_back(f);
  }

  Abstract attribute_value(int attribute, std::int64_t value) const {
    const Type& type = model_.attributes[static_cast<std::size_t>(attribute)].type;
    if (type.kind == Type::Kind::boolean)
      return Abstract::of(tri_of(value != 0));
    if (type.kind == Type::Kind::enumeration)
      return Abstract::members(1ULL << value);
    return Abstract::interval(value, value);
  }

  Tri apply(const Abstract& predicate, const Abstract& person) {
    if (predicate.kind != Abstract::Kind::predicate || person.kind != Abstract::Kind::person)
      return Tri::unknown;
    const Expr& definition = *predicate.predicate;
    if (definition.kind == ExprKind::everyone)
      return Tri::yes;
    if (definition.kind == ExprKind::no_one)
      return Tri::no;
    // A provision's predicate numbers its variables on its own: keep the caller's binding.
    int variable = definition.index();
    auto saved =
        variables_.find(variable) == variables_.end() ? std::nullopt : std::optional<Abstract>(variables_[variable]);
    variables_[variable] = person;
    Tri result = eval_truth(*definition.children.front());
    if (saved)
      variables_[variable] = *saved;
    else
      variables_.erase(variable);
    return result;
  }

  // Persons the evaluator found making the outermost `some` true, for witnesses.
  struct Found {
    std::string name;
    std::vector<std::int64_t> attributes;
    int partner = -1;
  };
  std::vector<Found> found;
  bool record = false;

  Tri eval_truth(const Expr& e) {
    Abstract a = eval(e);
    return a.kind == Abstract::Kind::truth ? a.truth : Tri::unknown;
  }

 private:
  static Abstract truth(Tri t) { return Abstract::of(t); }

  static Abstract arithmetic(ExprKind kind, const Abstract& a, const Abstract& b) {
    if (a.kind != Abstract::Kind::interval || b.kind != Abstract::Kind::interval)
      return Abstract::opaque();
    auto unbounded = [](std::int64_t v) { return v <= minus_infinity || v >= plus_infinity; };
    // A bound of finite operands past the finite range is an overflow, not infinity: Z3's
    // integers have no such limit, so the evaluator knows nothing of the value.
    auto overflows = [&](wide v, std::int64_t x, std::int64_t y) {
      return !unbounded(x) && !unbounded(y) && (v <= minus_infinity || v >= plus_infinity);
    };
    if (kind == ExprKind::add || kind == ExprKind::sub) {
      bool add = kind == ExprKind::add;
      std::int64_t low_b = add ? b.low : b.high;
      std::int64_t high_b = add ? b.high : b.low;
      wide low = add ? static_cast<wide>(a.low) + low_b : static_cast<wide>(a.low) - low_b;
      wide high = add ? static_cast<wide>(a.high) + high_b : static_cast<wide>(a.high) - high_b;
      if (overflows(low, a.low, low_b) || overflows(high, a.high, high_b))
        return Abstract::opaque();
      return Abstract::interval(clamp(low), clamp(high));
    }
    if (unbounded(a.low) || unbounded(a.high) || unbounded(b.low) || unbounded(b.high)) {
      if (a.single() && b.single())
        return Abstract::interval(clamp(static_cast<wide>(a.low) * b.low), clamp(static_cast<wide>(a.low) * b.low));
      return Abstract::interval(minus_infinity, plus_infinity);
    }
    wide products[] = {static_cast<wide>(a.low) * b.low, static_cast<wide>(a.low) * b.high,
                       static_cast<wide>(a.high) * b.low, static_cast<wide>(a.high) * b.high};
    for (wide product : products)
      if (product <= minus_infinity || product >= plus_infinity)
        return Abstract::opaque();
    return Abstract::interval(clamp(*std::min_element(std::begin(products), std::end(products))),
                              clamp(*std::max_element(std::begin(products), std::end(products))));
  }

  static Tri equal(const Abstract& a, const Abstract& b) {
    if (a.kind != b.kind)
      return Tri::unknown;
    switch (a.kind) {
    case Abstract::Kind::truth:
      if (a.truth == Tri::unknown || b.truth == Tri::unknown)
        return Tri::unknown;
      return tri_of(a.truth == b.truth);
    case Abstract::Kind::interval:
      if (a.high < b.low || b.high < a.low)
        return Tri::no;
      return a.single() && b.single() ? Tri::yes : Tri::unknown;
    case Abstract::Kind::members:
      if ((a.mask & b.mask) == 0)
        return Tri::no;
      return a.single() && b.single() ? Tri::yes : Tri::unknown;
    case Abstract::Kind::set:
      if ((a.must & ~b.mask) != 0 || (b.must & ~a.mask) != 0)
        return Tri::no;
      return a.single() && b.single() ? Tri::yes : Tri::unknown;
    case Abstract::Kind::text:
      if (a.text && b.text)
        return tri_of(*a.text == *b.text);
      return Tri::unknown;
    default:
      return Tri::unknown;
    }
  }

  static Tri order(ExprKind kind, const Abstract& a, const Abstract& b) {
    if (a.kind != Abstract::Kind::interval || b.kind != Abstract::Kind::interval)
      return Tri::unknown;
    // a < b for every reading / for none.
    auto less = [](const Abstract& x, const Abstract& y, bool strict) {
      if (strict ? x.high < y.low : x.high <= y.low)
        return Tri::yes;
      if (strict ? x.low >= y.high : x.low > y.high)
        return Tri::no;
      return Tri::unknown;
    };
    switch (kind) {
    case ExprKind::lt:
      return less(a, b, true);
    case ExprKind::le:
      return less(a, b, false);
    case ExprKind::gt:
      return less(b, a, true);
    default:
      return less(b, a, false);
    }
  }

  // Element quantifiers range over the members the set may hold; a member it must hold
  // decides `some` (true) and `every` (false).
  Tri quantifier(const Expr& e, std::size_t first) {
    if (first == e.binders.size())
      return eval_truth(*e.children.front());
    const Binder& binder = e.binders[first];
    if (binder.kind != Binder::Kind::element)
      return persons(e, first);
    Abstract set = eval(*binder.domain);
    if (set.kind != Abstract::Kind::set) {
      give_up(e);
      return Tri::unknown;
    }
    bool existential = e.kind == ExprKind::some;
    Tri result = existential ? Tri::no : Tri::yes;
    for (int i = 0; i < 64; ++i) {
      std::uint64_t bit = 1ULL << i;
      if ((set.mask & bit) == 0)
        continue;
      variables_[binder.variable] = Abstract::members(bit);
      Tri body = quantifier(e, first + 1);
      bool certain_member = (set.must & bit) != 0;
      if (existential) {
        // The member contributes `body` if it is in the set, nothing if it is not.
        result = tri_or(result, certain_member ? body : tri_and(body, Tri::unknown));
      } else {
        result = tri_and(result, certain_member ? body : tri_or(body, Tri::unknown));
      }
    }
    variables_.erase(binder.variable);
    return result;
  }

  // Persons are enumerated by the classes the body can tell apart (model/classes.hpp),
  // exactly as the solver expands its quantifiers; the predicates are those of this
  // reading.
  PersonClasses classes_of(const Expr& e, std::size_t first) const {
    auto definitions = [this](int fact) {
      const auto& value = reading_.facts[static_cast<std::size_t>(fact)];
      return value && value->kind == Abstract::Kind::predicate ? std::vector<const Expr*>{value->predicate}
                                                               : std::vector<const Expr*>{};
    };
    return quantifier_classes(e, first, definitions);
  }

  std::vector<std::int64_t> representatives(int attribute, const PersonClasses& m) const {
    return model::representatives(model_, attribute, m);
  }

  static constexpr std::size_t max_classes = 4096;

  Tri persons(const Expr& e, std::size_t first) {
    PersonClasses m = classes_of(e, first);
    if (!m.exact) {
      give_up(e);
      return Tri::unknown;
    }
    const Binder& binder = e.binders[first];
    bool existential = e.kind == ExprKind::some;
    bool outermost = record && depth_ == 0 && first == 0;
    ++depth_;
    Tri result = existential ? Tri::no : Tri::yes;
    // Nested quantifiers multiply: the classes of every level together stay within
    // max_classes (as in the solver's expansion); past it the answer is unknown.
    std::size_t budget = max_classes / nesting_;
    std::size_t saved_nesting = nesting_;
    auto visit = [&](const std::vector<std::int64_t>& a, const std::vector<std::int64_t>* b) {
      variables_[binder.variable] = Abstract::person_of(a);
      if (b)
        variables_[binder.second_variable] = Abstract::person_of(*b);
      Tri body = quantifier(e, first + 1);
      if (outermost && existential && body == Tri::yes && found.empty()) {
        found.push_back({binder.name, a, b ? 1 : -1});
        if (b)
          found.push_back({binder.second_name, *b, 0});
      }
      result = existential ? tri_or(result, body) : tri_and(result, body);
      // A decided `some` or `every` need not look further.
      return result != (existential ? Tri::yes : Tri::no);
    };
    std::vector<int> listed(m.attributes.begin(), m.attributes.end());
    std::vector<int> differing = binder.kind == Binder::Kind::pair ? binder.attributes : std::vector<int>{-1};
    bool complete = true;
    for (int k : differing) {
      std::vector<int> attributes = listed;
      if (k >= 0 && std::find(attributes.begin(), attributes.end(), k) == attributes.end())
        attributes.push_back(k);
      std::vector<std::vector<std::int64_t>> choices;
      std::size_t count = 1;
      for (int a : attributes) {
        choices.push_back(representatives(a, m));
        count *= choices.back().size();
      }
      std::vector<std::int64_t> others = k >= 0 ? representatives(k, m) : std::vector<std::int64_t>{0};
      if (count * others.size() > budget) {
        complete = false;
        break;
      }
      budget -= count * others.size();
      nesting_ = saved_nesting * count * others.size();
      std::vector<std::size_t> at(attributes.size(), 0);
      bool going = true;
      for (std::size_t n = 0; n < count && going; ++n) {
        std::vector<std::int64_t> a(model_.attributes.size(), 0);
        for (std::size_t i = 0; i < attributes.size(); ++i)
          a[static_cast<std::size_t>(attributes[i])] = choices[i][at[i]];
        if (k < 0) {
          going = visit(a, nullptr);
        } else {
          for (auto value : others) {
            if (value == a[static_cast<std::size_t>(k)])
              continue;
            std::vector<std::int64_t> b = a;
            b[static_cast<std::size_t>(k)] = value;
            if (!(going = visit(a, &b)))
              break;
          }
        }
        for (std::size_t i = 0; i < at.size(); ++i) {
          if (++at[i] < choices[i].size())
            break;
          at[i] = 0;
        }
      }
      if (!going)
        break;
    }
    nesting_ = saved_nesting;
    --depth_;
    variables_.erase(binder.variable);
    if (binder.kind == Binder::Kind::pair)
      variables_.erase(binder.second_variable);
    if (!complete && result != (existential ? Tri::yes : Tri::no)) {
      give_up(e);
      return Tri::unknown;
    }
    return result;
  }

  const Model& model_;
  const Right& right_;
  const Reading& reading_;
  std::size_t nesting_ = 1; // product of the person classes of the enclosing quantifiers
  std::map<int, Abstract> variables_;
  int depth_ = 0;
};

// What the provision says of a fact, as an abstract value; nullopt when it cannot be
// represented (the decision then goes to Z3).
std::optional<Abstract> stated_value(const Model& model, const FactDecl& fact, const StatedFact* stated,
                                     const Right& right) {
  Abstract domain = anything(fact.type);
  if (domain.kind == Abstract::Kind::opaque)
    return std::nullopt;
  if (!stated || stated->value.form == FactValue::Form::unknown)
    return domain;
  Reading empty;
  empty.facts.resize(model.facts.size());
  Evaluator constants(model, right, empty);
  std::vector<Abstract> values;
  for (const auto& v : stated->value.values) {
    if (!v || v->type.is_error())
      return std::nullopt;
    values.push_back(constants.eval(*v));
    if (values.back().kind != domain.kind || !values.back().single())
      return std::nullopt;
  }
  Abstract a = domain;
  switch (stated->value.form) {
  case FactValue::Form::exact:
    a = meet(domain, values[0]);
    break;
  case FactValue::Form::one_of:
    a = values[0];
    for (std::size_t i = 1; i < values.size(); ++i)
      a = join(a, values[i]);
    a = meet(domain, a);
    break;
  case FactValue::Form::range:
    a = meet(domain, Abstract::interval(values[0].low, values[1].high));
    break;
  case FactValue::Form::at_least:
  case FactValue::Form::at_most: {
    bool least = stated->value.form == FactValue::Form::at_least;
    if (domain.kind == Abstract::Kind::interval)
      a = meet(domain, least ? Abstract::interval(values[0].low, plus_infinity)
                             : Abstract::interval(minus_infinity, values[0].high));
    else if (domain.kind == Abstract::Kind::set)
      a = meet(domain, least ? Abstract::set(values[0].must, domain.mask) : Abstract::set(0, values[0].mask));
    else
      return std::nullopt;
    break;
  }
  default:
    return std::nullopt;
  }
  if (a.empty())
    return std::nullopt; // contradictory: Z3 reports it
  return a;
}

// Readings of an open fact worth trying: its ends and the constants the condition
// compares it with (and their neighbours), its members, sets grown or shrunk by one.
std::vector<Abstract> samples(const Abstract& a, const FactValue* stated, const std::vector<std::int64_t>& constants,
                              const Model& model, const Right& right) {
  std::vector<Abstract> out;
  if (stated && stated->form == FactValue::Form::one_of) {
    Reading empty;
    empty.facts.resize(model.facts.size());
    Evaluator constants_only(model, right, empty);
    for (const auto& v : stated->values)
      out.push_back(constants_only.eval(*v));
    return out;
  }
  switch (a.kind) {
  case Abstract::Kind::truth:
    if (a.truth == Tri::unknown)
      return {Abstract::of(Tri::no), Abstract::of(Tri::yes)};
    return {a};
  case Abstract::Kind::interval: {
    std::vector<std::int64_t> points;
    auto add = [&](std::int64_t p) {
      if (p >= a.low && p <= a.high && p > minus_infinity && p < plus_infinity)
        points.push_back(p);
    };
    add(a.low);
    add(a.high);
    for (auto c : constants) {
      add(c - 1);
      add(c);
      add(c + 1);
    }
    if (points.empty())
      add(a.low > minus_infinity ? a.low : 0);
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    for (auto p : points)
      out.push_back(Abstract::interval(p, p));
    return out;
  }
  case Abstract::Kind::members:
    for (int i = 0; i < 64; ++i)
      if (a.mask & (1ULL << i))
        out.push_back(Abstract::members(1ULL << i));
    return out;
  case Abstract::Kind::set: {
    out.push_back(Abstract::set(a.must, a.must));
    out.push_back(Abstract::set(a.mask, a.mask));
    for (int i = 0; i < 64; ++i) {
      std::uint64_t bit = 1ULL << i;
      if ((a.mask & bit) && !(a.must & bit)) {
        out.push_back(Abstract::set(a.must | bit, a.must | bit));
        out.push_back(Abstract::set(a.mask & ~bit, a.mask & ~bit));
      }
    }
    return out;
  }
  default:
    return {};
  }
}

void integer_constants(const Model& model, const Expr& e, std::vector<std::int64_t>& out) {
  if (e.kind == ExprKind::integer || e.kind == ExprKind::date)
    out.push_back(e.number);
  if (e.kind == ExprKind::parameter)
    integer_constants(model, *model.parameters[static_cast<std::size_t>(e.index())].value, out);
  for (const auto& child : e.children)
    integer_constants(model, *child, out);
}

std::string show(const Abstract& a, const Type& type) {
  switch (type.kind) {
  case Type::Kind::boolean:
    return a.truth == Tri::yes ? "yes" : "no";
  case Type::Kind::integer:
    return std::to_string(a.low) + (type.unit == Unit::none ? "" : std::string(" ") + unit_name(type.unit));
  case Type::Kind::date:
    return civil_from_days(a.low);
  case Type::Kind::enumeration:
    for (std::size_t i = 0; i < type.enumeration->members.size(); ++i)
      if (a.mask & (1ULL << i))
        return type.enumeration->members[i];
    return "?";
  case Type::Kind::set: {
    std::string out;
    for (std::size_t i = 0; i < type.enumeration->members.size(); ++i)
      if (a.must & (1ULL << i))
        out += (out.empty() ? "" : ", ") + type.enumeration->members[i];
    return "{" + out + "}";
  }
  case Type::Kind::text:
    return a.text ? "\"" + *a.text + "\"" : "?";
  default:
    return "?";
  }
}

constexpr std::size_t max_samples = 256;

std::string show_attribute(const Attribute& attribute, std::int64_t value) {
  switch (attribute.type.kind) {
  case Type::Kind::boolean:
    return value != 0 ? "yes" : "no";
  case Type::Kind::enumeration:
    return attribute.type.enumeration->members[static_cast<std::size_t>(value)];
  default:
    return std::to_string(value) +
           (attribute.type.unit == Unit::none ? "" : std::string(" ") + unit_name(attribute.type.unit));
  }
}

} // namespace

FastPath::FastPath(const Model& model) : model_(model) {
  // Persons and aims can bring any attribute's enum or `aim` into a decision: a wide one
  // there leaves every decision to Z3 (facts are checked per test and per provision).
  for (const auto& attribute : model.attributes)
    model_wide_ = model_wide_ || wide_enum(attribute.type);
  model_wide_ = model_wide_ || (model.aims_enum && model.aims_enum->members.size() > 64);
  constexpr int variable = 1 << 20; // apart from the ids the resolver gives
  auto node = [](ExprKind kind, Type type) {
    auto e = std::make_shared<Expr>();
    e->kind = kind;
    e->type = type;
    return e;
  };
  predicate_samples_.push_back(node(ExprKind::everyone, Type::predicate()));
  predicate_samples_.push_back(node(ExprKind::no_one, Type::predicate()));
  for (std::size_t k = 0; k < model.attributes.size(); ++k) {
    const Attribute& attribute = model.attributes[k];
    auto person = node(ExprKind::variable, Type::person());
    person->number = variable;
    person->text = "person";
    auto value = node(ExprKind::attribute, attribute.type);
    value->number = static_cast<std::int64_t>(k);
    value->text = attribute.name;
    value->children = {person};
    std::vector<ExprPtr> bodies;
    if (attribute.type.kind == Type::Kind::boolean) {
      bodies.push_back(value);
      auto negated = node(ExprKind::not_, Type::boolean());
      negated->children = {value};
      bodies.push_back(negated);
    } else if (attribute.type.kind == Type::Kind::enumeration) {
      for (std::size_t m = 0; m < attribute.type.enumeration->members.size(); ++m) {
        auto member = node(ExprKind::enum_member, attribute.type);
        member->number = static_cast<std::int64_t>(m);
        auto same = node(ExprKind::eq, Type::boolean());
        same->children = {value, member};
        bodies.push_back(same);
      }
    }
    for (const auto& body : bodies) {
      auto predicate = node(ExprKind::predicate, Type::predicate());
      predicate->number = variable;
      predicate->children = {body};
      predicate_samples_.push_back(predicate);
    }
  }
}

struct FastPath::ProvisionReading {
  Reading reading;
  bool usable = true; // false when a stated fact cannot be represented: Z3 decides
};

FastPath::~FastPath() = default;

const std::vector<int>& FastPath::used_by(const Test& test) {
  auto it = facts_used_.find(&test);
  if (it == facts_used_.end())
    it = facts_used_.emplace(&test, facts_used(*test.failure)).first;
  return it->second;
}

const FastPath::ProvisionReading& FastPath::reading_for(const Provision& provision, const Right& right) {
  if (cached_ != &provision) {
    cache_ = std::make_unique<ProvisionReading>();
    cached_ = &provision;
    Reading& base = cache_->reading;
    base.facts.resize(model_.facts.size());
    // Every stated fact must be representable, even one the condition does not read: a
    // contradictory fact makes every verdict undetermined, and that is Z3's to report.
    for (const auto& stated : provision.facts) {
      const FactDecl& fact = model_.facts[static_cast<std::size_t>(stated.fact)];
      bool wide_value = wide_enum(fact.type);
      for (const auto& value : stated.value.values)
        wide_value = wide_value || (value && touches_wide_enum(*value));
      if (wide_value) {
        cache_->usable = false;
        break;
      }
      if (fact.type.kind == Type::Kind::predicate) {
        const auto& value = stated.value.values;
        if (stated.value.form == FactValue::Form::exact && !value.empty() && value.front() &&
            !value.front()->type.is_error())
          base.facts[static_cast<std::size_t>(stated.fact)] = Abstract::predicate_of(value.front().get());
        continue;
      }
      auto value = stated_value(model_, fact, &stated, right);
      if (!value) {
        cache_->usable = false;
        break;
      }
      base.facts[static_cast<std::size_t>(stated.fact)] = *value;
    }
    // What is not stated can be anything its type allows (predicates stay open).
    for (std::size_t f = 0; f < model_.facts.size(); ++f)
      if (!base.facts[f] && model_.facts[f].type.kind != Type::Kind::predicate)
        if (auto any = anything(model_.facts[f].type); any.kind != Abstract::Kind::opaque)
          base.facts[f] = any;
    const Law& law = model_.laws[static_cast<std::size_t>(provision.law)];
    base.level = Abstract::members(1ULL << static_cast<int>(law.level));
  }
  return *cache_;
}

std::vector<int> FastPath::live_facts(const Provision& provision, const Test& test, const Right& right) {
  const std::vector<int>& used = used_by(test);
  const ProvisionReading& cached = reading_for(provision, right);
  if (!cached.usable)
    return used; // facts the evaluator cannot represent: every fact may matter
  std::vector<int> reads;
  Evaluator evaluator(model_, right, cached.reading);
  evaluator.reads = &reads;
  evaluator.eval_truth(*test.failure);
  std::sort(reads.begin(), reads.end());
  reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
  return reads;
}

std::optional<solve::Decision> FastPath::decide(const Provision& provision, const Test& test, const Right& right) {
  if (!test.failure || test.failure->type.is_error() || model_wide_)
    return std::nullopt;
  const Expr& condition = *test.failure;
  auto wide_it = wide_tests_.find(&test);
  if (wide_it == wide_tests_.end())
    wide_it = wide_tests_.emplace(&test, touches_wide_enum(condition)).first;
  if (wide_it->second)
    return std::nullopt;
  const std::vector<int>& used = used_by(test);
  const ProvisionReading& cached = reading_for(provision, right);
  if (!cached.usable)
    return std::nullopt;
  const Reading& reading = cached.reading;
  for (int f : used) {
    const FactDecl& fact = model_.facts[static_cast<std::size_t>(f)];
    if (fact.type.kind == Type::Kind::predicate) {
      // Bounds on a predicate (`at least person where ...`) are Z3's to reason about.
      const StatedFact* stated = provision.find(f);
      if (stated && stated->value.form != FactValue::Form::exact && stated->value.form != FactValue::Form::unknown)
        return std::nullopt;
    } else if (!reading.facts[static_cast<std::size_t>(f)]) {
      return std::nullopt; // a type the evaluator does not represent
    }
  }

  Tri verdict = Evaluator(model_, right, reading).eval_truth(condition);
  // A certain answer rests on the stated facts without which it is no longer certain.
  auto minimal_core = [&] {
    std::vector<int> core;
    Reading trial = reading;
    trial.level = Abstract::members(all_members(model_.level));
    if (Evaluator(model_, right, trial).eval_truth(condition) != verdict) {
      trial.level = reading.level;
      core.push_back(solve::law_level_fact);
    }
    for (int f : used) {
      const StatedFact* stated = provision.find(f);
      if (!stated || stated->value.form == FactValue::Form::unknown)
        continue;
      auto& slot = trial.facts[static_cast<std::size_t>(f)];
      auto kept = slot;
      const Type& type = model_.facts[static_cast<std::size_t>(f)].type;
      slot = anything(type);
      bool needed = Evaluator(model_, right, trial).eval_truth(condition) != verdict;
      // Unknown, a fact may lose its tie to a quantified variable (`some k in S: fact ==
      // k implies ...`): a bool or enum fact is then tried at each of its values, and is
      // not needed when every value gives the verdict (as Z3's core would say).
      if (needed && (type.kind == Type::Kind::boolean || type.kind == Type::Kind::enumeration)) {
        std::vector<Abstract> values;
        if (type.kind == Type::Kind::boolean)
          values = {Abstract::of(Tri::yes), Abstract::of(Tri::no)};
        else
          for (std::size_t i = 0; i < type.enumeration->members.size() && i < 64; ++i)
            values.push_back(Abstract::members(1ULL << i));
        needed = false;
        for (const auto& value : values) {
          slot = value;
          if (Evaluator(model_, right, trial).eval_truth(condition) != verdict) {
            needed = true;
            break;
          }
        }
        slot = anything(type);
      }
      if (needed) {
        slot = kept;
        core.push_back(f);
      }
    }
    return core;
  };
  if (verdict == Tri::no) {
    solve::Decision decision;
    decision.verdict = solve::Verdict::passes;
    decision.core = minimal_core();
    return decision;
  }

  // Sample readings of the open facts the condition reads.
  std::vector<std::int64_t> constants;
  integer_constants(model_, condition, constants);
  std::vector<int> open;
  std::vector<std::vector<Abstract>> choices;
  std::size_t combinations = 1;
  for (int f : used) {
    const auto& known = reading.facts[static_cast<std::size_t>(f)];
    if (known && known->single())
      continue;
    const StatedFact* stated = provision.find(f);
    std::vector<Abstract> options;
    if (model_.facts[static_cast<std::size_t>(f)].type.kind == Type::Kind::predicate) {
      for (const auto& sample : predicate_samples_)
        options.push_back(Abstract::predicate_of(sample.get()));
    } else {
      options = samples(*known, stated ? &stated->value : nullptr, constants, model_, right);
    }
    if (options.empty())
      return std::nullopt;
    open.push_back(f);
    combinations *= options.size();
    if (combinations > max_samples)
      return std::nullopt;
    choices.push_back(std::move(options));
  }
  std::optional<Reading> failing;
  bool passing = false;
  std::vector<std::size_t> at(open.size(), 0);
  for (std::size_t n = 0; n < combinations; ++n) {
    Reading point = reading;
    for (std::size_t k = 0; k < open.size(); ++k)
      point.facts[static_cast<std::size_t>(open[k])] = choices[k][at[k]];
    Tri t = Evaluator(model_, right, point).eval_truth(condition);
    if (t == Tri::unknown)
      return std::nullopt;
    if (t == Tri::yes && !failing)
      failing = point;
    passing = passing || t == Tri::no;
    if (failing && (passing || verdict == Tri::yes))
      break;
    for (std::size_t k = 0; k < at.size(); ++k) {
      if (++at[k] < choices[k].size())
        break;
      at[k] = 0;
    }
  }
  if (!failing || (verdict != Tri::yes && !passing))
    return std::nullopt;
  solve::Decision decision;
  decision.verdict = verdict == Tri::yes ? solve::Verdict::fails : solve::Verdict::may_fail;
  if (verdict == Tri::yes)
    decision.core = minimal_core();
  solve::Witness witness;
  // The persons that make the condition hold at this reading, if it asks for some.
  Evaluator recorder(model_, right, *failing);
  recorder.record = true;
  recorder.eval_truth(condition);
  std::set<int> shown;
  for (int a : attributes_used(condition))
    shown.insert(a);
  for (int f : used) {
    const StatedFact* stated = provision.find(f);
    const FactDecl& fact = model_.facts[static_cast<std::size_t>(f)];
    const Abstract& value = *failing->facts[static_cast<std::size_t>(f)];
    if (fact.type.kind == Type::Kind::predicate) {
      for (int a : attributes_used(*value.predicate))
        shown.insert(a);
      if (!stated || stated->value.form != FactValue::Form::exact)
        witness.facts.push_back({fact.name, to_text(*value.predicate, model_)});
      for (const auto& person : recorder.found) {
        Evaluator at(model_, right, *failing);
        Tri applies = at.apply(value, Abstract::person_of(person.attributes));
        witness.facts.push_back({fact.name + "(" + person.name + ")", applies == Tri::yes ? "yes" : "no"});
      }
      continue;
    }
    if (stated && stated->value.form == FactValue::Form::exact)
      continue;
    witness.facts.push_back({fact.name, show(value, fact.type)});
  }
  for (const auto& person : recorder.found) {
    std::set<int> attributes = shown;
    if (person.partner >= 0) {
      const auto& other = recorder.found[static_cast<std::size_t>(person.partner)];
      for (std::size_t k = 0; k < person.attributes.size(); ++k)
        if (person.attributes[k] != other.attributes[k])
          attributes.insert(static_cast<int>(k));
    }
    solve::Witness::Person p;
    p.name = person.name;
    for (int k : attributes)
      p.attributes.push_back({model_.attributes[static_cast<std::size_t>(k)].name,
                              show_attribute(model_.attributes[static_cast<std::size_t>(k)],
                                             person.attributes[static_cast<std::size_t>(k)])});
    witness.persons.push_back(std::move(p));
  }
  decision.witness = witness;
  return decision;
}

} // namespace siracusa::check
