// engine/report — one finding as JSON, shared by the reports that list findings
// (check, diff). The fields are those docs/findings.schema.json documents.
#pragma once

#include "check/check.hpp"

#include <nlohmann/json.hpp>

namespace siracusa::report {

nlohmann::ordered_json finding_json(const check::Finding& finding);

} // namespace siracusa::report
