// X3 stays in the syntax stage: the syntax tree is made of X3 types, and a header that
// later stages, the CLI or the tests include must not bring them in (they cost every
// translation unit that includes them seconds of compilation, and tie the model to the
// parser's types). The headers that define the tree are listed; every other header of
// the project is followed through its quoted includes.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>

using namespace siracusa::testing;
namespace fs = std::filesystem;

namespace {

// The headers that hold X3 types: the syntax stage's own, included only by .cpp files of
// the stages that read the tree (syntax/, model/loader.cpp, model/resolve*.cpp) and by the
// syntax tests, and the resolver's, shared by the files of its passes.
const std::set<std::string> tree_headers = {"engine/syntax/ast.hpp",         "engine/syntax/ast_adapted.hpp",
                                            "engine/syntax/config.hpp",      "engine/syntax/grammar.hpp",
                                            "engine/syntax/grammar_def.hpp", "engine/syntax/parsed_file.hpp",
                                            "engine/model/resolver.hpp"};

std::vector<std::string> quoted_includes(const fs::path& file) {
  static const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re");
  std::vector<std::string> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, include))
      out.push_back(m[1]);
  }
  return out;
}

bool includes_x3_directly(const fs::path& file) {
  std::string text = read_file(file);
  return text.find("<boost/spirit") != std::string::npos;
}

// The project header an include names: engine/<name>, cli/<name> or tests/<name>.
std::optional<std::string> resolve(const std::string& root, const std::string& name) {
  for (const char* dir : {"engine/", "cli/", "tests/"})
    if (fs::exists(root + "/" + dir + name))
      return std::string(dir) + name;
  return std::nullopt;
}

} // namespace

TEST_CASE("no header outside the syntax tree's own brings X3 in", "[stages]") {
  std::string root = source_dir();
  std::vector<std::string> headers;
  for (const char* dir : {"engine", "cli", "tests"})
    for (const auto& entry : fs::recursive_directory_iterator(root + "/" + dir))
      if (entry.path().extension() == ".hpp")
        headers.push_back(fs::relative(entry.path(), root).string());
  REQUIRE(headers.size() > 20);
  for (const auto& header : headers) {
    if (tree_headers.count(header) > 0)
      continue;
    // Follow the includes; record the chain to the first header that holds X3.
    std::map<std::string, std::string> via = {{header, ""}};
    std::vector<std::string> todo = {header};
    std::string offender;
    while (!todo.empty() && offender.empty()) {
      std::string current = todo.back();
      todo.pop_back();
      if (tree_headers.count(current) > 0 || includes_x3_directly(root + "/" + current)) {
        offender = current;
        break;
      }
      for (const auto& name : quoted_includes(root + "/" + current)) {
        auto next = resolve(root, name);
        if (next && via.emplace(*next, current).second)
          todo.push_back(*next);
      }
    }
    std::string chain;
    for (std::string at = offender; !at.empty(); at = via[at])
      chain = at + (chain.empty() ? "" : " -> " + chain);
    INFO(header << " brings in X3: " << chain);
    CHECK(offender.empty());
  }
}

TEST_CASE("the resolver's header is included only by the files of its passes", "[stages]") {
  std::string root = source_dir();
  std::vector<std::string> includers;
  for (const char* dir : {"engine", "cli", "tests", "bench"})
    for (const auto& entry : fs::recursive_directory_iterator(root + "/" + dir))
      if (entry.path().extension() == ".cpp" || entry.path().extension() == ".hpp")
        for (const auto& name : quoted_includes(entry.path()))
          if (name == "model/resolver.hpp")
            includers.push_back(fs::relative(entry.path(), root).string());
  REQUIRE(includers.size() >= 2);
  for (const auto& file : includers) {
    INFO(file);
    CHECK(file.rfind("engine/model/resolve", 0) == 0);
  }
}
