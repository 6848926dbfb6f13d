// cli — failures of the system (files, memory) in our words: a library's or the C
// library's message is never shown as it is.
#pragma once

#include "commands.hpp"

#include <exception>
#include <system_error>

namespace siracusa::cli {

// "no such file or folder", "permission denied", ... for the common cases.
std::string describe(const std::error_code& code);

// What main() prints for an exception no command handled.
void report_exception(const std::exception& exception, const GlobalOptions& global);

} // namespace siracusa::cli
