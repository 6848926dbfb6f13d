// cli — what a report needs beyond the findings: the digests of the inputs and of the
// rule base, the analysts' reviews (reviews.toml beside the laws), the baseline, and the
// time of the run when asked for.
#pragma once

#include "check/check.hpp"
#include "commands.hpp"
#include "report/report.hpp"

#include <string>
#include <vector>

namespace siracusa::cli {

// The reviews.toml files in the folders of the files that declare laws, in order.
std::vector<std::string> review_files(const model::Model& model, const Inputs& inputs);

// Before the check: fills `info` with digests, the reviews and the baseline. False, after
// printing the diagnostics, when a reviews.toml or the baseline has errors.
bool read_report_inputs(const model::Model& model, const Inputs& inputs, const std::string& baseline, bool timestamp,
                        const GlobalOptions& global, report::ReportInfo& info);
// After the check: the reviews against the findings (the same finding reviewed twice is
// an error, a review of no finding a warning). False, after printing, on errors.
bool check_report_inputs(const check::Result& result, const GlobalOptions& global, const report::ReportInfo& info);

} // namespace siracusa::cli
