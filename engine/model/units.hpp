// engine/model — durations and their exact conversions.
// Durations form two families whose members convert exactly: {hour, day, week}
// (1 day = 24 hours, 1 week = 7 days) and {month, year} (1 year = 12 months). A value
// converts to another unit of its family when the result is a whole number; a month or
// a year is not a fixed number of hours, days or weeks, so nothing converts across the
// families. The resolver (a stated fact, a constant in a condition) and the command line
// (siracusa.toml's [parameters]) convert with these functions and no other.
#pragma once

#include "model/types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siracusa::model {

// The words written after a number: `day`, `days`, `hour`, `hours`, `week`, `weeks`,
// `month`, `months`, `year`, `years`.
const std::vector<std::string>& unit_words();
// The unit a word names; nullopt for any other word.
std::optional<Unit> unit_from_word(std::string_view word);

// `1 day`, `2 days`: a quantity as an analyst writes it.
std::string quantity_text(std::int64_t value, Unit unit);

struct Conversion {
  enum class Status {
    exact,           // `value` holds the result
    not_whole,       // 36 hours in days
    incommensurable, // 3 months in days; or a plain number and a unit
    too_large        // the result would exceed the limit (or overflow)
  };
  Status status = Status::exact;
  std::int64_t value = 0;
  bool ok() const { return status == Status::exact; }
};

// `value` in unit `from`, converted to unit `to`; the result's magnitude must not exceed
// `limit`. Exact integer arithmetic, checked for overflow.
Conversion convert(std::int64_t value, Unit from, Unit to, std::int64_t limit);

// Why a conversion failed, as a sentence: "36 hours is not a whole number of days (it is
// 1 day and 12 hours)", "a month is not a fixed number of days: 3 months cannot be
// stated in days".
std::string conversion_problem(const Conversion& conversion, std::int64_t value, Unit from, Unit to,
                               std::int64_t limit);

} // namespace siracusa::model
