#include "report/content.hpp"

#include "report/words.hpp"

#include <algorithm>
#include <map>

namespace siracusa::report {

using check::Finding;
using check::Verdict;

void Counts::add(const Finding& f) {
  switch (f.verdict) {
  case Verdict::fails:
    ++fails[static_cast<std::size_t>(f.strength)];
    break;
  case Verdict::may_fail:
    ++may_fail;
    break;
  case Verdict::undetermined:
    ++undetermined;
    break;
  case Verdict::unassessed:
    ++unassessed;
    break;
  case Verdict::passes:
    ++passes;
    break;
  case Verdict::not_applicable:
    ++not_applicable;
    break;
  }
}

std::vector<std::string> counts_lines(const Counts& c) {
  // Verbs agree with the count: "1 fails", "3 fail".
  auto verb = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::vector<std::string> lines;
  if (c.fails_total() > 0) {
    std::string by;
    const char* names[3] = {"per se", "presumptive", "concern"};
    for (std::size_t s = 0; s < 3; ++s)
      if (c.fails[s] > 0)
        by += (by.empty() ? "" : ", ") + std::to_string(c.fails[s]) + " " + names[s];
    // One strength needs no count of its own: "2 fail (presumptive)".
    std::size_t kinds = (c.fails[0] > 0) + (c.fails[1] > 0) + (c.fails[2] > 0);
    if (kinds == 1)
      by = by.substr(by.find(' ') + 1);
    lines.push_back(verb(c.fails_total(), "fails", "fail") + " (" + by + ")");
  }
  if (c.undetermined > 0)
    lines.push_back(std::to_string(c.undetermined) + " " + verdict_words(Verdict::undetermined));
  if (c.may_fail > 0)
    lines.push_back(std::to_string(c.may_fail) + " " + verdict_words(Verdict::may_fail));
  if (c.unassessed > 0)
    lines.push_back(std::to_string(c.unassessed) + " " + verdict_words(Verdict::unassessed));
  if (c.passes > 0)
    lines.push_back(verb(c.passes, "passes", "pass"));
  return lines;
}

Matrix summary_matrix(const check::Result& result, const model::Model& model) {
  Matrix m;
  // Rows keyed so that a jurisdiction's laws come together, its duties after them.
  std::map<std::string, MatrixRow> rows;
  for (const auto& f : result.findings) {
    std::string key;
    MatrixRow fresh;
    if (f.provision) {
      key = f.jurisdiction + "\x01" + f.provision->law;
      fresh.label = f.provision->law_title.empty() ? f.provision->law : f.provision->law_title;
      fresh.sublabel = f.provision->law + " (" + levelled(f.provision->law_level, f.jurisdiction) + ")";
    } else {
      key = f.jurisdiction + "\x02";
      const model::Jurisdiction* j = nullptr;
      for (const auto& candidate : model.jurisdictions)
        if (candidate.id == f.jurisdiction)
          j = &candidate;
      fresh.label = "Duties of " + (j && !j->title.empty() ? j->title : f.jurisdiction);
      fresh.sublabel = f.jurisdiction;
    }
    auto [it, added] = rows.try_emplace(key, std::move(fresh));
    std::size_t column = static_cast<std::size_t>(f.test->criterion);
    it->second.cells[column].add(f);
    it->second.total.add(f);
    m.columns[column].add(f);
    m.total.add(f);
    ++m.by_verdict_and_strength[static_cast<std::size_t>(f.verdict)][static_cast<std::size_t>(f.strength)];
  }
  for (auto& [key, row] : rows)
    m.rows.push_back(std::move(row));
  return m;
}

namespace {

std::string anchor_of(const std::string& id) {
  static const char* const hex = "0123456789abcdef";
  std::string out = "f-";
  for (unsigned char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '-';
      out += hex[c >> 4];
      out += hex[c & 0xf];
    }
  }
  return out;
}

bool recommends(Verdict v) {
  return v == Verdict::fails || v == Verdict::may_fail || v == Verdict::undetermined;
}

} // namespace

FindingText finding_text(const Entry& entry, const model::Model& model) {
  const Finding& f = *entry.finding;
  FindingText t;
  t.entry = &entry;
  t.anchor = anchor_of(f.id);
  t.heading = f.test->title.empty() ? f.test->id : f.test->title;
  t.verdict = verdict_words(f.verdict);
  t.meaning = verdict_meaning(f.verdict);
  t.strength = strength_words(f.strength);
  t.criterion = criterion_words(f.test->criterion);
  if (f.provision) {
    const auto& p = *f.provision;
    t.provision = (p.title.empty() ? p.id : p.title) + (p.article.empty() ? "" : " (art. " + p.article + ")") + " — " +
                  (p.law_title.empty() ? p.law : p.law_title);
    int law = model.find_law(p.law);
    if (law >= 0)
      t.original_title = model.laws[static_cast<std::size_t>(law)].original_title;
    t.location = location_text(p.location);
  } else {
    std::string title = f.jurisdiction;
    for (const auto& j : model.jurisdictions)
      if (j.id == f.jurisdiction && !j.title.empty())
        title = j.title;
    t.provision = title + ": a duty that no single provision decides";
  }
  for (const auto& c : f.because)
    t.because.push_back(
        {c.statement, location_text(c.location), fact_basis_words(c.basis), sources_text(c.sources, model)});
  t.basis = basis_words(f, model);
  t.sources = sources_text(f.sources, model);
  // A fact's own sources are worth saying only when they differ from the finding's.
  bool all_same =
      std::all_of(t.because.begin(), t.because.end(), [&](const CauseText& c) { return c.sources == t.sources; });
  if (all_same)
    for (auto& c : t.because)
      c.sources.clear();
  if (f.witness && !f.witness->empty())
    t.witness = witness_sentence(*f.witness);
  if (f.conflict)
    t.conflict = conflict_sentence(*f.conflict);
  t.note = note_text(f);
  if (f.verdict == Verdict::unassessed)
    t.question = question(f);
  t.explanation = f.test->explanation;
  // What the State would have to show, where something may be wrong.
  if (f.strength == model::Strength::presumptive && recommends(f.verdict))
    t.justification = f.test->justification;
  t.exceptions = f.test->exceptions;
  t.citations = test_citations(*f.test, model);
  if (recommends(f.verdict))
    t.recommendation = f.test->recommendation;
  if (entry.review)
    t.review = review_sentence(*entry.review, f);
  t.change = change_words(entry.change, entry.was);
  t.good_practice = f.good_practice;
  return t;
}

std::vector<std::pair<std::string, std::string>> run_facts(const ReportInfo& info, const model::Model& model,
                                                           const Selection& selection) {
  std::vector<std::pair<std::string, std::string>> facts;
  facts.emplace_back("Tool", "siracusa " + info.version);
  if (info.generated)
    facts.emplace_back("Generated", *info.generated);
  facts.emplace_back("Inputs", std::to_string(model.files.size()) + " files (" + info.origin +
                                   "): " + std::to_string(model.laws.size()) + " laws, " +
                                   std::to_string(model.provisions.size()) + " provisions, " +
                                   std::to_string(model.rights.size()) + " rights, " +
                                   std::to_string(model.tests.size()) + " tests");
  std::string base;
  for (const auto& r : info.rule_base)
    base += (base.empty() ? "" : ", ") + r;
  if (!base.empty() || !info.rule_base_digest.empty())
    facts.emplace_back("Rule base",
                       base + (info.rule_base_digest.empty() ? "" : " (SHA-256 " + info.rule_base_digest + ")"));
  {
    std::string set;
    for (const auto& p : info.parameters)
      if (!p.set_by.empty())
        set += (set.empty() ? "" : ", ") + p.id + " = " + p.value;
    if (!set.empty())
      facts.emplace_back("Parameters set by the project", set);
  }
  facts.emplace_back("Law in force", info.as_of ? "as of " + *info.as_of : std::string("as the files state it"));
  facts.emplace_back("Facts read", info.min_basis == model::Basis::assessment ? "on every basis"
                                   : info.min_basis == model::Basis::practice
                                       ? "the text of the law and its practice only (--min-basis practice)"
                                       : "the text of the law only (--min-basis text)");
  facts.emplace_back("Solver", std::to_string(info.timeout_ms) + " ms per query" +
                                   (info.rlimit > 0 ? ", resource limit " + std::to_string(info.rlimit) : ""));
  std::string listing = std::to_string(selection.listed.size()) + " findings listed";
  if (selection.not_asked > 0)
    listing += "; " + std::to_string(selection.not_asked) +
               " that pass or do not apply are counted but not listed (--include-passes, --include-all)";
  facts.emplace_back("Listed", listing);
  if (info.filters.any())
    facts.emplace_back("Filters", filter_words(info.filters) + ": " + std::to_string(selection.filtered_out) +
                                      " findings left out of the lists, still counted in the summary");
  if (info.baseline)
    facts.emplace_back("Baseline", info.baseline->file + ": only findings new or changed since are listed; " +
                                       std::to_string(selection.unchanged) + " unchanged left out, " +
                                       std::to_string(selection.gone) + " of the baseline no longer listed");
  if (selection.reviewed > 0)
    facts.emplace_back("Reviews", std::to_string(selection.reviewed) + " listed findings reviewed by an analyst, " +
                                      std::to_string(selection.contested) +
                                      " of them contested; a review never removes or changes a finding");
  return facts;
}

std::vector<InputFile> input_files(const ReportInfo& info, const model::Model& model) {
  if (!info.files.empty())
    return info.files;
  std::vector<InputFile> out;
  for (const auto& name : model.files)
    out.push_back({name, ""});
  return out;
}

std::vector<std::string> jurisdiction_titles(const model::Model& model) {
  std::vector<std::string> titles;
  for (std::size_t j = 0; j < model.jurisdictions.size(); ++j) {
    bool has_laws = false;
    for (const auto& l : model.laws)
      has_laws = has_laws || l.jurisdiction == static_cast<int>(j);
    const auto& jurisdiction = model.jurisdictions[j];
    if (has_laws)
      titles.push_back(jurisdiction.title.empty() ? jurisdiction.id : jurisdiction.title);
  }
  return titles;
}

std::string report_title(const model::Model& model) {
  auto titles = jurisdiction_titles(model);
  return titles.size() == 1 ? "Siracusa report: " + titles.front() : "Siracusa report";
}

std::string run_lede(const model::Model& model, const ReportInfo& info) {
  return std::to_string(model.provisions.size()) + " provisions of " + std::to_string(model.laws.size()) +
         " laws checked against " + std::to_string(model.tests.size()) + " tests on " +
         std::to_string(model.rights.size()) + " rights · siracusa " + info.version +
         (info.as_of ? " · law as of " + *info.as_of : "") + (info.generated ? " · " + *info.generated : "");
}

} // namespace siracusa::report
