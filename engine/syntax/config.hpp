// engine/syntax — the iterator, skipper and context types the grammar is compiled for.
// Fixing them here lets grammar.cpp instantiate the rules once (BOOST_SPIRIT_INSTANTIATE)
// and every other translation unit only see declarations.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>

#include <functional>
#include <string>
#include <vector>

namespace siracusa::syntax {

namespace x3 = boost::spirit::x3;

using iterator_type = std::string::const_iterator;

// Where each position-tagged node begins and ends. Node ids index `positions`.
class PositionStore {
 public:
  template <typename Node>
  void tag(Node& node, iterator_type first, iterator_type last) {
    if constexpr (std::is_base_of_v<x3::position_tagged, std::remove_reference_t<Node>>) {
      node.id_first = static_cast<int>(positions_.size());
      positions_.push_back(first);
      node.id_last = static_cast<int>(positions_.size());
      positions_.push_back(last);
    }
  }
  // Byte offsets of a node relative to `begin`; {0, 0} for an untagged node.
  std::pair<std::size_t, std::size_t> offsets(const x3::position_tagged& node, iterator_type begin) const {
    if (node.id_first < 0 || node.id_last < 0 || static_cast<std::size_t>(node.id_last) >= positions_.size())
      return {0, 0};
    return {static_cast<std::size_t>(positions_[static_cast<std::size_t>(node.id_first)] - begin),
            static_cast<std::size_t>(positions_[static_cast<std::size_t>(node.id_last)] - begin)};
  }

 private:
  std::vector<iterator_type> positions_;
};

struct position_store_tag;

// How deep the expression being parsed nests (brackets, `not`, `-`, quantifiers,
// `person where`). The grammar recurses once per level, so a limit keeps a hostile file
// from exhausting the stack; past it the grammar throws NestingTooDeep.
struct NestingDepth {
  std::size_t current = 0;
  std::size_t limit = 64;
};
struct nesting_tag;

struct NestingTooDeep {
  iterator_type where;
};

// Whitespace and `#` comments. Character classes are spelled out because the
// standard encoding's classifiers are undefined for the bytes of UTF-8 text.
inline auto const skipper = x3::char_(" \t\r\n\f\v") | (x3::lit('#') >> *(x3::char_ - x3::lit('\n')));
using skipper_type = std::remove_cv_t<decltype(skipper)>;

using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using nesting_context_type = x3::context<nesting_tag, std::reference_wrapper<NestingDepth>, phrase_context_type>;
using context_type = x3::context<position_store_tag, std::reference_wrapper<PositionStore>, nesting_context_type>;

} // namespace siracusa::syntax
