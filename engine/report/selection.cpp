#include "report/selection.hpp"

#include "model/resolve.hpp"
#include "report/words.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace siracusa::report {

using check::Finding;
using check::Verdict;

namespace {

bool any_of(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Listed by default, or because a verdict filter names its verdict.
bool asked_for(const Finding& f, const ReportInfo& info) {
  if (!info.filters.verdicts.empty())
    return any_of(info.filters.verdicts, solve::verdict_name(f.verdict));
  return listed(f, info);
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words)
    out += (out.empty() ? "" : ", ") + w;
  return out;
}

// Article numbers part by part: numbers as numbers, letters after every number.
std::vector<long> article_parts(const std::string& article) {
  std::vector<long> parts;
  std::size_t i = 0;
  while (i < article.size()) {
    char c = article[i];
    if (c >= '0' && c <= '9') {
      long n = 0;
      while (i < article.size() && article[i] >= '0' && article[i] <= '9' && n < 1'000'000)
        n = n * 10 + (article[i++] - '0');
      parts.push_back(n);
    } else if (c >= 'a' && c <= 'z') {
      parts.push_back(1'000'000 + (c - 'a'));
      ++i;
    } else {
      ++i;
    }
  }
  return parts;
}

} // namespace

bool listed(const Finding& f, const ReportInfo& info) {
  if (f.verdict == Verdict::not_applicable)
    return info.include_all;
  if (f.verdict == Verdict::passes)
    return info.include_all || info.include_passes;
  return true;
}

bool matches(const Finding& f, const Filters& filters) {
  if (!filters.rights.empty() &&
      (f.right.empty() || (!any_of(filters.rights, f.right) && !any_of(filters.rights, f.article))))
    return false;
  if (!filters.laws.empty() && !any_of(filters.laws, f.jurisdiction) &&
      !(f.provision && any_of(filters.laws, f.provision->law)))
    return false;
  if (!filters.criteria.empty() && !any_of(filters.criteria, model::criterion_name(f.test->criterion)))
    return false;
  if (!filters.verdicts.empty() && !any_of(filters.verdicts, solve::verdict_name(f.verdict)))
    return false;
  if (!filters.strengths.empty() && !any_of(filters.strengths, model::strength_name(f.strength)))
    return false;
  return true;
}

bool in_scope(const Finding& f, const ReportInfo& info) {
  if (!matches(f, info.filters))
    return false;
  return !info.baseline || compare(f, *info.baseline, nullptr) != Change::none;
}

std::optional<std::string> filter_problem(const Filters& filters, const model::Model& model) {
  auto unknown = [](const std::string& option, const std::string& value, const std::vector<std::string>& known,
                    const std::string& what) {
    std::string message = option + ": `" + value + "` is not " + what;
    if (auto suggestion = model::closest(value, known))
      message += "; did you mean `" + *suggestion + "`?";
    else if (known.size() <= 12)
      message += " (" + join(known) + ")";
    return message;
  };
  std::vector<std::string> rights;
  for (const auto& r : model.rights) {
    rights.push_back(r.id);
    rights.push_back(r.article);
  }
  for (const auto& value : filters.rights)
    if (!any_of(rights, value))
      return unknown("--right", value, rights, "a right of the rule base (its id or article)");
  std::vector<std::string> laws;
  for (const auto& l : model.laws)
    laws.push_back(l.id);
  for (const auto& j : model.jurisdictions)
    laws.push_back(j.id);
  for (const auto& value : filters.laws)
    if (!any_of(laws, value))
      return unknown("--law", value, laws, "a law or jurisdiction of the inputs");
  std::vector<std::string> criteria;
  for (int c = 0; c <= static_cast<int>(model::Criterion::conflict); ++c)
    criteria.emplace_back(model::criterion_name(static_cast<model::Criterion>(c)));
  for (const auto& value : filters.criteria)
    if (!any_of(criteria, value))
      return unknown("--criterion", value, criteria, "a criterion");
  for (const auto& value : filters.verdicts)
    if (!any_of(verdict_names(), value))
      return unknown("--verdict", value, verdict_names(), "a verdict");
  std::vector<std::string> strengths = {"per_se", "presumptive", "concern"};
  for (const auto& value : filters.strengths)
    if (!any_of(strengths, value))
      return unknown("--strength", value, strengths, "a strength");
  return std::nullopt;
}

Selection select(const check::Result& result, const ReportInfo& info) {
  Selection s;
  std::map<std::string, const Review*> reviews;
  for (const auto& r : info.reviews)
    reviews.emplace(r.finding, &r);
  std::set<std::string> before_baseline;
  for (const auto& f : result.findings) {
    if (!matches(f, info.filters)) {
      ++s.filtered_out;
      continue;
    }
    if (!asked_for(f, info)) {
      ++s.not_asked;
      continue;
    }
    before_baseline.insert(f.id);
    Entry e;
    e.finding = &f;
    if (info.baseline) {
      e.change = compare(f, *info.baseline, &e.was);
      if (e.change == Change::none) {
        ++s.unchanged;
        continue;
      }
    }
    if (auto it = reviews.find(f.id); it != reviews.end()) {
      e.review = it->second;
      ++s.reviewed;
      if (e.review->status == ReviewStatus::contested)
        ++s.contested;
    }
    s.listed.push_back(e);
  }
  if (info.baseline) {
    std::map<std::string, const Finding*> by_id;
    for (const auto& f : result.findings)
      by_id.emplace(f.id, &f);
    for (const auto& [id, was] : info.baseline->findings) {
      if (before_baseline.count(id) > 0)
        continue;
      auto it = by_id.find(id);
      // A finding outside the filters is not this report's business.
      if (it == by_id.end() || matches(*it->second, info.filters))
        ++s.gone;
    }
  }
  return s;
}

bool article_less(const std::string& a, const std::string& b) {
  auto pa = article_parts(a);
  auto pb = article_parts(b);
  if (pa != pb)
    return pa < pb;
  return a < b;
}

bool reading_order(const Entry* a, const Entry* b) {
  auto key = [](const Entry* e) {
    const Finding& f = *e->finding;
    return std::make_tuple(verdict_rank(f.verdict), static_cast<int>(f.strength),
                           f.provision ? f.provision->id : f.jurisdiction, f.test->id, f.id);
  };
  return key(a) < key(b);
}

std::vector<ArticleGroup> by_article(const std::vector<const Entry*>& entries, const model::Model& model) {
  std::map<std::string, ArticleGroup> groups;
  for (const Entry* e : entries) {
    const Finding& f = *e->finding;
    auto [it, added] = groups.try_emplace(f.right);
    if (added) {
      it->second.right = f.right;
      it->second.article = f.article;
      int r = f.right.empty() ? -1 : model.find_right(f.right);
      if (r >= 0)
        it->second.title = model.rights[static_cast<std::size_t>(r)].title;
    }
    it->second.entries.push_back(e);
  }
  std::vector<ArticleGroup> out;
  for (auto& [right, group] : groups) {
    std::sort(group.entries.begin(), group.entries.end(), reading_order);
    out.push_back(std::move(group));
  }
  std::sort(out.begin(), out.end(), [](const ArticleGroup& a, const ArticleGroup& b) {
    if (a.right.empty() != b.right.empty())
      return b.right.empty();
    if (a.article != b.article)
      return article_less(a.article, b.article);
    return a.right < b.right;
  });
  return out;
}

} // namespace siracusa::report
