// engine/syntax — the parser driver.
// Takes: a SourceFile. Gives: the file's AST (every declaration that parsed) and
// diagnostics for the rest. It checks the bytes first (size, binary, UTF-8, nesting
// depth) so that the grammar only ever sees text it can handle, and recovers from a
// syntax error at the next top-level declaration so that one file reports every
// independent error.
#pragma once

#include "diag/diagnostics.hpp"
#include "syntax/ast.hpp"
#include "syntax/config.hpp"

#include <memory>

namespace siracusa::syntax {

struct ParseLimits {
  std::size_t max_bytes = 16U * 1024U * 1024U;
  std::size_t max_nesting = 64; // brackets and braces; the grammar recurses per level
  // Levels of one expression: brackets, `not`, unary `-`, quantifiers, `person where`.
  std::size_t max_expression_depth = 64;
};

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

std::unique_ptr<ParsedFile> parse(SourcePtr source, Diagnostics& diagnostics, const ParseLimits& limits = {});

// Reads a file from disk; a missing or unreadable file is E0001, one over the size limit
// E0004 (reported under `display`, the name users see, when given).
SourcePtr read_source(const std::string& path, Diagnostics& diagnostics, const Span& requested_at = {},
                      const ParseLimits& limits = {}, const std::string& display = {});

} // namespace siracusa::syntax
