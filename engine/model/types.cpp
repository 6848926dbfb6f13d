#include "model/types.hpp"

namespace siracusa::model {

const char* unit_name(Unit unit) {
  switch (unit) {
  case Unit::none:
    return "";
  case Unit::days:
    return "days";
  case Unit::hours:
    return "hours";
  case Unit::months:
    return "months";
  case Unit::years:
    return "years";
  case Unit::weeks:
    return "weeks";
  }
  return "";
}

int EnumType::index_of(const std::string& member) const {
  for (std::size_t i = 0; i < members.size(); ++i)
    if (members[i] == member)
      return static_cast<int>(i);
  return -1;
}

std::string describe(const Type& type) {
  switch (type.kind) {
  case Type::Kind::error:
    return "<error>";
  case Type::Kind::boolean:
    return "bool";
  case Type::Kind::integer:
    return type.unit == Unit::none ? "integer" : unit_name(type.unit);
  case Type::Kind::date:
    return "date";
  case Type::Kind::text:
    return "text";
  case Type::Kind::enumeration:
    return type.enumeration->name;
  case Type::Kind::set:
    return "set of " + type.enumeration->name;
  case Type::Kind::predicate:
    return "predicate over person";
  case Type::Kind::person:
    return "person";
  }
  return "?";
}

} // namespace siracusa::model
