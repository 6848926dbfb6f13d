// engine/diag — decoding UTF-8, shared by the parser's checks and the formatter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace siracusa {

struct Utf8Char {
  std::uint32_t code_point = 0;
  std::size_t length = 0; // 0: not a valid sequence
};

// The character at `i`. Overlong forms, surrogates, values past U+10FFFF and truncated
// sequences are invalid (length 0).
inline Utf8Char decode_utf8(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80)
    return {b0, 1};
  std::size_t length = 0;
  std::uint32_t cp = 0;
  if ((b0 & 0xE0U) == 0xC0U) {
    length = 2;
    cp = b0 & 0x1FU;
  } else if ((b0 & 0xF0U) == 0xE0U) {
    length = 3;
    cp = b0 & 0x0FU;
  } else if ((b0 & 0xF8U) == 0xF0U) {
    length = 4;
    cp = b0 & 0x07U;
  } else {
    return {};
  }
  if (i + length > text.size())
    return {};
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0U) != 0x80U)
      return {};
    cp = (cp << 6U) | (byte(i + k) & 0x3FU);
  }
  constexpr std::uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_length[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return {};
  return {cp, length};
}

} // namespace siracusa
