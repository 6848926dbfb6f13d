// engine/report — how far the rules reach into one source document (`siracusa coverage`).
// Takes: a declared document with a paragraph range, the model, a check result, the
// expectations compared with it, and the analyst's notes per paragraph. Gives: for each
// numbered paragraph, the provisions that cite it (their own `source:`, or a fact's
// `[basis source]`, facts inherited from the law included), the findings on those
// provisions (and gap findings resting on the paragraph), the expectations that cite it
// and the note; rendered as Markdown or JSON. The document is an argument: nothing here
// knows a document's name.
#pragma once

#include "check/check.hpp"
#include "check/expectations.hpp"
#include "model/model.hpp"

#include <string>
#include <vector>

namespace siracusa::report {

// `N: text` or `N-M: text` from a notes file: why a paragraph is not covered, or what
// the analyst made of it.
struct CoverageNote {
  int low = 0;
  int high = 0;
  std::string text;
};

struct ParagraphCoverage {
  int para = 0;
  std::vector<const model::Provision*> provisions;           // cite the paragraph
  std::vector<const check::Finding*> findings;               // theirs, and gap findings resting on it
  std::vector<const check::ExpectationResult*> expectations; // cite the paragraph
  std::string note;                                          // empty: none
  bool covered() const { return !provisions.empty() || !findings.empty(); }
};

struct Coverage {
  std::string document;
  std::string title;
  std::vector<ParagraphCoverage> paragraphs; // every paragraph of the declared range, in order
};

Coverage coverage_of(const model::Document& document, const model::Model& model, const check::Result& result,
                     const std::vector<check::ExpectationResult>& expectations, const std::vector<CoverageNote>& notes);

std::string render_coverage_markdown(const Coverage& coverage);
std::string render_coverage_json(const Coverage& coverage);

} // namespace siracusa::report
