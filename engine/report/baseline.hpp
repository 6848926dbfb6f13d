// engine/report — a previous JSON report used as a baseline (`check --baseline FILE`):
// reports then list only findings that are new or whose verdict, strength or basis
// changed, like a linter's baseline, and say how many they left out.
#pragma once

#include "check/check.hpp"
#include "diag/diagnostics.hpp"

#include <map>
#include <optional>
#include <string>

namespace siracusa::report {

struct BaselineFinding {
  std::string verdict;
  std::string strength;
  std::string basis; // empty for null
};

struct Baseline {
  std::string file; // as given
  std::map<std::string, BaselineFinding> findings;
};

// Reads a JSON report written by `check --format json`. Problems are E0015 diagnostics
// (located at the offending line when the file is not JSON).
std::optional<Baseline> read_baseline(const std::string& path, const std::string& display, Diagnostics& diagnostics);

enum class Change { none, added, changed };

// How the finding stands against the baseline: added (not in it), changed (verdict,
// strength or basis differ; `was` is set) or none (as it was).
Change compare(const check::Finding& finding, const Baseline& baseline, const BaselineFinding** was);

} // namespace siracusa::report
