#include "decide/evaluate.hpp"

#include "decide/display.hpp"
#include "decide/persons.hpp"

#include <algorithm>
#include <map>

namespace siracusa::decide {

using namespace model;

namespace {

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

std::int64_t clamp(wide v) {
  if (v < minus_infinity)
    return minus_infinity;
  if (v > plus_infinity)
    return plus_infinity;
  return static_cast<std::int64_t>(v);
}

} // namespace

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

namespace {

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
    case ExprKind::right_is:
      return Abstract::of(tri_of(right_.id == e.text));
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
  std::vector<FoundPerson> found;
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

  // Persons are enumerated by the classes the body can tell apart (persons.hpp), in the
  // order and under the cap the solver's expansion uses; the predicates are those of this
  // reading.
  PersonClasses classes_of(const Expr& e, std::size_t first) const {
    auto definitions = [this](int fact) {
      const auto& value = reading_.facts[static_cast<std::size_t>(fact)];
      return value && value->kind == Abstract::Kind::predicate ? std::vector<const Expr*>{value->predicate}
                                                               : std::vector<const Expr*>{};
    };
    return quantifier_classes(e, first, definitions);
  }

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
    // The bound persons live in their variables' slots, rewritten in place per class.
    Abstract& first_slot = variables_[binder.variable];
    first_slot.kind = Abstract::Kind::person;
    Abstract* second_slot = nullptr;
    if (binder.kind == Binder::Kind::pair) {
      second_slot = &variables_[binder.second_variable];
      second_slot->kind = Abstract::Kind::person;
    }
    auto visit = [&]() {
      Tri body = quantifier(e, first + 1);
      if (outermost && existential && body == Tri::yes && found.empty()) {
        found.push_back({binder.name, first_slot.person, second_slot ? 1 : -1});
        if (second_slot)
          found.push_back({binder.second_name, second_slot->person, 0});
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
      PersonOdometer odometer(model_, attributes, m);
      std::size_t count = odometer.count(budget);
      std::vector<std::int64_t> others = k >= 0 ? representatives(model_, k, m) : std::vector<std::int64_t>{0};
      if (count > budget || count * others.size() > budget) {
        complete = false;
        break;
      }
      budget -= count * others.size();
      nesting_ = saved_nesting * count * others.size();
      bool going = true;
      do {
        const auto& a = odometer.person();
        first_slot.person.assign(a.begin(), a.end());
        if (k < 0) {
          going = visit();
        } else {
          for (auto value : others) {
            if (value == a[static_cast<std::size_t>(k)])
              continue;
            second_slot->person.assign(a.begin(), a.end());
            second_slot->person[static_cast<std::size_t>(k)] = value;
            if (!(going = visit()))
              break;
          }
        }
      } while (going && odometer.next());
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

} // namespace

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
    return show_scalar(type, a.truth == Tri::yes ? 1 : 0);
  case Type::Kind::integer:
  case Type::Kind::date:
    return show_scalar(type, a.low);
  case Type::Kind::enumeration:
    for (std::size_t i = 0; i < type.enumeration->members.size() && i < 64; ++i)
      if (a.mask & (1ULL << i))
        return show_scalar(type, static_cast<std::int64_t>(i));
    return "?";
  case Type::Kind::set: {
    std::vector<bool> members(type.enumeration->members.size(), false);
    for (std::size_t i = 0; i < members.size() && i < 64; ++i)
      members[i] = (a.must & (1ULL << i)) != 0;
    return show_members(type, members);
  }
  case Type::Kind::text:
    return a.text ? show_text(&*a.text) : "?";
  default:
    return "?";
  }
}

Tri evaluate(const Model& model, const Right& right, const Reading& reading, const Expr& condition) {
  return Evaluator(model, right, reading).eval_truth(condition);
}

Tri evaluate_reads(const Model& model, const Right& right, const Reading& reading, const Expr& condition,
                   std::vector<int>& reads) {
  Evaluator evaluator(model, right, reading);
  evaluator.reads = &reads;
  return evaluator.eval_truth(condition);
}

Tri evaluate_found(const Model& model, const Right& right, const Reading& reading, const Expr& condition,
                   std::vector<FoundPerson>& found) {
  Evaluator evaluator(model, right, reading);
  evaluator.record = true;
  Tri t = evaluator.eval_truth(condition);
  found = std::move(evaluator.found);
  return t;
}

Tri apply(const Model& model, const Right& right, const Reading& reading, const Abstract& predicate,
          const std::vector<std::int64_t>& person) {
  return Evaluator(model, right, reading).apply(predicate, Abstract::person_of(person));
}

} // namespace siracusa::decide
