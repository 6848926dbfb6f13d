// engine/report — the analysts' reviews of findings, kept in `reviews.toml` beside the
// laws: a finding marked reviewed (the analyst checked it and it stands) or contested
// (the analyst disputes it), with a reason and who says so. Reports show reviews beside
// the finding; a review never hides, removes or softens a finding, and never changes the
// exit status. The format is in docs/report-formats.md.
#pragma once

#include "check/check.hpp"
#include "diag/diagnostics.hpp"

#include <string>
#include <vector>

namespace siracusa::report {

enum class ReviewStatus { reviewed, contested };
const char* review_status_name(ReviewStatus status);

struct Review {
  std::string finding; // the finding's id
  ReviewStatus status = ReviewStatus::reviewed;
  std::string reason;
  std::string by;
  std::string date;    // YYYY-MM-DD, or empty
  std::string verdict; // the verdict the analyst reviewed, or empty (any)
  Span span;           // the review's `finding = ...` line in reviews.toml
};

// Reads one reviews.toml (`display` is its name in messages). Problems are E0018
// diagnostics located in the file; a file with problems gives no review.
std::vector<Review> read_reviews(const std::string& path, const std::string& display, Diagnostics& diagnostics);

// The reviews of all files, checked against one another and against the findings of the
// run: the same finding reviewed twice is E0018, a review of a finding the run does not
// produce is W0601 (the finding's id changed, or the provision is gone).
void check_reviews(const std::vector<Review>& reviews, const check::Result& result, Diagnostics& diagnostics);

// Whether a review still speaks of the finding as it is now: a review that names the
// verdict it reviewed is out of date once the verdict changes.
bool review_current(const Review& review, const check::Finding& finding);

} // namespace siracusa::report
