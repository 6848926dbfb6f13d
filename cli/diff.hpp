// cli — unified diffs, for `fmt --diff`.
#pragma once

#include <string>

namespace siracusa::cli {

// The unified diff (three lines of context, `--- a/NAME`, `+++ b/NAME`, as `git apply` and
// `patch -p1` read it) that turns `before` into `after`; empty when they are equal. Lines
// are compared whole, line endings included; a last line without one is marked
// `\ No newline at end of file`.
std::string unified_diff(const std::string& name, const std::string& before, const std::string& after);

} // namespace siracusa::cli
