// The text report: findings by law and provision, what fails first; the analyst's work
// list apart; the duties; the tests that found something, each explained once; counts.
#include "report/report.hpp"
#include "report/style.hpp"
#include "report/words.hpp"

#include <algorithm>
#include <map>

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

bool before(const Finding* a, const Finding* b) {
  auto key = [](const Finding* f) {
    return std::make_tuple(verdict_rank(f->verdict), static_cast<int>(f->strength), f->test->id, f->id);
  };
  return key(a) < key(b);
}

void finding_text(std::string& out, const Finding& f, const Style& style, const std::string& indent) {
  out += indent + style.verdict(f.verdict) + "  " + model::strength_name(f.strength) + "  " +
         (f.right.empty() ? "-" : f.right) + "  " + f.test->id + "  [" + model::criterion_name(f.test->criterion) +
         "]\n";
  std::string inner = indent + "    ";
  out += inner + f.test->title + "\n";
  if (f.conflict) {
    const auto& c = *f.conflict;
    out += inner + "conflicts with: " + c.other + " (" + c.modality + " vs " + c.other_modality + " `" + c.act +
           "`); " +
           (c.prevails.empty() ? std::string("no rule says which prevails") : c.prevails + " prevails by " + c.rule) +
           "\n";
  }
  for (const auto& c : f.because)
    out += inner + "because: " + c.statement + "  " + style.dim(location_text(c.location)) + "\n";
  if (f.basis)
    out += inner + "rests on: " + basis_words(f) + "\n";
  if (f.witness && !f.witness->empty())
    out += inner + "witness: " + witness_sentence(*f.witness) + "\n";
  if (!f.note.empty())
    out += inner + "note: " + f.note + "\n";
  // Nothing was found to be wrong: nothing to cite as evidence or to recommend.
  if (f.verdict == Verdict::passes || f.verdict == Verdict::not_applicable || f.verdict == Verdict::unassessed)
    return;
  if (f.sources.size() > 0)
    out += inner + "sources: " + sources_text(f.sources) + "\n";
  if (!f.test->recommendation.empty())
    out += inner + "recommendation: " + f.test->recommendation + "\n";
}

} // namespace

std::string Style::verdict(Verdict v) const {
  std::string word = upper(solve::verdict_name(v));
  return color ? color_of(v) + word + "\x1b[0m" : word;
}

std::string render_text(const check::Result& result, const model::Model& model, const ReportInfo& info, bool color) {
  Style style{color};
  std::string out;
  out += style.bold("Siracusa " + info.version) + " — " + std::to_string(model.provisions.size()) + " provisions, " +
         std::to_string(model.tests.size()) + " tests (" + info.origin + ")\n";
  if (!info.rule_base.empty()) {
    out += "rule base:";
    for (const auto& r : info.rule_base)
      out += " " + r;
    out += "\n";
  }
  if (!info.time_note.empty())
    out += info.time_note + "\n";
  if (info.min_basis != model::Basis::assessment)
    out += std::string("only facts whose basis is ") +
           (info.min_basis == model::Basis::text ? "the text of the law" : "the text or its practice") + "\n";
  // Findings by law, then provision; the work list and duties apart.
  std::map<std::string, std::map<std::string, std::vector<const Finding*>>> by_law;
  std::vector<const Finding*> duties;
  std::vector<const Finding*> work;
  std::map<std::string, const check::TestInfo*> found_by;
  for (const auto& f : result.findings) {
    if (!listed(f, info))
      continue;
    if (f.verdict == Verdict::unassessed)
      work.push_back(&f);
    else if (f.provision)
      by_law[f.provision->law][f.provision->id].push_back(&f);
    else
      duties.push_back(&f);
    if (f.verdict == Verdict::fails || f.verdict == Verdict::may_fail)
      found_by[f.test->id] = f.test.get();
  }
  for (const auto& [law_id, provisions] : by_law) {
    const auto& any = *provisions.begin()->second.front()->provision;
    out += "\n" + style.bold(law_id) + " — " + any.law_title + " (" + any.level + ", " +
           provisions.begin()->second.front()->jurisdiction + ")\n";
    for (auto [provision_id, findings] : provisions) {
      const auto& p = *findings.front()->provision;
      out += "  provision " + style.bold(provision_id) + (p.title.empty() ? "" : " — " + p.title) + "  " +
             style.dim(location_text(p.location)) + "\n";
      std::sort(findings.begin(), findings.end(), before);
      for (const Finding* f : findings)
        finding_text(out, *f, style, "    ");
    }
  }
  if (!duties.empty()) {
    std::sort(duties.begin(), duties.end(), before);
    out += "\n" + style.bold("Positive obligations: duties a law must implement") + "\n";
    std::map<std::string, std::vector<const Finding*>> by_jurisdiction;
    for (const Finding* f : duties)
      by_jurisdiction[f->jurisdiction].push_back(f);
    for (const auto& [jurisdiction, findings] : by_jurisdiction) {
      out += "  " + style.bold(jurisdiction) + "\n";
      for (const Finding* f : findings) {
        finding_text(out, *f, style, "    ");
        if (f->good_practice)
          out += "        (recommended good practice, not a Covenant obligation)\n";
      }
    }
  }
  if (!work.empty()) {
    out += "\n" + style.bold("Analyst's work list") +
           " — the provision touches the test's subject but leaves unstated a fact the test needs\n";
    std::map<std::string, std::vector<const Finding*>> by_subject;
    for (const Finding* f : work)
      by_subject[f->provision ? f->provision->id : f->jurisdiction].push_back(f);
    for (const auto& [subject, findings] : by_subject) {
      const Finding& first = *findings.front();
      out += "  " + style.bold(subject) +
             (first.provision ? "  " + style.dim(location_text(first.provision->location)) : std::string()) + "\n";
      for (const Finding* f : findings)
        out +=
            "    " + (f->right.empty() ? std::string("-") : f->right) + "  " + f->test->id + ": " + question(*f) + "\n";
    }
  }
  if (!found_by.empty()) {
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
      if (!test->citations.empty()) {
        out += "    cites: ";
        for (std::size_t i = 0; i < test->citations.size(); ++i)
          out += (i > 0 ? "; " : "") + test->citations[i];
        out += "\n";
      }
    }
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
  std::size_t hidden =
      (info.include_all || info.include_passes ? 0 : s.passes) + (info.include_all ? 0 : s.not_applicable);
  if (hidden > 0)
    out += style.dim("(" + std::to_string(hidden) +
                     " findings that pass or do not apply are not listed; --include-passes or --include-all lists "
                     "them)") +
           "\n";
  return out;
}

} // namespace siracusa::report
