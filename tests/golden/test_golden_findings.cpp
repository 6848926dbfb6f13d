// Golden tests of findings: each folder under tests/golden/findings/ is a small,
// self-contained corpus (vocabulary, rights, tests, jurisdiction, laws); the JSON report
// the engine gives for it, with passing findings included, is kept beside it as
// <case>.expected.json and compared byte for byte. An optional <case>.options holds
// `key=value` lines (timeout_ms, rlimit, all_z3) for the solver. Cases that let the
// fast path decide are also run with every decision sent to Z3, and must give the same
// report, byte for byte: verdicts, cores and witnesses alike.
//
// Rebaseline (rewrite the expected files) after a deliberate change with
//   SIRACUSA_REBASELINE=1 build/tests/siracusa_tests "[golden]"     or  scripts/rebaseline
// and review every changed verdict by hand before committing it.
#include "support.hpp"

#include "check/check.hpp"
#include "report/metadata.hpp"
#include "report/report.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace siracusa;
using namespace siracusa::testing;
namespace fs = std::filesystem;

namespace {

fs::path findings_root() {
  return fs::path(source_dir()) / "tests" / "golden" / "findings";
}

std::vector<std::string> cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(findings_root()))
    if (entry.is_directory())
      names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string trim(const std::string& s) {
  auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos)
    return {};
  auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

// Reads <case>.options into check options and the report header that states them.
void read_options(const fs::path& file, check::Options& options, report::ReportInfo& info) {
  std::istringstream lines(fs::exists(file) ? read_file(file) : std::string());
  std::string line;
  while (std::getline(lines, line)) {
    line = trim(line);
    if (line.empty() || line.front() == '#')
      continue;
    auto eq = line.find('=');
    INFO(file.string() << ": " << line);
    REQUIRE(eq != std::string::npos);
    std::string key = trim(line.substr(0, eq));
    std::string value = trim(line.substr(eq + 1));
    if (key == "timeout_ms")
      options.solver.timeout_ms = static_cast<unsigned>(std::stoul(value));
    else if (key == "rlimit")
      options.solver.rlimit = static_cast<unsigned>(std::stoul(value));
    else if (key == "all_z3")
      options.all_z3 = value == "true" || value == "yes" || value == "1";
    else
      FAIL("unknown option `" << key << "` in " << file.string());
  }
  info.timeout_ms = options.solver.timeout_ms;
  info.rlimit = options.solver.rlimit;
}

bool rebaselining() {
  const char* value = std::getenv("SIRACUSA_REBASELINE");
  return value && std::string(value) == "1";
}

} // namespace

TEST_CASE("golden findings: every case's JSON report matches its expected file", "[golden]") {
  auto names = cases();
  REQUIRE_FALSE(names.empty());
  auto schema = nlohmann::json::parse(read_file(fs::path(source_dir()) / "docs" / "findings.schema.json"));
  for (const auto& name : names) {
    DYNAMIC_SECTION(name) {
      fs::path dir = findings_root() / name;
      check::Options options;
      options.jobs = 1;
      report::ReportInfo info;
      info.version = "test";     // a version bump must not touch the goldens
      info.origin = "arguments"; // as if the case folder were given to `siracusa check`
      info.include_passes = true;
      info.include_all = true; // every verdict, not_applicable included
      read_options(findings_root() / (name + ".options"), options, info);

      Diagnostics diagnostics;
      model::LoadOptions load;
      load.display_root = findings_root();
      auto model = model::load_model({dir.string()}, diagnostics, load);
      diagnostics.sort();
      INFO(render_all(diagnostics, {}));
      REQUIRE_FALSE(diagnostics.has_errors());
      REQUIRE(diagnostics.size() == 0); // the cases are clean: warnings would hide mistakes

      auto result = check::run(model, options, diagnostics);
      REQUIRE_FALSE(diagnostics.has_errors());
      // As `siracusa check` gives them: each file with its digest, the rule base's digest.
      info.files = report::digest_inputs(model, findings_root());
      info.rule_base_digest = report::rule_base_digest(info.files, model);
      std::string actual = report::render_json(result, model, info);

      auto problems = validate(nlohmann::json::parse(actual), schema);
      INFO((problems.empty() ? std::string() : problems.front()));
      CHECK(problems.empty());

      // Whatever route settles a decision, its verdict is the solver's: the same corpus
      // with every decision sent to Z3 gives the same verdict for every finding.
      if (!options.all_z3) {
        check::Options audit = options;
        audit.all_z3 = true;
        Diagnostics audit_diagnostics;
        auto audited = check::run(model, audit, audit_diagnostics);
        REQUIRE(audited.findings.size() == result.findings.size());
        for (std::size_t i = 0; i < result.findings.size(); ++i) {
          INFO(result.findings[i].id);
          REQUIRE(audited.findings[i].id == result.findings[i].id);
          CHECK(solve::verdict_name(audited.findings[i].verdict) ==
                std::string(solve::verdict_name(result.findings[i].verdict)));
          // What follows from the verdict is shared by both routes: the facts the analyst
          // must state, the strength and the basis.
          CHECK(audited.findings[i].missing == result.findings[i].missing);
          CHECK(audited.findings[i].strength == result.findings[i].strength);
          CHECK(audited.findings[i].basis == result.findings[i].basis);
          CHECK(audited.findings[i].witness == result.findings[i].witness);
        }
        std::string audited_json = report::render_json(audited, model, info);
        if (audited_json != actual) {
          fs::path folder = fs::temp_directory_path() / "siracusa-golden";
          fs::create_directories(folder);
          std::ofstream(folder / (name + ".default.json"), std::ios::binary | std::ios::trunc) << actual;
          std::ofstream(folder / (name + ".all-z3.json"), std::ios::binary | std::ios::trunc) << audited_json;
          FAIL("--all-z3 gives another report than the default route:\n  diff -u "
               << (folder / (name + ".default.json")).string() << " " << (folder / (name + ".all-z3.json")).string());
        }
      }

      fs::path expected_file = findings_root() / (name + ".expected.json");
      if (rebaselining()) {
        std::ofstream out(expected_file, std::ios::binary | std::ios::trunc);
        out << actual;
        REQUIRE(out.good());
        WARN("rebaselined " << expected_file.string());
      } else {
        if (!fs::exists(expected_file))
          FAIL("no expected file yet: run scripts/rebaseline and review " << expected_file.string());
        std::string expected = read_file(expected_file);
        if (actual != expected) {
          // Byte for byte. On a mismatch the actual report is kept for `diff`.
          fs::path kept = fs::temp_directory_path() / "siracusa-golden" / (name + ".actual.json");
          fs::create_directories(kept.parent_path());
          std::ofstream(kept, std::ios::binary | std::ios::trunc) << actual;
          FAIL("the report differs from " << expected_file.string() << "\n  diff -u " << expected_file.string() << " "
                                          << kept.string()
                                          << "\nIf the change is intended, run scripts/rebaseline and review it.");
        }
      }
    }
  }
}
