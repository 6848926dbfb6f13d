// Every bundled rule file is in canonical layout, and formatting it gives back the
// same model: the same rights, tests (conditions) and provisions (facts).
#include "support.hpp"

#include "model/print.hpp"
#include "syntax/format.hpp"

#include <catch2/catch.hpp>

using namespace siracusa;
using namespace siracusa::testing;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> bundled_files() {
  std::vector<fs::path> files;
  for (const char* root : {"rules", "laws"})
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(source_dir()) / root))
      if (entry.path().extension() == ".sir")
        files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The model as text: what the engine would see, without positions.
std::string dump(const model::Model& m) {
  std::string out;
  for (const auto& r : m.rights) {
    out += "right " + r.id + " " + r.article + " " + r.title + (r.derogable ? " derogable" : "") + " aims";
    for (int a : r.aims)
      out += " " + m.aims_enum->members[static_cast<std::size_t>(a)];
    out += "\n";
  }
  for (const auto& t : m.tests)
    out += "test " + t.id + " " + model::criterion_name(t.criterion) + " " +
           (t.condition ? model::to_text(*t.condition, m) : std::string("-")) + "\n";
  for (const auto& p : m.provisions) {
    out += "provision " + p.id + " " + p.title + "\n";
    for (const auto& f : p.facts)
      out += "  " + m.facts[static_cast<std::size_t>(f.fact)].name + ": " + model::to_text(f.value, m) + "\n";
    for (const auto& s : p.sources)
      out += "  source " + s.display() + "\n";
  }
  return out;
}

} // namespace

TEST_CASE("every bundled rule file is already in canonical layout", "[format][corpus]") {
  auto files = bundled_files();
  REQUIRE(files.size() > 20);
  for (const auto& file : files) {
    Diagnostics diagnostics;
    auto source = syntax::read_source(file.string(), diagnostics);
    REQUIRE(source);
    auto parsed = syntax::parse(source, diagnostics);
    INFO(file.string());
    REQUIRE_FALSE(diagnostics.has_errors());
    std::string once = syntax::format(*parsed);
    CHECK(once == source->text());
    Diagnostics again;
    auto reparsed = parse_text(once, again, file.string());
    CHECK(syntax::format(*reparsed) == once);
  }
}

TEST_CASE("formatting the bundled corpus gives back the same model", "[format][corpus]") {
  TempDir copy;
  for (const auto& file : bundled_files()) {
    Diagnostics diagnostics;
    auto source = syntax::read_source(file.string(), diagnostics);
    auto parsed = syntax::parse(source, diagnostics);
    copy.write(fs::relative(file, source_dir()).string(), syntax::format(*parsed));
  }
  Diagnostics original_diagnostics;
  Diagnostics copied_diagnostics;
  auto original = model::load_model({source_dir() + "/rules", source_dir() + "/laws"}, original_diagnostics);
  auto copied =
      model::load_model({(copy.path() / "rules").string(), (copy.path() / "laws").string()}, copied_diagnostics);
  REQUIRE_FALSE(original_diagnostics.has_errors());
  REQUIRE_FALSE(copied_diagnostics.has_errors());
  CHECK(dump(copied) == dump(original));
  CHECK(original.provisions.size() > 20);
}
