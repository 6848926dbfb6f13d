#include "model/units.hpp"

namespace siracusa::model {

namespace {

enum class Family { none, hours, months };

Family family(Unit unit) {
  switch (unit) {
  case Unit::hours:
  case Unit::days:
  case Unit::weeks:
    return Family::hours;
  case Unit::months:
  case Unit::years:
    return Family::months;
  case Unit::none:
    return Family::none;
  }
  return Family::none;
}

// The unit's length in the smallest unit of its family (hours, months).
std::int64_t factor(Unit unit) {
  switch (unit) {
  case Unit::days:
    return 24;
  case Unit::weeks:
    return 24 * 7;
  case Unit::years:
    return 12;
  default:
    return 1;
  }
}

const char* singular(Unit unit) {
  switch (unit) {
  case Unit::hours:
    return "hour";
  case Unit::days:
    return "day";
  case Unit::weeks:
    return "week";
  case Unit::months:
    return "month";
  case Unit::years:
    return "year";
  case Unit::none:
    return "";
  }
  return "";
}

// The next smaller unit of the family, for "1 day and 12 hours".
Unit smallest(Unit unit) {
  return family(unit) == Family::months ? Unit::months : Unit::hours;
}

} // namespace

const std::vector<std::string>& unit_words() {
  static const std::vector<std::string> words = {"day",   "days",  "hour",   "hours", "week",
                                                 "weeks", "month", "months", "year",  "years"};
  return words;
}

std::optional<Unit> unit_from_word(std::string_view word) {
  for (Unit unit : {Unit::hours, Unit::days, Unit::weeks, Unit::months, Unit::years})
    if (word == singular(unit) || word == unit_name(unit))
      return unit;
  return std::nullopt;
}

std::string quantity_text(std::int64_t value, Unit unit) {
  if (unit == Unit::none)
    return std::to_string(value);
  return std::to_string(value) + " " + (value == 1 || value == -1 ? singular(unit) : unit_name(unit));
}

Conversion convert(std::int64_t value, Unit from, Unit to, std::int64_t limit) {
  Conversion out;
  if (from == to) {
    out.value = value;
    if (value > limit || value < -limit)
      out.status = Conversion::Status::too_large;
    return out;
  }
  if (family(from) == Family::none || family(from) != family(to)) {
    out.status = Conversion::Status::incommensurable;
    return out;
  }
  std::int64_t base = 0;
  if (__builtin_mul_overflow(value, factor(from), &base)) {
    out.status = Conversion::Status::too_large;
    return out;
  }
  if (base % factor(to) != 0) {
    out.status = Conversion::Status::not_whole;
    return out;
  }
  out.value = base / factor(to);
  if (out.value > limit || out.value < -limit)
    out.status = Conversion::Status::too_large;
  return out;
}

std::string conversion_problem(const Conversion& conversion, std::int64_t value, Unit from, Unit to,
                               std::int64_t limit) {
  std::string written = quantity_text(value, from);
  switch (conversion.status) {
  case Conversion::Status::exact:
    return "";
  case Conversion::Status::not_whole: {
    // 36 hours is 1 day and 12 hours: the whole part in `to`, the rest in the family's
    // smallest unit (both exact; no overflow, as `value * factor(from)` did not).
    std::int64_t base = value * factor(from);
    std::int64_t whole = base / factor(to);
    std::int64_t rest = (base % factor(to)) / factor(smallest(to));
    return "`" + written + "` is not a whole number of " + unit_name(to) + " (it is " + quantity_text(whole, to) +
           " and " + quantity_text(rest, smallest(to)) + ")";
  }
  case Conversion::Status::incommensurable: {
    if (from == Unit::none || to == Unit::none)
      return "`" + written + "` is not a number of " + (to == Unit::none ? "the same kind" : unit_name(to));
    Unit calendar = family(from) == Family::months ? from : to;
    Unit fixed = calendar == from ? to : from;
    return std::string("a ") + singular(calendar) + " is not a fixed number of " + unit_name(fixed) + ", so `" +
           written + "` cannot be stated in " + unit_name(to);
  }
  case Conversion::Status::too_large: {
    // 10^12 rather than 1000000000000, as the limit on numbers is written elsewhere.
    std::string bound = std::to_string(limit);
    if (bound.size() > 2 && bound[0] == '1' && bound.find_first_not_of('0', 1) == std::string::npos)
      bound = "10^" + std::to_string(bound.size() - 1);
    return "`" + written + "` is too large in " + unit_name(to) + " (the limit is " + bound + ")";
  }
  }
  return "";
}

} // namespace siracusa::model
