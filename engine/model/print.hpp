// engine/model — typed expressions back to the rule language, for `explain` and reports.
#pragma once

#include "model/model.hpp"

#include <string>

namespace siracusa::model {

std::string to_text(const Expr& expr, const Model& model);
std::string to_text(const FactValue& value, const Model& model);

} // namespace siracusa::model
