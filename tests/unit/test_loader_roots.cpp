// `@name/` paths and imports (LoadOptions::roots): resolved against the named folder,
// shown as `@name/...`, and an unknown root reported, not guessed.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace siracusa;
using namespace siracusa::testing;

TEST_CASE("imports and paths may start with a named root", "[loader]") {
  TempDir library;
  library.write("rules/vocabulary.sir", "enum colour { red, green }\n");
  TempDir project;
  project.write("laws/main.sir", "import \"@lib/rules/vocabulary.sir\"\nfact painted: colour\n");
  model::LoadOptions options;
  options.display_root = project.path();
  options.roots = {{"lib", library.path()}};
  Diagnostics diagnostics;
  auto model = model::load_model({(project.path() / "laws").string()}, diagnostics, options);
  INFO(render_all(diagnostics, {}));
  CHECK(diagnostics.size() == 0);
  // Shown by the root's name, so that reports do not depend on where it is.
  CHECK(model.files == std::vector<std::string>{"@lib/rules/vocabulary.sir", "laws/main.sir"});
  // A path given to the loader may start with a root too.
  Diagnostics direct;
  auto only = model::load_model({"@lib/rules"}, direct, options);
  CHECK(direct.size() == 0);
  CHECK(only.files == std::vector<std::string>{"@lib/rules/vocabulary.sir"});

  // Without the root: an unknown root, at the import (E0207) or for the path (E0001).
  model::LoadOptions bare;
  bare.display_root = project.path();
  Diagnostics unknown;
  model::load_model({(project.path() / "laws").string()}, unknown, bare);
  unknown.sort();
  REQUIRE(ids_at(unknown).front() == "E0207@1:1");
  CHECK(unknown.all().front().message == "cannot find imported file `@lib/rules/vocabulary.sir`: it starts with an "
                                         "unknown root");
  Diagnostics unknown_path;
  model::load_model({"@lib/rules"}, unknown_path, bare);
  CHECK(ids_at(unknown_path) == std::vector<std::string>{"E0001"});
}

TEST_CASE("expand_root leaves other paths alone", "[loader]") {
  model::LoadOptions options;
  options.roots = {{"lib", "/opt/lib"}};
  CHECK(model::expand_root("rules/a.sir", options) == std::filesystem::path("rules/a.sir"));
  CHECK(model::expand_root("@lib/a.sir", options) == std::filesystem::path("/opt/lib/a.sir"));
  CHECK(model::expand_root("@lib", options) == std::filesystem::path("/opt/lib"));
  CHECK_FALSE(model::expand_root("@other/a.sir", options));
}
