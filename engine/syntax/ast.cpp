#include "syntax/ast.hpp"

namespace siracusa::ast {

const char* spelling(Op op) {
  switch (op) {
  case Op::implies:
    return "implies";
  case Op::or_:
    return "or";
  case Op::and_:
    return "and";
  case Op::eq:
    return "==";
  case Op::ne:
    return "!=";
  case Op::lt:
    return "<";
  case Op::le:
    return "<=";
  case Op::gt:
    return ">";
  case Op::ge:
    return ">=";
  case Op::in:
    return "in";
  case Op::subset:
    return "subset of";
  case Op::add:
    return "+";
  case Op::sub:
    return "-";
  case Op::mul:
    return "*";
  case Op::not_:
    return "not";
  case Op::neg:
    return "-";
  }
  return "?";
}

} // namespace siracusa::ast
