// engine/report — terminal styling for the text formats (colour only on request).
#pragma once

#include "solve/solver.hpp"

#include <string>

namespace siracusa::report {

struct Style {
  bool color = false;
  std::string verdict(solve::Verdict v) const;
  std::string dim(const std::string& s) const { return color ? "\x1b[2m" + s + "\x1b[0m" : s; }
  std::string bold(const std::string& s) const { return color ? "\x1b[1m" + s + "\x1b[0m" : s; }
};

} // namespace siracusa::report
