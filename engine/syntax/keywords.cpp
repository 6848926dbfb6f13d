#include "syntax/keywords.hpp"

#include "diag/suggest.hpp"

#include <algorithm>

namespace siracusa::syntax {

const std::vector<BlockClauses>& block_clauses() {
  static const std::vector<BlockClauses> table = {
      {"document", "a", {"title", "paragraphs", "url", "cited as"}, {}},
      {"right", "a", {"article", "title", "derogable", "absolute", "limitation", "aims", "cites"}, {}},
      {"test",
       "a",
       {"title", "applies to", "criterion", "about", "fails when", "unless", "requires", "strength", "justification",
        "cites", "explanation", "recommendation"},
       {}},
      {"jurisdiction", "a", {"title", "original_title", "reported_absent"}, {}},
      {"parameter", "a", {"value", "title", "explanation", "cites"}, {}},
      {"distinction", "a", {"title", "ground", "rights", "when", "cites", "explanation"}, {}},
      {"law",
       "a",
       {"title", "original_title", "jurisdiction", "level", "adopted", "effective", "repealed", "expires", "source",
        "basis"},
       {"`provision` blocks"}},
      {"provision",
       "a",
       {"title", "article", "level", "restricts", "implements", "implements partially", "permits", "obliges", "forbids",
        "adopted", "effective", "repealed", "expires", "source", "basis"},
       {"facts of the vocabulary (`name: value`)"}},
      {"amendment", "an", {"title", "adopted", "effective", "source"}, {"`amends`", "`repeals`", "`adds to`"}},
  };
  return table;
}

const BlockClauses* clauses_of_block(std::string_view block) {
  for (const auto& b : block_clauses())
    if (b.block == block)
      return &b;
  return nullptr;
}

namespace {

std::string join_and(const std::vector<std::string>& items, const std::string& last = " and ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? last : ", ") + items[i];
  return out;
}

// The ways a clause may be misspelt as one word: `applies to` as `applies_to`,
// `appliesto` or just `applies` (the first word, when `to` is forgotten).
std::vector<std::string> spellings(std::string_view clause) {
  std::string text(clause);
  auto space = text.find(' ');
  if (space == std::string::npos)
    return {text};
  std::string underscored = text;
  underscored[space] = '_';
  std::string joined = text.substr(0, space) + text.substr(space + 1);
  return {text, underscored, joined, text.substr(0, space)};
}

// The closest clause of `block` to `word`, with its distance. A whole spelling wins a tie
// with the first word of a two-word clause: `titel` is `title`, not `cited` (`cited as`).
std::optional<std::pair<std::string, std::size_t>> closest_in(const BlockClauses& block, std::string_view word) {
  std::vector<std::string> whole, first_words;
  std::vector<std::string> whole_of, first_word_of; // whole[i] spells whole_of[i]
  for (auto clause : block.clauses) {
    auto all = spellings(clause);
    for (std::size_t i = 0; i < all.size(); ++i) {
      bool first_word = all.size() > 1 && i + 1 == all.size();
      (first_word ? first_words : whole).push_back(all[i]);
      (first_word ? first_word_of : whole_of).emplace_back(clause);
    }
  }
  std::optional<std::pair<std::string, std::size_t>> best;
  for (auto* list : {&whole, &first_words}) {
    auto found = closest(std::string(word), *list);
    if (!found)
      continue;
    std::size_t distance = edit_distance(word, *found);
    if (best && best->second <= distance)
      continue;
    auto at = static_cast<std::size_t>(std::find(list->begin(), list->end(), *found) - list->begin());
    best = std::make_pair((list == &whole ? whole_of : first_word_of)[at], distance);
  }
  return best;
}

} // namespace

std::string describe_clauses(const BlockClauses& block) {
  std::vector<std::string> items;
  for (auto clause : block.clauses)
    items.push_back("`" + std::string(clause) + ":`");
  for (auto content : block.contents)
    items.emplace_back(content);
  return std::string(block.article) + " " + std::string(block.block) + " holds " + join_and(items);
}

std::optional<ClauseSuggestion> suggest_clause(std::string_view block, std::string_view word) {
  const BlockClauses* own = clauses_of_block(block);
  if (own) {
    if (std::find(own->clauses.begin(), own->clauses.end(), word) != own->clauses.end())
      return std::nullopt; // a clause of this block: nothing to suggest
    if (auto best = closest_in(*own, word))
      return ClauseSuggestion{best->first, {}};
  }
  // Not a clause of this block: perhaps one of another block, misplaced or misspelt.
  std::optional<std::size_t> best_distance;
  ClauseSuggestion suggestion;
  for (const auto& other : block_clauses()) {
    if (other.block == block)
      continue;
    auto best = closest_in(other, word);
    if (!best)
      continue;
    if (!best_distance || best->second < *best_distance ||
        (best->second == *best_distance && best->first < suggestion.clause)) {
      best_distance = best->second;
      suggestion.clause = best->first;
    }
  }
  if (!best_distance)
    return std::nullopt;
  for (const auto& other : block_clauses())
    if (other.block != block &&
        std::find(other.clauses.begin(), other.clauses.end(), suggestion.clause) != other.clauses.end())
      suggestion.other_blocks.emplace_back(other.block);
  return suggestion;
}

std::string suggestion_note(std::string_view block, std::string_view word, const ClauseSuggestion& suggestion) {
  std::string mean = "did you mean `" + suggestion.clause + ":`?";
  if (suggestion.other_blocks.empty())
    return mean;
  std::vector<std::string> owners;
  for (const auto& other : suggestion.other_blocks)
    owners.push_back(std::string(clauses_of_block(other)->article) + " " + other);
  const BlockClauses* own = clauses_of_block(block);
  std::string of = own ? std::string(own->article) + " " + std::string(block) : std::string(block);
  std::string where = "a clause of " + join_and(owners, " or ") + ", not of " + of;
  if (suggestion.clause == word)
    return "`" + suggestion.clause + ":` is " + where;
  return mean + " It is " + where;
}

} // namespace siracusa::syntax
