// engine/amend — the law as it stood on a day.
// Takes: a Model holding every version of the laws and every amendment, and what to
// apply. Gives: the Model of that day — provisions not yet or no longer in force marked
// so, enacted amendments in effect by then and the drafts asked for applied in a stated
// order — and an account of what was applied, left out and touched.
#pragma once

#include "diag/diagnostics.hpp"
#include "model/model.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace siracusa::amend {

struct Request {
  // The day; none: the latest date anything in the corpus takes effect (never the clock).
  std::optional<std::int64_t> as_of;
  // Drafts to apply as if adopted, in this order, after the enacted amendments.
  std::vector<int> drafts;
};

struct Outcome {
  std::optional<std::int64_t> as_of; // none when the corpus has no date at all
  bool as_of_given = false;
  std::vector<int> applied;            // amendments applied, in the order applied
  std::vector<int> drafts_not_applied; // drafts loaded but not asked for
  std::vector<int> pending;            // enacted, but effective after `as_of`
  std::set<std::string> touched;       // provisions whose facts, rights, duties or force changed
  std::size_t out_of_force = 0;        // provisions not in force on the day
};

// Whether an amendment is law (it has an adoption date) rather than a draft.
bool enacted(const model::Amendment& amendment);

// The latest day on which a law, provision or enacted amendment of the corpus takes effect.
std::optional<std::int64_t> latest_effective(const model::Model& model);

// The law as of the requested day. Two amendments that take effect on the same day and
// change the same fact of the same provision (or one repeals what the other changes) are
// a located error (E0501): nothing says which applies last.
model::Model law_as_of(const model::Model& base, const Request& request, Outcome& outcome, Diagnostics& diagnostics);

// Days since 1970-01-01 for `YYYY-MM-DD`; nullopt when it is not a calendar date.
std::optional<std::int64_t> parse_day(const std::string& text);

} // namespace siracusa::amend
