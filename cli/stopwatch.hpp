// cli — the time a stage took, for -v: wall-clock and the process's CPU time, both since
// the last lap. On a shared machine the wall-clock time says more of the load than of the
// work; the CPU time (all threads) says how much work there was.
#pragma once

#include <chrono>
#include <ctime>
#include <string>

namespace siracusa::cli {

class Stopwatch {
 public:
  // `12 ms wall, 20 ms CPU` since the last lap (or since the stopwatch was made).
  std::string lap() {
    auto wall = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();
    auto wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(wall - wall_).count();
    auto cpu_ms = static_cast<long long>(static_cast<double>(cpu - cpu_) * 1000.0 / CLOCKS_PER_SEC);
    wall_ = wall;
    cpu_ = cpu;
    return std::to_string(wall_ms) + " ms wall, " + std::to_string(cpu_ms) + " ms CPU";
  }

 private:
  std::chrono::steady_clock::time_point wall_ = std::chrono::steady_clock::now();
  std::clock_t cpu_ = std::clock();
};

} // namespace siracusa::cli
