// The Markdown report, for pasting into documents: the same content as the HTML report
// (summary, matrix of laws × criteria, findings by ICCPR article, work list, what the run
// read), as headings, lists and tables.
#include "report/content.hpp"
#include "report/markup.hpp"
#include "report/report.hpp"
#include "report/words.hpp"

#include <algorithm>

namespace siracusa::report {

using check::Finding;
using check::Verdict;

namespace {

std::string md(const std::string& s) {
  return markdown_inline(s);
}

std::string code(const std::string& s) {
  // A code span holds any text but a backtick; a statement never has one, but be safe.
  std::string out;
  for (char c : s)
    out += (c == '`' || c == '\n') ? ' ' : c;
  return "`" + out + "`";
}

std::string cell(const Counts& counts) {
  auto lines = counts_lines(counts);
  if (lines.empty())
    return "—";
  std::string out;
  for (const auto& line : lines)
    out += (out.empty() ? "" : "; ") + md(line);
  return out;
}

std::string group_heading(const ArticleGroup& group) {
  if (group.right.empty())
    return "Findings tied to no single article";
  return "Article " + group.article + (group.title.empty() ? "" : " — " + group.title);
}

void item(std::string& out, const std::string& label, const std::string& markdown) {
  if (!markdown.empty())
    out += "- **" + label + ":** " + markdown + "\n";
}

void finding_md(std::string& out, const Entry& entry, const model::Model& model) {
  const Finding& f = *entry.finding;
  FindingText t = finding_text(entry, model);
  std::string verdict = t.verdict;
  for (auto& c : verdict)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  out += "\n#### " + md(verdict) + ": " + md(t.heading) + "\n\n";
  item(out, "Verdict",
       md(t.verdict + " — " + t.meaning + " Strength: " + t.strength + ". Criterion: " + t.criterion + "."));
  if (!t.change.empty())
    item(out, "Baseline", md(t.change));
  item(out, "Analyst's review", md(t.review));
  item(out, "Provision",
       md(t.provision) + (t.original_title.empty() ? "" : " (" + md(t.original_title) + ")") +
           (t.location.empty() ? "" : " — " + code(t.location)));
  item(out, "Conflict", md(t.conflict));
  if (!t.because.empty()) {
    out += std::string("- **") + (f.verdict == Verdict::passes ? "Saved by" : "Rests on") + ":**\n";
    for (const auto& c : t.because)
      out += "  - " + code(c.statement) + " — " + md(c.basis) + (c.sources.empty() ? "" : "; " + md(c.sources)) + " (" +
             code(c.location) + ")\n";
  }
  item(out, "Basis", md(t.basis));
  item(out, "Witness", md(t.witness));
  item(out, "Note", md(t.note));
  item(out, "To assess it", t.question.empty() ? "" : md("State what is missing: " + t.question + "."));
  item(out, "Why it matters", md(t.explanation));
  item(out, "The State would have to show", md(t.justification));
  if (!t.exceptions.empty()) {
    std::string list;
    for (const auto& e : t.exceptions)
      list += (list.empty() ? "" : "; ") + code(e);
    item(out, "Acceptable where", list);
  }
  if (!t.citations.empty()) {
    out += "- **Authorities:**\n";
    for (const auto& c : t.citations)
      out += "  - " + md(c) + "\n";
  }
  item(out, "Sources", md(t.sources));
  item(out, "Recommendation", md(t.recommendation));
  if (t.good_practice)
    item(out, "Nature", "Recommended good practice, not an obligation of the Covenant.");
  item(out, "Finding", code(f.id) + " (test " + code(f.test->id) + ", " + code(location_text(f.test->location)) + ")");
}

} // namespace

void markdown_finding(std::string& out, const Entry& entry, const model::Model& model) {
  finding_md(out, entry, model);
}

std::string render_markdown(const check::Result& result, const model::Model& model, const ReportInfo& info) {
  Selection selection = select(result, info);
  std::vector<const Entry*> findings;
  std::vector<const Entry*> work;
  for (const auto& e : selection.listed)
    (e.finding->verdict == Verdict::unassessed ? work : findings).push_back(&e);
  auto groups = by_article(findings, model);

  std::string out = "# " + md(report_title(model)) + "\n\n";
  out += md(run_lede(model, info)) + "\n";
  auto jurisdictions = jurisdiction_titles(model);
  if (jurisdictions.size() > 1) {
    out += "\nJurisdictions: ";
    for (std::size_t i = 0; i < jurisdictions.size(); ++i)
      out += (i > 0 ? "; " : "") + md(jurisdictions[i]);
    out += ".\n";
  }
  if (info.filters.any())
    out += "\n> **Filtered** with " + code(filter_words(info.filters)) + ": " + std::to_string(selection.filtered_out) +
           " findings are left out of the lists. The summary still counts them.\n";
  if (info.baseline)
    out += "\n> **Baseline** " + code(info.baseline->file) + ": only findings new or changed since are listed; " +
           std::to_string(selection.unchanged) + " unchanged findings are left out, " + std::to_string(selection.gone) +
           " of the baseline are no longer listed.\n";

  out += "\n## Contents\n\n1. Summary\n2. Findings by article (" + std::to_string(findings.size()) + ")\n";
  for (const auto& g : groups)
    out += "   - " + md(group_heading(g)) + " (" + std::to_string(g.entries.size()) + ")\n";
  out += "3. Analyst's work list (" + std::to_string(work.size()) + ")\n4. About this report\n";

  // Summary: every decision, also those the lists leave out.
  Matrix m = summary_matrix(result, model);
  out += "\n## 1. Summary\n\n" + std::to_string(result.summary.evaluated) + " decisions on " +
         std::to_string(result.summary.provisions) + " provisions and " + std::to_string(result.summary.tests) +
         " tests. Every decision is counted here, also those the lists below leave out.\n\n";
  out += "| Verdict | per se | presumptive | concern | all |\n|---|---:|---:|---:|---:|\n";
  for (Verdict v : {Verdict::fails, Verdict::undetermined, Verdict::may_fail, Verdict::unassessed, Verdict::passes,
                    Verdict::not_applicable}) {
    const auto& row = m.by_verdict_and_strength[static_cast<std::size_t>(v)];
    out += "| " + md(verdict_words(v)) + " | " + std::to_string(row[0]) + " | " + std::to_string(row[1]) + " | " +
           std::to_string(row[2]) + " | " + std::to_string(row[0] + row[1] + row[2]) + " |\n";
  }
  out += "\n| Law |";
  std::string rule = "|---|";
  for (std::size_t c = 0; c < criterion_count; ++c) {
    out += " " + md(criterion_words(static_cast<model::Criterion>(c))) + " |";
    rule += "---|";
  }
  out += " all criteria |\n" + rule + "---|\n";
  for (const auto& row : m.rows) {
    out += "| **" + md(row.label) + "** (" + md(row.sublabel) + ") |";
    for (const auto& c : row.cells)
      out += " " + cell(c) + " |";
    out += " " + cell(row.total) + " |\n";
  }
  out += "| **All laws** |";
  for (const auto& c : m.columns)
    out += " " + cell(c) + " |";
  out += " " + cell(m.total) + " |\n";

  out += "\n## 2. Findings by article\n\nOrdered by article of the Covenant; within an article, what fails first, "
         "then by strength.\n";
  if (groups.empty())
    out += "\nNo finding to list.\n";
  for (const auto& g : groups) {
    out += "\n### " + md(group_heading(g)) + "\n";
    for (const Entry* e : g.entries)
      finding_md(out, *e, model);
  }

  out += "\n## 3. Analyst's work list\n\nEach provision below touches what a test is about but leaves unstated a "
         "fact the test needs. These are questions, not findings of incompatibility.\n\n";
  if (work.empty()) {
    out += "Nothing is waiting for the analyst.\n";
  } else {
    std::sort(work.begin(), work.end(), [](const Entry* a, const Entry* b) { return a->finding->id < b->finding->id; });
    out += "| Provision | Article | Test | To state |\n|---|---|---|---|\n";
    for (const Entry* e : work) {
      const Finding& f = *e->finding;
      out += "| " +
             (f.provision ? md(f.provision->title.empty() ? f.provision->id : f.provision->title) + " (" +
                                code(location_text(f.provision->location)) + ")"
                          : md("duty of " + f.jurisdiction)) +
             " | " + md(f.article) + " | " + md(f.test->title.empty() ? f.test->id : f.test->title) + " | " +
             md(question(f)) + (e->review ? " — " + md(review_sentence(*e->review, f)) : "") + " |\n";
    }
  }

  out += "\n## 4. About this report\n\n";
  for (const auto& [label, value] : run_facts(info, model, selection))
    out += "- **" + md(label) + ":** " + md(value) + "\n";
  out += "\n### Input files\n\nThe same files (same SHA-256) and options give the same report, byte for byte.\n\n"
         "| File | SHA-256 |\n|---|---|\n";
  for (const auto& file : input_files(info, model))
    out += "| " + code(file.path) + " | " + (file.sha256.empty() ? "—" : code(file.sha256)) + " |\n";
  return out;
}

} // namespace siracusa::report
