// The report of a diff as Markdown and HTML, for a drafter to circulate with a bill: what
// the change introduces, what it resolves and what it moves, each finding laid out as the
// report of `check` lays it out. A resolved finding is read in the law before the change,
// the others in the law after it, so that every provision and fact shown is the one that
// was or will be in force.
#include "report/content.hpp"
#include "report/markup.hpp"
#include "report/report.hpp"
#include "report/words.hpp"

namespace siracusa::report {

namespace {

// "fails (presumptive) [assessment]": a side of a changed finding.
std::string side(const check::Finding& f) {
  return verdict_words(f.verdict) + " (" + strength_words(f.strength) + ")" +
         (f.basis ? std::string(", resting on ") + model::basis_name(*f.basis) : std::string());
}

struct Section {
  std::string anchor;
  std::string title;
  std::string lede;
};

const Section introduced_section{"introduced", "Introduced",
                                 "Findings the change brings about: listed after it, not before."};
const Section resolved_section{"resolved", "Resolved",
                               "Findings the change removes: listed before it; after it the provision passes, the "
                               "test no longer applies, or the provision is no longer in force. Shown as they were."};
const Section changed_section{"changed", "Changed",
                              "Findings listed on both sides whose verdict, strength or basis moved. Shown as they "
                              "are after the change."};

// "What the change does — Testland", or without a name when the laws are of
// several jurisdictions or none.
std::string diff_title(const model::Model& after) {
  auto jurisdictions = jurisdiction_titles(after);
  return jurisdictions.size() == 1 ? "What the change does — " + jurisdictions.front()
                                   : std::string("What the change does to the law");
}

std::vector<std::pair<std::string, std::string>> sides(const DiffInfo& info) {
  std::vector<std::pair<std::string, std::string>> out = {{"Before", info.before_note}, {"After", info.after_note}};
  std::string amendments;
  for (const auto& a : info.amendments)
    amendments += (amendments.empty() ? "" : ", ") + a;
  out.emplace_back("Amendments applied", amendments.empty() ? "none" : amendments);
  out.emplace_back("Tool", "siracusa " + info.version);
  return out;
}

} // namespace

std::string render_diff_markdown(const amend::Diff& diff, const DiffInfo& info, const model::Model& before,
                                 const model::Model& after) {
  std::string out = "# " + markdown_inline(diff_title(after)) + "\n\n";
  for (const auto& [label, value] : sides(info))
    out += "- **" + label + ":** " + markdown_inline(value) + "\n";
  out += "\n| | findings |\n|---|---:|\n";
  out += "| Introduced | " + std::to_string(diff.introduced.size()) + " |\n";
  out += "| Resolved | " + std::to_string(diff.resolved.size()) + " |\n";
  out += "| Changed | " + std::to_string(diff.changed.size()) + " |\n";
  out += "| Unchanged | " + std::to_string(diff.unchanged) + " |\n";
  auto section = [&](const Section& s, const std::vector<const check::Finding*>& findings, const model::Model& model) {
    out += "\n## " + s.title + " (" + std::to_string(findings.size()) + ")\n\n" + s.lede + "\n";
    for (const auto* f : findings)
      markdown_finding(out, Entry{f}, model);
  };
  section(introduced_section, diff.introduced, after);
  section(resolved_section, diff.resolved, before);
  out += "\n## " + changed_section.title + " (" + std::to_string(diff.changed.size()) + ")\n\n" + changed_section.lede +
         "\n";
  for (const auto& c : diff.changed) {
    markdown_finding(out, Entry{c.after}, after);
    out += "- **Before the change:** " + markdown_inline(side(*c.before)) + "\n";
  }
  return out;
}

std::string render_diff_html(const amend::Diff& diff, const DiffInfo& info, const model::Model& before,
                             const model::Model& after) {
  std::string title = diff_title(after);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"siracusa " +
                    html_escape(info.version) + "\">\n<title>" + html_escape(title) + "</title>\n<style>" +
                    html_style_sheet() + "</style>\n</head>\n<body>\n";
  out += "<header class=\"masthead\">\n<h1>" + html_escape(title) + "</h1>\n<dl class=\"parts\">\n";
  for (const auto& [label, value] : sides(info))
    out += "<dt>" + html_escape(label) + "</dt><dd>" + html_escape(value) + "</dd>\n";
  out += "</dl>\n</header>\n<main>\n<table id=\"counts\">\n<thead><tr><th></th><th class=\"num\">findings</th></tr>"
         "</thead>\n<tbody>\n";
  auto row = [&](const std::string& anchor, const std::string& label, std::size_t n) {
    out += "<tr><td>" + (anchor.empty() ? label : "<a href=\"#" + anchor + "\">" + label + "</a>") +
           "</td><td class=\"num\">" + std::to_string(n) + "</td></tr>\n";
  };
  row(introduced_section.anchor, introduced_section.title, diff.introduced.size());
  row(resolved_section.anchor, resolved_section.title, diff.resolved.size());
  row(changed_section.anchor, changed_section.title, diff.changed.size());
  row("", "Unchanged", diff.unchanged);
  out += "</tbody>\n</table>\n";
  auto open = [&](const Section& s, std::size_t n) {
    out += "<section id=\"" + s.anchor + "\">\n<h2>" + s.title + " (" + std::to_string(n) + ")</h2>\n<p>" +
           html_escape(s.lede) + "</p>\n";
  };
  auto section = [&](const Section& s, const std::vector<const check::Finding*>& findings, const model::Model& model) {
    open(s, findings.size());
    for (const auto* f : findings)
      html_finding(out, Entry{f}, model);
    out += "</section>\n";
  };
  section(introduced_section, diff.introduced, after);
  section(resolved_section, diff.resolved, before);
  open(changed_section, diff.changed.size());
  for (const auto& c : diff.changed) {
    out += "<p class=\"before\"><strong>Before the change:</strong> " + html_escape(side(*c.before)) + "</p>\n";
    html_finding(out, Entry{c.after}, after);
  }
  out += "</section>\n</main>\n</body>\n</html>\n";
  return out;
}

} // namespace siracusa::report
