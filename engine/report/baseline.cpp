#include "report/baseline.hpp"

#include "report/words.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace siracusa::report {

namespace {

const std::vector<std::string> strengths = {"per_se", "presumptive", "concern"};
const std::vector<std::string> bases = {"text", "practice", "assessment"};

bool one_of(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Where a finding of the baseline is written: at its id, else at the start of the file.
Span span_at(const SourcePtr& file, const std::string& needle) {
  std::size_t at = needle.empty() ? std::string::npos : file->text().find(needle);
  if (at == std::string::npos)
    return {file, 0, std::min<std::size_t>(1, file->text().size())};
  return {file, at, at + needle.size()};
}

} // namespace

std::optional<Baseline> read_baseline(const std::string& path, const std::string& display, Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error("E0019", {}, "cannot read the baseline `" + display + "`");
    return std::nullopt;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto file = std::make_shared<SourceFile>(display, bytes.str());
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(file->text());
  } catch (const nlohmann::json::parse_error& e) {
    std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, file->text().size());
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    auto colon = what.find(": ", what.find("column"));
    diagnostics.error("E0019", {file, at, std::min(at + 1, file->text().size())},
                      "the baseline is not JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
    return std::nullopt;
  }
  auto problem = [&](const std::string& needle, const std::string& message) {
    diagnostics.error("E0019", span_at(file, needle), message)
        .notes.push_back({{}, "a baseline is a report written by `siracusa check --format json`"});
    return std::nullopt;
  };
  if (!document.is_object() || !document.contains("findings") || !document["findings"].is_array())
    return problem("", "the baseline has no `findings` list");
  Baseline baseline;
  baseline.file = display;
  const auto& findings = document["findings"];
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    std::string where = "/findings/" + std::to_string(i);
    if (!f.is_object() || !f.contains("id") || !f["id"].is_string())
      return problem("", where + " has no `id`");
    std::string id = f["id"];
    std::string needle = "\"" + id + "\"";
    auto word = [&](const char* key, const std::vector<std::string>& allowed, bool nullable, std::string& out) -> bool {
      if (!f.contains(key))
        return false;
      const auto& value = f[key];
      if (nullable && value.is_null())
        return true;
      if (!value.is_string() || !one_of(allowed, value.get<std::string>()))
        return false;
      out = value.get<std::string>();
      return true;
    };
    BaselineFinding entry;
    if (!word("verdict", verdict_names(), false, entry.verdict))
      return problem(needle, where + " (`" + id + "`): `verdict` is missing or not a verdict");
    if (!word("strength", strengths, false, entry.strength))
      return problem(needle, where + " (`" + id + "`): `strength` is missing or not a strength");
    if (!word("basis", bases, true, entry.basis))
      return problem(needle, where + " (`" + id + "`): `basis` is missing or not a basis");
    if (!baseline.findings.emplace(id, entry).second)
      return problem(needle, where + ": finding `" + id + "` is listed twice");
  }
  return baseline;
}

Change compare(const check::Finding& finding, const Baseline& baseline, const BaselineFinding** was) {
  auto it = baseline.findings.find(finding.id);
  if (it == baseline.findings.end())
    return Change::added;
  const BaselineFinding& before = it->second;
  std::string basis = finding.basis ? model::basis_name(*finding.basis) : "";
  if (before.verdict == solve::verdict_name(finding.verdict) &&
      before.strength == model::strength_name(finding.strength) && before.basis == basis)
    return Change::none;
  if (was)
    *was = &before;
  return Change::changed;
}

} // namespace siracusa::report
