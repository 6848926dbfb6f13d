// SHA-256: the known answers of FIPS 180-4 (and its usual long tests), input fed in
// pieces of every size, and agreement with the system's sha256sum around the block
// boundaries where padding changes.
#include "support.hpp"

#include "diag/sha256.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace siracusa;
using namespace siracusa::testing;

namespace {

std::string hex_of(const std::array<std::uint8_t, 32>& digest) {
  static const char* const digits = "0123456789abcdef";
  std::string out;
  for (auto byte : digest) {
    out += digits[byte >> 4];
    out += digits[byte & 0xf];
  }
  return out;
}

} // namespace

TEST_CASE("sha256: known answers", "[sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(
      sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopq"
                 "rstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(sha256_hex(std::string(1'000'000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(sha256_hex(std::string("\0", 1)) == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
}

TEST_CASE("sha256: the digest does not depend on how the input is split", "[sha256]") {
  std::string text;
  for (int i = 0; i < 300; ++i)
    text += static_cast<char>((i * 37 + 11) & 0xff);
  std::string whole = sha256_hex(text);
  for (std::size_t piece : {1, 3, 55, 56, 63, 64, 65, 127, 299}) {
    Sha256 hash;
    for (std::size_t at = 0; at < text.size(); at += piece)
      hash.update(std::string_view(text).substr(at, piece));
    INFO("pieces of " << piece);
    CHECK(hex_of(hash.finish()) == whole);
  }
}

TEST_CASE("sha256: agrees with sha256sum around every padding boundary", "[sha256]") {
  if (std::system("command -v sha256sum >/dev/null 2>&1") != 0) {
    WARN("sha256sum is not installed: skipped");
    return;
  }
  TempDir dir;
  for (std::size_t length : {0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000}) {
    std::string text;
    for (std::size_t i = 0; i < length; ++i)
      text += static_cast<char>('a' + (i * 7) % 26);
    auto file = dir.write("input-" + std::to_string(length), text);
    Run run = run_command("sha256sum " + file.string());
    REQUIRE(run.status == 0);
    INFO("length " << length);
    CHECK(run.out.substr(0, 64) == sha256_hex(text));
  }
}
