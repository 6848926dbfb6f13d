// engine/syntax — declaration of the top-level rule. The definitions live in
// grammar_def.hpp and are compiled once, in grammar.cpp.
#pragma once

#include "syntax/ast.hpp"
#include "syntax/config.hpp"
#include "syntax/keywords.hpp"

namespace siracusa::syntax {

struct declaration_class;
using declaration_type = x3::rule<declaration_class, ast::Declaration>;
BOOST_SPIRIT_DECLARE(declaration_type)

// One top-level declaration (an import, a vocabulary item, a right, a test, a law, ...).
declaration_type const& declaration();

} // namespace siracusa::syntax
