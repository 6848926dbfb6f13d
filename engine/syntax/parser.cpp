#include "syntax/parsed_file.hpp"

#include "diag/utf8.hpp"
#include "syntax/grammar.hpp"
#include "syntax/keywords.hpp"

#include <cerrno>
#include <optional>
#include <sstream>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace siracusa::syntax {

void ParsedFileDeleter::operator()(ParsedFile* file) const noexcept {
  delete file;
}

const SourcePtr& source_of(const ParsedFile& file) {
  return file.source;
}

std::size_t declaration_count(const ParsedFile& file) {
  return file.ast.declarations.size();
}

Span ParsedFile::span(const x3::position_tagged& node) const {
  auto [begin, end] = positions_.offsets(node, source->text().begin());
  return Span{source, begin, end};
}

Span ParsedFile::head(const x3::position_tagged& node, std::size_t length) const {
  auto s = span(node);
  s.end = std::min(s.end, s.begin + length);
  return s;
}

namespace {

bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  return decode_utf8(text, i).length;
}

// Calls `visit(c, offset)` for each bracket in [from, until) that is not inside a string
// or a comment, until it returns false.
template <typename Visit>
void for_each_bracket(const std::string& text, std::size_t from, std::size_t until, Visit visit) {
  bool in_string = false;
  for (std::size_t i = from; i < until && i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"' || c == '\n')
        in_string = false;
      continue;
    }
    if (c == '#') {
      while (i < text.size() && text[i] != '\n')
        ++i;
    } else if (c == '"') {
      in_string = true;
    } else if ((c == '(' || c == '{' || c == '[' || c == ')' || c == '}' || c == ']') && !visit(c, i)) {
      return;
    }
  }
}

// The checks that protect the grammar: it must never see binary data, invalid text or
// nesting deep enough to exhaust the stack.
bool check_bytes(const SourcePtr& source, Diagnostics& diagnostics, const ParseLimits& limits) {
  const std::string& text = source->text();
  if (text.size() > limits.max_bytes) {
    diagnostics.error("E0004", Span{source, 0, 0},
                      "file is too large (" + std::to_string(text.size()) + " bytes; the limit is " +
                          std::to_string(limits.max_bytes) + ")");
    return false;
  }
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') {
      diagnostics.error("E0003", Span{source, i, i + 1}, "this looks like a binary file (it contains a NUL byte)")
          .notes.push_back({{}, "rule files are UTF-8 text"});
      return false;
    }
    std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      diagnostics.error("E0002", Span{source, i, i + 1}, "invalid UTF-8 byte sequence")
          .notes.push_back({{}, "rule files must be UTF-8; re-save the file with UTF-8 encoding"});
      return false;
    }
    i += length;
  }
  std::size_t depth = 0;
  bool too_deep = false;
  for_each_bracket(text, 0, text.size(), [&](char c, std::size_t i) {
    if (c == ')' || c == '}' || c == ']') {
      depth -= depth > 0 ? 1 : 0;
      return true;
    }
    if (++depth <= limits.max_nesting)
      return true;
    diagnostics
        .error("E0005", Span{source, i, i + 1},
               "nesting is too deep (more than " + std::to_string(limits.max_nesting) + " levels of brackets)")
        .notes.push_back({{}, "split the expression into smaller tests"});
    too_deep = true;
    return false;
  });
  if (too_deep)
    return false;
  return true;
}

std::vector<ast::Comment> collect_comments(const std::string& text) {
  std::vector<ast::Comment> comments;
  bool in_string = false;
  bool line_blank = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      in_string = false;
      line_blank = true;
      continue;
    }
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '#') {
      std::size_t end = text.find('\n', i);
      if (end == std::string::npos)
        end = text.size();
      std::size_t trimmed = end;
      while (trimmed > i && (text[trimmed - 1] == ' ' || text[trimmed - 1] == '\t' || text[trimmed - 1] == '\r'))
        --trimmed;
      comments.push_back({i, text.substr(i, trimmed - i), line_blank});
      i = end - 1;
      continue;
    }
    if (c != ' ' && c != '\t' && c != '\r')
      line_blank = false;
  }
  return comments;
}

std::size_t skip_blank(const std::string& text, std::size_t i) {
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n')
        ++i;
    } else {
      break;
    }
  }
  return i;
}

// What the user wrote at `i`, for "found ..." in messages.
std::string describe_token(const std::string& text, std::size_t i) {
  i = skip_blank(text, i);
  if (i >= text.size())
    return "end of file";
  char c = text[i];
  if (is_ident_char(c)) {
    std::size_t end = i;
    while (end < text.size() && is_ident_char(text[end]))
      ++end;
    std::string word = text.substr(i, end - i);
    return (is_reserved_word(word) ? "keyword `" : "`") + word + "`";
  }
  if (c == '"')
    return "a string";
  if (c == '\n')
    return "end of line";
  if (static_cast<unsigned char>(c) >= 0x80) {
    std::size_t length = utf8_sequence_length(text, i);
    return "`" + text.substr(i, length == 0 ? 1 : length) + "`";
  }
  return std::string("`") + c + "`";
}

std::size_t token_length(const std::string& text, std::size_t i) {
  if (i >= text.size())
    return 0;
  if (is_ident_char(text[i])) {
    std::size_t end = i;
    while (end < text.size() && is_ident_char(text[end]))
      ++end;
    return end - i;
  }
  return 1;
}

// X3 names literals `'}'` or `"title"`; users read `}`.
std::string plain_expectation(const std::string& which) {
  if (which.size() >= 2 && (which.front() == '\'' || which.front() == '"') && which.back() == which.front())
    return "`" + which.substr(1, which.size() - 2) + "`";
  return which;
}

struct OpenBlock {
  std::string kind;
  std::string name;
  std::size_t offset = 0;
};

// The innermost `{` still open at `until`, with the words that introduced it
// (`provision art10 {` gives kind provision, name art10).
std::optional<OpenBlock> innermost_open_block(const std::string& text, std::size_t from, std::size_t until) {
  std::vector<std::size_t> stack;
  for_each_bracket(text, from, until, [&](char c, std::size_t i) {
    if (c == '{')
      stack.push_back(i);
    else if (c == '}' && !stack.empty())
      stack.pop_back();
    return true;
  });
  if (stack.empty())
    return std::nullopt;
  std::size_t brace = stack.back();
  std::size_t line_start = text.rfind('\n', brace);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  std::istringstream header(text.substr(line_start, brace - line_start));
  OpenBlock block;
  block.offset = brace;
  header >> block.kind >> block.name;
  if (block.kind == "amends" || block.kind == "provision" || block.kind == "law" || block.kind == "right" ||
      block.kind == "test" || block.kind == "document" || block.kind == "jurisdiction" || block.kind == "amendment" ||
      block.kind == "enum" || block.kind == "person" || block.kind == "duty") {
    return block;
  }
  // A `{` inside an expression or value (a set): name it by what it is.
  block.kind = "set";
  block.name.clear();
  return block;
}

// What a block may hold, for the note of an unclosed block.
std::optional<std::string> clauses_of(const std::string& kind) {
  if (const BlockClauses* block = clauses_of_block(kind))
    return describe_clauses(*block);
  if (kind == "amends")
    return "`amends` holds `set`, `change` and `remove` lines";
  if (kind == "person")
    return "a person block holds attributes: `name: type [protected] [\"doc\"]`";
  return std::nullopt;
}

// A misspelt or misplaced clause keyword at the start of the line where parsing failed
// in block `kind`: `sourse: kz-ngo-2025 para 45` in a provision reads `sourse` as a fact
// and fails later, at `para`; in a document it fails at `sourse` itself. The note points
// at the word when the failure is elsewhere on the line.
std::optional<Note> misspelt_clause(const SourcePtr& source, const std::string& kind, std::size_t at) {
  const std::string& text = source->text();
  if (at > text.size())
    return std::nullopt;
  std::size_t line_start = at == 0 ? 0 : text.rfind('\n', at - 1);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  std::size_t begin = line_start;
  while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\t'))
    ++begin;
  std::size_t end = begin;
  while (end < text.size() && is_ident_char(text[end]))
    ++end;
  auto skip_spaces = [&](std::size_t i) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
      ++i;
    return i;
  };
  std::size_t colon = skip_spaces(end);
  // Two words before the `:`, as in `fail when:`.
  if (colon < text.size() && is_ident_char(text[colon])) {
    std::size_t second = colon;
    while (second < text.size() && is_ident_char(text[second]))
      ++second;
    if (std::size_t after = skip_spaces(second); after < text.size() && text[after] == ':') {
      end = second;
      colon = after;
    }
  }
  if (end == begin || colon >= text.size() || text[colon] != ':' || begin > at)
    return std::nullopt;
  std::string word = text.substr(begin, end - begin);
  // One space between two words, however they were written.
  if (auto space = word.find_first_of(" \t"); space != std::string::npos)
    word = word.substr(0, space) + " " + word.substr(word.find_last_of(" \t") + 1);
  auto suggestion = suggest_clause(kind, word);
  if (!suggestion)
    return std::nullopt;
  // In a provision any name may start a fact: one a few letters from another block's
  // clause (`sources:`) is more likely a fact than that clause misplaced.
  if (kind == "provision" && !suggestion->other_blocks.empty() && suggestion->clause != word)
    return std::nullopt;
  std::string message = suggestion_note(kind, word, *suggestion);
  if (begin == at)
    return Note{{}, message};
  return Note{Span{source, begin, end}, message};
}

void report_expectation(const SourcePtr& source, std::size_t declaration_start, std::size_t where,
                        const std::string& which, Diagnostics& diagnostics) {
  const std::string& text = source->text();
  std::size_t at = skip_blank(text, where);
  // At the end of the file the span is empty (the caret still shows): never past the text.
  Span span{source, at, std::min(text.size(), at + std::max<std::size_t>(1, token_length(text, at)))};
  std::string expected = plain_expectation(which);
  std::string found = describe_token(text, where);

  if (which == "a string in double quotes" || which == "'\"'") {
    // An unterminated string: the grammar stopped at the end of the line.
    if (at < text.size() && (text[where] == '\n' || where >= text.size())) {
      std::size_t open = text.rfind('"', where == 0 ? 0 : where - 1);
      Span opened{source, open == std::string::npos ? where : open, (open == std::string::npos ? where : open) + 1};
      diagnostics.error("E0104", opened, "string is not closed before the end of the line")
          .notes.push_back({{},
                            "close it with `\"`; to continue a long text on the next line, close it and start "
                            "another string: adjacent strings are joined"});
      return;
    }
  }
  if (which.rfind("an escape", 0) == 0 || which.rfind("a code point", 0) == 0) {
    // Point at the whole escape: from its backslash (`\q`, `\u{D800}`) to its end.
    std::size_t begin = where == 0 ? 0 : where - 1;
    std::size_t backslash = where < text.size() ? text.rfind('\\', where) : std::string::npos;
    if (backslash != std::string::npos && where - backslash <= 3)
      begin = backslash;
    std::size_t end = std::min(text.size(), where + 1);
    if (begin + 1 < text.size() && text[begin] == '\\' && text[begin + 1] == 'u') {
      std::size_t close = text.find_first_of("}\"\n", begin);
      if (close != std::string::npos && text[close] == '}')
        end = close + 1;
    }
    diagnostics.error("E0103", Span{source, begin, std::min(text.size(), std::max(end, begin + 1))},
                      "unknown escape in string; expected \\n, \\t, \\\", \\\\ or \\u{...} (a valid code point)");
    return;
  }
  if (expected == "`}`") {
    if (auto block = innermost_open_block(text, declaration_start, where)) {
      auto lc = source->line_col(block->offset);
      std::string what = block->kind == "set" ? std::string("the set")
                                              : block->kind + (block->name.empty() ? "" : " `" + block->name + "`");
      auto& d = diagnostics.error("E0102", span,
                                  "expected `}` to close " + what + " opened at " + std::to_string(lc.line) + ":" +
                                      std::to_string(lc.column) + ", found " + found);
      if (auto note = misspelt_clause(source, block->kind, at))
        d.notes.push_back(*note);
      if (auto clauses = clauses_of(block->kind))
        d.notes.push_back({{}, *clauses});
      return;
    }
  }
  auto& d = diagnostics.error("E0101", span, "expected " + expected + ", found " + found);
  if (found.rfind("keyword ", 0) == 0 && (which == "a name" || which == "names separated by `,`"))
    d.notes.push_back({{}, found.substr(8) + " is a reserved word of the language and cannot be used as a name"});
  if (auto block = innermost_open_block(text, declaration_start, where))
    if (auto note = misspelt_clause(source, block->kind, at))
      d.notes.push_back(*note);
}

// Whether a line starts at `i` with a top-level keyword in its first column.
bool starts_declaration_line(const std::string& text, std::size_t i) {
  if (i >= text.size() || (i > 0 && text[i - 1] != '\n'))
    return false;
  std::size_t end = i;
  while (end < text.size() && is_ident_char(text[end]))
    ++end;
  return end > i && is_top_level_keyword(std::string_view(text).substr(i, end - i));
}

// The next line that starts, in its first column, with a top-level keyword.
std::size_t resynchronise(const std::string& text, std::size_t from) {
  std::size_t i = text.find('\n', from);
  while (i != std::string::npos) {
    ++i;
    std::size_t end = i;
    while (end < text.size() && is_ident_char(text[end]))
      ++end;
    if (end > i && is_top_level_keyword(std::string_view(text).substr(i, end - i)))
      return i;
    i = text.find('\n', i);
  }
  return text.size();
}

} // namespace

ParsedFilePtr parse(SourcePtr source, Diagnostics& diagnostics, const ParseLimits& limits) {
  ParsedFilePtr parsed(new ParsedFile());
  parsed->source = source;
  if (!check_bytes(source, diagnostics, limits))
    return parsed;
  const std::string& text = source->text();
  parsed->ast.comments = collect_comments(text);
  // A byte-order mark, as some editors write, is not part of the text.
  std::size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;

  NestingDepth nesting;
  nesting.limit = limits.max_expression_depth;
  auto const parser = x3::with<nesting_tag>(
      std::ref(nesting))[x3::with<position_store_tag>(std::ref(parsed->positions()))[declaration()]];
  std::size_t offset = skip_blank(text, start);
  while (offset < text.size()) {
    iterator_type it = text.begin() + static_cast<std::ptrdiff_t>(offset);
    ast::Declaration node;
    nesting.current = 0;
    try {
      if (x3::phrase_parse(it, text.end(), parser, skipper, node)) {
        parsed->ast.declarations.push_back(std::move(node));
        offset = skip_blank(text, static_cast<std::size_t>(it - text.begin()));
        continue;
      }
      report_expectation(source, offset, offset, declaration().name, diagnostics);
    } catch (const x3::expectation_failure<iterator_type>& failure) {
      std::size_t where = static_cast<std::size_t>(failure.where() - text.begin());
      report_expectation(source, offset, where, failure.which(), diagnostics);
      // A block left open just before the next declaration (`}` missing, then `fact x`
      // in column 1): resume at that declaration instead of skipping it.
      std::size_t at = skip_blank(text, where);
      if (at > offset && starts_declaration_line(text, at)) {
        offset = at;
        continue;
      }
      offset = where;
    } catch (const NestingTooDeep& failure) {
      std::size_t where = static_cast<std::size_t>(failure.where - text.begin());
      diagnostics
          .error(
              "E0006",
              Span{source, where, std::min(text.size(), where + std::max<std::size_t>(1, token_length(text, where)))},
              "expression nests too deep (more than " + std::to_string(limits.max_expression_depth) +
                  " levels of brackets, `not`, `-`, quantifiers and `person where`)")
          .notes.push_back({{}, "split the condition into smaller tests or name parts of it as predicates"});
      offset = where;
    }
    offset = skip_blank(text, resynchronise(text, offset));
  }
  return parsed;
}

SourcePtr read_source(const std::string& path, Diagnostics& diagnostics, const Span& requested_at,
                      const ParseLimits& limits, const std::string& display) {
  // Opened without blocking and checked on the open descriptor: a FIFO must not wait
  // for a writer, and a device (`/dev/zero`) or FIFO must be refused before any read,
  // since reading one may never end.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    bool folder = errno == EISDIR;
    diagnostics.error("E0001", requested_at,
                      folder ? "`" + path + "` is a folder, not a rule file"
                             : "cannot read `" + path + "`: no such file or it is not readable");
    return nullptr;
  }
  struct Close {
    int fd;
    ~Close() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    diagnostics.error("E0001", requested_at, "cannot read `" + path + "`");
    return nullptr;
  }
  if (S_ISDIR(info.st_mode)) {
    diagnostics.error("E0001", requested_at, "`" + path + "` is a folder, not a rule file");
    return nullptr;
  }
  if (!S_ISREG(info.st_mode)) {
    const char* what = S_ISFIFO(info.st_mode)                           ? "a FIFO"
                       : S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode) ? "a device"
                       : S_ISSOCK(info.st_mode)                         ? "a socket"
                                                                        : "not a regular file";
    diagnostics.error("E0007", requested_at, "`" + path + "` is " + what + ", not a rule file")
        .notes.push_back({{}, "rule files are regular files"});
    return nullptr;
  }
  auto too_large = [&](std::uint64_t size) {
    // Not read at all: the location is the file itself.
    diagnostics.error("E0004", Span{std::make_shared<SourceFile>(display.empty() ? path : display, ""), 0, 0},
                      "file is too large (" + std::to_string(size) + " bytes; the limit is " +
                          std::to_string(limits.max_bytes) + ")");
    return nullptr;
  };
  if (static_cast<std::uint64_t>(info.st_size) > limits.max_bytes)
    return too_large(static_cast<std::uint64_t>(info.st_size));
  // The size can change while reading (or be 0 for /proc files): read to the end, but
  // never past the limit.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string content;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      diagnostics.error("E0001", requested_at, "cannot read `" + path + "`");
      return nullptr;
    }
    if (n == 0)
      break;
    content.append(buffer, static_cast<std::size_t>(n));
    if (content.size() > limits.max_bytes)
      return too_large(content.size());
  }
  return std::make_shared<SourceFile>(path, std::move(content));
}

} // namespace siracusa::syntax
