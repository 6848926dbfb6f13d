// engine/report — text appended piece by piece as to a string, and passed on to a stream
// in chunks, so that a report is written as it is made rather than held whole.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

namespace siracusa::report {

class TextSink {
 public:
  explicit TextSink(std::ostream& out);
  TextSink(const TextSink&) = delete;
  TextSink& operator=(const TextSink&) = delete;
  // Writes what is left.
  ~TextSink();

  TextSink& operator+=(std::string_view text);
  TextSink& operator+=(char c);
  void flush();

 private:
  std::ostream& out_;
  std::string buffer_;
};

} // namespace siracusa::report
