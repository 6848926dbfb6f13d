// engine/report — what a report lists, shared by every format: the findings listed by
// default (report.hpp `listed`), narrowed by the filters, then by the baseline, each with
// its review; the counts of what was left out and why; and the order reports use
// (by ICCPR article, numerically, as the Committee's list of issues does).
#pragma once

#include "report/report.hpp"

#include <optional>
#include <string>
#include <vector>

namespace siracusa::report {

struct Entry {
  const check::Finding* finding = nullptr;
  const Review* review = nullptr;       // its review, if an analyst wrote one
  Change change = Change::none;         // against the baseline, when there is one
  const BaselineFinding* was = nullptr; // changed: how it was
};

struct Selection {
  std::vector<Entry> listed; // sorted by finding id
  std::size_t not_asked = 0; // passes and findings that do not apply, not asked for
  std::size_t filtered_out = 0;
  std::size_t unchanged = 0; // as in the baseline
  std::size_t gone = 0;      // in the baseline but not listed now (passes now, or no longer produced)
  std::size_t reviewed = 0;  // listed findings with a review, of which
  std::size_t contested = 0; // contested
};

Selection select(const check::Result& result, const ReportInfo& info);

// Whether the finding passes every filter.
bool matches(const check::Finding& finding, const Filters& filters);
// Whether the exit status looks at the finding: it passes the filters and, with a
// baseline, is new or changed.
bool in_scope(const check::Finding& finding, const ReportInfo& info);
// A message when a filter names nothing the model has (`--right art99`), else nullopt.
std::optional<std::string> filter_problem(const Filters& filters, const model::Model& model);

// `12(3)` before `14(1)` before `21`: article numbers compared as numbers, part by part.
bool article_less(const std::string& a, const std::string& b);

// Findings grouped by the right they concern, in article order; findings tied to no
// right come last (right empty). Within a group: what fails first, then by strength,
// provision and test.
struct ArticleGroup {
  std::string right;   // the right's id, empty for findings tied to none
  std::string article; // as written in the rule files
  std::string title;   // the right's title
  std::vector<const Entry*> entries;
};
std::vector<ArticleGroup> by_article(const std::vector<const Entry*>& entries, const model::Model& model);

// The order findings are read in within a group: what fails first, then by strength,
// provision and test.
bool reading_order(const Entry* a, const Entry* b);

} // namespace siracusa::report
