// `siracusa init`: a new project that lints clean and checks against the bundled rules,
// written whole or not at all, never over an existing file.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_under(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file())
      names.push_back(entry.path().lexically_relative(folder).generic_string());
  std::sort(names.begin(), names.end());
  return names;
}

} // namespace

TEST_CASE("init in an empty folder makes a project that lints clean and checks", "[cli][init]") {
  TempDir dir;
  Run init = run_in(dir.path(), "init --jurisdiction uz --title 'Republic of \"Uzbekistan\"'");
  INFO(init.err);
  REQUIRE(init.status == 0);
  CHECK(init.err.empty());
  CHECK(files_under(dir.path()) == std::vector<std::string>{"laws/uz/documents.sir", "laws/uz/example.sir",
                                                            "laws/uz/jurisdiction.sir", "siracusa.toml"});
  CHECK(init.out.find("created laws/uz/example.sir\n") != std::string::npos);
  // The title is a string of the rule language: its quotes are escaped.
  CHECK(read_file(dir.path() / "laws/uz/jurisdiction.sir").find("title: \"Republic of \\\"Uzbekistan\\\"\"") !=
        std::string::npos);

  Run lint = run_in(dir.path(), "lint");
  INFO(lint.err);
  CHECK(lint.status == 0);
  CHECK(lint.err.empty()); // no warning either
  CHECK(lint.out.find("1 provisions") != std::string::npos);
  CHECK(run_in(dir.path(), "lint --strict").status == 0);

  Run check = run_in(dir.path(), "check --format json --include-passes");
  INFO(check.err);
  CHECK((check.status == 0 || check.status == 1));
  CHECK(check.err.empty());
  auto report = nlohmann::json::parse(check.out);
  CHECK(report["inputs"]["origin"] == "siracusa.toml");
  bool example_checked = false;
  for (const auto& finding : report["findings"])
    example_checked =
        example_checked || finding["id"].get<std::string>().rfind("example_assemblies_law.notice/", 0) == 0;
  CHECK(example_checked);

  // Written in the canonical layout, and the vocabulary it points to is there.
  CHECK(run_in(dir.path(), "fmt --check").status == 0);
  CHECK(run_in(dir.path(), "vocab notice_days").status == 0);
  // From a folder inside the project too.
  CHECK(run_in(dir.path() / "laws", "lint").status == 0);
}

TEST_CASE("init DIR creates the folder and takes the jurisdiction id from its name", "[cli][init]") {
  TempDir dir;
  Run init = run_in(dir.path(), "init projects/kyrgyz-republic");
  INFO(init.err);
  REQUIRE(init.status == 0);
  fs::path project = dir.path() / "projects" / "kyrgyz-republic";
  CHECK(fs::exists(project / "laws" / "kyrgyz_republic" / "jurisdiction.sir"));
  CHECK(read_file(project / "laws" / "kyrgyz_republic" / "jurisdiction.sir").find("jurisdiction kyrgyz_republic {") !=
        std::string::npos);
  CHECK(read_file(project / "laws" / "kyrgyz_republic" / "documents.sir").find("document kyrgyz-republic-source {") !=
        std::string::npos);
  CHECK(init.out.find("next: cd projects/kyrgyz-republic && siracusa lint && siracusa check") != std::string::npos);
  CHECK(run_in(project, "lint").status == 0);
  // -q: nothing on stdout.
  Run quiet = run_in(dir.path(), "-q init quiet_one");
  CHECK(quiet.status == 0);
  CHECK(quiet.out.empty());
}

TEST_CASE("init never overwrites a file: it names each one and writes nothing", "[cli][init]") {
  TempDir dir;
  dir.write("siracusa.toml", "# mine\n");
  dir.write("laws/uz/example.sir", "# mine too\n");
  Run init = run_in(dir.path(), "init --jurisdiction uz");
  CHECK(init.status == 2);
  CHECK(init.err.find("siracusa: error[E0013]: `siracusa.toml` exists already") != std::string::npos);
  CHECK(init.err.find("siracusa: error[E0013]: `laws/uz/example.sir` exists already") != std::string::npos);
  CHECK(init.err.find("nothing was written") != std::string::npos);
  CHECK(init.out.empty());
  CHECK(files_under(dir.path()) == std::vector<std::string>{"laws/uz/example.sir", "siracusa.toml"});
  CHECK(read_file(dir.path() / "siracusa.toml") == "# mine\n");
  // Another jurisdiction's files do not collide, but siracusa.toml still does.
  CHECK(run_in(dir.path(), "init --jurisdiction kg").status == 2);
  CHECK_FALSE(fs::exists(dir.path() / "laws" / "kg"));
}

TEST_CASE("init refuses ids and titles it cannot write, in our words", "[cli][init]") {
  struct Bad {
    const char* arguments;
    const char* expected;
  };
  for (const Bad& b : std::vector<Bad>{
           {"init --jurisdiction 9x", "`--jurisdiction` takes a name of letters, digits and _"},
           {"init --jurisdiction uz-south", "`--jurisdiction` takes a name of letters, digits and _"},
           {"init --jurisdiction law", "`law` is a reserved word"},
           {"init --jurisdiction uz --title \"$(printf 'two\\nlines')\"", "`--title` takes one line of UTF-8 text"},
           {"init 'my project!'", "cannot make a jurisdiction id of the folder's name `my project!`"},
       }) {
    DYNAMIC_SECTION(b.arguments) {
      TempDir dir;
      Run run = run_in(dir.path(), b.arguments);
      INFO(run.err);
      CHECK(run.status == 2);
      CHECK(run.err.find("error[E0009]: ") != std::string::npos);
      CHECK(run.err.find(b.expected) != std::string::npos);
      CHECK(files_under(dir.path()).empty());
    }
  }
}

TEST_CASE("init into a place that cannot be written is E0010 and leaves nothing", "[cli][init]") {
  TempDir dir;
  dir.write("taken", "a file where the folder would be\n");
  Run run = run_in(dir.path(), "init taken/uz");
  CHECK(run.status == 2);
  CHECK(run.err.find("error[E0010]: cannot create the folder `taken/uz`") != std::string::npos);
  CHECK(files_under(dir.path()) == std::vector<std::string>{"taken"});
}
