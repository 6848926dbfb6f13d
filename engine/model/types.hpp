// engine/model — the types of the rule language.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace siracusa::model {

enum class Unit { none, days, hours, months, years, weeks };
const char* unit_name(Unit unit);

struct EnumType {
  std::string name;
  std::vector<std::string> members;
  std::vector<std::string> docs; // one per member, may be empty
  std::string doc;
  int index_of(const std::string& member) const;
};

struct Type {
  enum class Kind { error, boolean, integer, date, text, enumeration, set, predicate, person };
  Kind kind = Kind::error;
  Unit unit = Unit::none;                // integer
  const EnumType* enumeration = nullptr; // enumeration, set

  static Type error() { return {}; }
  static Type boolean() { return {Kind::boolean, Unit::none, nullptr}; }
  static Type integer(Unit unit) { return {Kind::integer, unit, nullptr}; }
  static Type date() { return {Kind::date, Unit::none, nullptr}; }
  static Type text() { return {Kind::text, Unit::none, nullptr}; }
  static Type enumeration_of(const EnumType* e) { return {Kind::enumeration, Unit::none, e}; }
  static Type set_of(const EnumType* e) { return {Kind::set, Unit::none, e}; }
  static Type predicate() { return {Kind::predicate, Unit::none, nullptr}; }
  static Type person() { return {Kind::person, Unit::none, nullptr}; }

  bool is_error() const { return kind == Kind::error; }
  bool operator==(const Type& other) const {
    return kind == other.kind && unit == other.unit && enumeration == other.enumeration;
  }
  bool operator!=(const Type& other) const { return !(*this == other); }
};

// `days`, `set of aim`, `control_regime`, ... as an analyst would write it.
std::string describe(const Type& type);

} // namespace siracusa::model
