// cli — reading the inputs into the law a command works on: the files (with the bundled
// rule base when they hold laws only), then the law as of a day with the amendments asked
// for (engine/amend).
#pragma once

#include "amend/amend.hpp"
#include "check/check.hpp"
#include "commands.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace siracusa::cli {

struct Loaded {
  model::Model base; // every version and amendment, as read
  model::Model law;  // as of the day, amendments applied
  amend::Outcome outcome;
  Inputs inputs;
  ProjectConfig config;
  std::vector<std::string> rule_base;
};

// Reads the inputs; false (after printing diagnostics) when they have errors or hold no test.
class ProgressLine;
bool load(const std::vector<std::string>& paths, const LawOptions& law, const GlobalOptions& global, Loaded& loaded,
          ProgressLine* progress = nullptr);

// The law of another day (or with other drafts) from what `load` read.
bool law_of(const Loaded& loaded, const LawOptions& law, const GlobalOptions& global, model::Model& out,
            amend::Outcome& outcome);

// What a report says of the day and the amendments: "as of 2025-06-01; 2 amendments applied ...".
std::string time_note(const model::Model& base, const amend::Outcome& outcome);

// The limits every command decides with, so that `test`, `diff`, `coverage`, `suggest` and
// `explain` reach the verdicts `check` reports: the command line's value, else
// siracusa.toml's, else the default (2000 ms per query, no resource limit, one worker per
// core).
// check::run, with its diagnostics printed; nothing when one of them is an error.
std::optional<check::Result> run_checks(const model::Model& law, const check::Options& options,
                                        const GlobalOptions& global);

check::Options decision_options(const ProjectConfig& config, std::optional<unsigned> timeout_ms,
                                std::optional<unsigned> rlimit, std::optional<unsigned> jobs);

} // namespace siracusa::cli
