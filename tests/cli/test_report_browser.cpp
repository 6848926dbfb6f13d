// The HTML report in a real browser: headless Chromium (Debian's `chromium`) loads the
// file with scripts on and off, filters it through the query string, prints it to PDF
// and takes a screenshot; a probe script records what is actually rendered. Skipped, with a message, where Chromium is
// not installed; scripts/install-deps.sh installs it.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace siracusa::testing;
namespace fs = std::filesystem;

namespace {

const char* const chromium = "/usr/bin/chromium";

bool have_chromium() {
  std::error_code ec;
  return fs::exists(chromium, ec);
}

// Chromium with a fresh profile, nothing fetched or updated in the background.
Run browse(const std::string& arguments) {
  TempDir profile;
  return run_command(std::string("timeout 120 ") + chromium +
                     " --headless --no-sandbox --disable-gpu --disable-background-networking"
                     " --disable-component-update --disable-sync --no-first-run --user-data-dir=" +
                     profile.path().string() + " " + arguments);
}

// After the report's own script, a probe marks what the browser actually renders:
// data-probe="visible" or "invisible" on every finding, work-list row, article section
// and the filter form.
const char* const probe =
    "<script>document.querySelectorAll('article.finding, #filters, tr[data-verdict], section[data-group]')"
    ".forEach(function (e) { e.setAttribute('data-probe', e.getClientRects().length > 0 ? 'visible' : "
    "'invisible'); });</script>\n</body>";

enum class Scripts { on, off };

// The HTML report of the report case, written to a file in `dir` with the probe. With
// scripts off, the report's own script is taken out: the page as a browser without
// JavaScript shows it (Chromium's --dump-dom needs scripts to read the page).
fs::path write_report(const TempDir& dir, Scripts scripts) {
  Run run = run_command("cd '" + source_dir() + "' && " + binary() +
                        " check --format html --include-passes tests/cli/report_case");
  REQUIRE(run.status == 1);
  std::string html = run.out;
  if (scripts == Scripts::off) {
    auto open = html.rfind("<script>");
    auto close = html.find("</script>", open);
    REQUIRE(open != std::string::npos);
    html.erase(open, close + 9 - open);
  }
  auto body = html.rfind("</body>");
  REQUIRE(body != std::string::npos);
  html.replace(body, 7, probe);
  return dir.write("report.html", html);
}

std::vector<std::map<std::string, std::string>> cards(const std::string& dom) {
  return html_elements(dom, "article");
}

std::string shown_text(const std::string& dom) {
  std::smatch m;
  std::regex output(R"re(<output id="shown">([^<]*)</output>)re");
  return std::regex_search(dom, m, output) ? m[1].str() : std::string();
}

} // namespace

TEST_CASE("in a browser with scripts on, the filters appear and every finding shows", "[cli][report][browser]") {
  if (!have_chromium()) {
    WARN("Chromium (/usr/bin/chromium) is not installed: the browser tests are skipped");
    return;
  }
  TempDir dir;
  auto file = write_report(dir, Scripts::on);
  Run run = browse("--dump-dom file://" + file.string());
  REQUIRE(run.status == 0);
  const std::string& dom = run.out;
  auto html = html_elements(dom, "html");
  REQUIRE(html.size() == 1);
  CHECK(html[0]["class"].find("scripted") != std::string::npos); // the script ran
  auto forms = html_elements(dom, "form");
  REQUIRE(forms.size() == 1);
  CHECK(forms[0]["data-probe"] == "visible");
  auto all = cards(dom);
  REQUIRE(all.size() > 5);
  for (const auto& card : all)
    CHECK(card.at("data-probe") == "visible");
  // The count includes the work list's questions.
  std::size_t listed = all.size() + 1;
  CHECK(shown_text(dom) == std::to_string(listed) + " of " + std::to_string(listed) + " listed findings shown");
}

TEST_CASE("in a browser, the filters in the query string hide what they do not keep", "[cli][report][browser]") {
  if (!have_chromium()) {
    WARN("Chromium (/usr/bin/chromium) is not installed: the browser tests are skipped");
    return;
  }
  TempDir dir;
  auto file = write_report(dir, Scripts::on);
  Run run = browse("--dump-dom 'file://" + file.string() + "?verdict=fails&article=21'");
  REQUIRE(run.status == 0);
  const std::string& dom = run.out;
  std::size_t visible = 0;
  for (const auto& card : cards(dom)) {
    bool keep = card.at("data-verdict") == "fails" && card.at("data-article") == "21";
    INFO(card.at("id"));
    CHECK(card.at("data-probe") == (keep ? "visible" : "invisible"));
    visible += keep ? 1 : 0;
  }
  // The per se permission, the refusable notice and its long notice period.
  CHECK(visible == 3);
  for (const auto& row : html_elements(dom, "tr"))
    if (row.count("data-verdict") == 1)
      CHECK(row.at("data-probe") == "invisible");
  // Articles with nothing left are hidden with their heading; the work list says none match.
  for (const auto& section : html_elements(dom, "section"))
    if (section.count("data-group") == 1)
      CHECK(section.at("data-probe") == (section.at("id") == "article-assembly" ? "visible" : "invisible"));
  CHECK(shown_text(dom).rfind("3 of ", 0) == 0);
  for (const auto& select : html_elements(dom, "select"))
    CHECK(select.count("name") == 1);
  // An unknown value in the query string is ignored: everything shows.
  Run unknown = browse("--dump-dom 'file://" + file.string() + "?verdict=nonsense'");
  auto unfiltered = cards(unknown.out);
  CHECK(unfiltered.size() == cards(dom).size());
  for (const auto& card : unfiltered)
    CHECK(card.at("data-probe") == "visible");
}

TEST_CASE("in a browser with scripts off, every finding shows and the filters stay hidden", "[cli][report][browser]") {
  if (!have_chromium()) {
    WARN("Chromium (/usr/bin/chromium) is not installed: the browser tests are skipped");
    return;
  }
  TempDir dir;
  auto file = write_report(dir, Scripts::off);
  Run run = browse("--dump-dom 'file://" + file.string() + "?verdict=fails'");
  REQUIRE(run.status == 0);
  const std::string& dom = run.out;
  auto html = html_elements(dom, "html");
  REQUIRE(html.size() == 1);
  CHECK(html[0]["class"].find("scripted") == std::string::npos);
  auto forms = html_elements(dom, "form");
  REQUIRE(forms.size() == 1);
  CHECK(forms[0]["data-probe"] == "invisible");
  auto all = cards(dom);
  REQUIRE(all.size() > 5);
  for (const auto& card : all)
    CHECK(card.at("data-probe") == "visible");
  for (const auto& section : html_elements(dom, "section"))
    if (section.count("data-group") == 1)
      CHECK(section.at("data-probe") == "visible");
  for (const auto& row : html_elements(dom, "tr"))
    if (row.count("data-verdict") == 1)
      CHECK(row.at("data-probe") == "visible");
}

TEST_CASE("in a browser, the report prints on separate pages per part and renders on screen",
          "[cli][report][browser]") {
  if (!have_chromium()) {
    WARN("Chromium (/usr/bin/chromium) is not installed: the browser tests are skipped");
    return;
  }
  TempDir dir;
  auto file = write_report(dir, Scripts::on);
  auto pdf = dir.path() / "report.pdf";
  Run printed = browse("--no-pdf-header-footer --print-to-pdf=" + pdf.string() + " file://" + file.string());
  REQUIRE(fs::exists(pdf));
  std::string bytes = read_file(pdf);
  CHECK(bytes.rfind("%PDF-", 0) == 0);
  // The findings, the work list and the facts about the run each start a page (print CSS).
  std::size_t pages = 0;
  std::regex page(R"(/Type\s*/Page[^s])");
  for (std::sregex_iterator it(bytes.begin(), bytes.end(), page), end; it != end; ++it)
    ++pages;
  CHECK(pages >= 4);
  auto png = dir.path() / "report.png";
  Run shot =
      browse("--hide-scrollbars --window-size=1280,1600 --screenshot=" + png.string() + " file://" + file.string());
  REQUIRE(fs::exists(png));
  std::string image = read_file(png);
  CHECK(image.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  CHECK(image.size() > 20000);
}
