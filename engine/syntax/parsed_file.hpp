// engine/syntax — a parsed file with its syntax tree, for the stages that read the tree
// (the formatter, the loader's imports, the resolver). Everything else sees the opaque
// ParsedFile of syntax/parser.hpp and no X3 type.
#pragma once

#include "syntax/ast.hpp"
#include "syntax/config.hpp"
#include "syntax/parser.hpp"

namespace siracusa::syntax {

class ParsedFile {
 public:
  SourcePtr source;
  ast::File ast;

  Span span(const x3::position_tagged& node) const;
  // A span covering only the first `length` bytes of a node (e.g. its keyword).
  Span head(const x3::position_tagged& node, std::size_t length) const;

  PositionStore& positions() { return positions_; }

 private:
  PositionStore positions_;
};

} // namespace siracusa::syntax
