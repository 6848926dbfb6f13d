#include "amend/amend.hpp"

#include <algorithm>
#include <map>

namespace siracusa::amend {

using namespace model;

namespace {

std::optional<std::int64_t> first_day(const std::optional<DateRange>& d) {
  return d ? std::optional<std::int64_t>(d->first) : std::nullopt;
}

// When a block starts to hold and stops: the first day of its own dates, else none. A
// partial date counts from its first day.
std::optional<std::int64_t> start_of(const Dates& d) {
  return d.effective ? first_day(d.effective) : first_day(d.adopted);
}

std::optional<std::int64_t> end_of(const Dates& d) {
  auto repealed = first_day(d.repealed);
  auto expires = first_day(d.expires);
  if (repealed && expires)
    return std::min(*repealed, *expires);
  return repealed ? repealed : expires;
}

bool holds_on(const Dates& own, const Dates& law, std::int64_t day) {
  auto start = start_of(own) ? start_of(own) : start_of(law);
  if (start && *start > day)
    return false;
  for (const auto* d : {&own, &law})
    if (auto end = end_of(*d); end && *end <= day)
      return false;
  return true;
}

// What an amendment's change reaches, to find two that collide.
struct Target {
  std::string provision;
  int fact; // -1: the provision as a whole (repeal, add, rights, duties)
  bool operator<(const Target& o) const { return std::tie(provision, fact) < std::tie(o.provision, o.fact); }
};

Target target_of(const Change& c) {
  bool whole = c.kind == Change::Kind::repeal || c.kind == Change::Kind::add || c.kind == Change::Kind::set_restricts ||
               c.kind == Change::Kind::set_implements;
  return {c.target, whole ? -1 : c.fact};
}

void apply(Model& model, const Amendment& amendment, Outcome& outcome) {
  for (const auto& change : amendment.changes) {
    if (change.kind == Change::Kind::add) {
      Provision added = *change.added;
      added.in_force = true;
      int index = static_cast<int>(model.provisions.size());
      model.laws[static_cast<std::size_t>(added.law)].provisions.push_back(index);
      outcome.touched.insert(added.id);
      model.provisions.push_back(std::move(added));
      continue;
    }
    int index = model.find_provision(change.target);
    if (index < 0)
      continue; // reported by the resolver
    Provision& p = model.provisions[static_cast<std::size_t>(index)];
    outcome.touched.insert(p.id);
    switch (change.kind) {
    case Change::Kind::repeal:
      p.in_force = false;
      break;
    case Change::Kind::set_restricts:
      p.restricts = change.names;
      break;
    case Change::Kind::set_implements:
      p.implements = change.names;
      break;
    case Change::Kind::remove:
      p.facts.erase(
          std::remove_if(p.facts.begin(), p.facts.end(), [&](const StatedFact& s) { return s.fact == change.fact; }),
          p.facts.end());
      break;
    case Change::Kind::set:
    case Change::Kind::change: {
      StatedFact stated;
      stated.fact = change.fact;
      stated.value = change.value;
      // The amendment's text is the law's text once adopted; it cites its own source.
      stated.basis = Basis::text;
      stated.sources = amendment.sources.empty() ? p.sources : amendment.sources;
      auto at = std::lower_bound(p.facts.begin(), p.facts.end(), change.fact,
                                 [](const StatedFact& s, int f) { return s.fact < f; });
      if (at != p.facts.end() && at->fact == change.fact)
        *at = std::move(stated);
      else
        p.facts.insert(at, std::move(stated));
      break;
    }
    case Change::Kind::add:
      break;
    }
  }
}

} // namespace

bool enacted(const Amendment& amendment) {
  return amendment.dates.adopted.has_value();
}

std::optional<std::int64_t> latest_effective(const Model& model) {
  std::optional<std::int64_t> latest;
  auto consider = [&](const Dates& d) {
    if (auto start = start_of(d); start && (!latest || *start > *latest))
      latest = start;
  };
  for (const auto& law : model.laws)
    consider(law.dates);
  for (const auto& p : model.provisions)
    consider(p.dates);
  for (const auto& a : model.amendments)
    if (enacted(a))
      consider(a.dates);
  return latest;
}

std::optional<std::int64_t> parse_day(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9')
      return std::nullopt;
  return days_from_civil(std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2)));
}

Model law_as_of(const Model& base, const Request& request, Outcome& outcome, Diagnostics& diagnostics) {
  Model model = base;
  outcome = Outcome{};
  outcome.as_of_given = request.as_of.has_value();
  outcome.as_of = request.as_of ? request.as_of : latest_effective(base);

  // Enacted amendments in effect by the day, by date then in the order declared; then the
  // drafts asked for, in the order asked.
  std::vector<int> order;
  for (std::size_t a = 0; a < base.amendments.size(); ++a) {
    const Amendment& amendment = base.amendments[a];
    int index = static_cast<int>(a);
    bool asked = std::find(request.drafts.begin(), request.drafts.end(), index) != request.drafts.end();
    if (asked)
      continue;
    if (!enacted(amendment)) {
      outcome.drafts_not_applied.push_back(index);
      continue;
    }
    auto start = start_of(amendment.dates);
    if (outcome.as_of && start && *start > *outcome.as_of) {
      outcome.pending.push_back(index);
      continue;
    }
    order.push_back(index);
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    auto da = start_of(base.amendments[static_cast<std::size_t>(a)].dates).value_or(0);
    auto db = start_of(base.amendments[static_cast<std::size_t>(b)].dates).value_or(0);
    return da < db;
  });
  order.insert(order.end(), request.drafts.begin(), request.drafts.end());

  // Two amendments of one day that reach the same fact: their order would decide the law.
  std::map<std::pair<std::int64_t, Target>, const Change*> seen;
  for (int index : order) {
    const Amendment& amendment = base.amendments[static_cast<std::size_t>(index)];
    auto day = start_of(amendment.dates);
    if (!day)
      continue;
    std::set<Target> own;
    for (const auto& change : amendment.changes) {
      Target t = target_of(change);
      if (!own.insert(t).second)
        continue;
      for (const auto& [key, earlier] : seen) {
        if (key.first != *day || key.second.provision != t.provision)
          continue;
        if (key.second.fact == t.fact || key.second.fact < 0 || t.fact < 0) {
          diagnostics
              .error("E0501", change.span,
                     "this change and another amendment's take effect on the same day and reach `" + t.provision +
                         "`: which applies last is not stated")
              .notes.push_back({earlier->span, "the other change"});
          break;
        }
      }
      seen.emplace(std::make_pair(*day, t), &change);
    }
  }
  if (diagnostics.has_errors())
    return model;

  for (int index : order) {
    apply(model, base.amendments[static_cast<std::size_t>(index)], outcome);
    outcome.applied.push_back(index);
  }
  if (outcome.as_of) {
    for (auto& p : model.provisions) {
      if (!p.in_force) {
        ++outcome.out_of_force;
        continue;
      }
      const Law& law = model.laws[static_cast<std::size_t>(p.law)];
      if (!holds_on(p.dates, law.dates, *outcome.as_of)) {
        p.in_force = false;
        ++outcome.out_of_force;
      }
    }
  } else {
    for (const auto& p : model.provisions)
      outcome.out_of_force += p.in_force ? 0 : 1;
  }
  return model;
}

} // namespace siracusa::amend
