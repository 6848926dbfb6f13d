// tests/fuzz — the properties the fuzz targets check, as plain functions.
// Takes: the bytes of one rule file, held in memory. Gives: whether the property held,
// and if not, what broke. The libFuzzer targets (fuzz_*.cpp) abort on a broken
// property; the regression test feeds every file in tests/fuzz/regressions/<target>/
// through the same function, so a reproducer keeps being checked without a fuzzer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace siracusa::fuzz {

struct Outcome {
  bool ok = true;
  std::string problem;       // what broke, when !ok
  std::size_t decisions = 0; // check: decisions compared (neither route undetermined)
  std::size_t fast = 0;      // check: of which the default route settled on the fast path
};

// lint: parse, resolve and type-check one file. Diagnostics must carry a well-formed id
// and a location inside the file, and render.
Outcome lint(std::string_view text);

// fmt: for a file that lints clean, the formatted text lints clean with the same
// diagnostics, formats to itself, and resolves to the same model.
Outcome format_round_trip(std::string_view text);

// check: for a small file that lints clean, the default route (fast path first) and
// --all-z3 give, wherever neither is undetermined, the same verdict, the same core, the
// same witness and the same note; and every core of a `fails` or `passes` forces the
// verdict by itself (re-checked by Z3 on the provision stripped of the other facts).
Outcome routes_agree(std::string_view text);

// The function of a target by its name (lint, format, check); null for another name.
using Property = Outcome (*)(std::string_view);
Property property(std::string_view target);

} // namespace siracusa::fuzz
