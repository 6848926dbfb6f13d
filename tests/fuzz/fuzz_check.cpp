// libFuzzer target: the `check` property of harness.hpp on each input.
#include "harness.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto outcome = siracusa::fuzz::property("check")({reinterpret_cast<const char*>(data), size});
  if (!outcome.ok) {
    std::fprintf(stderr, "property `check` broken: %s\n", outcome.problem.c_str());
    std::abort();
  }
  return 0;
}
