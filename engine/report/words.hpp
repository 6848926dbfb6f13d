// engine/report — how findings are put in words, shared by every format: verdicts,
// strengths, criteria, bases, citations and sources (documents by title), witnesses,
// reviews and changes since a baseline, as a reader of a report expects them.
#pragma once

#include "check/check.hpp"
#include "report/baseline.hpp"
#include "report/report.hpp"
#include "report/review.hpp"

#include <optional>
#include <string>
#include <vector>

namespace siracusa::report {

// Every verdict's name, in the order of solve::Verdict, and the verdict a name names.
const std::vector<std::string>& verdict_names();
std::optional<solve::Verdict> verdict_from(const std::string& name);

// "fails", "may fail", "passes", "undetermined", "does not apply", "not assessed".
std::string verdict_words(solve::Verdict verdict);
// What the verdict means, as a sentence: "Every reading of the facts the law states fails the test."
std::string verdict_meaning(solve::Verdict verdict);
// "per se incompatible", "presumptively incompatible (the State must justify it)", "a concern".
std::string strength_words(model::Strength strength);
// "legality", "legitimate aim", "non-discrimination", ...
std::string criterion_words(model::Criterion criterion);
// "text of the law", "practice", "assessment by a source": the basis of one fact.
std::string fact_basis_words(model::Basis basis);

// A document's title as the model declares it, else its id.
std::string document_title(const std::string& id, const model::Model& model);
// "<title of kz-ngo-2025>, paras. 45, 47; <title of other>, para. 3"
std::string sources_text(const std::vector<check::SourcePara>& sources, const model::Model& model);
// The citations of a finding's test, each as model::citation_text.
std::vector<std::string> test_citations(const check::TestInfo& test, const model::Model& model);

// "the text of the law", "how the law is applied (<title> para. 45)",
// "the assessment of <title>, para. 47": what the finding rests on.
std::string basis_words(const check::Finding& finding, const model::Model& model);
// One reading under which the provision fails, as a sentence.
std::string witness_sentence(const solve::Witness& witness);
// "state `spontaneous_allowed` to assess this" (or, for a duty, where to say whether it is met).
std::string question(const check::Finding& finding);
// What a finding's note says: why the solver stopped, that no recognised exception is
// established (naming the unstated facts), what a partial implementation lacks, or that
// the solver could not tell whether two rules reach the same person; empty for none.
std::string note_text(const check::Finding& finding);
// "permits `record` here, while x.y forbids it; x.y prevails by hierarchy"
std::string conflict_sentence(const check::ConflictInfo& conflict);
// "Contested by A. Analyst on 2025-06-01: <reason>" and, when the verdict changed since,
// a warning that the review was of an earlier verdict.
std::string review_sentence(const Review& review, const check::Finding& finding);
// "new since the baseline", "changed since the baseline (was may fail, a concern, on ...)".
std::string change_words(Change change, const BaselineFinding* was);
std::string location_text(const check::Location& location);
// "law, kz", or "kz" alone when the rule base declares no levels.
std::string levelled(const std::string& level, const std::string& jurisdiction);
// "--right art21 --verdict fails,may_fail": the filters as the command line gives them.
std::string filter_words(const Filters& filters);

// Verdicts in the order reports list them: what fails first.
int verdict_rank(solve::Verdict verdict);

} // namespace siracusa::report
