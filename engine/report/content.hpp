// engine/report — what the document formats (HTML, Markdown) say, worked out once: the
// counts by verdict and strength, the matrix of laws × criteria, each listed finding with
// every part in words, and the facts about the run. The formats only lay it out.
#pragma once

#include "report/selection.hpp"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace siracusa::report {

constexpr std::size_t criterion_count = static_cast<std::size_t>(model::Criterion::conflict) + 1;

struct Counts {
  std::array<std::size_t, 3> fails{}; // by strength: per se, presumptive, concern
  std::size_t may_fail = 0;
  std::size_t undetermined = 0;
  std::size_t unassessed = 0;
  std::size_t passes = 0;
  std::size_t not_applicable = 0;
  void add(const check::Finding& finding);
  std::size_t fails_total() const { return fails[0] + fails[1] + fails[2]; }
  std::size_t total() const { return fails_total() + may_fail + undetermined + unassessed + passes + not_applicable; }
};
// "3 fail (1 per se, 2 presumptive)", "1 may fail", ...: one line per verdict present,
// not_applicable left out (it is in the totals).
std::vector<std::string> counts_lines(const Counts& counts);

// Every finding of the run (filters do not apply: what they leave out is still counted),
// by law (rows; a jurisdiction's duties form a row of their own) and criterion (columns).
struct MatrixRow {
  std::string label;    // the law's title, or "Duties of <jurisdiction title>"
  std::string sublabel; // the law's id (level, jurisdiction)
  std::array<Counts, criterion_count> cells;
  Counts total;
};
struct Matrix {
  std::vector<MatrixRow> rows;
  std::array<Counts, criterion_count> columns;
  Counts total;
  // Totals by verdict (rows) and strength (columns).
  std::array<std::array<std::size_t, 3>, 6> by_verdict_and_strength{};
};
Matrix summary_matrix(const check::Result& result, const model::Model& model);

struct CauseText {
  std::string statement; // as written in the rule file
  std::string location;  // file:line:col
  std::string basis;     // the fact's basis in words
  std::string sources;   // its paragraphs, documents by title
};

struct FindingText {
  const Entry* entry = nullptr;
  std::string anchor;    // a fragment id unique in the report
  std::string heading;   // the test's title
  std::string verdict;   // in words
  std::string meaning;   // what the verdict means
  std::string strength;  // in words
  std::string criterion; // in words
  std::string provision; // "<title> (art. 5) — <law title>", or "Duty of <jurisdiction>"
  std::string original_title;
  std::string location; // the provision's file:line:col
  std::vector<CauseText> because;
  std::string basis;
  std::string witness;
  std::string conflict;
  std::string note;
  std::string question; // unassessed: what to state
  std::string explanation;
  std::string justification; // presumptive findings only
  std::vector<std::string> exceptions;
  std::vector<std::string> citations;
  std::string sources;
  std::string recommendation; // only where something may be wrong
  std::string review;         // the analyst's review, in words
  std::string change;         // since the baseline
  bool good_practice = false;
};
FindingText finding_text(const Entry& entry, const model::Model& model);

// Labelled facts about the run: the tool, the inputs, the rule base and its digest, the
// as-of date, the options that change results, the filters and the baseline.
std::vector<std::pair<std::string, std::string>> run_facts(const ReportInfo& info, const model::Model& model,
                                                           const Selection& selection);
// The files read, with digests (the model's names when the caller gave none).
std::vector<InputFile> input_files(const ReportInfo& info, const model::Model& model);
// The titles of the jurisdictions whose laws the report covers, in the model's order.
std::vector<std::string> jurisdiction_titles(const model::Model& model);
// One finding laid out in full, as the report of `check` shows it; the report of `diff`
// shows its findings the same way.
void html_finding(std::string& out, const Entry& entry, const model::Model& model);
void markdown_finding(std::string& out, const Entry& entry, const model::Model& model);
// The HTML reports' inline style sheet.
const char* html_style_sheet();

// "49 provisions of 20 laws checked against 49 tests on 16 rights · siracusa 0.1.0 · law as
// of 2024-06-01": the line under the title of the HTML and Markdown reports, as plain text.
std::string run_lede(const model::Model& model, const ReportInfo& info);

// The report's title: with the jurisdiction's title when it covers one.
std::string report_title(const model::Model& model);

} // namespace siracusa::report
