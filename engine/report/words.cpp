#include "report/words.hpp"

#include <algorithm>
#include <map>

namespace siracusa::report {

const std::vector<std::string>& verdict_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (auto v : {solve::Verdict::fails, solve::Verdict::may_fail, solve::Verdict::passes,
                   solve::Verdict::undetermined, solve::Verdict::not_applicable, solve::Verdict::unassessed})
      out.emplace_back(solve::verdict_name(v));
    return out;
  }();
  return names;
}

std::optional<solve::Verdict> verdict_from(const std::string& name) {
  const auto& names = verdict_names();
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end())
    return std::nullopt;
  return static_cast<solve::Verdict>(it - names.begin());
}

std::string verdict_words(solve::Verdict verdict) {
  switch (verdict) {
  case solve::Verdict::fails:
    return "fails";
  case solve::Verdict::may_fail:
    return "may fail";
  case solve::Verdict::passes:
    return "passes";
  case solve::Verdict::undetermined:
    return "undetermined";
  case solve::Verdict::not_applicable:
    return "does not apply";
  case solve::Verdict::unassessed:
    return "not assessed";
  }
  return "?";
}

std::string verdict_meaning(solve::Verdict verdict) {
  switch (verdict) {
  case solve::Verdict::fails:
    return "Every reading of the facts the law states fails the test.";
  case solve::Verdict::may_fail:
    return "What the law states leaves it open: some readings fail the test, others do not.";
  case solve::Verdict::passes:
    return "No reading of the facts the law states fails the test.";
  case solve::Verdict::undetermined:
    return "The solver stopped within its limits before deciding; this is not a pass.";
  case solve::Verdict::not_applicable:
    return "The provision states nothing on what the test is about.";
  case solve::Verdict::unassessed:
    return "The provision touches what the test is about but leaves unstated a fact the test needs.";
  }
  return "";
}

std::string strength_words(model::Strength strength) {
  switch (strength) {
  case model::Strength::per_se:
    return "per se incompatible";
  case model::Strength::presumptive:
    return "presumptively incompatible (the State must justify it)";
  case model::Strength::concern:
    return "a concern";
  }
  return "?";
}

std::string criterion_words(model::Criterion criterion) {
  std::string words = model::criterion_name(criterion);
  if (criterion == model::Criterion::non_discrimination)
    return "non-discrimination";
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::string fact_basis_words(model::Basis basis) {
  switch (basis) {
  case model::Basis::text:
    return "text of the law";
  case model::Basis::practice:
    return "practice";
  case model::Basis::assessment:
    return "assessment by a source";
  }
  return "";
}

std::string document_title(const std::string& id, const model::Model& model) {
  const model::Document* document = model.find_document(id);
  return document && !document->title.empty() ? document->title : id;
}

std::string sources_text(const std::vector<check::SourcePara>& sources, const model::Model& model) {
  std::map<std::string, std::vector<int>> by_doc;
  for (const auto& s : sources)
    by_doc[s.document].push_back(s.para);
  std::string out;
  for (auto& [doc, paras] : by_doc) {
    std::sort(paras.begin(), paras.end());
    paras.erase(std::unique(paras.begin(), paras.end()), paras.end());
    out += (out.empty() ? "" : "; ") + document_title(doc, model) + (paras.size() > 1 ? ", paras. " : ", para. ");
    for (std::size_t i = 0; i < paras.size(); ++i)
      out += (i > 0 ? ", " : "") + std::to_string(paras[i]);
  }
  return out;
}

std::vector<std::string> test_citations(const check::TestInfo& test, const model::Model& model) {
  int index = model.find_test(test.id);
  if (index < 0)
    return test.citations;
  std::vector<std::string> out;
  for (const auto& c : model.tests[static_cast<std::size_t>(index)].citations)
    out.push_back(citation_text(c, model));
  return out;
}

std::string basis_words(const check::Finding& finding, const model::Model& model) {
  if (!finding.basis)
    return "";
  // The paragraphs behind the facts of the weakest basis: those are what a reader checks.
  std::vector<check::SourcePara> weakest;
  for (const auto& cause : finding.because)
    if (cause.basis == *finding.basis)
      weakest.insert(weakest.end(), cause.sources.begin(), cause.sources.end());
  std::string where = sources_text(weakest, model);
  // The text or practice described in the finding's sources needs them said only once.
  std::string described = where == sources_text(finding.sources, model) ? "" : where;
  switch (*finding.basis) {
  case model::Basis::text:
    return "the text of the law" + (described.empty() ? "" : " (as described in " + described + ")");
  case model::Basis::practice:
    return "how the law is applied in practice" + (described.empty() ? "" : " (" + described + ")");
  case model::Basis::assessment:
    return where.empty()       ? "the assessment of a source"
           : described.empty() ? "the assessment of the sources cited"
                               : "the assessment of " + described;
  }
  return "";
}

std::string witness_sentence(const solve::Witness& witness) {
  std::vector<std::string> parts;
  for (const auto& v : witness.facts) {
    auto open = v.name.find('(');
    if (open != std::string::npos && v.name.back() == ')') {
      // `scope(a) = yes`: a predicate at a person of the witness.
      std::string predicate = v.name.substr(0, open);
      std::string person = v.name.substr(open + 1, v.name.size() - open - 2);
      parts.push_back("`" + predicate + "` " + (v.value == "yes" ? "covers " : "does not cover ") + person);
    } else {
      parts.push_back("`" + v.name + "` is " + v.value);
    }
  }
  std::string sentence = "It fails, for instance, where ";
  for (std::size_t i = 0; i < parts.size(); ++i)
    sentence += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  if (parts.empty())
    sentence = "It fails, for instance,";
  for (std::size_t i = 0; i < witness.persons.size(); ++i) {
    const auto& p = witness.persons[i];
    sentence += std::string(i == 0 ? (parts.empty() ? " for " : ", for ") : " and ") + "a person " + p.name;
    if (!p.attributes.empty()) {
      sentence += " (";
      for (std::size_t k = 0; k < p.attributes.size(); ++k)
        sentence += (k > 0 ? ", " : "") + p.attributes[k].name + ": " + p.attributes[k].value;
      sentence += ")";
    }
  }
  return sentence + ".";
}

std::string levelled(const std::string& level, const std::string& jurisdiction) {
  return level.empty() ? jurisdiction : level + ", " + jurisdiction;
}

std::string note_text(const check::Finding& finding) {
  switch (finding.note_kind) {
  case check::NoteKind::none:
  case check::NoteKind::solver_stopped:
  case check::NoteKind::partial_implementation:
    return finding.note;
  case check::NoteKind::exception_not_established: {
    std::string names;
    for (const auto& fact : finding.unestablished)
      names += (names.empty() ? "`" : ", `") + fact + "`";
    return "no recognised exception is established: the provision does not state " + names;
  }
  case check::NoteKind::conflict_undecided:
    return "the solver could not decide whether both rules reach the same person";
  }
  return finding.note;
}

std::string question(const check::Finding& finding) {
  std::string names;
  for (std::size_t i = 0; i < finding.missing.size(); ++i)
    names += std::string(i == 0                            ? ""
                         : i + 1 == finding.missing.size() ? " and "
                                                           : ", ") +
             "`" + finding.missing[i] + "`";
  if (!finding.provision)
    return "say whether a law of " + finding.jurisdiction + " implements " + names +
           " (`implements:` on the provision " + "that does, or `reported_absent:` with a source)";
  return "state " + names + " to assess this";
}

std::string conflict_sentence(const check::ConflictInfo& c) {
  return c.modality + " `" + c.act + "` here, while " + c.other + " " + c.other_modality + " it; " +
         (c.prevails.empty() ? std::string("no rule says which prevails") : c.prevails + " prevails by " + c.rule);
}

std::string review_sentence(const Review& review, const check::Finding& finding) {
  std::string out = std::string(review.status == ReviewStatus::contested ? "Contested" : "Reviewed") + " by " +
                    review.by + (review.date.empty() ? "" : " on " + review.date) + ": " + review.reason;
  if (!review_current(review, finding))
    out += " (This review was of an earlier verdict, " + verdict_words(*verdict_from(review.verdict)) +
           "; the finding has changed since.)";
  return out;
}

std::string change_words(Change change, const BaselineFinding* was) {
  if (change == Change::added)
    return "new since the baseline";
  if (change != Change::changed || !was)
    return "";
  std::string out = "changed since the baseline (was " + verdict_words(*verdict_from(was->verdict)) + ", " +
                    strength_words(*model::strength_from(was->strength));
  if (!was->basis.empty())
    out += ", on the " + fact_basis_words(*model::basis_from(was->basis));
  return out + ")";
}

std::string location_text(const check::Location& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

std::string filter_words(const Filters& filters) {
  std::string out;
  auto add = [&](const char* option, const std::vector<std::string>& values) {
    if (values.empty())
      return;
    out += (out.empty() ? "" : " ") + std::string(option) + " ";
    for (std::size_t i = 0; i < values.size(); ++i)
      out += (i > 0 ? "," : "") + values[i];
  };
  add("--right", filters.rights);
  add("--law", filters.laws);
  add("--criterion", filters.criteria);
  add("--verdict", filters.verdicts);
  add("--strength", filters.strengths);
  return out;
}

int verdict_rank(solve::Verdict verdict) {
  switch (verdict) {
  case solve::Verdict::fails:
    return 0;
  case solve::Verdict::undetermined:
    return 1;
  case solve::Verdict::may_fail:
    return 2;
  case solve::Verdict::unassessed:
    return 3;
  case solve::Verdict::passes:
    return 4;
  case solve::Verdict::not_applicable:
    return 5;
  }
  return 6;
}

} // namespace siracusa::report
