#include "decide/sampler.hpp"

#include "decide/core.hpp"
#include "decide/display.hpp"
#include "model/print.hpp"

#include <algorithm>
#include <set>

namespace siracusa::decide {

using namespace model;

namespace {

// The pairs of facts a condition compares directly, each both ways round.
void collect_compared(const Expr& e, std::vector<std::pair<int, int>>& out) {
  bool comparison = e.kind == ExprKind::eq || e.kind == ExprKind::ne || e.kind == ExprKind::lt ||
                    e.kind == ExprKind::le || e.kind == ExprKind::gt || e.kind == ExprKind::ge;
  if (comparison && e.children.size() == 2 && e.children[0]->kind == ExprKind::fact &&
      e.children[1]->kind == ExprKind::fact) {
    out.emplace_back(e.children[0]->index(), e.children[1]->index());
    out.emplace_back(e.children[1]->index(), e.children[0]->index());
  }
  for (const auto& child : e.children)
    collect_compared(*child, out);
  for (const auto& binder : e.binders)
    if (binder.domain)
      collect_compared(*binder.domain, out);
}

std::vector<std::pair<int, int>> compared_facts(const Expr& condition) {
  std::vector<std::pair<int, int>> out;
  collect_compared(condition, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Past this many combinations of sampled values, sampling tries some of them only.
constexpr std::size_t max_samples = 256;
// Past max_samples combinations, a search for one reading (Sampler::some_readings) still
// takes slots of up to this many combinations together, and tries a few of them.
constexpr std::size_t max_slot_samples = std::size_t{1} << 40;

bool contains(const std::vector<int>& v, int x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

} // namespace

Sampler::Sampler(const Model& model) : model_(model) {
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

const std::vector<int>& Sampler::used_by(const Test& test) {
  auto it = facts_used_.find(&test);
  if (it == facts_used_.end())
    it = facts_used_.emplace(&test, facts_used(*test.failure)).first;
  return it->second;
}

const Sampler::ProvisionReading& Sampler::reading_for(const Provision& provision, const Right& right) {
  // Keyed by the right too: a stated value may read the right's properties.
  if (cached_ != std::pair{&provision, &right}) {
    cache_.emplace();
    cached_ = {&provision, &right};
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
    base.level = Abstract::members(1ULL << model_.level_of(provision));
  }
  return *cache_;
}

const Reading* Sampler::reading(const Provision& provision, const Test& test, const Right& right) {
  if (!test.failure || test.failure->type.is_error() || model_wide_)
    return nullptr;
  auto wide_it = wide_tests_.find(&test);
  if (wide_it == wide_tests_.end())
    wide_it = wide_tests_.emplace(&test, touches_wide_enum(*test.failure)).first;
  if (wide_it->second)
    return nullptr;
  const ProvisionReading& cached = reading_for(provision, right);
  if (!cached.usable)
    return nullptr;
  for (int f : used_by(test)) {
    const FactDecl& fact = model_.facts[static_cast<std::size_t>(f)];
    if (fact.type.kind == Type::Kind::predicate) {
      // Bounds on a predicate (`at least person where ...`) are Z3's to reason about.
      const StatedFact* stated = provision.find(f);
      if (stated && stated->value.form != FactValue::Form::exact && stated->value.form != FactValue::Form::unknown)
        return nullptr;
    } else if (!cached.reading.facts[static_cast<std::size_t>(f)]) {
      return nullptr; // a type the evaluator does not represent
    }
  }
  return &cached.reading;
}

Tri Sampler::verdict(const Provision& provision, const Test& test, const Right& right) {
  return evaluate(model_, right, *reading(provision, test, right), *test.failure);
}

bool Sampler::sample_slots(const Provision& provision, const Test& test, const Right& right, const Reading& reading,
                           std::vector<int>& open, std::vector<std::vector<Abstract>>& choices, bool& exhaustive,
                           std::size_t limit) {
  const Expr& condition = *test.failure;
  auto constants_it = constants_.find(&test);
  if (constants_it == constants_.end()) {
    std::vector<std::int64_t> constants;
    integer_constants(model_, condition, constants);
    constants_it = constants_.emplace(&test, std::move(constants)).first;
  }
  const auto& constants = constants_it->second;
  auto compared_it = compared_.find(&test);
  if (compared_it == compared_.end())
    compared_it = compared_.emplace(&test, compared_facts(condition)).first;
  const auto& compared = compared_it->second;
  exhaustive = true;
  std::size_t combinations = 1;
  auto add = [&](int slot, std::vector<Abstract> options) {
    if (options.empty())
      return false;
    combinations = combinations > limit / options.size() ? limit + 1 : combinations * options.size();
    if (combinations > limit)
      return false;
    open.push_back(slot);
    choices.push_back(std::move(options));
    return true;
  };
  if (reading.level && !reading.level->single() && reads_law_level(model_, *test.failure)) {
    std::vector<Abstract> levels;
    for (std::size_t i = 0; i < model_.level->members.size() && i < 64; ++i)
      if (reading.level->mask & (1ULL << i))
        levels.push_back(Abstract::members(1ULL << i));
    if (!add(law_level_fact, std::move(levels)))
      return false;
  }
  for (int f : used_by(test)) {
    const auto& known = reading.facts[static_cast<std::size_t>(f)];
    if (known && known->single())
      continue;
    if (model_.facts[static_cast<std::size_t>(f)].type.kind == Type::Kind::predicate) {
      std::vector<Abstract> options;
      for (const auto& sample : predicate_samples_)
        options.push_back(Abstract::predicate_of(sample.get()));
      exhaustive = false; // a few of the many predicates there are
      if (!add(f, std::move(options)))
        return false;
      continue;
    }
    // A stated `one of` is sampled by its values, unless the fact is being read as unstated.
    const StatedFact* stated = provision.find(f);
    const Abstract& stated_reading = *reading_for(provision, right).reading.facts[static_cast<std::size_t>(f)];
    bool as_stated = stated && stated->value.form == FactValue::Form::one_of && stated_reading.kind == known->kind &&
                     stated_reading.mask == known->mask && stated_reading.low == known->low &&
                     stated_reading.high == known->high && stated_reading.must == known->must;
    // Compared with another fact, a fact is sampled around the other's known ends too, so
    // that `a > b` meets both answers when only one side is stated.
    std::vector<std::int64_t> around = constants;
    for (const auto& [fact, other] : compared) {
      const auto& value = reading.facts[static_cast<std::size_t>(other)];
      if (fact != f || !value || value->kind != Abstract::Kind::interval)
        continue;
      for (auto end : {value->low, value->high})
        if (end > minus_infinity && end < plus_infinity)
          around.push_back(end);
    }
    std::vector<Abstract> options = samples(*known, as_stated ? &stated->value : nullptr, around, model_, right);
    if (!as_stated) {
      switch (known->kind) {
      case Abstract::Kind::truth:
      case Abstract::Kind::members:
        break; // every value is a sample
      case Abstract::Kind::interval:
        exhaustive = exhaustive && known->high - known->low + 1 == static_cast<std::int64_t>(options.size());
        break;
      case Abstract::Kind::set: {
        std::uint64_t free = known->mask & ~known->must;
        exhaustive = exhaustive && (free & (free - 1)) == 0; // at most one member open
        break;
      }
      default:
        exhaustive = false;
      }
    }
    if (!add(f, std::move(options)))
      return false;
  }
  return true;
}

template <typename Visit>
bool Sampler::some_readings(const Reading& base, const std::vector<int>& open,
                            const std::vector<std::vector<Abstract>>& choices, Visit visit) {
  Reading point = base;
  auto set_all = [&](auto index_of) {
    for (std::size_t k = 0; k < open.size(); ++k) {
      const Abstract& value = choices[k][index_of(k)];
      if (open[k] == law_level_fact)
        point.level = value;
      else
        point.facts[static_cast<std::size_t>(open[k])] = value;
    }
  };
  // From the first samples and from the last: one slot through all of its samples.
  for (bool from_last : {false, true}) {
    auto corner = [&](std::size_t k) { return from_last ? choices[k].size() - 1 : 0; };
    for (std::size_t moving = 0; moving < open.size(); ++moving)
      for (std::size_t i = 0; i < choices[moving].size(); ++i) {
        set_all([&](std::size_t k) { return k == moving ? i : corner(k); });
        if (!visit(point))
          return false;
      }
  }
  // Every slot at its k-th sample (its last when it has fewer).
  std::size_t widest = 0;
  for (const auto& c : choices)
    widest = std::max(widest, c.size());
  for (std::size_t i = 0; i < widest; ++i) {
    set_all([&](std::size_t k) { return std::min(i, choices[k].size() - 1); });
    if (!visit(point))
      return false;
  }
  return true;
}

template <typename Visit>
bool Sampler::each_reading(const Reading& base, const std::vector<int>& open,
                           const std::vector<std::vector<Abstract>>& choices, Visit visit) {
  // One reading, its open slots rewritten per combination, the first slot fastest.
  Reading point = base;
  std::vector<std::size_t> at(open.size(), 0);
  auto set = [&](std::size_t k) {
    if (open[k] == law_level_fact)
      point.level = choices[k][at[k]];
    else
      point.facts[static_cast<std::size_t>(open[k])] = choices[k][at[k]];
  };
  for (std::size_t k = 0; k < open.size(); ++k)
    set(k);
  while (true) {
    if (!visit(point))
      return false;
    std::size_t k = 0;
    for (; k < at.size(); ++k) {
      if (++at[k] < choices[k].size()) {
        set(k);
        break;
      }
      at[k] = 0;
      set(k);
    }
    if (k == at.size())
      return true;
  }
}

std::optional<bool> Sampler::forces(const Provision& provision, const Test& test, const Right& right,
                                    const std::vector<int>& candidates, const std::vector<int>& kept, Tri target) {
  const Reading* stated = reading(provision, test, right);
  if (!stated)
    return std::nullopt;
  Reading trial = *stated;
  for (int c : candidates) {
    if (contains(kept, c))
      continue;
    if (c == law_level_fact)
      trial.level = Abstract::members(all_members(model_.level));
    else if (model_.facts[static_cast<std::size_t>(c)].type.kind == Type::Kind::predicate)
      trial.facts[static_cast<std::size_t>(c)].reset(); // an open predicate
    else
      trial.facts[static_cast<std::size_t>(c)] = anything(model_.facts[static_cast<std::size_t>(c)].type);
  }
  Tri other = target == Tri::yes ? Tri::no : Tri::yes;
  Tri t = evaluate(model_, right, trial, *test.failure);
  if (t != Tri::unknown)
    return t == target;
  // Uncertain: look for a reading the kept facts allow that gives the other answer. Any
  // such reading proves the kept facts do not force the verdict, so where every
  // combination is too many, some of them are tried (the answer is then never `true`).
  std::vector<int> open;
  std::vector<std::vector<Abstract>> choices;
  bool exhaustive = true;
  bool all = sample_slots(provision, test, right, trial, open, choices, exhaustive, max_samples);
  if (!all) {
    open.clear();
    choices.clear();
    if (!sample_slots(provision, test, right, trial, open, choices, exhaustive, max_slot_samples))
      return std::nullopt;
  }
  bool unsure = false;
  bool counter = false;
  auto visit = [&](const Reading& point) {
    Tri at = evaluate(model_, right, point, *test.failure);
    if (at == other)
      counter = true;
    unsure = unsure || at == Tri::unknown;
    return !counter;
  };
  if (all)
    each_reading(trial, open, choices, visit);
  else
    some_readings(trial, open, choices, visit);
  if (counter)
    return false;
  if (!all || unsure || !exhaustive)
    return std::nullopt;
  return true;
}

Sampler::Sampled Sampler::sample(const Provision& provision, const Test& test, const Right& right, bool want_pass) {
  Sampled out;
  const Reading* stated = reading(provision, test, right);
  std::vector<int> open;
  std::vector<std::vector<Abstract>> choices;
  bool exhaustive = true;
  if (!stated) {
    out.complete = false;
    return out;
  }
  // Past max_samples combinations, some of them (some_readings): the readings found are
  // real ones all the same, in an order fixed by the slots alone.
  bool all = sample_slots(provision, test, right, *stated, open, choices, exhaustive, max_samples);
  if (!all) {
    open.clear();
    choices.clear();
    if (!sample_slots(provision, test, right, *stated, open, choices, exhaustive, max_slot_samples)) {
      out.complete = false;
      return out;
    }
  }
  auto visit = [&](const Reading& point) {
    Tri t = evaluate(model_, right, point, *test.failure);
    if (t == Tri::unknown) {
      out.complete = false;
      return false;
    }
    if (t == Tri::yes && !out.failing)
      out.failing = point;
    out.passing = out.passing || t == Tri::no;
    return !(out.failing && (out.passing || !want_pass));
  };
  if (all)
    each_reading(*stated, open, choices, visit);
  else
    some_readings(*stated, open, choices, visit);
  return out;
}

Witness Sampler::witness(const Provision& provision, const Test& test, const Right& right, const Reading& failing) {
  const Expr& condition = *test.failure;
  const std::vector<int>& used = used_by(test);
  Witness witness;
  // The persons that make the condition hold at this reading, if it asks for some.
  std::vector<FoundPerson> found;
  evaluate_found(model_, right, failing, condition, found);
  std::set<int> shown;
  for (int a : attributes_used(condition))
    shown.insert(a);
  for (int f : used) {
    const StatedFact* stated = provision.find(f);
    const FactDecl& fact = model_.facts[static_cast<std::size_t>(f)];
    const Abstract& value = *failing.facts[static_cast<std::size_t>(f)];
    if (fact.type.kind == Type::Kind::predicate) {
      for (int a : attributes_used(*value.predicate))
        shown.insert(a);
      if (!stated || stated->value.form != FactValue::Form::exact)
        witness.facts.push_back({fact.name, to_text(*value.predicate, model_)});
      for (const auto& person : found) {
        Tri applies = apply(model_, right, failing, value, person.attributes);
        witness.facts.push_back({fact.name + "(" + person.name + ")", applies == Tri::yes ? "yes" : "no"});
      }
      continue;
    }
    if (stated && stated->value.form == FactValue::Form::exact)
      continue;
    witness.facts.push_back({fact.name, show(value, fact.type)});
  }
  for (const auto& person : found) {
    std::set<int> attributes = shown;
    if (person.partner >= 0) {
      const auto& other = found[static_cast<std::size_t>(person.partner)];
      for (std::size_t k = 0; k < person.attributes.size(); ++k)
        if (person.attributes[k] != other.attributes[k])
          attributes.insert(static_cast<int>(k));
    }
    Witness::Person p;
    p.name = person.name;
    for (int k : attributes)
      p.attributes.push_back({model_.attributes[static_cast<std::size_t>(k)].name,
                              show_scalar(model_.attributes[static_cast<std::size_t>(k)].type,
                                          person.attributes[static_cast<std::size_t>(k)])});
    witness.persons.push_back(std::move(p));
  }
  return witness;
}

std::optional<Witness> Sampler::canonical_witness(const Provision& provision, const Test& test, const Right& right) {
  if (!reading(provision, test, right))
    return std::nullopt;
  Sampled sampled = sample(provision, test, right, false);
  if (!sampled.failing)
    return std::nullopt;
  return witness(provision, test, right, *sampled.failing);
}

std::vector<int> Sampler::live_facts(const Provision& provision, const Test& test, const Right& right) {
  const std::vector<int>& used = used_by(test);
  const ProvisionReading& cached = reading_for(provision, right);
  if (!cached.usable)
    return used; // facts the evaluator cannot represent: every fact may matter
  std::vector<int> reads;
  evaluate_reads(model_, right, cached.reading, *test.failure, reads);
  std::sort(reads.begin(), reads.end());
  reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
  return reads;
}

} // namespace siracusa::decide
