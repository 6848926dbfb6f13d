// The text report: findings by law and provision (or by ICCPR article), what fails first;
// the analyst's work list apart; the duties; the tests that found something, each
// explained once; counts, with what filters and the baseline left out. Written to its
// stream as it is made (text_sink.hpp).
#include "report/report.hpp"
#include "report/selection.hpp"
#include "report/style.hpp"
#include "report/text_sink.hpp"
#include "report/words.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace siracusa::report {

using check::Finding;
using check::Verdict;

namespace {

const char* color_of(Verdict v) {
  switch (v) {
  case Verdict::fails:
    return "\x1b[1;31m";
  case Verdict::may_fail:
    return "\x1b[1;33m";
  case Verdict::passes:
    return "\x1b[1;32m";
  case Verdict::undetermined:
    return "\x1b[1;35m";
  case Verdict::unassessed:
    return "\x1b[1;36m";
  case Verdict::not_applicable:
    return "\x1b[2m";
  }
  return "";
}

std::string upper(std::string s) {
  for (auto& c : s)
    c = c == '_' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

void finding_text(TextSink& out, const Entry& e, const model::Model& model, const Style& style,
                  const std::string& indent) {
  const Finding& f = *e.finding;
  out += indent + style.verdict(f.verdict) + "  " + model::strength_name(f.strength) + "  " +
         (f.right.empty() ? "-" : f.right) + "  " + f.test->id + "  [" + model::criterion_name(f.test->criterion) +
         "]\n";
  std::string inner = indent + "    ";
  out += inner + f.test->title + "\n";
  if (e.change != Change::none)
    out += inner + style.bold(change_words(e.change, e.was)) + "\n";
  if (e.review)
    out += inner + "review: " + review_sentence(*e.review, f) + "\n";
  if (f.conflict)
    out += inner + "conflict: " + conflict_sentence(*f.conflict) + "\n";
  for (const auto& c : f.because)
    out += inner + "because: " + c.statement + "  " + style.dim(location_text(c.location)) + "\n";
  if (f.basis)
    out += inner + "rests on: " + basis_words(f, model) + "\n";
  if (f.witness && !f.witness->empty())
    out += inner + "witness: " + witness_sentence(*f.witness) + "\n";
  if (std::string note = note_text(f); !note.empty())
    out += inner + "note: " + note + "\n";
  if (f.good_practice)
    out += inner + "(recommended good practice, not a Covenant obligation)\n";
  // Nothing was found to be wrong: nothing to cite as evidence or to recommend.
  if (f.verdict == Verdict::passes || f.verdict == Verdict::not_applicable || f.verdict == Verdict::unassessed)
    return;
  if (!f.sources.empty())
    out += inner + "sources: " + sources_text(f.sources, model) + "\n";
  if (!f.test->recommendation.empty())
    out += inner + "recommendation: " + f.test->recommendation + "\n";
}

std::string provision_line(const check::ProvisionInfo& p, const Style& style) {
  // A part of the act at another level (an implementing decree) says so.
  std::string own_level = p.level != p.law_level ? " (" + p.level + ")" : "";
  return "provision " + style.bold(p.id) + (p.title.empty() ? "" : " — " + p.title) + own_level + "  " +
         style.dim(location_text(p.location));
}

void by_law(TextSink& out, const std::vector<const Entry*>& entries, const model::Model& model, const Style& style) {
  std::map<std::string, std::map<std::string, std::vector<const Entry*>>> laws;
  for (const Entry* e : entries)
    laws[e->finding->provision->law][e->finding->provision->id].push_back(e);
  for (const auto& [law_id, provisions] : laws) {
    const Finding& any = *provisions.begin()->second.front()->finding;
    out += "\n" + style.bold(law_id) + " — " + any.provision->law_title + " (" +
           levelled(any.provision->law_level, any.jurisdiction) + ")\n";
    for (auto [provision_id, findings] : provisions) {
      out += "  " + provision_line(*findings.front()->finding->provision, style) + "\n";
      std::sort(findings.begin(), findings.end(), reading_order);
      for (const Entry* e : findings)
        finding_text(out, *e, model, style, "    ");
    }
  }
}

void duties_text(TextSink& out, std::vector<const Entry*> duties, const model::Model& model, const Style& style) {
  if (duties.empty())
    return;
  std::sort(duties.begin(), duties.end(), reading_order);
  out += "\n" + style.bold("Positive obligations: duties a law must implement") + "\n";
  std::map<std::string, std::vector<const Entry*>> by_jurisdiction;
  for (const Entry* e : duties)
    by_jurisdiction[e->finding->jurisdiction].push_back(e);
  for (const auto& [jurisdiction, findings] : by_jurisdiction) {
    out += "  " + style.bold(jurisdiction) + "\n";
    for (const Entry* e : findings)
      finding_text(out, *e, model, style, "    ");
  }
}

void by_article_text(TextSink& out, const std::vector<const Entry*>& entries, const model::Model& model,
                     const Style& style) {
  for (const auto& group : by_article(entries, model)) {
    out += "\n" +
           style.bold(group.right.empty()
                          ? std::string("Findings tied to no article")
                          : "Article " + group.article + (group.title.empty() ? "" : " — " + group.title)) +
           "\n";
    // Within an article, provision by provision in the order their first finding is read.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const Entry*>> by_subject;
    for (const Entry* e : group.entries) {
      const Finding& f = *e->finding;
      std::string subject = f.provision ? f.provision->id : "duty of " + f.jurisdiction;
      if (by_subject.count(subject) == 0)
        order.push_back(subject);
      by_subject[subject].push_back(e);
    }
    for (const auto& subject : order) {
      const Finding& first = *by_subject[subject].front()->finding;
      out += "  " + (first.provision ? provision_line(*first.provision, style) : style.bold(subject)) + "\n";
      for (const Entry* e : by_subject[subject])
        finding_text(out, *e, model, style, "    ");
    }
  }
}

void work_list_text(TextSink& out, const std::vector<const Entry*>& work, const Style& style) {
  if (work.empty())
    return;
  out += "\n" + style.bold("Analyst's work list") +
         " — the provision touches the test's subject but leaves unstated a fact the test needs\n";
  std::map<std::string, std::vector<const Entry*>> by_subject;
  for (const Entry* e : work)
    by_subject[e->finding->provision ? e->finding->provision->id : e->finding->jurisdiction].push_back(e);
  for (const auto& [subject, entries] : by_subject) {
    const Finding& first = *entries.front()->finding;
    out += "  " + style.bold(subject) +
           (first.provision ? "  " + style.dim(location_text(first.provision->location)) : std::string()) + "\n";
    for (const Entry* e : entries) {
      const Finding& f = *e->finding;
      out += "    " + (f.right.empty() ? std::string("-") : f.right) + "  " + f.test->id + ": " + question(f) + "\n";
      if (e->review)
        out += "      review: " + review_sentence(*e->review, f) + "\n";
    }
  }
}

void tests_text(TextSink& out, const std::vector<const Entry*>& entries, const model::Model& model,
                const Style& style) {
  std::map<std::string, const check::TestInfo*> found_by;
  for (const Entry* e : entries)
    if (e->finding->verdict == Verdict::fails || e->finding->verdict == Verdict::may_fail)
      found_by[e->finding->test->id] = e->finding->test.get();
  if (found_by.empty())
    return;
  out += "\n" + style.bold("The tests behind these findings") + "\n";
  for (const auto& [id, test] : found_by) {
    out += "  " + style.bold(id) + " — " + test->title + " [" + model::criterion_name(test->criterion) + ", " +
           strength_words(test->strength) + "]\n";
    if (!test->explanation.empty())
      out += "    " + test->explanation + "\n";
    if (test->strength == model::Strength::presumptive && !test->justification.empty())
      out += "    The State would have to show: " + test->justification + "\n";
    for (const auto& e : test->exceptions)
      out += "    Acceptable where: " + e + "\n";
    auto citations = test_citations(*test, model);
    if (!citations.empty()) {
      out += "    cites: ";
      for (std::size_t i = 0; i < citations.size(); ++i)
        out += (i > 0 ? "; " : "") + citations[i];
      out += "\n";
    }
  }
}

} // namespace

std::string Style::verdict(Verdict v) const {
  std::string word = upper(solve::verdict_name(v));
  return color ? color_of(v) + word + "\x1b[0m" : word;
}

void write_text(std::ostream& stream, const check::Result& result, const model::Model& model, const ReportInfo& info,
                bool color) {
  Style style{color};
  Selection selection = select(result, info);
  TextSink out(stream);
  out += style.bold("Siracusa " + info.version) + " — " + std::to_string(model.provisions.size()) + " provisions, " +
         std::to_string(model.tests.size()) + " tests (" + info.origin + ")\n";
  if (!info.rule_base.empty()) {
    out += "rule base:";
    for (const auto& r : info.rule_base)
      out += " " + r;
    if (!info.rule_base_digest.empty())
      out += " " + style.dim("(sha256 " + info.rule_base_digest.substr(0, 16) + ")");
    out += "\n";
  }
  if (!info.time_note.empty())
    out += info.time_note + "\n";
  for (const auto& p : info.parameters)
    if (!p.set_by.empty())
      out += "parameter " + p.id + " = " + p.value + " (set by " + p.set_by + ")\n";
  if (info.min_basis != model::Basis::assessment)
    out += std::string("only facts whose basis is ") +
           (info.min_basis == model::Basis::text ? "the text of the law" : "the text or its practice") + "\n";
  if (info.filters.any())
    out += style.bold("filtered:") + " " + filter_words(info.filters) + " — " + std::to_string(selection.filtered_out) +
           " findings left out (still counted in the summary)\n";
  if (info.baseline)
    out += style.bold("baseline:") + " " + info.baseline->file + " — listing what is new or changed; " +
           std::to_string(selection.unchanged) + " unchanged findings left out, " + std::to_string(selection.gone) +
           " findings of the baseline no longer listed\n";

  if (!info.counts_only) {
    std::vector<const Entry*> provisions;
    std::vector<const Entry*> duties;
    std::vector<const Entry*> work;
    for (const auto& e : selection.listed) {
      if (e.finding->verdict == Verdict::unassessed)
        work.push_back(&e);
      else if (info.group_by == GroupBy::article)
        provisions.push_back(&e); // duties go under their article too
      else if (e.finding->provision)
        provisions.push_back(&e);
      else
        duties.push_back(&e);
    }
    if (info.group_by == GroupBy::article)
      by_article_text(out, provisions, model, style);
    else
      by_law(out, provisions, model, style);
    duties_text(out, duties, model, style);
    work_list_text(out, work, style);
    std::vector<const Entry*> all;
    for (const auto& e : selection.listed)
      all.push_back(&e);
    tests_text(out, all, model, style);
  }

  const auto& s = result.summary;
  std::size_t by_strength[3] = {0, 0, 0};
  for (const auto& f : result.findings)
    if (f.verdict == Verdict::fails)
      ++by_strength[static_cast<int>(f.strength)];
  out += "\nSummary: " + std::to_string(s.provisions) + " provisions, " + std::to_string(s.tests) + " tests, " +
         std::to_string(s.evaluated) + " decisions: " + style.verdict(Verdict::fails) + " " + std::to_string(s.fails) +
         " (per se " + std::to_string(by_strength[0]) + ", presumptive " + std::to_string(by_strength[1]) +
         ", concern " + std::to_string(by_strength[2]) + "), " + style.verdict(Verdict::may_fail) + " " +
         std::to_string(s.may_fail) + ", " + style.verdict(Verdict::undetermined) + " " +
         std::to_string(s.undetermined) + ", " + style.verdict(Verdict::unassessed) + " " +
         std::to_string(s.unassessed) + ", " + style.verdict(Verdict::passes) + " " + std::to_string(s.passes) + ", " +
         style.verdict(Verdict::not_applicable) + " " + std::to_string(s.not_applicable) + "\n";
  out += "Listed: " + std::to_string(selection.listed.size()) + " findings";
  if (selection.reviewed > 0)
    out += ", " + std::to_string(selection.reviewed) + " of them reviewed by an analyst (" +
           std::to_string(selection.contested) + " contested)";
  out += "\n";
  if (selection.not_asked > 0)
    out += style.dim("(" + std::to_string(selection.not_asked) +
                     " findings that pass or do not apply are not listed; --include-passes or --include-all lists "
                     "them)") +
           "\n";
  out.flush();
}

std::string render_text(const check::Result& result, const model::Model& model, const ReportInfo& info, bool color) {
  std::ostringstream out;
  write_text(out, result, model, info, color);
  return std::move(out).str();
}

} // namespace siracusa::report
