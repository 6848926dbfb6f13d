// engine/amend — what a change of the law does to the findings.
// Takes: the findings before and after (two dates, or without and with amendments).
// Gives: the findings resolved, introduced and changed (verdict, strength or basis
// moved), and how many stayed as they were. Only findings a report lists by default count:
// passes and findings that do not apply are the absence of a finding.
#pragma once

#include "check/check.hpp"

#include <set>
#include <string>
#include <vector>

namespace siracusa::amend {

struct FindingChange {
  const check::Finding* before = nullptr;
  const check::Finding* after = nullptr;
};

struct Diff {
  std::vector<const check::Finding*> resolved;   // listed before, passing, inapplicable or gone after
  std::vector<const check::Finding*> introduced; // listed after, not before
  std::vector<FindingChange> changed;            // listed both times, verdict, strength or basis moved
  std::size_t unchanged = 0;
};

// Whether a finding counts as one: something fails, may fail, is undecided or unassessed.
bool counts(const check::Finding& finding);

Diff compare(const check::Result& before, const check::Result& after);

// The same diff when only `touched` provisions were decided again: `fresh` holds their new
// decisions and the duties and conflicts found again (check::Options::only_provisions);
// every other finding of `before` stands, and is counted unchanged without being copied.
Diff compare_incremental(const check::Result& before, const check::Result& fresh, const std::set<std::string>& touched);

// Whether the change makes something fail that did not before, at one of these strengths.
bool introduces_failure(const Diff& diff, const std::vector<model::Strength>& strengths);

} // namespace siracusa::amend
