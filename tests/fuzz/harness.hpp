// tests/fuzz — the properties the fuzz targets check, as plain functions.
// Takes: the bytes of one rule file, held in memory. Gives: whether the property held,
// and if not, what broke. The libFuzzer targets (fuzz_*.cpp) abort on a broken
// property; the regression test feeds every file in tests/fuzz/regressions/<target>/
// through the same function, so a reproducer keeps being checked without a fuzzer.
#pragma once

#include <string>
#include <string_view>

namespace siracusa::fuzz {

struct Outcome {
  bool ok = true;
  std::string problem; // what broke, when !ok
};

// lint: parse, resolve and type-check one file. Diagnostics must carry a well-formed id
// and a location inside the file, and render.
Outcome lint(std::string_view text);

// fmt: for a file that lints clean, the formatted text lints clean with the same
// diagnostics, formats to itself, and resolves to the same model.
Outcome format_round_trip(std::string_view text);

// check: for a small file that lints clean, the fast path and Z3 agree on every verdict
// neither leaves undetermined, give a core on the same verdicts, and a witness on the
// same `may_fail` findings.
Outcome routes_agree(std::string_view text);

// The function of a target by its name (lint, format, check); null for another name.
using Property = Outcome (*)(std::string_view);
Property property(std::string_view target);

} // namespace siracusa::fuzz
