#include "report_inputs.hpp"

#include "report/metadata.hpp"

#include <chrono>
#include <ctime>
#include <set>

namespace siracusa::cli {

namespace fs = std::filesystem;

std::vector<std::string> review_files(const model::Model& model, const Inputs& inputs) {
  std::set<std::string> found;
  for (const auto& law : model.laws) {
    if (!law.span.valid())
      continue;
    fs::path beside = fs::path(law.span.file->path()).parent_path() / "reviews.toml";
    std::error_code ec;
    if (fs::is_regular_file(inputs.display_root / beside, ec))
      found.insert(beside.generic_string());
  }
  return {found.begin(), found.end()};
}

namespace {

std::string utc_now() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

} // namespace

bool read_report_inputs(const model::Model& model, const Inputs& inputs, const std::string& baseline, bool timestamp,
                        const GlobalOptions& global, report::ReportInfo& info) {
  info.files = report::digest_inputs(model, inputs.display_root);
  info.rule_base_digest = report::rule_base_digest(info.files, model);
  if (timestamp)
    info.generated = utc_now();
  Diagnostics diagnostics;
  // The reviews and the baseline are inputs of the report too: listed with their digests
  // (after the rule base's digest, which they are no part of).
  for (const auto& file : review_files(model, inputs)) {
    auto reviews = report::read_reviews((inputs.display_root / file).string(), file, diagnostics);
    info.reviews.insert(info.reviews.end(), reviews.begin(), reviews.end());
    info.files.push_back({file, report::file_digest(inputs.display_root / file)});
  }
  if (!baseline.empty()) {
    info.baseline = report::read_baseline(baseline, baseline, diagnostics);
    info.files.push_back({baseline, report::file_digest(baseline)});
  }
  if (diagnostics.size() > 0)
    print_diagnostics(diagnostics, global);
  return !diagnostics.has_errors();
}

bool check_report_inputs(const check::Result& result, const GlobalOptions& global, const report::ReportInfo& info) {
  Diagnostics diagnostics;
  report::check_reviews(info.reviews, result, diagnostics);
  if (diagnostics.size() > 0)
    print_diagnostics(diagnostics, global);
  return !diagnostics.has_errors();
}

} // namespace siracusa::cli
