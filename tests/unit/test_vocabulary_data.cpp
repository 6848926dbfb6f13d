// The engine knows no vocabulary (issue 14): every name the bundled rule base and laws
// declare is data, so none may appear in the engine's or the command line's code, as a
// word of a string literal or as an identifier.
#include "support.hpp"

#include "syntax/grammar.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

using namespace siracusa;
using namespace siracusa::testing;
namespace fs = std::filesystem;

namespace {

// Every name declared in rules/ and laws/, as the project's own loader reads them.
std::set<std::string> declared_names() {
  Diagnostics diagnostics;
  model::Model m =
      model::load_model({source_dir() + "/rules", source_dir() + "/laws"}, diagnostics, model::LoadOptions{});
  INFO(render_all(diagnostics, {}));
  REQUIRE_FALSE(diagnostics.has_errors());
  std::set<std::string> names;
  for (const auto& e : *m.enums) {
    names.insert(e.name);
    names.insert(e.members.begin(), e.members.end());
  }
  for (const auto& a : m.attributes)
    names.insert(a.name);
  for (const auto& f : m.facts)
    names.insert(f.name);
  for (const auto& d : m.duties)
    names.insert(d.id);
  for (const auto& a : m.acts)
    names.insert(a.id);
  for (const auto& d : m.documents)
    names.insert(d.id);
  for (const auto& r : m.rights)
    names.insert(r.id);
  for (const auto& t : m.tests)
    names.insert(t.id);
  for (const auto& p : m.parameters)
    names.insert(p.id);
  for (const auto& j : m.jurisdictions)
    names.insert(j.id);
  for (const auto& l : m.laws)
    names.insert(l.id);
  for (const auto& p : m.provisions)
    names.insert(p.name);
  for (const auto& a : m.amendments)
    names.insert(a.id);
  return names;
}

// Names that are also words of the language itself, which the engine must know:
// reserved words (`law` is both a level of the bundled rule base and the keyword of a law
// block) and the words of the closed lists the grammar defines (docs/language.md).
bool language_word(const std::string& name) {
  static const std::set<std::string> closed_lists = {
      // types (`text` is also a basis; `date` a type)
      "bool", "integer", "days", "hours", "months", "years", "date", "text",
      // criteria, strengths, bases, natures of a duty, verdicts
      "legality", "legitimate_aim", "necessity", "proportionality", "non_discrimination", "positive_obligation",
      "conflict", "per_se", "presumptive", "concern", "practice", "assessment", "obligation", "good_practice", "fails",
      "may_fail", "passes", "undetermined", "not_applicable", "unassessed"};
  return syntax::is_reserved_word(name) || closed_lists.count(name) != 0;
}

struct Token {
  std::string word;
  bool in_string = false;
  int line = 0;
};

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The words of a string literal's text; a document id (`kz-ngo-2025`) is one word.
void string_words(const std::string& text, int line, std::vector<Token>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!word_char(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() &&
           (word_char(text[end]) || (text[end] == '-' && end + 1 < text.size() && word_char(text[end + 1]) && end > i)))
      ++end;
    out.push_back({text.substr(i, end - i), true, line});
    i = end;
  }
}

// The identifiers and string-literal words of a C++ source, comments left out.
std::vector<Token> tokens(const std::string& source) {
  std::vector<Token> out;
  int line = 1;
  std::size_t i = 0;
  auto advance = [&](std::size_t to) {
    for (; i < to && i < source.size(); ++i)
      if (source[i] == '\n')
        ++line;
  };
  while (i < source.size()) {
    char c = source[i];
    if (source.compare(i, 2, "//") == 0) {
      advance(source.find('\n', i) == std::string::npos ? source.size() : source.find('\n', i));
    } else if (source.compare(i, 2, "/*") == 0) {
      auto end = source.find("*/", i + 2);
      advance(end == std::string::npos ? source.size() : end + 2);
    } else if (source.compare(i, 3, "R\"(") == 0 || source.compare(i, 5, "R\"re(") == 0) {
      std::string close = source.compare(i, 3, "R\"(") == 0 ? ")\"" : ")re\"";
      std::size_t open = i + (close.size() == 2 ? 3 : 5);
      auto end = source.find(close, open);
      end = end == std::string::npos ? source.size() : end;
      string_words(source.substr(open, end - open), line, out);
      advance(end + close.size());
    } else if (c == '"' || c == '\'') {
      std::string text;
      std::size_t j = i + 1;
      while (j < source.size() && source[j] != c && source[j] != '\n') {
        if (source[j] == '\\' && j + 1 < source.size()) {
          text += ' '; // an escape (`\n`) separates words
          j += 2;
          continue;
        }
        text += source[j++];
      }
      if (c == '"')
        string_words(text, line, out);
      advance(j + 1);
    } else if (word_char(c)) {
      std::size_t end = i;
      while (end < source.size() && word_char(source[end]))
        ++end;
      if (!(c >= '0' && c <= '9'))
        out.push_back({source.substr(i, end - i), false, line});
      advance(end);
    } else {
      advance(i + 1);
    }
  }
  return out;
}

std::vector<fs::path> engine_sources() {
  std::vector<fs::path> files;
  for (const char* root : {"engine", "cli"})
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(source_dir()) / root))
      if (entry.path().extension() == ".cpp" || entry.path().extension() == ".hpp")
        files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace

TEST_CASE("the tokenizer reads identifiers and the words of strings, not comments", "[vocabulary]") {
  auto words = [](const std::string& source) {
    std::vector<std::string> out;
    for (const auto& t : tokens(source))
      out.push_back(t.word + (t.in_string ? "\"" : ""));
    return out;
  };
  CHECK(words("int bylaw = 1; // constitution") == std::vector<std::string>{"int", "bylaw"});
  CHECK(words("f(\"see `kz-ngo-2025 para 45`\");") ==
        std::vector<std::string>{"f", "see\"", "kz-ngo-2025\"", "para\"", "45\""});
  CHECK(words("/* aim */ x(\"a\\nb\")") == std::vector<std::string>{"x", "a\"", "b\""});
  CHECK(words("R\"(public_order)\"") == std::vector<std::string>{"public_order\""});
}

TEST_CASE("no name the rule base or the laws declare appears in the engine's code", "[vocabulary]") {
  std::set<std::string> names = declared_names();
  // A sample of what the corpus declares, so that the test cannot pass on an empty set.
  for (const char* name : {"aim", "public_order", "bylaw", "prescribed_by_law", "kz-ngo-2025", "iccpr", "art21"})
    CHECK(names.count(name) == 1);
  // Ordinary English words that the corpus also declares, which name something else in
  // the code; none of them is read as the corpus's name:
  // - `candidate` (a member of the person's role): a local variable of the "did you mean"
  //   lookups;
  // - `code` (a level of national law): HTML and Markdown `<code>` markup, error codes and
  //   Unicode code points;
  // - `role` (a person attribute): the purpose an enum is declared for (`enum aim for
  //   aims`), in the AST, the formatter and the resolver.
  const std::set<std::string> allowed = {"candidate", "code", "role"};
  std::vector<std::string> found;
  for (const auto& file : engine_sources()) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    for (const auto& token : tokens(text.str()))
      if (names.count(token.word) && !language_word(token.word) && !allowed.count(token.word))
        found.push_back(fs::relative(file, source_dir()).generic_string() + ":" + std::to_string(token.line) + ": `" +
                        token.word + "`" + (token.in_string ? " in a string" : ""));
  }
  std::string report;
  for (const auto& f : found)
    report += f + "\n";
  INFO(report);
  CHECK(found.empty());
}
