// `siracusa test`: each expectation, met or not, and for those not met what was found
// instead, like a test runner's diff.
#include "report/report.hpp"
#include "report/style.hpp"
#include "report/words.hpp"

namespace siracusa::report {

std::string render_expectations(const std::vector<check::ExpectationResult>& results, bool color) {
  Style style{color};
  std::string out;
  std::size_t met = 0;
  for (const auto& r : results) {
    const auto& e = *r.expectation;
    met += r.met ? 1 : 0;
    std::string status =
        r.met ? (color ? "\x1b[1;32mok\x1b[0m  " : "ok  ") : (color ? "\x1b[1;31mFAIL\x1b[0m" : "FAIL");
    out += status + "  " + check::statement_of(e.span) + "  " + style.dim(location_text(check::location_of(e.span))) +
           "\n";
    if (r.met)
      continue;
    if (r.considered.empty()) {
      out += "      no finding on `" + e.target_id + "` matches what the expectation selects\n";
      continue;
    }
    out += std::string("      ") + (e.negated ? "found:" : "found instead:") + "\n";
    for (const auto* f : (e.negated ? r.matching : r.considered))
      out += "        " + style.verdict(f->verdict) + "  " + model::strength_name(f->strength) + "  " + f->id + "\n";
  }
  out += "\n" + std::to_string(results.size()) + " expectation" + (results.size() == 1 ? "" : "s") + ": " +
         std::to_string(met) + " met, " + std::to_string(results.size() - met) + " not met\n";
  return out;
}

} // namespace siracusa::report
