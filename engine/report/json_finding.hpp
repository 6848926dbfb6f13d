// engine/report — one finding as the JSON report writes it (docs/findings.schema.json,
// #/definitions/finding), shared by the JSON report, `explain --format json` and SARIF's
// property bags.
#pragma once

#include "report/json_writer.hpp"
#include "report/selection.hpp"

#include <nlohmann/json.hpp>

namespace siracusa::report {

nlohmann::ordered_json finding_json(const check::Finding& finding);
// With the finding's review and its change since the baseline, when it has them.
nlohmann::ordered_json entry_json(const Entry& entry);
// The same, written to a stream or a tree.
void write_finding(JsonOut& out, const check::Finding& finding);
void write_entry(JsonOut& out, const Entry& entry);

} // namespace siracusa::report
