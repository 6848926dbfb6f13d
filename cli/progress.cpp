#include "progress.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace siracusa::cli {

namespace {

// Redrawn at most this often: a terminal needs no more, and workers must not wait.
constexpr std::chrono::milliseconds redraw_every{100};

// `12,345`
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return out;
}

std::string duration(double seconds) {
  if (seconds < 60)
    return std::to_string(static_cast<int>(seconds + 0.5)) + " s";
  auto minutes = static_cast<int>(seconds / 60);
  return std::to_string(minutes) + " min " + std::to_string(static_cast<int>(seconds) - minutes * 60) + " s";
}

} // namespace

ProgressLine::ProgressLine(bool enabled) : started_(Clock::now()), check_started_(started_) {
  enabled_ = enabled && isatty(STDERR_FILENO) != 0;
  // How long a run lasts before the line shows; tests set it to 0 to see the line at once.
  if (const char* delay = std::getenv("SIRACUSA_PROGRESS_DELAY_MS"))
    delay_ = std::chrono::milliseconds(std::strtol(delay, nullptr, 10));
}

ProgressLine::~ProgressLine() {
  finish();
}

void ProgressLine::parsed(std::size_t files) {
  if (!enabled_)
    return;
  draw("siracusa: parsing: " + grouped(files) + " file" + (files == 1 ? "" : "s"), Phase::parsing);
}

void ProgressLine::start_checking() {
  std::lock_guard lock(mutex_);
  check_started_ = Clock::now();
}

void ProgressLine::checking(const check::Progress& progress) {
  if (!enabled_)
    return;
  auto now = Clock::now();
  std::string text = "siracusa: checking: " + grouped(progress.provisions_done) + " of " +
                     grouped(progress.provisions_total) + " provisions, " + grouped(progress.decisions) + " decisions";
  double elapsed = std::chrono::duration<double>(now - check_started_).count();
  if (progress.provisions_done > 0 && progress.provisions_done < progress.provisions_total && elapsed > 0.5) {
    double left = elapsed * static_cast<double>(progress.provisions_total - progress.provisions_done) /
                  static_cast<double>(progress.provisions_done);
    text += ", about " + duration(left) + " left";
  }
  draw(text, Phase::checking);
}

void ProgressLine::draw(const std::string& text, Phase phase) {
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock.owns_lock())
    return;
  auto now = Clock::now();
  if (now - started_ < delay_)
    return;
  // A new phase shows at once; within one, at most every `redraw_every`.
  if (phase == phase_ && drawn_ && now - last_draw_ < redraw_every)
    return;
  phase_ = phase;
  last_draw_ = now;
  drawn_ = true;
  // Back to the start of the line, the text, then clear what a longer text left.
  std::string line = "\r" + text + "\x1b[K";
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

void ProgressLine::finish() {
  std::lock_guard lock(mutex_);
  if (!drawn_)
    return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

} // namespace siracusa::cli
