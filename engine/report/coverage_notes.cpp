#include "report/coverage_notes.hpp"

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace siracusa::report {

std::optional<std::vector<CoverageNote>> read_coverage_notes(const std::string& path, const std::string& display,
                                                             const model::Document& document,
                                                             Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error("E0022", {}, "cannot read the notes file `" + display + "`");
    return std::nullopt;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto file = std::make_shared<SourceFile>(display, bytes.str());
  const std::string& text = file->text();
  static const std::regex line_form(
      R"(^[ \t]*([0-9]{1,9})(?:[ \t]*-[ \t]*([0-9]{1,9}))?[ \t]*:[ \t]*(\S.*?)[ \t\r]*$)");
  std::vector<CoverageNote> notes;
  std::map<int, std::size_t> noted_at; // paragraph -> offset of the line that noted it
  bool ok = true;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line = text.substr(start, end - start);
    std::size_t first = line.find_first_not_of(" \t\r");
    Span span{file, start, end};
    if (first != std::string::npos && line[first] != '#') {
      std::smatch m;
      if (!std::regex_match(line, m, line_form)) {
        diagnostics.error("E0022", span, "a note is `N: text` or `N-M: text`, with N a paragraph number")
            .notes.push_back({{}, "comments start with `#`"});
        ok = false;
      } else {
        CoverageNote note{std::stoi(m[1].str()), m[2].matched ? std::stoi(m[2].str()) : std::stoi(m[1].str()),
                          m[3].str()};
        const auto& range = *document.paragraphs;
        if (note.low > note.high || note.low < range.low || note.high > range.high) {
          diagnostics.error("E0022", span,
                            "`" + document.id + "` has paragraphs " + std::to_string(range.low) + " to " +
                                std::to_string(range.high) + "; this note is for " + m[1].str() +
                                (m[2].matched ? "-" + m[2].str() : ""));
          ok = false;
        } else {
          bool twice = false;
          for (int p = note.low; p <= note.high && !twice; ++p) {
            auto [it, inserted] = noted_at.emplace(p, start);
            if (!inserted) {
              auto& d = diagnostics.error("E0022", span, "paragraph " + std::to_string(p) + " has a note already");
              std::size_t other_end = std::min(text.find('\n', it->second), text.size());
              d.notes.push_back({Span{file, it->second, other_end}, "the first note is here"});
              twice = true;
              ok = false;
            }
          }
          if (!twice)
            notes.push_back(std::move(note));
        }
      }
    }
    start = end + 1;
  }
  if (!ok)
    return std::nullopt;
  return notes;
}

} // namespace siracusa::report
