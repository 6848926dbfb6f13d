// The JSON report: every listed finding with the fields docs/findings.schema.json
// documents, the counts, what the run read (each file with its digest) and how it was
// asked; and `explain --format json`.
#include "model/print.hpp"
#include "report/json_finding.hpp"
#include "report/report.hpp"
#include "report/selection.hpp"
#include "report/words.hpp"

namespace siracusa::report {

using check::Finding;
using check::Verdict;
using nlohmann::ordered_json;

namespace {

ordered_json nullable(const std::string& s) {
  return s.empty() ? ordered_json(nullptr) : ordered_json(s);
}

ordered_json nullable(const std::optional<std::string>& s) {
  return s ? ordered_json(*s) : ordered_json(nullptr);
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

ordered_json filters_json(const Filters& filters) {
  return {{"rights", filters.rights},
          {"laws", filters.laws},
          {"criteria", filters.criteria},
          {"verdicts", filters.verdicts},
          {"strengths", filters.strengths}};
}

ordered_json tool_json(const ReportInfo& info) {
  return {{"name", "siracusa"},
          {"version", info.version},
          {"options",
           {{"include_passes", info.include_passes},
            {"include_all", info.include_all},
            {"timeout_ms", info.timeout_ms},
            {"rlimit", info.rlimit},
            {"min_basis", model::basis_name(info.min_basis)},
            {"as_of", nullable(info.as_of)},
            {"filters", filters_json(info.filters)},
            {"baseline", info.baseline ? ordered_json(info.baseline->file) : ordered_json(nullptr)}}},
          {"generated", nullable(info.generated)}};
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
  j["note"] = f.note;
  return j;
}

ordered_json entry_json(const Entry& e) {
  ordered_json j = finding_json(*e.finding);
  if (e.review) {
    const Review& r = *e.review;
    auto at = check::location_of(r.span);
    j["review"] = {{"status", review_status_name(r.status)},
                   {"reason", r.reason},
                   {"by", r.by},
                   {"date", nullable(r.date)},
                   {"verdict", nullable(r.verdict)},
                   {"current", review_current(r, *e.finding)},
                   {"file", at.file},
                   {"line", at.line},
                   {"column", at.column}};
  }
  if (e.change == Change::added) {
    j["change"] = {{"kind", "new"}, {"was", nullptr}};
  } else if (e.change == Change::changed && e.was) {
    j["change"] = {
        {"kind", "changed"},
        {"was", {{"verdict", e.was->verdict}, {"strength", e.was->strength}, {"basis", nullable(e.was->basis)}}}};
  }
  return j;
}

std::string render_json(const check::Result& result, const model::Model& model, const ReportInfo& info) {
  Selection selection = select(result, info);
  ordered_json root;
  root["tool"] = tool_json(info);
  ordered_json files = ordered_json::array();
  if (info.files.empty()) {
    for (const auto& name : model.files)
      files.push_back({{"path", name}, {"sha256", nullptr}});
  } else {
    for (const auto& file : info.files)
      files.push_back({{"path", file.path}, {"sha256", nullable(file.sha256)}});
  }
  root["inputs"] = {{"origin", info.origin},
                    {"rule_base", info.rule_base},
                    {"rule_base_digest", nullable(info.rule_base_digest)},
                    {"files", files},
                    {"rights", model.rights.size()},
                    {"tests", model.tests.size()},
                    {"laws", model.laws.size()},
                    {"provisions", model.provisions.size()}};
  root["as_of"] = info.as_of ? ordered_json(*info.as_of) : ordered_json(nullptr);
  root["amendments"] = {{"applied", info.amendments_applied}, {"drafts_not_applied", info.drafts_not_applied}};
  ordered_json parameters = ordered_json::array();
  for (const auto& p : info.parameters)
    parameters.push_back({{"id", p.id}, {"value", p.value}, {"set_by", nullable(p.set_by)}});
  root["parameters"] = parameters;
  ordered_json findings = ordered_json::array();
  for (const auto& e : selection.listed)
    findings.push_back(entry_json(e));
  root["findings"] = findings;
  const auto& s = result.summary;
  root["summary"] = {{"provisions", s.provisions},     {"tests", s.tests},
                     {"evaluated", s.evaluated},       {"fails", s.fails},
                     {"may_fail", s.may_fail},         {"passes", s.passes},
                     {"undetermined", s.undetermined}, {"not_applicable", s.not_applicable},
                     {"unassessed", s.unassessed}};
  root["listing"] = {
      {"listed", selection.listed.size()}, {"not_asked", selection.not_asked}, {"filtered_out", selection.filtered_out},
      {"unchanged", selection.unchanged},  {"gone", selection.gone},           {"reviewed", selection.reviewed},
      {"contested", selection.contested}};
  return root.dump(2) + "\n";
}

std::string render_explain_json(const std::vector<const Finding*>& findings, const model::Model& model,
                                const ReportInfo& info) {
  ordered_json list = ordered_json::array();
  for (const Finding* f : findings) {
    ordered_json item;
    item["finding"] = finding_json(*f);
    item["condition"] = nullable(f->test->condition);
    ordered_json facts = ordered_json::array();
    int index = f->provision ? model.find_provision(f->provision->id) : -1;
    if (index >= 0) {
      for (const auto& stated : model.provisions[static_cast<std::size_t>(index)].facts) {
        auto at = check::location_of(stated.value.span);
        facts.push_back({{"fact", model.facts[static_cast<std::size_t>(stated.fact)].name},
                         {"value", model::to_text(stated.value, model)},
                         {"basis", model::basis_name(stated.basis)},
                         {"inherited", stated.inherited},
                         {"file", at.file},
                         {"line", at.line},
                         {"column", at.column}});
      }
    }
    item["stated_facts"] = facts;
    list.push_back(item);
  }
  ordered_json root;
  root["tool"] = {{"name", "siracusa"}, {"version", info.version}};
  root["explained"] = list;
  return root.dump(2) + "\n";
}

} // namespace siracusa::report
