// engine/decide — values as an analyst writes them, for witnesses and suggestions.
// Takes: a type and a value in the form both routes hold it (an integer standing for a
// truth value, a number, a day or an enum member; the members of a set). Gives: the text
// (`yes`, `11 days`, `2020-01-01`, `authorisation`, `{public_order, public_health}`).
// Both routes show values through these, so the same value reads the same whichever
// route found it.
#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace siracusa::decide {

// A truth value, number (with its unit), date or enum member.
std::string show_scalar(const model::Type& type, std::int64_t value);
// The members of a set, in the enum's order.
std::string show_members(const model::Type& type, const std::vector<bool>& members);
// A text: one of the rules' own texts, or none of them.
std::string show_text(const std::string* text);

} // namespace siracusa::decide
