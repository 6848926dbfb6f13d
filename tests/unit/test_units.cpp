// Durations in any unit (engine/model/units.hpp): the exact conversions within the two
// families {hour, day, week} and {month, year}, and where the resolver applies them: a
// fact's value takes the fact's unit, a constant in a condition the other side's; a value
// that is not whole there, or of the other family, is E0108 at the value, and one past
// 10^12 once converted is E0106, never an overflow.
#include "support.hpp"

#include "model/print.hpp"
#include "model/units.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace siracusa;
using namespace siracusa::testing;
using model::Conversion;
using model::Unit;
using Ids = std::vector<std::string>;

namespace {

constexpr std::int64_t limit = 1'000'000'000'000LL;

Conversion::Status status(std::int64_t value, Unit from, Unit to) {
  return model::convert(value, from, to, limit).status;
}

std::int64_t converted(std::int64_t value, Unit from, Unit to) {
  auto c = model::convert(value, from, to, limit);
  REQUIRE(c.ok());
  return c.value;
}

// base.sir and main.sir; main.sir declares two facts in months and years (lines 2-3), so a
// provision's facts are on line 12 at column 5, a test's condition on line 7 at column 15.
const char* const more_facts = "fact ban_months: months \"m\"\nfact ban_years: years \"y\"\n";

Loaded with_base(const std::string& main) {
  return load_files({{"base.sir", base_rules}, {"main.sir", "import \"base.sir\"\n" + std::string(more_facts) + main}});
}

Loaded law_with(const std::string& facts) {
  return with_base("law l {\n  title: \"A law\"\n  jurisdiction: xx\n  level: law\n  source: doc para 1\n"
                   "  provision p {\n    restricts: art19\n    source: doc para 2\n    " +
                   facts + "\n  }\n}\n");
}

Loaded test_with(const std::string& condition) {
  return with_base(
      "test t {\n  applies to: art19\n  criterion: necessity\n  fails when: " + condition +
      "\n  cites: covenant art 19\n  explanation: \"e\"\n  recommendation: \"r\"\n  strength: concern\n}\n");
}

const model::FactValue& value_of(const Loaded& loaded, const std::string& fact) {
  INFO(render_all(loaded.diagnostics, {}));
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  int p = loaded.model.find_provision("l.p");
  REQUIRE(p >= 0);
  const auto* s = loaded.model.provisions[static_cast<std::size_t>(p)].find(loaded.model.find_fact(fact));
  REQUIRE(s != nullptr);
  return s->value;
}

std::string stated_text(const std::string& facts, const std::string& fact) {
  auto loaded = law_with(facts);
  return model::to_text(value_of(loaded, fact), loaded.model);
}

std::string condition_text(const Loaded& loaded) {
  INFO(render_all(loaded.diagnostics, {}));
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  REQUIRE(loaded.model.tests.size() == 1);
  return model::to_text(*loaded.model.tests.front().condition, loaded.model);
}

std::string first_message(const Loaded& loaded) {
  REQUIRE(loaded.diagnostics.size() > 0);
  return loaded.diagnostics.all().front().message;
}

std::string first_note(const Loaded& loaded) {
  REQUIRE(loaded.diagnostics.size() > 0);
  REQUIRE_FALSE(loaded.diagnostics.all().front().notes.empty());
  return loaded.diagnostics.all().front().notes.front().message;
}

} // namespace

// ---- the conversion --------------------------------------------------------------------------

TEST_CASE("units: exact conversions within a family", "[units]") {
  CHECK(converted(48, Unit::hours, Unit::days) == 2);
  CHECK(converted(2, Unit::weeks, Unit::days) == 14);
  CHECK(converted(1, Unit::weeks, Unit::hours) == 168);
  CHECK(converted(336, Unit::hours, Unit::weeks) == 2);
  CHECK(converted(2, Unit::years, Unit::months) == 24);
  CHECK(converted(36, Unit::months, Unit::years) == 3);
  CHECK(converted(-48, Unit::hours, Unit::days) == -2);
  CHECK(converted(0, Unit::months, Unit::years) == 0);
  CHECK(converted(7, Unit::days, Unit::days) == 7);
}

TEST_CASE("units: a result that is not whole, or across the families, does not convert", "[units]") {
  CHECK(status(36, Unit::hours, Unit::days) == Conversion::Status::not_whole);
  CHECK(status(10, Unit::days, Unit::weeks) == Conversion::Status::not_whole);
  CHECK(status(13, Unit::months, Unit::years) == Conversion::Status::not_whole);
  CHECK(status(-25, Unit::hours, Unit::days) == Conversion::Status::not_whole);
  CHECK(status(3, Unit::months, Unit::days) == Conversion::Status::incommensurable);
  CHECK(status(1, Unit::years, Unit::weeks) == Conversion::Status::incommensurable);
  CHECK(status(30, Unit::days, Unit::months) == Conversion::Status::incommensurable);
  CHECK(status(0, Unit::hours, Unit::years) == Conversion::Status::incommensurable);
  CHECK(status(5, Unit::none, Unit::days) == Conversion::Status::incommensurable);
  CHECK(status(5, Unit::days, Unit::none) == Conversion::Status::incommensurable);

  CHECK(model::conversion_problem(model::convert(36, Unit::hours, Unit::days, limit), 36, Unit::hours, Unit::days,
                                  limit) == "`36 hours` is not a whole number of days (it is 1 day and 12 hours)");
  CHECK(model::conversion_problem(model::convert(3, Unit::months, Unit::days, limit), 3, Unit::months, Unit::days,
                                  limit) ==
        "a month is not a fixed number of days, so `3 months` cannot be stated in days");
  CHECK(model::conversion_problem(model::convert(30, Unit::days, Unit::years, limit), 30, Unit::days, Unit::years,
                                  limit) ==
        "a year is not a fixed number of days, so `30 days` cannot be stated in years");
}

TEST_CASE("units: a result past the limit, or past 64 bits, is too large and never overflows", "[units]") {
  CHECK(status(limit, Unit::weeks, Unit::hours) == Conversion::Status::too_large);
  CHECK(status(limit / 168, Unit::weeks, Unit::hours) == Conversion::Status::exact);
  CHECK(status(limit / 168 + 1, Unit::weeks, Unit::hours) == Conversion::Status::too_large);
  constexpr auto big = std::numeric_limits<std::int64_t>::max();
  constexpr auto small = std::numeric_limits<std::int64_t>::min();
  CHECK(status(big, Unit::weeks, Unit::hours) == Conversion::Status::too_large);
  CHECK(status(small, Unit::years, Unit::months) == Conversion::Status::too_large);
  CHECK(status(big, Unit::hours, Unit::hours) == Conversion::Status::too_large);
  // Down to a larger unit the value shrinks; past the limit it is still refused.
  CHECK(status(24 * limit, Unit::hours, Unit::days) == Conversion::Status::exact);
  CHECK(status(48 * limit, Unit::hours, Unit::days) == Conversion::Status::too_large);
  CHECK(model::conversion_problem(model::convert(limit, Unit::weeks, Unit::hours, limit), limit, Unit::weeks,
                                  Unit::hours,
                                  limit) == "`1000000000000 weeks` is too large in hours (the limit is 10^12)");
}

TEST_CASE("units: the words and how a quantity is written", "[units]") {
  CHECK(model::unit_from_word("week") == Unit::weeks);
  CHECK(model::unit_from_word("weeks") == Unit::weeks);
  CHECK(model::unit_from_word("hour") == Unit::hours);
  CHECK(model::unit_from_word("years") == Unit::years);
  CHECK_FALSE(model::unit_from_word("fortnight"));
  CHECK_FALSE(model::unit_from_word("Days"));
  CHECK_FALSE(model::unit_from_word(""));
  CHECK(model::unit_words().size() == 10);
  CHECK(model::quantity_text(1, Unit::days) == "1 day");
  CHECK(model::quantity_text(36, Unit::hours) == "36 hours");
}

// ---- where the resolver converts ---------------------------------------------------------------

TEST_CASE("units: a fact's value is converted to the fact's declared unit", "[units][resolve]") {
  auto exact = law_with("notice_days: 48 hours");
  const auto& v = value_of(exact, "notice_days");
  REQUIRE(v.values.size() == 1);
  CHECK(v.values[0]->number == 2);
  CHECK(v.values[0]->type == model::Type::integer(Unit::days));
  CHECK(model::to_text(v, exact.model) == "2 days");

  CHECK(stated_text("notice_days: 2 weeks", "notice_days") == "14 days");
  CHECK(stated_text("notice_days: 1 week", "notice_days") == "7 days");
  CHECK(stated_text("ban_months: 2 years", "ban_months") == "24 months");
  CHECK(stated_text("ban_years: 36 months", "ban_years") == "3 years");
  // Every form of value: ranges (a unit on the upper end serves both), bounds, `one of`.
  CHECK(stated_text("notice_days: 24..72 hours", "notice_days") == "1 days..3 days");
  CHECK(stated_text("notice_days: 1 day..2 weeks", "notice_days") == "1 days..14 days");
  CHECK(stated_text("notice_days: at most 2 weeks", "notice_days") == "at most 14 days");
  CHECK(stated_text("notice_days: at least 48 hours", "notice_days") == "at least 2 days");
  CHECK(stated_text("notice_days: one of {24 hours, 1 week}", "notice_days") == "one of {1 days, 7 days}");
}

TEST_CASE("units: a value that does not convert to the fact's unit is E0108 at the value, with why and what to do",
          "[units][resolve]") {
  auto inexact = law_with("notice_days: 36 hours");
  CHECK(ids_at(inexact.diagnostics) == Ids{"E0108@12:18"});
  CHECK(first_message(inexact) == "`36 hours` is not a whole number of days (it is 1 day and 12 hours)");
  CHECK(first_note(inexact) ==
        "fact `notice_days` is in days: write the value as a whole number of days, or declare the fact in hours");

  auto across = law_with("notice_days: 3 months");
  CHECK(ids_at(across.diagnostics) == Ids{"E0108@12:18"});
  CHECK(first_message(across) == "a month is not a fixed number of days, so `3 months` cannot be stated in days");
  CHECK(first_note(across) == "fact `notice_days` is in days: write the value as a whole number of days, as the law "
                              "counts them, or declare the fact in months");

  CHECK(ids_at(law_with("ban_years: 18 months").diagnostics) == Ids{"E0108@12:16"});
  CHECK(ids_at(law_with("ban_months: 2 weeks").diagnostics) == Ids{"E0108@12:17"});
  CHECK(ids_at(law_with("notice_days: 10 hours").diagnostics) == Ids{"E0108@12:18"});
  // Each end of a range, each option, a bound.
  CHECK(ids_at(law_with("notice_days: 36..48 hours").diagnostics) == Ids{"E0108@12:18"});
  CHECK(ids_at(law_with("notice_days: 1 day..1 month").diagnostics) == Ids{"E0108@12:25"});
  CHECK(ids_at(law_with("notice_days: one of {1 day, 30 hours}").diagnostics) == Ids{"E0108@12:33"});
  CHECK(ids_at(law_with("notice_days: at most 1 year").diagnostics) == Ids{"E0108@12:26"});
  // A plain number still asks for its unit; a unit for a plain number is still a mismatch.
  CHECK(ids_at(law_with("notice_days: 10").diagnostics) == Ids{"E0204@12:18"});
}

TEST_CASE("units: a conversion past 10^12 is E0106 at the value, and a huge number never overflows",
          "[units][resolve]") {
  // 10^12 weeks fit as written but not in hours; in days they are 7 * 10^12.
  auto hours = with_base("fact notice_hours: hours \"h\"\nlaw l {\n  title: \"A law\"\n  jurisdiction: xx\n"
                         "  level: law\n  source: doc para 1\n  provision p {\n    restricts: art19\n"
                         "    source: doc para 2\n    notice_hours: 1000000000000 weeks\n  }\n}\n");
  CHECK(ids_at(hours.diagnostics) == Ids{"E0106@13:19"});
  CHECK(first_message(hours) == "`1000000000000 weeks` is too large in hours (the limit is 10^12)");
  CHECK(ids_at(law_with("notice_days: 1000000000000 weeks").diagnostics) == Ids{"E0106@12:18"});
  CHECK(ids_at(law_with("ban_months: 999999999999 years").diagnostics) == Ids{"E0106@12:17"});
  // Past 64 bits the number itself is refused before any conversion.
  CHECK(ids_at(law_with("notice_days: 1000000000000000000000000000000 hours").diagnostics) == Ids{"E0106@12:18"});
  CHECK(ids_at(test_with("notice_days > 1000000000000000000000000000000 hours").diagnostics) == Ids{"E0106@7:29"});
  CHECK(ids_at(test_with("notice_days > 1000000000000 weeks").diagnostics) == Ids{"E0106@7:29"});
  // A large value that converts down stays exact.
  CHECK(stated_text("notice_days: 24000000000 hours", "notice_days") == "1000000000 days");
}

TEST_CASE("units: a constant in a condition takes the unit of the other side", "[units][resolve]") {
  CHECK(condition_text(test_with("notice_days > 48 hours")) == "notice_days > 2 days");
  CHECK(condition_text(test_with("2 weeks <= notice_days")) == "14 days <= notice_days");
  CHECK(condition_text(test_with("ban_months <= 2 years")) == "ban_months <= 24 months");
  CHECK(condition_text(test_with("notice_days + 1 week == 3 weeks")) == "notice_days + 7 days == 21 days");
  CHECK(condition_text(test_with("adopted_on + 2 weeks > 2020-01-01")) == "adopted_on + 14 days > 2020-01-01");
  CHECK(condition_text(test_with("some person p: p.age < 216 months")) == "some person p: p.age < 18 years");
  // Two constants of one family meet in the smaller unit.
  CHECK(condition_text(test_with("1 day < 36 hours")) == "24 hours < 36 hours");
  CHECK(condition_text(test_with("2 weeks == 14 days")) == "14 days == 14 days");
  CHECK(ids_at(test_with("1000000000000 weeks > 1 hour").diagnostics) == Ids{"E0106@7:15"});

  auto inexact = test_with("notice_days > 36 hours");
  CHECK(ids_at(inexact.diagnostics) == Ids{"E0108@7:29"});
  CHECK(first_note(inexact) ==
        "fact `notice_days` is in days: write the value as a whole number of days, or declare the fact in hours");
  auto across = test_with("notice_days < 1 year");
  CHECK(ids_at(across.diagnostics) == Ids{"E0108@7:29"});
  CHECK(first_message(across) == "a year is not a fixed number of days, so `1 year` cannot be stated in days");
  CHECK(ids_at(test_with("1 month > notice_days").diagnostics) == Ids{"E0108@7:15"});
  CHECK(ids_at(test_with("adopted_on + 1 year > 2020-01-01").diagnostics) == Ids{"E0108@7:28"});
  CHECK(ids_at(test_with("some person p: p.age < 200 months").diagnostics) == Ids{"E0108@7:38"});
  // Not constants: a fact in days and one in months stay a mismatch, as do two constants
  // of different families.
  CHECK(ids_at(test_with("notice_days < ban_months").diagnostics) == Ids{"E0204@7:15"});
  CHECK(ids_at(test_with("10 days < 2 years").diagnostics) == Ids{"E0204@7:15"});
}
