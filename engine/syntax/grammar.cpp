// engine/syntax — the one translation unit that compiles the grammar.
#include "syntax/grammar_def.hpp"

#include <algorithm>

namespace siracusa::syntax {

BOOST_SPIRIT_INSTANTIATE(declaration_type, iterator_type, context_type)

declaration_type const& declaration() {
  return declaration_rule;
}

bool is_top_level_keyword(std::string_view word) {
  return std::find(std::begin(detail::top_level_words), std::end(detail::top_level_words), word) !=
         std::end(detail::top_level_words);
}

bool is_reserved_word(std::string_view word) {
  return std::find(std::begin(detail::reserved_words), std::end(detail::reserved_words), word) !=
         std::end(detail::reserved_words);
}

} // namespace siracusa::syntax
