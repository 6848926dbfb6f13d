// engine/report — how findings are put in words, shared by every format: verdicts,
// strengths, bases, sources and witnesses as a reader of a report expects them.
#pragma once

#include "check/check.hpp"

#include <string>
#include <vector>

namespace siracusa::report {

// "per se incompatible", "presumptively incompatible (the State must justify it)", "a concern".
std::string strength_words(model::Strength strength);
// "the text of the law", "how the law is applied (kz-ngo-2025 para. 45)",
// "the assessment of kz-ngo-2025 para. 47": what the finding rests on.
std::string basis_words(const check::Finding& finding);
// "kz-ngo-2025 paras. 45, 47; other-doc para. 3"
std::string sources_text(const std::vector<check::SourcePara>& sources);
// One reading under which the provision fails, as a sentence.
std::string witness_sentence(const solve::Witness& witness);
// "state `spontaneous_allowed` to assess this" (or, for a duty, where to say whether it is met).
std::string question(const check::Finding& finding);
std::string location_text(const check::Location& location);

// Verdicts in the order reports list them: what fails first.
int verdict_rank(solve::Verdict verdict);

} // namespace siracusa::report
