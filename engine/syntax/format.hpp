// engine/syntax — the canonical formatter behind `siracusa fmt`.
// Takes: a parsed file (its AST, the comments the parser collected and the node
// positions). Gives: the file's text in the one canonical layout, with every comment
// kept, in order.
//
// Layout: 2-space indentation; one clause per line (`key: value`); a blank line between
// top-level declarations (consecutive imports stay together); inside a law, a blank
// line around each provision block; operators spaced; parentheses exactly where the
// source had them; strings re-escaped canonically, with each adjacent segment of a
// split string on its own continuation line (clause indentation + 4).
//
// Comments: an own-line comment goes before the node that follows it, at that node's
// indentation; a trailing comment stays at the end of the line of the node it trails.
// A comment inside a construct printed on one line (e.g. between two operands of an
// expression) cannot stay there and is moved onto its own line just before that line.
// At top level, a blank line after a comment is kept (one at most), so a file header
// stays apart from the first declaration.
//
// The output parses to the same AST (positions aside) and formatting it again changes
// nothing. `format` expects a file that parsed without errors: declarations the parser
// skipped are not in the AST and so not in the output.
#pragma once

#include "syntax/parser.hpp"

#include <string>

namespace siracusa::syntax {

// Prints a parsed file in the one canonical layout, keeping every comment. The result
// ends with exactly one newline, or is empty for a file with no declarations and no
// comments.
std::string format(const ParsedFile& file);

} // namespace siracusa::syntax
