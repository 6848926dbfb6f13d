#include "decide/display.hpp"

namespace siracusa::decide {

using namespace model;

std::string show_scalar(const Type& type, std::int64_t value) {
  switch (type.kind) {
  case Type::Kind::boolean:
    return value != 0 ? "yes" : "no";
  case Type::Kind::date:
    return civil_from_days(value);
  case Type::Kind::enumeration: {
    const auto& members = type.enumeration->members;
    return value >= 0 && static_cast<std::size_t>(value) < members.size() ? members[static_cast<std::size_t>(value)]
                                                                          : std::to_string(value);
  }
  default:
    return std::to_string(value) + (type.unit == Unit::none ? "" : std::string(" ") + unit_name(type.unit));
  }
}

std::string show_members(const Type& type, const std::vector<bool>& members) {
  std::string out;
  for (std::size_t i = 0; i < members.size() && i < type.enumeration->members.size(); ++i)
    if (members[i])
      out += (out.empty() ? "" : ", ") + type.enumeration->members[i];
  return "{" + out + "}";
}

std::string show_text(const std::string* text) {
  return text ? "\"" + *text + "\"" : "a text different from those in the rules";
}

} // namespace siracusa::decide
