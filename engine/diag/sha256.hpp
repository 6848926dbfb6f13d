// engine/diag — SHA-256 (FIPS 180-4), for the digests reports give of their inputs and
// for stable fingerprints of findings. Self-contained; no library needed.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace siracusa {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  // The digest of everything given to update(); the object is spent afterwards.
  std::array<std::uint8_t, 32> finish();

 private:
  void block(const std::uint8_t* data);
  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0; // bytes
};

// The digest of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

} // namespace siracusa
