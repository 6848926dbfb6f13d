// Drafters on the command line: the law as of a day, diffs of findings before and after
// a draft or between two days, and `suggest`, on purpose-written laws whose answers are
// known in advance. The rule base is the golden `verdicts` case's.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;

namespace {

Run sir(const std::string& arguments, const TempDir& dir) {
  return run_command("cd " + dir.path().string() + " && NO_COLOR=1 " + binary() + " " + arguments);
}

// A corpus: the verdicts case's rules, a law with dates, and one provision under draft.
void write_corpus(const TempDir& dir) {
  std::string rules = source_dir() + "/tests/golden/findings/verdicts/rules.sir";
  dir.write("law.sir", "import \"" + rules + R"sir("

document gazette {
  title: "A fictional gazette"
  paragraphs: 1..50
}

jurisdiction sealand {
  title: "Sealand"
}

law meetings_act {
  title: "Meetings Act"
  jurisdiction: sealand
  level: law
  adopted: 2010-03
  effective: 2010-06-01
  source: gazette para 1

  # Fails vague_terms (per se) and no_urgent_exception (presumptive).
  provision permit_rule {
    title: "Meetings need a permit"
    restricts: assembly
    regime: authorisation
    urgent_exception: no
    notice_days: 10 days
    precise: no
    source: gazette para 2
  }

  # In force until the end of 2015.
  provision old_ban {
    title: "A ban on meetings near parliament"
    restricts: assembly
    precise: no
    repealed: 2016-01-01
    source: gazette para 3
  }

  # Added in 2018: imprisonment for insult.
  provision insult {
    title: "Insult"
    restricts: assembly
    covers_reputation: yes
    custodial: yes
    effective: 2018
    source: gazette para 4
  }
}

law opinions_act {
  title: "Opinions Act"
  jurisdiction: sealand
  level: law
  source: gazette para 10

  provision registry {
    title: "Opinions must be registered"
    restricts: opinion
    source: gazette para 11
  }
}

amendment enacted_2020 {
  title: "Defines the terms"
  adopted: 2020-02-01
  effective: 2020-03-01
  source: gazette para 20
  amends meetings_act.permit_rule {
    change precise: yes
  }
}
)sir");
  dir.write("drafts/reform.sir", R"sir(import "../law.sir"

amendment reform {
  title: "Notice instead of permits; no prison for insult; a new curfew"
  source: gazette para 30

  amends meetings_act.permit_rule {
    change regime: notification
    change urgent_exception: yes
    change notice_days: 2 days
  }

  amends meetings_act.insult {
    change custodial: no
  }

  adds to meetings_act provision curfew {
    title: "Curfew"
    restricts: assembly
    precise: no
    source: gazette para 31
  }
}
)sir");
}

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("check --as-of reads the law of that day and says which day it used", "[cli][drafting]") {
  TempDir dir;
  write_corpus(dir);
  Run before = sir("check --format json --as-of 2012-01-01 law.sir", dir);
  REQUIRE((before.status == 0 || before.status == 1));
  auto early = nlohmann::json::parse(before.out);
  CHECK(early["as_of"] == "2012-01-01");
  auto ids = [](const nlohmann::json& report) {
    std::string all;
    for (const auto& f : report["findings"])
      all += f["id"].get<std::string>() + " " + f["verdict"].get<std::string>() + "\n";
    return all;
  };
  CHECK(has(ids(early), "meetings_act.old_ban/assembly/vague_terms fails"));
  CHECK_FALSE(has(ids(early), "meetings_act.insult"));
  CHECK(has(ids(early), "meetings_act.permit_rule/assembly/vague_terms fails"));
  // After 2020-03-01 the enacted amendment defines the terms; the old ban is repealed.
  auto late = nlohmann::json::parse(sir("check --format json --as-of 2021-01-01 law.sir", dir).out);
  CHECK_FALSE(has(ids(late), "meetings_act.old_ban"));
  CHECK(has(ids(late), "meetings_act.insult/assembly/prison_for_words fails"));
  CHECK_FALSE(has(ids(late), "meetings_act.permit_rule/assembly/vague_terms fails"));
  CHECK(late["amendments"]["applied"] == nlohmann::json::array({"enacted_2020"}));
  // Without --as-of: the latest date the corpus gives (2020-03-01), and the text says so.
  Run text = sir("check law.sir", dir);
  CHECK(has(text.out, "as of 2020-03-01 (the latest date the corpus gives)"));
  // Drafts are never applied silently.
  Run with_draft = sir("check law.sir drafts", dir);
  CHECK(has(with_draft.out, "1 draft amendment loaded and not applied"));
  Run bad = sir("check --as-of 2021-02-30 law.sir", dir);
  CHECK(bad.status == 2);
  CHECK(has(bad.err, "is not a date"));
}

TEST_CASE("diff --amend lists what a draft resolves, introduces and changes", "[cli][drafting]") {
  TempDir dir;
  write_corpus(dir);
  Run run = sir("diff --format json --amend drafts/reform.sir law.sir", dir);
  INFO(run.out << run.err);
  // The draft adds a provision that fails per se: something new fails.
  CHECK(run.status == 1);
  auto diff = nlohmann::json::parse(run.out);
  auto ids = [](const nlohmann::json& list) {
    std::string all;
    for (const auto& f : list)
      all += f["id"].get<std::string>() + "\n";
    return all;
  };
  CHECK(has(ids(diff["resolved"]), "meetings_act.permit_rule/assembly/no_urgent_exception"));
  CHECK(has(ids(diff["resolved"]), "meetings_act.insult/assembly/prison_for_words"));
  CHECK(has(ids(diff["introduced"]), "meetings_act.curfew/assembly/vague_terms"));
  CHECK(diff["amendments"] == nlohmann::json::array({"reform"}));
  CHECK(diff["unchanged"].get<int>() > 0);
  // Between two days: the repeal resolves the old ban, the 2018 offence is introduced.
  Run days = sir("diff --format json --as-of 2012-01-01 --to 2021-01-01 law.sir", dir);
  auto between = nlohmann::json::parse(days.out);
  CHECK(has(ids(between["resolved"]), "meetings_act.old_ban/assembly/vague_terms"));
  CHECK(has(ids(between["introduced"]), "meetings_act.insult/assembly/prison_for_words"));
  CHECK(days.status == 1);
  // Nothing to compare is a usage error.
  CHECK(sir("diff law.sir", dir).status == 2);
  dir.write("plain.sir", "document other {\n  title: \"Other\"\n}\n");
  Run no_amendment = sir("diff --amend plain.sir law.sir", dir);
  CHECK(no_amendment.status == 2);
  CHECK(has(no_amendment.err, "error[E0017]: `--amend plain.sir` holds no amendment"));
}

TEST_CASE("suggest finds the smallest change, honours fixed facts and weights, and says what it cannot clear",
          "[cli][drafting]") {
  TempDir dir;
  write_corpus(dir);
  // As of 2019 the terms are undefined and no urgent exception exists: two facts must move.
  Run run = sir("suggest meetings_act.permit_rule --as-of 2019-01-01 law.sir -o change.sir", dir);
  INFO(run.out << run.err);
  CHECK(run.status == 0);
  CHECK(has(run.out, "2 changes; with it, meetings_act.permit_rule has 0 per se or presumptive failures (before: 2)"));
  std::string written = read_file(dir.path() / "change.sir");
  CHECK(has(written, "change precise: yes"));
  CHECK(has(written, "# clears meetings_act.permit_rule/assembly/vague_terms (per_se)"));
  // Either the regime goes or the urgent exception comes: the file says another answer exists.
  CHECK(has(written, "Another change of the same size also works"));
  // The written amendment is what diff --amend takes, and it introduces nothing.
  Run applied = sir("diff --amend change.sir --as-of 2019-01-01 law.sir", dir);
  CHECK(applied.status == 0);
  CHECK(has(applied.out, "Introduced (0)"));
  // The drafter cannot change the urgent exception: the regime must go.
  Run kept = sir("suggest meetings_act.permit_rule --as-of 2019-01-01 --keep urgent_exception law.sir", dir);
  CHECK(has(kept.out, "change regime: none"));
  CHECK_FALSE(has(kept.out, "change urgent_exception"));
  // Changing the regime is costly: the urgent exception comes instead.
  Run weighted = sir("suggest meetings_act.permit_rule --as-of 2019-01-01 --weight regime=5 law.sir", dir);
  CHECK(has(weighted.out, "change urgent_exception: yes"));
  CHECK_FALSE(has(weighted.out, "change regime"));
  // A right that admits no restriction: no change of facts clears it.
  Run none = sir("suggest opinions_act.registry law.sir", dir);
  CHECK(none.status == 1);
  CHECK(
      has(none.out, "cannot clear opinions_act.registry/opinion/restricts_absolute: the test reads none of the facts"));
  CHECK(sir("suggest meetings_act.nothing law.sir", dir).status == 2);
}

TEST_CASE("diff --format markdown and html lay out the same lists as the JSON, each finding in full",
          "[cli][drafting]") {
  TempDir dir;
  write_corpus(dir);
  auto json = nlohmann::json::parse(sir("diff --format json --amend drafts/reform.sir law.sir", dir).out);
  Run markdown = sir("diff --format markdown --amend drafts/reform.sir law.sir", dir);
  INFO(markdown.err);
  CHECK(markdown.status == 1); // as for every format: something new fails
  // Each list of the JSON is the section of that name, finding for finding, in order.
  auto section_of = [](const std::string& text, const std::string& heading, const std::string& next) {
    auto begin = text.find(heading);
    auto end = next.empty() ? std::string::npos : text.find(next, begin);
    return begin == std::string::npos ? std::string() : text.substr(begin, end - begin);
  };
  std::string introduced = section_of(markdown.out, "\n## Introduced (", "\n## Resolved (");
  std::string resolved = section_of(markdown.out, "\n## Resolved (", "\n## Changed (");
  std::string changed = section_of(markdown.out, "\n## Changed (", "");
  CHECK(has(introduced, "## Introduced (" + std::to_string(json["introduced"].size()) + ")"));
  CHECK(has(resolved, "## Resolved (" + std::to_string(json["resolved"].size()) + ")"));
  CHECK(has(changed, "## Changed (" + std::to_string(json["changed"].size()) + ")"));
  for (const auto& f : json["introduced"])
    CHECK(has(introduced, "`" + f["id"].get<std::string>() + "`"));
  for (const auto& f : json["resolved"])
    CHECK(has(resolved, "`" + f["id"].get<std::string>() + "`"));
  for (const auto& c : json["changed"])
    CHECK(has(changed, "`" + c["after"]["id"].get<std::string>() + "`"));
  // A resolved finding is shown as it was: it rests on the fact the draft changes.
  CHECK(has(resolved, "`custodial: yes`"));
  CHECK(has(markdown.out, "- **Amendments applied:** reform"));
  CHECK(has(markdown.out, "| Unchanged | " + std::to_string(json["unchanged"].get<int>()) + " |"));

  Run html = sir("diff --format html -o diff.html --amend drafts/reform.sir law.sir", dir);
  INFO(html.err);
  CHECK(html.status == 1);
  std::string page = read_file(dir.path() / "diff.html");
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK_FALSE(has(page, "src=\"http"));
  CHECK_FALSE(has(page, "href=\"http"));
  std::vector<std::string> sections;
  for (const auto& attributes : html_elements(page, "section"))
    sections.push_back(attributes.at("id"));
  CHECK(sections == std::vector<std::string>{"introduced", "resolved", "changed"});
  auto articles = html_elements(page, "article");
  CHECK(articles.size() == json["introduced"].size() + json["resolved"].size() + json["changed"].size());
  for (const auto& f : json["introduced"])
    CHECK(has(page, "<code>" + f["id"].get<std::string>() + "</code>"));

  Run bad = sir("diff --format pdf --amend drafts/reform.sir law.sir", dir);
  CHECK(bad.status == 2);
  CHECK(has(bad.err, "`--format` takes text, json, markdown or html, not `pdf`"));
}
