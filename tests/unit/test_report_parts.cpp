// The parts every report format shares: article order, escaping, citations by title,
// which findings a report lists (filters, baseline), and reading reviews.toml.
#include "support.hpp"

#include "check/check.hpp"
#include "report/markup.hpp"
#include "report/selection.hpp"
#include "report/words.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace siracusa;
using namespace siracusa::testing;
namespace fs = std::filesystem;

namespace {

fs::path report_case() {
  return fs::path(source_dir()) / "tests" / "cli" / "report_case";
}

struct Checked {
  model::Model model;
  check::Result result;
};

Checked check_report_case() {
  Diagnostics diagnostics;
  model::LoadOptions load;
  load.display_root = source_dir();
  Checked c;
  c.model = model::load_model({report_case().string()}, diagnostics, load);
  REQUIRE_FALSE(diagnostics.has_errors());
  check::Options options;
  options.jobs = 1;
  c.result = check::run(c.model, options, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  return c;
}

const check::Finding& finding(const check::Result& result, const std::string& id) {
  auto it =
      std::find_if(result.findings.begin(), result.findings.end(), [&](const check::Finding& f) { return f.id == id; });
  REQUIRE(it != result.findings.end());
  return *it;
}

std::vector<std::string> listed_ids(const report::Selection& selection) {
  std::vector<std::string> ids;
  for (const auto& e : selection.listed)
    ids.push_back(e.finding->id);
  return ids;
}

} // namespace

TEST_CASE("articles are ordered as numbers, part by part, as the Committee's list of issues orders them", "[report]") {
  std::vector<std::string> articles = {"21", "9", "2", "12(3)", "14(1)", "12", "19(3)", "19(2)", "2(1)(a)", "2(1)"};
  std::sort(articles.begin(), articles.end(), report::article_less);
  CHECK(articles ==
        std::vector<std::string>{"2", "2(1)", "2(1)(a)", "9", "12", "12(3)", "14(1)", "19(2)", "19(3)", "21"});
  CHECK_FALSE(report::article_less("21", "21"));
}

TEST_CASE("HTML escaping leaves no markup of its own in text", "[report]") {
  CHECK(report::html_escape("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  // Backtick spans are code; what is inside them is escaped too.
  CHECK(report::html_inline("state `a<b` & go") == "state <code>a&lt;b</code> &amp; go");
  // An unmatched backtick is text.
  CHECK(report::html_inline("one ` two") == "one ` two");
}

TEST_CASE("Markdown escaping keeps text as text and code as code", "[report]") {
  CHECK(report::markdown_inline("a *b* _c_ [d](e) <f> | # ~ & !") ==
        "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\| \\# \\~ \\& \\!");
  CHECK(report::markdown_inline("state `x_y*z` now") == "state `x_y*z` now");
  CHECK(report::markdown_inline("two\nlines") == "two lines");
  CHECK(report::markdown_inline("odd ` tick") == "odd \\` tick");
}

TEST_CASE("citations read by the declared document's title and a pinpoint, the Covenant by article", "[report]") {
  auto c = check_report_case();
  const auto& test = c.model.tests[static_cast<std::size_t>(c.model.find_test("needs_permission"))];
  REQUIRE(test.citations.size() == 2);
  CHECK(model::citation_text(test.citations[0], c.model) == "General Comment 37 <on assembly>, para. 70");
  CHECK(model::citation_text(test.citations[1], c.model) == "The Covenant & its articles, art. 21");
  const auto& siracusa = c.model.tests[static_cast<std::size_t>(c.model.find_test("refusable_notice"))];
  CHECK(model::citation_text(siracusa.citations[0], c.model) == "The Siracusa Principles, paras. 10, 11");
  // An undeclared document reads as the language writes it.
  model::Model bare;
  CHECK(model::citation_text(test.citations[1], bare) == test.citations[1].display());
  CHECK(report::sources_text({{"report", 4}, {"report", 3}, {"report", 4}}, c.model) ==
        "A fictional report on Testland & its laws, paras. 3, 4");
}

TEST_CASE("filters narrow what is listed, never what is counted", "[report]") {
  auto c = check_report_case();
  report::ReportInfo info;
  auto all = report::select(c.result, info);
  CHECK(all.filtered_out == 0);
  info.filters.rights = {"9"}; // by article
  auto liberty = report::select(c.result, info);
  CHECK(listed_ids(liberty) == std::vector<std::string>{"police_act.detention/liberty/long_detention",
                                                        "police_act.detention/liberty/vague_terms"});
  CHECK(liberty.filtered_out + liberty.not_asked + liberty.listed.size() == c.result.findings.size());
  info.filters = {};
  info.filters.verdicts = {"passes"}; // naming passes lists them without --include-passes
  auto passes = report::select(c.result, info);
  CHECK_FALSE(passes.listed.empty());
  for (const auto& e : passes.listed)
    CHECK(e.finding->verdict == solve::Verdict::passes);
  info.filters = {};
  info.filters.laws = {"testland"};
  info.filters.strengths = {"per_se"};
  info.filters.criteria = {"legality"};
  CHECK(listed_ids(report::select(c.result, info)) ==
        std::vector<std::string>{"police_act.detention/liberty/vague_terms"});
  CHECK(report::filter_problem(info.filters, c.model) == std::nullopt);
  info.filters.rights = {"art99"};
  REQUIRE(report::filter_problem(info.filters, c.model));
  CHECK(report::filter_problem(info.filters, c.model)->find("--right: `art99`") != std::string::npos);
  info.filters = {};
  info.filters.criteria = {"necesity"};
  CHECK(report::filter_problem(info.filters, c.model)->find("did you mean `necessity`") != std::string::npos);
}

TEST_CASE("a baseline leaves out findings as they were and keeps those new or changed", "[report]") {
  auto c = check_report_case();
  const auto& vague = finding(c.result, "police_act.detention/liberty/vague_terms");
  const auto& detention = finding(c.result, "police_act.detention/liberty/long_detention");
  report::Baseline baseline;
  baseline.file = "old.json";
  baseline.findings["police_act.detention/liberty/vague_terms"] = {"fails", "per_se", "assessment"};
  baseline.findings["police_act.detention/liberty/long_detention"] = {"fails", "presumptive", "assessment"};
  baseline.findings["gone.provision/liberty/vague_terms"] = {"fails", "per_se", "text"};
  const report::BaselineFinding* was = nullptr;
  CHECK(report::compare(vague, baseline, &was) == report::Change::none);
  // The basis differs: changed, and `was` says how it was.
  CHECK(report::compare(detention, baseline, &was) == report::Change::changed);
  REQUIRE(was != nullptr);
  CHECK(was->basis == "assessment");
  CHECK(report::compare(finding(c.result, "assembly_act.notice/assembly/long_notice"), baseline, nullptr) ==
        report::Change::added);
  report::ReportInfo info;
  info.baseline = baseline;
  auto selection = report::select(c.result, info);
  CHECK(selection.unchanged == 1);
  CHECK(selection.gone == 1);
  auto ids = listed_ids(selection);
  CHECK(std::find(ids.begin(), ids.end(), vague.id) == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), detention.id) != ids.end());
  CHECK_FALSE(report::in_scope(vague, info));
  CHECK(report::in_scope(detention, info));
}

TEST_CASE("reviews.toml: reviews are read with their place, mistakes are E0018 at the line", "[report]") {
  TempDir dir;
  auto good = dir.write("reviews.toml", "[[review]]\nfinding = \"a.b/r/t\"\nstatus = \"contested\"\n"
                                        "reason = \"why\"\nby = \"me\"\ndate = 2025-06-01\n");
  Diagnostics diagnostics;
  auto reviews = report::read_reviews(good.string(), "reviews.toml", diagnostics);
  REQUIRE(reviews.size() == 1);
  CHECK(diagnostics.size() == 0);
  CHECK(reviews[0].finding == "a.b/r/t");
  CHECK(reviews[0].status == report::ReviewStatus::contested);
  CHECK(reviews[0].date == "2025-06-01");
  CHECK(ids_at(diagnostics).empty());
  CHECK(reviews[0].span.file->line_col(reviews[0].span.begin).line == 2);

  auto bad_status = dir.write("status.toml", "[[review]]\nfinding = \"a.b/r/t\"\nstatus = \"disputed\"\n"
                                             "reason = \"why\"\nby = \"me\"\n");
  Diagnostics d1;
  CHECK(report::read_reviews(bad_status.string(), "status.toml", d1).empty());
  CHECK(ids_at(d1) == std::vector<std::string>{"E0018@3:10"});

  auto unknown_key = dir.write("key.toml", "[[review]]\nfinding = \"a.b/r/t\"\nstatus = \"reviewed\"\n"
                                           "reason = \"why\"\nby = \"me\"\nreasons = \"x\"\n");
  Diagnostics d2;
  report::read_reviews(unknown_key.string(), "key.toml", d2);
  REQUIRE(ids_at(d2) == std::vector<std::string>{"E0018@6:1"});
  CHECK(d2.all()[0].message.find("did you mean `reason`") != std::string::npos);

  auto missing = dir.write("missing.toml", "[[review]]\nfinding = \"a.b/r/t\"\nstatus = \"reviewed\"\n");
  Diagnostics d3;
  report::read_reviews(missing.string(), "missing.toml", d3);
  CHECK(ids_at(d3) == std::vector<std::string>{"E0018@1:1", "E0018@1:1"}); // no reason, no by

  auto not_toml = dir.write("broken.toml", "[[review]]\nfinding = \"unclosed\n");
  Diagnostics d4;
  report::read_reviews(not_toml.string(), "broken.toml", d4);
  REQUIRE(d4.size() == 1);
  CHECK(d4.all()[0].id == "E0018");
  CHECK(d4.all()[0].span.file->line_col(d4.all()[0].span.begin).line == 2);
}

TEST_CASE("reviews are checked against the run: twice is E0018, an unknown finding W0601", "[report]") {
  auto c = check_report_case();
  TempDir dir;
  auto file = dir.write("reviews.toml", "[[review]]\nfinding = \"police_act.detention/liberty/vague_terms\"\n"
                                        "status = \"reviewed\"\nreason = \"r\"\nby = \"me\"\n\n"
                                        "[[review]]\nfinding = \"police_act.detention/liberty/vague_term\"\n"
                                        "status = \"reviewed\"\nreason = \"r\"\nby = \"me\"\n\n"
                                        "[[review]]\nfinding = \"police_act.detention/liberty/vague_terms\"\n"
                                        "status = \"contested\"\nreason = \"r\"\nby = \"you\"\n");
  Diagnostics diagnostics;
  auto reviews = report::read_reviews(file.string(), "reviews.toml", diagnostics);
  REQUIRE(reviews.size() == 3);
  report::check_reviews(reviews, c.result, diagnostics);
  diagnostics.sort();
  CHECK(ids_at(diagnostics) == std::vector<std::string>{"W0601@8:11", "E0018@14:11"});
  CHECK(diagnostics.all()[0].notes.at(0).message.find("did you mean `police_act.detention/liberty/vague_terms`") !=
        std::string::npos);
}

TEST_CASE("a review names the verdict it reviewed, and once the verdict changes reports say so", "[report]") {
  auto c = check_report_case();
  const auto& vague = finding(c.result, "police_act.detention/liberty/vague_terms");
  report::Review review;
  review.finding = vague.id;
  review.status = report::ReviewStatus::reviewed;
  review.reason = "checked";
  review.by = "me";
  CHECK(report::review_current(review, vague));
  review.verdict = "fails";
  CHECK(report::review_current(review, vague));
  CHECK(report::review_sentence(review, vague) == "Reviewed by me: checked");
  review.verdict = "may_fail";
  CHECK_FALSE(report::review_current(review, vague));
  CHECK(report::review_sentence(review, vague).find("earlier verdict, may fail") != std::string::npos);
}

TEST_CASE("a finding's note is data from check, put in words by the report", "[report]") {
  check::Finding f;
  CHECK(report::note_text(f).empty());
  f.note_kind = check::NoteKind::exception_not_established;
  f.unestablished = {"spontaneous_allowed", "harm_required"};
  CHECK(report::note_text(f) ==
        "no recognised exception is established: the provision does not state `spontaneous_allowed`, `harm_required`");
  f = {};
  f.note_kind = check::NoteKind::conflict_undecided;
  CHECK(report::note_text(f) == "the solver could not decide whether both rules reach the same person");
  // Words from outside the engine pass through: the solver's reason, the rule base's note.
  f = {};
  f.note_kind = check::NoteKind::solver_stopped;
  f.note = "timeout";
  CHECK(report::note_text(f) == "timeout");
}
