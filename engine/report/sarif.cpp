// The SARIF 2.1.0 report, for code-scanning tools: one result per listed finding, one
// rule per test (its title, explanation and citations), locations in the rule files (the
// provision for a result; the test for its rule), artifacts with their SHA-256, and a
// fingerprint of the finding's id that stays the same from run to run.
#include "diag/sha256.hpp"
#include "report/content.hpp"
#include "report/json_finding.hpp"
#include "report/markup.hpp"
#include "report/report.hpp"
#include "report/words.hpp"

#include <map>

namespace siracusa::report {

using check::Finding;
using check::Verdict;
using nlohmann::ordered_json;

namespace {

// A file name as a URI reference: relative names stay relative, absolute ones become
// file: URIs; bytes outside the unreserved set are percent-encoded.
std::string uri_of(const std::string& path) {
  static const char* const hex = "0123456789ABCDEF";
  std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
  for (unsigned char c : path) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                 c == '_' || c == '~' || c == '/';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xf];
    }
  }
  return out;
}

// How serious a test is by default: what its strength makes of a failure.
const char* rule_level(model::Strength strength) {
  return strength == model::Strength::concern ? "warning" : "error";
}

// SARIF's level and kind for a finding. A level other than `none` goes with the kind
// `fail` (SARIF §3.27.9), which is the default and left out.
std::pair<const char*, const char*> level_and_kind(const Finding& f) {
  switch (f.verdict) {
  case Verdict::fails:
    return {f.strength == model::Strength::concern ? "warning" : "error", nullptr};
  case Verdict::undetermined:
    return {"warning", nullptr};
  case Verdict::may_fail:
  case Verdict::unassessed:
    return {"note", nullptr};
  case Verdict::passes:
    return {"none", "pass"};
  case Verdict::not_applicable:
    return {"none", "notApplicable"};
  }
  return {"warning", nullptr};
}

ordered_json physical(const check::Location& at, const std::map<std::string, std::size_t>& artifacts) {
  ordered_json artifact = {{"uri", uri_of(at.file)}};
  if (auto it = artifacts.find(at.file); it != artifacts.end())
    artifact["index"] = it->second;
  ordered_json region = ordered_json::object();
  if (at.line > 0) {
    region["startLine"] = at.line;
    if (at.column > 0)
      region["startColumn"] = at.column;
  }
  ordered_json out = {{"artifactLocation", artifact}};
  if (!region.empty())
    out["region"] = region;
  return out;
}

std::string message_of(const Entry& e, const model::Model& model) {
  FindingText t = finding_text(e, model);
  std::string verdict = t.verdict;
  verdict[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(verdict[0])));
  std::string out = verdict + " (" + t.strength + "): " + t.heading + ". " + t.provision + ". " + t.meaning;
  if (!t.witness.empty())
    out += " " + t.witness;
  if (!t.question.empty())
    out += " To assess it, " + t.question + ".";
  if (!t.conflict.empty())
    out += " Conflict: " + t.conflict + ".";
  if (!t.basis.empty())
    out += " It rests on " + t.basis + ".";
  if (!t.justification.empty())
    out += " The State would have to show " + t.justification;
  if (!t.review.empty())
    out += " " + t.review;
  if (!t.change.empty())
    out += " (" + t.change + ")";
  return out;
}

ordered_json rule_json(const check::TestInfo& test, const model::Model& model) {
  ordered_json rule;
  rule["id"] = test.id;
  rule["name"] = test.id;
  rule["shortDescription"] = {{"text", test.title.empty() ? test.id : test.title}};
  if (!test.explanation.empty())
    rule["fullDescription"] = {{"text", test.explanation}};
  std::string help;
  std::string help_markdown;
  auto citations = test_citations(test, model);
  if (!citations.empty()) {
    help = "Authorities: ";
    help_markdown = "**Authorities**\n\n";
    for (std::size_t i = 0; i < citations.size(); ++i) {
      help += (i > 0 ? "; " : "") + citations[i];
      help_markdown += "- " + markdown_inline(citations[i]) + "\n";
    }
    help += ".";
  }
  if (!test.recommendation.empty()) {
    help += (help.empty() ? "" : " ") + std::string("Recommendation: ") + test.recommendation;
    help_markdown += "\n**Recommendation:** " + markdown_inline(test.recommendation) + "\n";
  }
  if (!help.empty())
    rule["help"] = {{"text", help}, {"markdown", help_markdown}};
  rule["defaultConfiguration"] = {{"level", rule_level(test.strength)}};
  rule["properties"] = {{"criterion", model::criterion_name(test.criterion)},
                        {"strength", model::strength_name(test.strength)},
                        {"tags", {model::criterion_name(test.criterion), model::strength_name(test.strength)}},
                        {"file", test.location.file},
                        {"line", test.location.line},
                        {"column", test.location.column}};
  return rule;
}

} // namespace

std::string render_sarif(const check::Result& result, const model::Model& model, const ReportInfo& info) {
  Selection selection = select(result, info);

  ordered_json artifacts = ordered_json::array();
  std::map<std::string, std::size_t> artifact_index;
  for (const auto& file : input_files(info, model)) {
    // Rule files are what was analysed; reviews and the baseline only shape the report.
    bool rules = file.path.size() > 4 && file.path.compare(file.path.size() - 4, 4, ".sir") == 0;
    ordered_json artifact = {{"location", {{"uri", uri_of(file.path)}}}};
    if (rules)
      artifact["roles"] = {"analysisTarget"};
    if (!file.sha256.empty())
      artifact["hashes"] = {{"sha-256", file.sha256}};
    artifact_index.emplace(file.path, artifacts.size());
    artifacts.push_back(artifact);
  }

  // One rule per test that a listed finding comes from, in the order of test ids.
  std::map<std::string, const check::TestInfo*> tests;
  for (const auto& e : selection.listed)
    tests.emplace(e.finding->test->id, e.finding->test.get());
  ordered_json rules = ordered_json::array();
  std::map<std::string, std::size_t> rule_index;
  for (const auto& [id, test] : tests) {
    rule_index.emplace(id, rules.size());
    rules.push_back(rule_json(*test, model));
  }

  ordered_json results = ordered_json::array();
  for (const auto& e : selection.listed) {
    const Finding& f = *e.finding;
    auto [level, kind] = level_and_kind(f);
    ordered_json r;
    r["ruleId"] = f.test->id;
    r["ruleIndex"] = rule_index.at(f.test->id);
    if (kind)
      r["kind"] = kind;
    r["level"] = level;
    r["message"] = {{"text", message_of(e, model)}};
    ordered_json locations = ordered_json::array();
    if (f.provision)
      locations.push_back({{"physicalLocation", physical(f.provision->location, artifact_index)}});
    r["locations"] = locations;
    ordered_json related = ordered_json::array();
    int id = 1;
    for (const auto& c : f.because)
      related.push_back({{"id", id++},
                         {"physicalLocation", physical(c.location, artifact_index)},
                         {"message", {{"text", c.statement + " (" + fact_basis_words(c.basis) + ")"}}}});
    related.push_back({{"id", id++},
                       {"physicalLocation", physical(f.test->location, artifact_index)},
                       {"message", {{"text", "the test " + f.test->id}}}});
    if (e.review)
      related.push_back({{"id", id++},
                         {"physicalLocation", physical(check::location_of(e.review->span), artifact_index)},
                         {"message", {{"text", review_sentence(*e.review, f)}}}});
    r["relatedLocations"] = related;
    r["partialFingerprints"] = {{"siracusaFindingId/v1", sha256_hex(f.id)}};
    if (info.baseline)
      r["baselineState"] = e.change == Change::added ? "new" : "updated";
    r["properties"] = entry_json(e);
    results.push_back(r);
  }

  ordered_json driver = {
      {"name", "siracusa"}, {"version", info.version}, {"semanticVersion", info.version}, {"rules", rules}};
  ordered_json invocation = {{"executionSuccessful", true}};
  if (info.generated)
    invocation["startTimeUtc"] = *info.generated;
  ordered_json options = {{"include_passes", info.include_passes},
                          {"include_all", info.include_all},
                          {"timeout_ms", info.timeout_ms},
                          {"rlimit", info.rlimit},
                          {"min_basis", model::basis_name(info.min_basis)},
                          {"as_of", info.as_of ? ordered_json(*info.as_of) : ordered_json(nullptr)},
                          {"filters", filter_words(info.filters)},
                          {"baseline", info.baseline ? ordered_json(info.baseline->file) : ordered_json(nullptr)}};
  invocation["properties"] = {{"options", options}};

  ordered_json run;
  run["tool"] = {{"driver", driver}};
  run["invocations"] = ordered_json::array({invocation});
  run["artifacts"] = artifacts;
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results;
  const auto& s = result.summary;
  run["properties"] = {{"origin", info.origin},
                       {"ruleBase", info.rule_base},
                       {"ruleBaseDigest", info.rule_base_digest},
                       {"summary",
                        {{"evaluated", s.evaluated},
                         {"fails", s.fails},
                         {"may_fail", s.may_fail},
                         {"passes", s.passes},
                         {"undetermined", s.undetermined},
                         {"not_applicable", s.not_applicable},
                         {"unassessed", s.unassessed}}},
                       {"listing",
                        {{"listed", selection.listed.size()},
                         {"not_asked", selection.not_asked},
                         {"filtered_out", selection.filtered_out},
                         {"unchanged", selection.unchanged},
                         {"gone", selection.gone}}}};

  ordered_json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = ordered_json::array({run});
  return root.dump(2) + "\n";
}

} // namespace siracusa::report
