#include "report/words.hpp"

#include <algorithm>
#include <map>

namespace siracusa::report {

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

std::string sources_text(const std::vector<check::SourcePara>& sources) {
  std::map<std::string, std::vector<int>> by_doc;
  for (const auto& s : sources)
    by_doc[s.document].push_back(s.para);
  std::string out;
  for (auto& [doc, paras] : by_doc) {
    std::sort(paras.begin(), paras.end());
    paras.erase(std::unique(paras.begin(), paras.end()), paras.end());
    out += (out.empty() ? "" : "; ") + doc + (paras.size() > 1 ? " paras. " : " para. ");
    for (std::size_t i = 0; i < paras.size(); ++i)
      out += (i > 0 ? ", " : "") + std::to_string(paras[i]);
  }
  return out;
}

std::string basis_words(const check::Finding& finding) {
  if (!finding.basis)
    return "";
  // The paragraphs behind the facts of the weakest basis: those are what a reader checks.
  std::vector<check::SourcePara> weakest;
  for (const auto& cause : finding.because)
    if (cause.basis == *finding.basis)
      weakest.insert(weakest.end(), cause.sources.begin(), cause.sources.end());
  std::string where = sources_text(weakest);
  switch (*finding.basis) {
  case model::Basis::text:
    return "the text of the law" + (where.empty() ? "" : " (as described in " + where + ")");
  case model::Basis::practice:
    return "how the law is applied in practice" + (where.empty() ? "" : " (" + where + ")");
  case model::Basis::assessment:
    return "the assessment of " + (where.empty() ? std::string("a source") : where);
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

std::string location_text(const check::Location& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
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
