// engine/syntax — the parser driver.
// Takes: a SourceFile. Gives: the file's AST (every declaration that parsed) and
// diagnostics for the rest. It checks the bytes first (size, binary, UTF-8, nesting
// depth) so that the grammar only ever sees text it can handle, and recovers from a
// syntax error at the next top-level declaration so that one file reports every
// independent error.
#pragma once

#include "diag/diagnostics.hpp"

#include <memory>

namespace siracusa::syntax {

struct ParseLimits {
  std::size_t max_bytes = 16U * 1024U * 1024U;
  std::size_t max_nesting = 64; // brackets and braces; the grammar recurses per level
  // Levels of one expression: brackets, `not`, unary `-`, quantifiers, `person where`.
  std::size_t max_expression_depth = 64;
};

// A parsed file: its source, syntax tree and node positions. Defined in
// syntax/parsed_file.hpp, which only the stages that read the syntax tree include: the
// tree is made of X3 types, and the later stages, the CLI and most tests do not need them.
class ParsedFile;
struct ParsedFileDeleter {
  void operator()(ParsedFile* file) const noexcept;
};
using ParsedFilePtr = std::unique_ptr<ParsedFile, ParsedFileDeleter>;

// The file's source text, for callers that do not read its syntax tree.
const SourcePtr& source_of(const ParsedFile& file);
// How many top-level declarations parsed.
std::size_t declaration_count(const ParsedFile& file);

ParsedFilePtr parse(SourcePtr source, Diagnostics& diagnostics, const ParseLimits& limits = {});

// Reads a file from disk; a missing or unreadable file is E0001, one over the size limit
// E0004 (reported under `display`, the name users see, when given).
SourcePtr read_source(const std::string& path, Diagnostics& diagnostics, const Span& requested_at = {},
                      const ParseLimits& limits = {}, const std::string& display = {});

} // namespace siracusa::syntax
