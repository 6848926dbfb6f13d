// engine/diag — "did you mean" for every stage: the closest known word to a misspelt one.
// Takes: a word and the words that would have been accepted. Gives: the likely intended
// word, or nothing when none is close enough to be a typo.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siracusa {

// Levenshtein distance (insertions, deletions, substitutions), on bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest of `candidates` to `name`, if close enough to be a likely typo (at most a
// third of the name's length, and at least 2, edits away); ties go to the first in
// alphabetical order so that the suggestion never depends on the order of candidates.
std::optional<std::string> closest(const std::string& name, const std::vector<std::string>& candidates);

// The runs of digits in a name, in order: `art19_3` gives {"19", "3"}. Names whose runs
// differ name different things (`art7` and `art17` are two articles), however few edits
// apart they are.
std::vector<std::string> digit_runs(std::string_view name);

// The candidates whose description mentions every word of `name` (its parts between
// underscores, of four letters or more, compared without case): an analyst's own word
// for a thing (`extremism`) finds the declared members whose descriptions say they
// cover it, so the rule base, not the engine, maps words to members. In the order given.
std::vector<std::string> described_by(const std::string& name, const std::vector<std::string>& candidates,
                                      const std::vector<std::string>& descriptions);

} // namespace siracusa
