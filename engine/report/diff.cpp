// The report of a diff: what a change of the law resolves, introduces and changes.
#include "report/json_finding.hpp"
#include "report/report.hpp"
#include "report/style.hpp"
#include "report/words.hpp"

namespace siracusa::report {

using nlohmann::ordered_json;

std::string render_diff_json(const amend::Diff& diff, const DiffInfo& info) {
  ordered_json root;
  root["tool"] = {{"name", "siracusa"}, {"version", info.version}};
  root["as_of"] = info.as_of ? ordered_json(*info.as_of) : ordered_json(nullptr);
  root["to"] = info.to ? ordered_json(*info.to) : ordered_json(nullptr);
  root["amendments"] = info.amendments;
  auto list = [](const std::vector<const check::Finding*>& findings) {
    ordered_json out = ordered_json::array();
    for (const auto* f : findings)
      out.push_back(finding_json(*f));
    return out;
  };
  root["resolved"] = list(diff.resolved);
  root["introduced"] = list(diff.introduced);
  ordered_json changed = ordered_json::array();
  for (const auto& c : diff.changed)
    changed.push_back({{"before", finding_json(*c.before)}, {"after", finding_json(*c.after)}});
  root["changed"] = changed;
  root["unchanged"] = diff.unchanged;
  return root.dump(2) + "\n";
}

std::string render_diff_text(const amend::Diff& diff, const DiffInfo& info, bool color) {
  Style style{color};
  std::string out = style.bold("Siracusa " + info.version + " — diff") + "\n";
  out += "before: " + info.before_note + "\n";
  out += "after:  " + info.after_note + "\n";
  auto line = [&](const check::Finding& f) {
    return style.verdict(f.verdict) + "  " + model::strength_name(f.strength) + "  " + f.id +
           (f.missing.empty() ? "" : "  (" + question(f) + ")") + "\n";
  };
  auto section = [&](const std::string& title, const std::vector<const check::Finding*>& findings) {
    out += "\n" + style.bold(title) + " (" + std::to_string(findings.size()) + ")\n";
    for (const auto* f : findings)
      out += "  " + line(*f);
  };
  section("Resolved", diff.resolved);
  section("Introduced", diff.introduced);
  out += "\n" + style.bold("Changed") + " (" + std::to_string(diff.changed.size()) + ")\n";
  for (const auto& c : diff.changed) {
    out += "  " + c.after->id + ": " + style.verdict(c.before->verdict) + " " +
           model::strength_name(c.before->strength) +
           (c.before->basis ? std::string(" [") + model::basis_name(*c.before->basis) + "]" : std::string()) + " -> " +
           style.verdict(c.after->verdict) + " " + model::strength_name(c.after->strength) +
           (c.after->basis ? std::string(" [") + model::basis_name(*c.after->basis) + "]" : std::string()) + "\n";
  }
  out += "\nUnchanged: " + std::to_string(diff.unchanged) + "\n";
  return out;
}

} // namespace siracusa::report
