// bench — synthetic corpora drawn from a rule base's own vocabulary.
// Takes: a resolved model (rights, facts, person attributes) and a size. Gives: .sir files
// of laws whose provisions state random facts in every value form (exact, range, one of,
// at least, at most, unknown) and random scopes — facts only, as analysts write them.
#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace siracusa::bench {

struct CorpusSpec {
  std::size_t provisions = 1000;
  std::size_t provisions_per_law = 100;
  std::uint64_t seed = 1;
  double fact_probability = 0.25; // each vocabulary fact is stated with this probability
  double scope_probability = 0.1; // each predicate fact is stated with this probability
};

// Writes the corpus under `folder` (created), importing the rule files at `rules` (a
// folder; imports are written relative to `folder`). Returns the number of files written.
std::size_t write_corpus(const model::Model& rules, const std::filesystem::path& rules_folder,
                         const std::filesystem::path& folder, const CorpusSpec& spec);

} // namespace siracusa::bench
