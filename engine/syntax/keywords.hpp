// engine/syntax — the clauses each kind of block accepts, in one place.
// The parser's notes ("a test holds ...") and its "did you mean `source:`?" read this
// table; tests/unit/test_keywords.cpp checks it against the grammar (every clause listed
// parses in its block) and against the EBNF of docs/language.md, so that a clause added
// to the grammar without being added here, or the other way round, fails a test.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siracusa::syntax {

// The words that start a top-level declaration; the parser resynchronises at them.
bool is_top_level_keyword(std::string_view word);
// Every reserved word of the language.
bool is_reserved_word(std::string_view word);

struct BlockClauses {
  std::string_view block;                 // the keyword that opens the block: `provision`
  std::string_view article;               // "a" or "an", for messages
  std::vector<std::string_view> clauses;  // written before `:`; two words for `applies to`
  std::vector<std::string_view> contents; // what else the block holds, as said in notes
};

// Every block with `key: value` clauses: document, right, test, jurisdiction, law,
// provision, amendment.
const std::vector<BlockClauses>& block_clauses();
const BlockClauses* clauses_of_block(std::string_view block);

// "a provision holds `title:`, ... and facts of the vocabulary (`name: value`)".
std::string describe_clauses(const BlockClauses& block);

// What a misspelt clause keyword `word` (written before a `:`) probably was, in block
// `block`.
struct ClauseSuggestion {
  std::string clause;                    // `source`
  std::vector<std::string> other_blocks; // empty: a clause of `block` itself
};
std::optional<ClauseSuggestion> suggest_clause(std::string_view block, std::string_view word);

// The note for a suggestion about `word`: "did you mean `source:`?", for a clause of
// other blocks followed by "It is a clause of a law, a provision or an amendment, not of a
// document" (only that when `word` is spelt right but misplaced).
std::string suggestion_note(std::string_view block, std::string_view word, const ClauseSuggestion& suggestion);

} // namespace siracusa::syntax
