// cli — a progress line on stderr for long runs: files parsed, then decisions made and
// the time left. Shown only on a terminal, only once a run has lasted about a second,
// never with -q or -v (whose log lines it would garble), and erased before anything else
// is printed, so that what a run prints is the same with it or without it.
#pragma once

#include "check/check.hpp"

#include <chrono>
#include <mutex>
#include <string>

namespace siracusa::cli {

class ProgressLine {
 public:
  // `enabled`: the caller's decision (quiet, verbose); the terminal is checked here.
  explicit ProgressLine(bool enabled);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Thread-safe; a call that finds another one drawing is dropped.
  void parsed(std::size_t files);
  // When deciding starts: the time left is estimated from the rate since then.
  void start_checking();
  void checking(const check::Progress& progress);
  // Erases the line (call before printing anything else).
  void finish();

 private:
  enum class Phase { none, parsing, checking };
  void draw(const std::string& text, Phase phase);

  using Clock = std::chrono::steady_clock;
  bool enabled_ = false;
  Clock::time_point started_;
  Clock::time_point check_started_;
  Clock::time_point last_draw_;
  std::chrono::milliseconds delay_{1000};
  bool drawn_ = false;
  Phase phase_ = Phase::none;
  std::mutex mutex_;
};

} // namespace siracusa::cli
