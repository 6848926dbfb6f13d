#include "diag/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace siracusa {

Diagnostic& Diagnostics::error(std::string id, Span span, std::string message) {
  ++error_count_;
  items_.push_back(Diagnostic{std::move(id), Severity::error, std::move(span), std::move(message), {}});
  return items_.back();
}

Diagnostic& Diagnostics::warning(std::string id, Span span, std::string message) {
  items_.push_back(Diagnostic{std::move(id), Severity::warning, std::move(span), std::move(message), {}});
  return items_.back();
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) {
    items_.push_back(d);
    if (d.severity == Severity::error)
      ++error_count_;
  }
}

void Diagnostics::sort() {
  auto key = [](const Diagnostic& d) {
    const std::string empty;
    return std::make_tuple(d.span.file ? d.span.file->path() : empty, d.span.begin, d.id, d.message);
  };
  std::stable_sort(items_.begin(), items_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  // The same problem reached twice (e.g. through two imports) is reported once.
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
               items_.end());
  error_count_ = static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

namespace {

const char* severity_name(Severity s) {
  switch (s) {
  case Severity::error:
    return "error";
  case Severity::warning:
    return "warning";
  case Severity::note:
    return "note";
  }
  return "error";
}

const char* severity_color(Severity s) {
  switch (s) {
  case Severity::error:
    return "\x1b[1;31m";
  case Severity::warning:
    return "\x1b[1;33m";
  case Severity::note:
    return "\x1b[1;36m";
  }
  return "";
}

// Replaces control characters so a binary file cannot garble the terminal.
std::string printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\t')
      out += "    ";
    else if (u < 0x20 || u == 0x7F)
      out += '?';
    else
      out += c;
  }
  return out;
}

std::size_t display_width(std::string_view line, std::size_t code_points) {
  // Tabs were widened to four spaces by printable(); count them the same way.
  std::size_t width = 0;
  std::size_t seen = 0;
  for (std::size_t i = 0; i < line.size() && seen < code_points; ++i) {
    auto u = static_cast<unsigned char>(line[i]);
    if ((u & 0xC0U) == 0x80U)
      continue;
    width += line[i] == '\t' ? 4 : 1;
    ++seen;
  }
  return width;
}

// Byte offset of code point `n` in `line` (or its size).
std::size_t byte_of_code_point(std::string_view line, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0U) == 0x80U)
      continue;
    if (seen++ == n)
      return i;
  }
  return line.size();
}

std::size_t code_points(std::string_view line) {
  std::size_t n = 0;
  for (char c : line)
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U)
      ++n;
  return n;
}

// Lines longer than this are shown as a window around the caret, so that a file with a
// 20,000-character line does not flood the terminal.
constexpr std::size_t max_shown = 120;
constexpr std::size_t context_before = 40;

void render_location(std::string& out, const Span& span, const RenderOptions& options) {
  // A file that was never read (too large) has no line to show.
  if (!span.valid() || span.file->text().empty())
    return;
  auto lc = span.file->line_col(span.begin);
  std::string_view line = span.file->line_text(lc.line);
  std::size_t column = lc.column - 1; // code points before the caret
  std::size_t length = 1;
  if (span.end > span.begin) {
    auto end_lc = span.file->line_col(span.end);
    if (end_lc.line == lc.line && end_lc.column > lc.column)
      length = end_lc.column - lc.column;
  }
  std::string prefix;
  std::string suffix;
  std::size_t total = code_points(line);
  if (total > max_shown) {
    std::size_t first = column > context_before ? column - context_before : 0;
    std::size_t last = std::min(total, first + max_shown);
    if (first > 0)
      prefix = "...";
    if (last < total)
      suffix = "...";
    std::size_t begin = byte_of_code_point(line, first);
    line = line.substr(begin, byte_of_code_point(line, last) - begin);
    column -= first;
    length = std::max<std::size_t>(1, std::min(length, last - first - std::min(column, last - first)));
  }
  std::string number = std::to_string(lc.line);
  std::string gutter(number.size(), ' ');
  const char* blue = options.color ? "\x1b[1;34m" : "";
  const char* reset = options.color ? "\x1b[0m" : "";
  out += gutter + blue + " |" + reset + "\n";
  out += blue + number + " |" + reset + " " + prefix + printable(line) + suffix + "\n";
  std::size_t indent = prefix.size() + display_width(line, column);
  std::size_t width = display_width(line, column + length) - display_width(line, column);
  out += gutter + blue + " |" + reset + " " + std::string(indent, ' ') + (options.color ? "\x1b[1;31m" : "") +
         std::string(std::max<std::size_t>(1, width), '^') + reset + "\n";
}

std::string location_prefix(const Span& span) {
  if (!span.valid())
    return "siracusa: ";
  auto lc = span.file->line_col(span.begin);
  return span.file->path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": ";
}

} // namespace

std::string render(const Diagnostic& d, const RenderOptions& options) {
  std::string out;
  const char* bold = options.color ? "\x1b[1m" : "";
  const char* reset = options.color ? "\x1b[0m" : "";
  out += bold + location_prefix(d.span) + reset;
  out += options.color ? severity_color(d.severity) : "";
  out += std::string(severity_name(d.severity)) + "[" + d.id + "]";
  out += reset;
  out += std::string(": ") + bold + d.message + reset + "\n";
  render_location(out, d.span, options);
  for (const auto& note : d.notes) {
    if (note.span.valid()) {
      out += location_prefix(note.span) + "note: " + note.message + "\n";
      render_location(out, note.span, options);
    } else {
      out += "  = note: " + note.message + "\n";
    }
  }
  return out;
}

std::string render_all(const Diagnostics& diagnostics, const RenderOptions& options) {
  std::string out;
  for (const auto& d : diagnostics.all())
    out += render(d, options);
  return out;
}

} // namespace siracusa
