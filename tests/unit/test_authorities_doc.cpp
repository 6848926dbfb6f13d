// docs/authorities.md is where a reader checks what each citation of the rule base rests
// on: every test, distinction and parameter of rules/iccpr has its entry there, and the
// numbered sources (S1, S2, ...) that the entries point at are declared once each.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>

using namespace siracusa;
using namespace siracusa::testing;

TEST_CASE("docs/authorities.md declares each numbered source once and every one it cites", "[docs][authorities]") {
  std::string doc = read_file(source_dir() + "/docs/authorities.md");
  // A declaration is a row of the sources table: `| S12 | ...`.
  std::map<std::string, int> declared;
  static const std::regex row(R"re((?:^|\n)\| (S[0-9]+) \|)re");
  for (std::sregex_iterator it(doc.begin(), doc.end(), row), end; it != end; ++it)
    ++declared[(*it)[1].str()];
  REQUIRE(declared.size() > 50);
  for (const auto& [id, times] : declared) {
    INFO(id << " is declared " << times << " times");
    CHECK(times == 1);
  }
  static const std::regex mention(R"re(\b(S[0-9]+)\b)re");
  std::set<std::string> undeclared;
  for (std::sregex_iterator it(doc.begin(), doc.end(), mention), end; it != end; ++it)
    if (!declared.count((*it)[1].str()))
      undeclared.insert((*it)[1].str());
  CHECK(undeclared.empty());
}

TEST_CASE("every test, distinction and parameter of rules/iccpr has its entry in docs/authorities.md",
          "[docs][authorities]") {
  std::string doc = read_file(source_dir() + "/docs/authorities.md");
  Diagnostics diagnostics;
  model::Model m = model::load_model({source_dir() + "/rules/iccpr"}, diagnostics, model::LoadOptions{});
  INFO(render_all(diagnostics, {}));
  REQUIRE_FALSE(diagnostics.has_errors());
  std::vector<std::string> names;
  for (const auto& t : m.tests)
    names.push_back(t.id);
  for (const auto& d : m.distinctions)
    names.push_back(d.id);
  for (const auto& p : m.parameters)
    names.push_back(p.id);
  REQUIRE(names.size() > 50);
  for (const auto& name : names) {
    INFO(name);
    // As a word: `no_alternative_service` is not found inside `no_alternative_service_x`.
    CHECK(std::regex_search(doc, std::regex("(^|[^a-z0-9_])" + name + "($|[^a-z0-9_])")));
  }
}
