// bench — synthetic corpora drawn from a rule base's own vocabulary.
// Takes: a resolved model (rights, facts, person attributes, duties) and a size. Gives:
// .sir files of laws whose provisions state random facts in every value form (exact,
// range, one of, at least, at most, unknown) and random scopes, as analysts write them;
// on request also what crosses provisions: permits/obliges/forbids of synthetic acts for
// nested person predicates (conflicts), duties implemented in full or in part over several
// jurisdictions (gaps), and enacted amendments (the law as of a day).
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
  // What crosses provisions; the defaults leave it out, and leave the corpus as it was.
  std::size_t jurisdictions = 1;     // laws are spread over these in turn
  std::size_t acts = 0;              // synthetic acts, declared beside the jurisdictions
  double deontic_probability = 0;    // a provision permits, obliges or forbids one of the acts
  double implements_probability = 0; // a provision implements a duty, in full or in part
  double amendment_probability = 0;  // a law has an enacted amendment changing one of its provisions
  // Nesting of `person where` conditions (1: one or two terms joined by `and`), in predicate
  // facts and in the `for` of permits/obliges/forbids.
  std::size_t scope_depth = 1;
  std::size_t who_depth = 1;
};

// Writes the corpus under `folder` (created), importing the rule files at `rules` (a
// folder; imports are written relative to `folder`). Returns the number of files written.
std::size_t write_corpus(const model::Model& rules, const std::filesystem::path& rules_folder,
                         const std::filesystem::path& folder, const CorpusSpec& spec);

} // namespace siracusa::bench
