// The HTML report: one self-contained file (inline CSS and plain JavaScript, nothing
// fetched), readable on screen and in print. A summary (counts by verdict and strength,
// a matrix of laws × criteria), the findings grouped by ICCPR article in numeric order,
// the analyst's work list, and what the run read. Filters by article, criterion, verdict
// and strength run in the page; with scripts off every finding shows.
#include "report/content.hpp"
#include "report/markup.hpp"
#include "report/report.hpp"
#include "report/words.hpp"

#include <algorithm>
#include <set>

namespace siracusa::report {

using check::Finding;
using check::Verdict;

namespace {

const char* const style_sheet = R"css(
:root { --ink: #1d2329; --muted: #5b6670; --rule: #d5dbe1; --paper: #ffffff; --tint: #f4f6f8;
  --fails: #a3122a; --fails-bg: #fbe9ec; --may: #8a5a00; --may-bg: #fdf3dc; --undetermined: #6b2f8f;
  --undetermined-bg: #f3e9f9; --unassessed: #0d6470; --unassessed-bg: #e3f4f6; --passes: #1f6f35;
  --passes-bg: #e6f4ea; --na: #5b6670; --na-bg: #eef1f4; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: 16px; }
body { margin: 0; color: var(--ink); background: var(--paper); line-height: 1.5;
  font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
main, .masthead { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem; }
.masthead { padding-top: 2rem; padding-bottom: 1rem; border-bottom: 3px solid var(--ink); }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .8rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.2rem; margin: 1.8rem 0 .6rem; }
h4 { font-size: 1.05rem; margin: 0; }
.lede { color: var(--muted); margin: 0; }
.notice { margin: .8rem 0 0; padding: .5rem .75rem; background: var(--may-bg); border-left: 4px solid var(--may); }
code { font-family: "Noto Sans Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em;
  background: var(--tint); padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
a { color: #1a4f8b; }
nav.toc { margin: 1.5rem 0; padding: .8rem 1.2rem; background: var(--tint); border-radius: 6px; }
nav.toc h2 { border: 0; margin: 0 0 .4rem; font-size: 1.1rem; }
nav.toc ol { margin: 0; padding-left: 1.4rem; }
nav.toc ol ol { columns: 2; column-gap: 2rem; padding-left: 1.2rem; }
nav.toc li { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1.2rem; font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--tint); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.matrix { font-size: .74rem; table-layout: fixed; }
table.matrix th:first-child { width: 15%; }
table.matrix thead th { font-size: .68rem; }
table.matrix .law { font-weight: 600; }
table.matrix .sub { display: block; color: var(--muted); font-weight: 400; font-size: .7rem; overflow-wrap: anywhere; }
.line { display: block; }
.empty { color: var(--muted); }
.v-fails { color: var(--fails); } .v-may_fail { color: var(--may); } .v-undetermined { color: var(--undetermined); }
.v-unassessed { color: var(--unassessed); } .v-passes { color: var(--passes); } .v-not_applicable { color: var(--na); }
.filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end;
  padding: .6rem .8rem; margin: 1rem 0; background: var(--paper); border: 1px solid var(--rule); border-radius: 6px;
  box-shadow: 0 2px 6px rgba(0,0,0,.06); }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
.filters select, .filters button { font: inherit; font-size: .9rem; padding: .2rem .4rem; }
.filters output { margin-left: auto; font-size: .9rem; }
.finding { border: 1px solid var(--rule); border-left: 6px solid var(--na); border-radius: 6px; margin: 0 0 1rem;
  padding: .8rem 1rem; background: var(--paper); }
.finding.v-fails { border-left-color: var(--fails); } .finding.v-may_fail { border-left-color: var(--may); }
.finding.v-undetermined { border-left-color: var(--undetermined); } .finding.v-passes { border-left-color: var(--passes); }
.finding.v-unassessed { border-left-color: var(--unassessed); }
.finding { color: var(--ink); }
.badges { margin: .35rem 0 .2rem; display: flex; flex-wrap: wrap; gap: .35rem; }
.badge { display: inline-block; font-size: .78rem; padding: .05rem .5rem; border-radius: 999px;
  border: 1px solid var(--rule); background: var(--tint); color: var(--ink); }
.badge.verdict { font-weight: 700; text-transform: uppercase; letter-spacing: .03em; border: 0; }
.badge.v-fails { background: var(--fails-bg); color: var(--fails); }
.badge.v-may_fail { background: var(--may-bg); color: var(--may); }
.badge.v-undetermined { background: var(--undetermined-bg); color: var(--undetermined); }
.badge.v-unassessed { background: var(--unassessed-bg); color: var(--unassessed); }
.badge.v-passes { background: var(--passes-bg); color: var(--passes); }
.badge.v-not_applicable { background: var(--na-bg); color: var(--na); }
.badge.contested { background: var(--fails-bg); color: var(--fails); border-color: var(--fails); }
.badge.reviewed { background: var(--passes-bg); color: var(--passes); border-color: var(--passes); }
.badge.change { background: #e8eefc; color: #1a4f8b; border-color: #1a4f8b; }
.meaning { margin: .2rem 0 .6rem; color: var(--muted); font-size: .92rem; }
dl.parts { display: grid; grid-template-columns: 11rem 1fr; gap: .35rem 1rem; margin: 0; }
dl.parts dt { font-weight: 600; color: var(--muted); font-size: .88rem; }
dl.parts dd { margin: 0; }
dl.parts ul { margin: 0; padding-left: 1.1rem; }
.original { display: block; color: var(--muted); font-style: italic; }
.loc, .fid { color: var(--muted); font-size: .8rem; }
.fid { margin: .6rem 0 0; }
dd.review { padding: .3rem .5rem; background: var(--tint); border-radius: 4px; }
dl.facts { display: grid; grid-template-columns: 10rem 1fr; gap: .3rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table.files td:last-child { font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; font-size: .75rem;
  overflow-wrap: anywhere; }
footer { max-width: 62rem; margin: 2rem auto; padding: 1rem 1.25rem; color: var(--muted); font-size: .85rem;
  border-top: 1px solid var(--rule); }
@media (max-width: 40rem) { dl.parts, dl.facts { grid-template-columns: 1fr; } nav.toc ol ol { columns: 1; } }
@media print {
  @page { size: A4; margin: 16mm 14mm 18mm; }
  html { font-size: 10pt; }
  body { background: #fff; }
  main, .masthead, footer { max-width: none; padding: 0; }
  .filters, .noscript { display: none !important; }
  a { color: inherit; text-decoration: none; }
  nav.toc { background: none; border: 1px solid var(--rule); }
  h2 { break-after: avoid; }
  h3, h4 { break-after: avoid; }
  #findings, #work-list, #about { break-before: page; }
  .finding { break-inside: avoid; box-shadow: none; }
  table { break-inside: auto; }
  tr, .line { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

// Filters: every element with data-verdict is a finding (or a work-list row) the form
// can hide. The state is kept in the query string (?verdict=fails&article=21) so that a
// filtered view can be shared and reloaded.
const char* const script = R"js(
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-verdict]'));
  var shown = document.getElementById('shown');
  var params = new URLSearchParams(window.location.search);
  selects.forEach(function (select) {
    var wanted = params.get(select.name);
    if (wanted !== null) {
      for (var i = 0; i < select.options.length; i++)
        if (select.options[i].value === wanted) select.value = wanted;
    }
  });
  function apply() {
    var visible = 0;
    items.forEach(function (item) {
      var ok = selects.every(function (select) {
        return select.value === '' || item.getAttribute('data-' + select.name) === select.value;
      });
      item.hidden = !ok;
      if (ok) visible++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-group]'), function (group) {
      group.hidden = group.querySelector('[data-verdict]:not([hidden])') === null;
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-none]'), function (note) {
      var list = document.getElementById(note.getAttribute('data-none'));
      note.hidden = !list || list.querySelector('[data-verdict]:not([hidden])') !== null;
    });
    shown.textContent = visible + ' of ' + items.length + ' listed findings shown';
    var query = new URLSearchParams();
    selects.forEach(function (select) { if (select.value !== '') query.set(select.name, select.value); });
    var search = query.toString();
    try {
      window.history.replaceState(null, '', (search ? '?' + search : window.location.pathname) + window.location.hash);
    } catch (e) { /* some browsers refuse this for local files; the filter still applies */ }
  }
  selects.forEach(function (select) { select.addEventListener('change', apply); });
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  document.documentElement.className += ' scripted';
  apply();
})();
)js";

std::string esc(const std::string& s) {
  return html_escape(s);
}

std::string group_anchor(const ArticleGroup& group) {
  std::string out = group.right.empty() ? "no-article" : "article-";
  for (char c : group.right)
    out += ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? c : '-';
  return out;
}

std::string group_heading(const ArticleGroup& group) {
  if (group.right.empty())
    return "Findings tied to no single article";
  return "Article " + group.article + (group.title.empty() ? "" : " — " + group.title);
}

std::string data_attributes(const Finding& f) {
  return " data-article=\"" + esc(f.article.empty() ? "none" : f.article) + "\" data-criterion=\"" +
         esc(model::criterion_name(f.test->criterion)) + "\" data-verdict=\"" + esc(solve::verdict_name(f.verdict)) +
         "\" data-strength=\"" + esc(model::strength_name(f.strength)) + "\"";
}

// A criterion as a column heading: the two longest words get a place to break
// (a soft hyphen), so that narrow columns do not split them anywhere.
std::string header_words(model::Criterion criterion) {
  std::string words = esc(criterion_words(criterion));
  for (const auto& [word, broken] : {std::pair<const char*, const char*>{"proportionality", "propor&shy;tionality"},
                                     std::pair<const char*, const char*>{"discrimination", "discrimi&shy;nation"}}) {
    auto at = words.find(word);
    if (at != std::string::npos)
      words.replace(at, std::string(word).size(), broken);
  }
  return words;
}

void counts_cell(std::string& out, const Counts& counts) {
  auto lines = counts_lines(counts);
  if (lines.empty()) {
    out += "<td class=\"empty\">—</td>";
    return;
  }
  // The verdict of each line, for its colour: in counts_lines' order.
  std::vector<std::string> classes;
  if (counts.fails_total() > 0)
    classes.emplace_back("v-fails");
  if (counts.undetermined > 0)
    classes.emplace_back("v-undetermined");
  if (counts.may_fail > 0)
    classes.emplace_back("v-may_fail");
  if (counts.unassessed > 0)
    classes.emplace_back("v-unassessed");
  if (counts.passes > 0)
    classes.emplace_back("v-passes");
  out += "<td>";
  for (std::size_t i = 0; i < lines.size(); ++i)
    out += "<span class=\"line " + classes[i] + "\">" + esc(lines[i]) + "</span>";
  out += "</td>";
}

void summary_section(std::string& out, const check::Result& result, const model::Model& model) {
  Matrix m = summary_matrix(result, model);
  out += "<section id=\"summary\">\n<h2>1. Summary</h2>\n";
  out += "<p>" + std::to_string(result.summary.evaluated) + " decisions on " +
         std::to_string(result.summary.provisions) + " provisions and " + std::to_string(result.summary.tests) +
         " tests. Every decision is counted here, also those the lists below leave out.</p>\n";
  out += "<h3 id=\"by-verdict\">By verdict and strength</h3>\n<table class=\"totals\">\n<thead><tr><th>Verdict</th>"
         "<th class=\"num\">per se</th><th class=\"num\">presumptive</th><th class=\"num\">concern</th>"
         "<th class=\"num\">all</th></tr></thead>\n<tbody>\n";
  for (Verdict v : {Verdict::fails, Verdict::undetermined, Verdict::may_fail, Verdict::unassessed, Verdict::passes,
                    Verdict::not_applicable}) {
    const auto& row = m.by_verdict_and_strength[static_cast<std::size_t>(v)];
    out += "<tr><th class=\"v-" + std::string(solve::verdict_name(v)) + "\" title=\"" + esc(verdict_meaning(v)) +
           "\">" + esc(verdict_words(v)) + "</th>";
    for (std::size_t s = 0; s < 3; ++s)
      out += "<td class=\"num\">" + std::to_string(row[s]) + "</td>";
    out += "<td class=\"num\">" + std::to_string(row[0] + row[1] + row[2]) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  out += "<h3 id=\"matrix\">By law and criterion</h3>\n<table class=\"matrix\">\n<thead><tr><th>Law</th>";
  for (std::size_t c = 0; c < criterion_count; ++c)
    out += "<th>" + header_words(static_cast<model::Criterion>(c)) + "</th>";
  out += "<th>all criteria</th></tr></thead>\n<tbody>\n";
  for (const auto& row : m.rows) {
    out += "<tr><th class=\"law\">" + esc(row.label) + "<span class=\"sub\">" + esc(row.sublabel) + "</span></th>";
    for (const auto& cell : row.cells)
      counts_cell(out, cell);
    counts_cell(out, row.total);
    out += "</tr>\n";
  }
  out += "<tr><th class=\"law\">All laws</th>";
  for (const auto& cell : m.columns)
    counts_cell(out, cell);
  counts_cell(out, m.total);
  out += "</tr>\n</tbody>\n</table>\n</section>\n";
}

void part(std::string& out, const std::string& label, const std::string& html, const std::string& cls = "") {
  if (html.empty())
    return;
  out += "<dt>" + esc(label) + "</dt><dd" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + html + "</dd>\n";
}

std::string list(const std::vector<std::string>& items, bool code) {
  if (items.empty())
    return "";
  std::string out = "<ul>";
  for (const auto& item : items)
    out += "<li>" + (code ? "<code>" + esc(item) + "</code>" : html_inline(item)) + "</li>";
  return out + "</ul>";
}

void finding_card(std::string& out, const Entry& entry, const model::Model& model) {
  const Finding& f = *entry.finding;
  FindingText t = finding_text(entry, model);
  std::string verdict = solve::verdict_name(f.verdict);
  out += "<article class=\"finding v-" + verdict + "\" id=\"" + esc(t.anchor) + "\"" + data_attributes(f) + ">\n";
  out += "<h4>" + html_inline(t.heading) + "</h4>\n<p class=\"badges\"><span class=\"badge verdict v-" + verdict +
         "\">" + esc(t.verdict) + "</span><span class=\"badge\">" + esc(t.strength) + "</span><span class=\"badge\">" +
         esc(t.criterion) + "</span>";
  if (!t.change.empty())
    out += "<span class=\"badge change\">" + esc(t.change) + "</span>";
  if (entry.review)
    out += std::string("<span class=\"badge ") + review_status_name(entry.review->status) + "\">" +
           review_status_name(entry.review->status) + " by an analyst</span>";
  out += "</p>\n<p class=\"meaning\">" + esc(t.meaning) + "</p>\n<dl class=\"parts\">\n";
  std::string provision = html_inline(t.provision);
  if (!t.original_title.empty())
    provision += "<span class=\"original\">" + esc(t.original_title) + "</span>";
  if (!t.location.empty())
    provision += " <span class=\"loc\">" + esc(t.location) + "</span>";
  part(out, "Provision", provision);
  part(out, "Analyst's review", html_inline(t.review), "review");
  part(out, "Conflict", html_inline(t.conflict));
  if (!t.because.empty()) {
    std::string causes = "<ul>";
    for (const auto& c : t.because)
      causes += "<li><code>" + esc(c.statement) + "</code> — " + esc(c.basis) +
                (c.sources.empty() ? "" : "; " + esc(c.sources)) + " <span class=\"loc\">" + esc(c.location) +
                "</span></li>";
    causes += "</ul>";
    part(out, f.verdict == Verdict::passes ? "Saved by" : "Rests on", causes);
  }
  part(out, "Basis", esc(t.basis));
  part(out, "Witness", html_inline(t.witness));
  part(out, "Note", html_inline(t.note));
  part(out, "To assess it", html_inline(t.question.empty() ? "" : "State what is missing: " + t.question + "."));
  part(out, "Why it matters", html_inline(t.explanation));
  part(out, "The State would have to show", html_inline(t.justification));
  part(out, "Acceptable where", list(t.exceptions, true));
  part(out, "Authorities", list(t.citations, false));
  part(out, "Sources", esc(t.sources));
  part(out, "Recommendation", html_inline(t.recommendation));
  if (t.good_practice)
    part(out, "Nature", "Recommended good practice, not an obligation of the Covenant.");
  out += "</dl>\n<p class=\"fid\">Finding <code>" + esc(f.id) + "</code> · test <code>" + esc(f.test->id) +
         "</code> <span class=\"loc\">" + esc(location_text(f.test->location)) + "</span></p>\n</article>\n";
}

void filter_form(std::string& out, const std::vector<ArticleGroup>& groups, const Selection& selection) {
  std::set<std::string> criteria, verdicts, strengths;
  for (const auto& e : selection.listed) {
    criteria.insert(model::criterion_name(e.finding->test->criterion));
    verdicts.insert(solve::verdict_name(e.finding->verdict));
    strengths.insert(model::strength_name(e.finding->strength));
  }
  out += "<form id=\"filters\" class=\"filters\" hidden aria-label=\"Filter the findings\">\n";
  out += "<label>Article<select name=\"article\"><option value=\"\">all articles</option>";
  std::set<std::string> seen;
  for (const auto& g : groups) {
    std::string value = g.article.empty() ? "none" : g.article;
    if (!seen.insert(value).second)
      continue;
    out += "<option value=\"" + esc(value) + "\">" +
           esc(g.article.empty() ? std::string("no single article") : "Article " + g.article) + "</option>";
  }
  out += "</select></label>\n<label>Criterion<select name=\"criterion\"><option value=\"\">all criteria</option>";
  for (std::size_t c = 0; c < criterion_count; ++c) {
    auto criterion = static_cast<model::Criterion>(c);
    if (criteria.count(model::criterion_name(criterion)) > 0)
      out += "<option value=\"" + esc(model::criterion_name(criterion)) + "\">" + esc(criterion_words(criterion)) +
             "</option>";
  }
  out += "</select></label>\n<label>Verdict<select name=\"verdict\"><option value=\"\">all verdicts</option>";
  for (Verdict v : {Verdict::fails, Verdict::undetermined, Verdict::may_fail, Verdict::unassessed, Verdict::passes,
                    Verdict::not_applicable})
    if (verdicts.count(solve::verdict_name(v)) > 0)
      out += "<option value=\"" + esc(solve::verdict_name(v)) + "\">" + esc(verdict_words(v)) + "</option>";
  out += "</select></label>\n<label>Strength<select name=\"strength\"><option value=\"\">all strengths</option>";
  for (auto s : {model::Strength::per_se, model::Strength::presumptive, model::Strength::concern})
    if (strengths.count(model::strength_name(s)) > 0)
      out += "<option value=\"" + esc(model::strength_name(s)) + "\">" + esc(strength_words(s)) + "</option>";
  out += "</select></label>\n<button type=\"reset\">Show all</button>\n<output id=\"shown\"></output>\n</form>\n";
}

void work_list_section(std::string& out, const std::vector<const Entry*>& work) {
  out += "<section id=\"work-list\">\n<h2>3. Analyst's work list</h2>\n"
         "<p>Each provision below touches what a test is about but leaves unstated a fact the test needs: the "
         "analyst states it and checks again. These are questions, not findings of incompatibility.</p>\n";
  if (work.empty()) {
    out += "<p class=\"empty\">Nothing is waiting for the analyst.</p>\n</section>\n";
    return;
  }
  out += "<table id=\"work-table\">\n<thead><tr><th>Provision</th><th>Article</th><th>Test</th><th>To state</th>"
         "</tr></thead>\n<tbody>\n";
  std::vector<const Entry*> sorted = work;
  std::sort(sorted.begin(), sorted.end(),
            [](const Entry* a, const Entry* b) { return a->finding->id < b->finding->id; });
  for (const Entry* e : sorted) {
    const Finding& f = *e->finding;
    out += "<tr" + data_attributes(f) + "><td>" +
           (f.provision ? esc(f.provision->title.empty() ? f.provision->id : f.provision->title) +
                              " <span class=\"loc\">" + esc(location_text(f.provision->location)) + "</span>"
                        : esc("duty of " + f.jurisdiction)) +
           "</td><td>" + esc(f.article) + "</td><td>" + esc(f.test->title.empty() ? f.test->id : f.test->title) +
           "</td><td>" + html_inline(question(f)) +
           (e->review ? "<br><em>" + html_inline(review_sentence(*e->review, f)) + "</em>" : "") + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n<p class=\"empty\" data-none=\"work-table\" hidden>No question matches the "
         "filters.</p>\n</section>\n";
}

void about_section(std::string& out, const ReportInfo& info, const model::Model& model, const Selection& selection) {
  out += "<section id=\"about\">\n<h2>4. About this report</h2>\n<dl class=\"facts\">\n";
  for (const auto& [label, value] : run_facts(info, model, selection))
    out += "<dt>" + esc(label) + "</dt><dd>" + html_inline(value) + "</dd>\n";
  out += "</dl>\n<h3 id=\"inputs\">Input files</h3>\n<p>The same files (same SHA-256) and options give the same "
         "report, byte for byte.</p>\n<table class=\"files\">\n<thead><tr><th>File</th><th>SHA-256</th></tr></thead>"
         "\n<tbody>\n";
  for (const auto& file : input_files(info, model))
    out += "<tr><td>" + esc(file.path) + "</td><td>" + esc(file.sha256.empty() ? "—" : file.sha256) + "</td></tr>\n";
  out += "</tbody>\n</table>\n</section>\n";
}

} // namespace

void html_finding(std::string& out, const Entry& entry, const model::Model& model) {
  finding_card(out, entry, model);
}

const char* html_style_sheet() {
  return style_sheet;
}

std::string render_html(const check::Result& result, const model::Model& model, const ReportInfo& info) {
  Selection selection = select(result, info);
  std::vector<const Entry*> findings;
  std::vector<const Entry*> work;
  for (const auto& e : selection.listed)
    (e.finding->verdict == Verdict::unassessed ? work : findings).push_back(&e);
  auto groups = by_article(findings, model);
  std::string title = report_title(model);

  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"siracusa " +
         esc(info.version) + "\">\n<title>" + esc(title) + "</title>\n<style>" + style_sheet +
         "</style>\n</head>\n<body>\n";
  out += "<header class=\"masthead\">\n<h1>" + esc(title) + "</h1>\n<p class=\"lede\">" + esc(run_lede(model, info)) +
         "</p>\n";
  auto jurisdictions = jurisdiction_titles(model);
  if (jurisdictions.size() > 1) {
    out += "<p class=\"lede\">Jurisdictions: ";
    for (std::size_t i = 0; i < jurisdictions.size(); ++i)
      out += (i > 0 ? "; " : "") + esc(jurisdictions[i]);
    out += ".</p>\n";
  }
  if (info.filters.any())
    out += "<p class=\"notice\">Filtered with <code>" + esc(filter_words(info.filters)) +
           "</code>: " + std::to_string(selection.filtered_out) +
           " findings are left out of the lists. The summary still counts them.</p>\n";
  if (info.baseline)
    out += "<p class=\"notice\">Only findings new or changed since the baseline <code>" + esc(info.baseline->file) +
           "</code> are listed: " + std::to_string(selection.unchanged) + " unchanged findings are left out, " +
           std::to_string(selection.gone) + " of the baseline are no longer listed.</p>\n";
  out += "</header>\n<main>\n";

  out += "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n"
         "<li><a href=\"#summary\">Summary</a></li>\n<li><a href=\"#findings\">Findings by article</a> (" +
         std::to_string(findings.size()) + ")";
  if (!groups.empty()) {
    out += "\n<ol>\n";
    for (const auto& g : groups)
      out += "<li><a href=\"#" + group_anchor(g) + "\">" + esc(group_heading(g)) + "</a> (" +
             std::to_string(g.entries.size()) + ")</li>\n";
    out += "</ol>\n";
  }
  out += "</li>\n<li><a href=\"#work-list\">Analyst's work list</a> (" + std::to_string(work.size()) +
         ")</li>\n<li><a href=\"#about\">About this report</a> · <a href=\"#inputs\">input files</a></li>\n</ol>\n"
         "</nav>\n";

  summary_section(out, result, model);

  out += "<section id=\"findings\">\n<h2>2. Findings by article</h2>\n"
         "<p>Ordered by article of the Covenant; within an article, what fails first, then by strength. Each "
         "finding names the provision, the facts it rests on and on what basis, the authorities and the "
         "sources.</p>\n<noscript><p class=\"noscript\">The filters need JavaScript; every finding is shown."
         "</p></noscript>\n";
  filter_form(out, groups, selection);
  out += "<div id=\"finding-list\">\n";
  if (groups.empty())
    out += "<p class=\"empty\">No finding to list.</p>\n";
  for (const auto& g : groups) {
    out += "<section class=\"article\" id=\"" + group_anchor(g) + "\" data-group>\n<h3>" + esc(group_heading(g)) +
           "</h3>\n";
    for (const Entry* e : g.entries)
      finding_card(out, *e, model);
    out += "</section>\n";
  }
  out += "</div>\n<p class=\"empty\" data-none=\"finding-list\" hidden>No finding matches the filters.</p>\n"
         "</section>\n";

  work_list_section(out, work);
  about_section(out, info, model, selection);
  out += "</main>\n<footer>Written by siracusa " + esc(info.version) +
         ". A verdict is what follows from the facts stated in the rule files; the analyst's sources and "
         "reviews are part of the record.</footer>\n<script>" +
         script + "</script>\n</body>\n</html>\n";
  return out;
}

} // namespace siracusa::report
