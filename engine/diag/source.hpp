// engine/diag — source files and diagnostics shared by every stage.
// Takes: file bytes. Gives: line/column lookup and a store of diagnostics as data
// (id, severity, span, message, notes) that stages fill and the CLI renders late.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace siracusa {

// One loaded file. Offsets are byte offsets into `text`; columns are counted in
// Unicode code points so that carets line up under Cyrillic text too.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  struct LineCol {
    std::uint32_t line;   // 1-based
    std::uint32_t column; // 1-based, in code points
  };
  LineCol line_col(std::size_t offset) const;
  std::string_view line_text(std::uint32_t line) const;
  std::size_t line_count() const { return line_starts_.size(); }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

using SourcePtr = std::shared_ptr<const SourceFile>;

// A half-open byte range in one file.
struct Span {
  SourcePtr file;
  std::size_t begin = 0;
  std::size_t end = 0;

  bool valid() const { return file != nullptr; }
};

} // namespace siracusa
