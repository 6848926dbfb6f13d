#include "report/review.hpp"

#include "model/resolve.hpp"
#include "report/words.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <map>
#include <sstream>

namespace siracusa::report {

namespace {

const std::vector<std::string> review_keys = {"finding", "status", "reason", "by", "date", "verdict"};

// The byte offset of a 1-based line and column (columns in code points).
std::size_t offset_of(const SourceFile& file, std::uint32_t line, std::uint32_t column) {
  std::string_view text = file.line_text(line);
  if (text.data() == nullptr)
    return file.text().size();
  std::size_t offset = static_cast<std::size_t>(text.data() - file.text().data());
  std::size_t i = 0;
  for (std::uint32_t c = 1; c < column && i < text.size(); ++c) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0U) == 0x80U)
      ++i;
  }
  return offset + i;
}

Span span_of(const SourcePtr& file, const toml::source_region& region) {
  std::size_t begin = offset_of(*file, region.begin.line, region.begin.column);
  std::size_t end = offset_of(*file, region.end.line, region.end.column);
  if (region.end.line != region.begin.line || end <= begin)
    end = begin + 1;
  return {file, begin, std::min(end, file->text().size())};
}

class Reader {
 public:
  Reader(SourcePtr file, Diagnostics& diagnostics) : file_(std::move(file)), diagnostics_(diagnostics) {}

  std::vector<Review> read() {
    toml::table root;
    try {
      root = toml::parse(file_->text(), file_->path());
    } catch (const toml::parse_error& e) {
      error(span_of(file_, e.source()), "invalid reviews.toml: " + std::string(e.description()));
      return {};
    }
    std::vector<Review> out;
    for (const auto& [key, node] : root) {
      if (key.str() != "review") {
        error(span_of(file_, key.source()),
              "unknown key `" + std::string(key.str()) + "`; reviews.toml holds `[[review]]` tables only");
        continue;
      }
      const auto* list = node.as_array();
      if (!list || !list->is_array_of_tables()) {
        error(span_of(file_, node.source()), "`review` must be a list of tables: write `[[review]]` above each");
        continue;
      }
      for (const auto& item : *list)
        if (auto review = read_one(*item.as_table()))
          out.push_back(std::move(*review));
    }
    return failed_ ? std::vector<Review>{} : out;
  }

 private:
  void error(Span span, std::string message) {
    diagnostics_.error("E0018", std::move(span), std::move(message));
    failed_ = true;
  }

  std::optional<std::string> text(const toml::table& table, const char* key, bool required, Span at) {
    const toml::node* node = table.get(key);
    if (!node) {
      if (required)
        error(at, std::string("the review has no `") + key + "`");
      return std::nullopt;
    }
    auto value = node->value<std::string>();
    if (!value || value->empty()) {
      error(span_of(file_, node->source()), std::string("`") + key + "` must be a non-empty string");
      return std::nullopt;
    }
    return value;
  }

  std::optional<Review> read_one(const toml::table& table) {
    Span at = span_of(file_, table.source());
    bool ok = true;
    for (const auto& [key, node] : table) {
      std::string name(key.str());
      if (std::find(review_keys.begin(), review_keys.end(), name) == review_keys.end()) {
        std::string message = "unknown key `" + name + "` in a review";
        if (auto suggestion = model::closest(name, review_keys))
          message += "; did you mean `" + *suggestion + "`?";
        else
          message += " (a review has finding, status, reason, by, date and verdict)";
        error(span_of(file_, key.source()), message);
        ok = false;
      }
    }
    Review r;
    auto finding = text(table, "finding", true, at);
    auto status = text(table, "status", true, at);
    auto reason = text(table, "reason", true, at);
    auto by = text(table, "by", true, at);
    auto verdict = text(table, "verdict", false, at);
    if (!finding || !status || !reason || !by)
      return std::nullopt;
    r.finding = *finding;
    r.span = span_of(file_, table.get("finding")->source());
    if (*status == "reviewed") {
      r.status = ReviewStatus::reviewed;
    } else if (*status == "contested") {
      r.status = ReviewStatus::contested;
    } else {
      error(span_of(file_, table.get("status")->source()),
            "`status` is `reviewed` (checked, the finding stands) or `contested` (disputed), not `" + *status + "`");
      ok = false;
    }
    r.reason = *reason;
    r.by = *by;
    if (verdict) {
      if (!verdict_from(*verdict)) {
        error(span_of(file_, table.get("verdict")->source()), "`verdict` must be a verdict, not `" + *verdict + "`");
        ok = false;
      }
      r.verdict = *verdict;
    }
    if (const toml::node* date = table.get("date")) {
      if (auto d = date->value<toml::date>()) {
        std::ostringstream s;
        s << *d;
        r.date = s.str();
      } else {
        error(span_of(file_, date->source()), "`date` must be a date (2025-06-01)");
        ok = false;
      }
    }
    if (!ok)
      return std::nullopt;
    return r;
  }

  SourcePtr file_;
  Diagnostics& diagnostics_;
  bool failed_ = false;
};

} // namespace

const char* review_status_name(ReviewStatus status) {
  return status == ReviewStatus::contested ? "contested" : "reviewed";
}

std::vector<Review> read_reviews(const std::string& path, const std::string& display, Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error("E0018", {}, "cannot read `" + display + "`");
    return {};
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto file = std::make_shared<SourceFile>(display, bytes.str());
  return Reader(file, diagnostics).read();
}

void check_reviews(const std::vector<Review>& reviews, const check::Result& result, Diagnostics& diagnostics) {
  std::map<std::string, const Review*> seen;
  std::vector<std::string> ids;
  for (const auto& f : result.findings)
    ids.push_back(f.id);
  for (const auto& r : reviews) {
    auto [it, added] = seen.emplace(r.finding, &r);
    if (!added) {
      auto& d = diagnostics.error("E0018", r.span, "finding `" + r.finding + "` is reviewed twice");
      d.notes.push_back({it->second->span, "first reviewed here"});
      continue;
    }
    if (!std::binary_search(ids.begin(), ids.end(), r.finding)) {
      auto& d =
          diagnostics.warning("W0601", r.span, "no finding `" + r.finding + "` in this check; the review is ignored");
      if (auto suggestion = model::closest(r.finding, ids))
        d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
      else
        d.notes.push_back({{}, "finding ids are provision/right/test, as `siracusa check` lists them"});
    }
  }
}

bool review_current(const Review& review, const check::Finding& finding) {
  return review.verdict.empty() || review.verdict == solve::verdict_name(finding.verdict);
}

} // namespace siracusa::report
