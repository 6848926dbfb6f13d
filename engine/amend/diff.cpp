#include "amend/diff.hpp"

#include <algorithm>
#include <map>

namespace siracusa::amend {

using check::Finding;
using check::Verdict;

bool counts(const Finding& f) {
  return f.verdict != Verdict::passes && f.verdict != Verdict::not_applicable;
}

namespace {

Diff compare_listed(const std::map<std::string, const Finding*>& old_findings,
                    const std::map<std::string, const Finding*>& new_findings) {
  Diff diff;
  for (const auto& [id, f] : old_findings) {
    auto it = new_findings.find(id);
    if (it == new_findings.end()) {
      diff.resolved.push_back(f);
    } else if (f->verdict != it->second->verdict || f->strength != it->second->strength ||
               f->basis != it->second->basis) {
      diff.changed.push_back({f, it->second});
    } else {
      ++diff.unchanged;
    }
  }
  for (const auto& [id, f] : new_findings)
    if (!old_findings.count(id))
      diff.introduced.push_back(f);
  return diff;
}

// Findings that look across provisions: duties and conflicts.
bool across(const Finding& f) {
  return !f.provision || f.conflict.has_value();
}

} // namespace

Diff compare(const check::Result& before, const check::Result& after) {
  std::map<std::string, const Finding*> old_findings;
  for (const auto& f : before.findings)
    if (counts(f))
      old_findings.emplace(f.id, &f);
  std::map<std::string, const Finding*> new_findings;
  for (const auto& f : after.findings)
    if (counts(f))
      new_findings.emplace(f.id, &f);
  return compare_listed(old_findings, new_findings);
}

Diff compare_incremental(const check::Result& before, const check::Result& fresh,
                         const std::set<std::string>& touched) {
  std::map<std::string, const Finding*> old_findings;
  std::size_t standing = 0;
  for (const auto& f : before.findings) {
    if (!counts(f))
      continue;
    if (across(f) || touched.count(f.provision->id))
      old_findings.emplace(f.id, &f);
    else
      ++standing;
  }
  std::map<std::string, const Finding*> new_findings;
  for (const auto& f : fresh.findings)
    if (counts(f))
      new_findings.emplace(f.id, &f);
  Diff diff = compare_listed(old_findings, new_findings);
  diff.unchanged += standing;
  return diff;
}

bool introduces_failure(const Diff& diff, const std::vector<model::Strength>& strengths) {
  auto strong = [&](const Finding& f) {
    return f.verdict == Verdict::fails && std::find(strengths.begin(), strengths.end(), f.strength) != strengths.end();
  };
  for (const auto* f : diff.introduced)
    if (strong(*f))
      return true;
  for (const auto& c : diff.changed)
    if (strong(*c.after) && !strong(*c.before))
      return true;
  return false;
}

} // namespace siracusa::amend
