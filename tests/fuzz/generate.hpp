// tests/fuzz — random small rule files, for differential tests of the two routes.
// Takes: a seed. Gives: the text of one self-contained rule file — its own vocabulary
// (enums of 1 to 300 members, sets, integer, duration and date facts, predicates over
// persons with several attributes), a few tests whose conditions combine comparisons,
// bounds, set membership, quantifiers over persons and pairs, and `unless:` clauses,
// accepted distinctions that the pair binders read, and
// a law whose provisions state facts in every value form (exact, ranges, `one of`,
// `at least`, `at most`, `unknown`). The same seed gives the same text on every machine
// (own arithmetic on a 64-bit generator, no library distribution).
#pragma once

#include <cstdint>
#include <string>

namespace siracusa::fuzz {

struct GeneratedSpec {
  int tests = 4;
  int provisions = 6;
};

std::string generate_rules(std::uint64_t seed, const GeneratedSpec& spec = {});

} // namespace siracusa::fuzz
