#include "commands.hpp"

#include <iostream>

namespace siracusa::cli {

int run_check(const CheckOptions&, const GlobalOptions&) {
  std::cerr << "siracusa: check is being built\n";
  return 2;
}

int run_explain(const ExplainOptions&, const GlobalOptions&) {
  std::cerr << "siracusa: explain is being built\n";
  return 2;
}

} // namespace siracusa::cli
