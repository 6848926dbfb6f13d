// The JSON report: every listed finding with the fields docs/findings.schema.json
// documents, the counts, and what the run read.
#include "report/json.hpp"
#include "report/report.hpp"
#include "report/words.hpp"

namespace siracusa::report {

using check::Finding;
using check::Verdict;
using nlohmann::ordered_json;

namespace {

ordered_json nullable(const std::string& s) {
  return s.empty() ? ordered_json(nullptr) : ordered_json(s);
}

ordered_json sources_json(const std::vector<check::SourcePara>& sources) {
  ordered_json out = ordered_json::array();
  for (const auto& s : sources)
    out.push_back({{"doc", s.document}, {"para", s.para}});
  return out;
}

ordered_json witness_json(const std::optional<solve::Witness>& w) {
  if (!w)
    return nullptr;
  ordered_json facts = ordered_json::array();
  for (const auto& v : w->facts)
    facts.push_back({{"name", v.name}, {"value", v.value}});
  ordered_json persons = ordered_json::array();
  for (const auto& p : w->persons) {
    ordered_json attributes = ordered_json::array();
    for (const auto& a : p.attributes)
      attributes.push_back({{"name", a.name}, {"value", a.value}});
    persons.push_back({{"name", p.name}, {"attributes", attributes}});
  }
  return ordered_json{{"facts", facts}, {"persons", persons}, {"sentence", witness_sentence(*w)}};
}

ordered_json provision_json(const Finding& f) {
  if (!f.provision)
    return nullptr;
  const auto& p = *f.provision;
  return ordered_json{{"id", p.id},
                      {"title", p.title},
                      {"article", p.article},
                      {"law", p.law},
                      {"law_title", p.law_title},
                      {"level", p.level},
                      {"jurisdiction", f.jurisdiction},
                      {"file", p.location.file},
                      {"line", p.location.line},
                      {"column", p.location.column}};
}

// Whether a recommendation applies: only where something may be wrong.
bool recommends(Verdict v) {
  return v == Verdict::fails || v == Verdict::may_fail || v == Verdict::undetermined;
}

} // namespace

ordered_json finding_json(const Finding& f) {
  ordered_json j;
  j["id"] = f.id;
  j["provision"] = provision_json(f);
  j["jurisdiction"] = f.jurisdiction;
  j["article"] = nullable(f.article);
  j["right"] = nullable(f.right);
  j["test"] = f.test->id;
  j["test_title"] = f.test->title;
  j["criterion"] = model::criterion_name(f.test->criterion);
  j["verdict"] = solve::verdict_name(f.verdict);
  j["strength"] = model::strength_name(f.strength);
  j["basis"] = f.basis ? ordered_json(model::basis_name(*f.basis)) : ordered_json(nullptr);
  ordered_json because = ordered_json::array();
  for (const auto& c : f.because)
    because.push_back({{"fact", c.fact},
                       {"statement", c.statement},
                       {"file", c.location.file},
                       {"line", c.location.line},
                       {"column", c.location.column},
                       {"basis", model::basis_name(c.basis)},
                       {"sources", sources_json(c.sources)}});
  j["because"] = because;
  j["missing"] = f.missing;
  j["witness"] = witness_json(f.witness);
  j["citations"] = f.test->citations;
  j["sources"] = sources_json(f.sources);
  j["explanation"] = f.test->explanation;
  j["justification"] =
      f.strength == model::Strength::presumptive ? nullable(f.test->justification) : ordered_json(nullptr);
  j["exceptions"] = f.test->exceptions;
  j["recommendation"] = recommends(f.verdict) ? nullable(f.test->recommendation) : ordered_json(nullptr);
  if (f.conflict) {
    const auto& c = *f.conflict;
    j["conflict"] = {{"with", c.other},
                     {"act", c.act},
                     {"modality", c.modality},
                     {"other_modality", c.other_modality},
                     {"prevails", nullable(c.prevails)},
                     {"rule", c.rule}};
  } else {
    j["conflict"] = nullptr;
  }
  j["good_practice"] = f.good_practice;
  j["route"] = check::route_name(f.route);
  j["note"] = f.note;
  return j;
}

bool listed(const Finding& f, const ReportInfo& info) {
  if (f.verdict == Verdict::not_applicable)
    return info.include_all;
  if (f.verdict == Verdict::passes)
    return info.include_all || info.include_passes;
  return true;
}

std::string render_json(const check::Result& result, const model::Model& model, const ReportInfo& info) {
  ordered_json root;
  root["tool"] = {{"name", "siracusa"},
                  {"version", info.version},
                  {"options",
                   {{"include_passes", info.include_passes},
                    {"include_all", info.include_all},
                    {"timeout_ms", info.timeout_ms},
                    {"rlimit", info.rlimit},
                    {"all_z3", info.all_z3},
                    {"min_basis", model::basis_name(info.min_basis)}}}};
  root["inputs"] = {{"origin", info.origin},
                    {"rule_base", info.rule_base},
                    {"files", model.files},
                    {"rights", model.rights.size()},
                    {"tests", model.tests.size()},
                    {"laws", model.laws.size()},
                    {"provisions", model.provisions.size()}};
  root["as_of"] = info.as_of ? ordered_json(*info.as_of) : ordered_json(nullptr);
  root["amendments"] = {{"applied", info.amendments_applied}, {"drafts_not_applied", info.drafts_not_applied}};
  ordered_json findings = ordered_json::array();
  for (const auto& f : result.findings)
    if (listed(f, info))
      findings.push_back(finding_json(f));
  root["findings"] = findings;
  const auto& s = result.summary;
  root["summary"] = {{"provisions", s.provisions},     {"tests", s.tests},
                     {"evaluated", s.evaluated},       {"fails", s.fails},
                     {"may_fail", s.may_fail},         {"passes", s.passes},
                     {"undetermined", s.undetermined}, {"not_applicable", s.not_applicable},
                     {"unassessed", s.unassessed}};
  return root.dump(2) + "\n";
}

} // namespace siracusa::report
