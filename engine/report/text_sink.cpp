#include "report/text_sink.hpp"

#include <ostream>

namespace siracusa::report {

namespace {

// Bytes gathered before they go to the stream: few writes, and nothing next to the
// findings in memory.
constexpr std::size_t chunk_size = 1 << 16;

} // namespace

TextSink::TextSink(std::ostream& out) : out_(out) {
  buffer_.reserve(chunk_size + 4096);
}

TextSink::~TextSink() {
  flush();
}

TextSink& TextSink::operator+=(std::string_view text) {
  buffer_.append(text);
  if (buffer_.size() >= chunk_size)
    flush();
  return *this;
}

TextSink& TextSink::operator+=(char c) {
  buffer_ += c;
  if (buffer_.size() >= chunk_size)
    flush();
  return *this;
}

void TextSink::flush() {
  if (!buffer_.empty())
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

} // namespace siracusa::report
