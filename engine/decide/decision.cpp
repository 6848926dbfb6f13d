#include "decide/decision.hpp"

namespace siracusa::decide {

const char* verdict_name(Verdict verdict) {
  switch (verdict) {
  case Verdict::fails:
    return "fails";
  case Verdict::may_fail:
    return "may_fail";
  case Verdict::passes:
    return "passes";
  case Verdict::undetermined:
    return "undetermined";
  case Verdict::not_applicable:
    return "not_applicable";
  case Verdict::unassessed:
    return "unassessed";
  }
  return "?";
}

} // namespace siracusa::decide
