// engine/report — the analyst's notes for `siracusa coverage --notes FILE`.
// Takes: a text file of lines `N: note` or `N-M: note` (blank lines and `#` comments
// ignored) and the document's paragraph range. Gives: the notes, or E0022 located at the
// line that is malformed, outside the range, or notes a paragraph a second time.
#pragma once

#include "diag/diagnostics.hpp"
#include "model/model.hpp"
#include "report/coverage.hpp"

#include <optional>
#include <string>
#include <vector>

namespace siracusa::report {

std::optional<std::vector<CoverageNote>> read_coverage_notes(const std::string& path, const std::string& display,
                                                             const model::Document& document, Diagnostics& diagnostics);

} // namespace siracusa::report
