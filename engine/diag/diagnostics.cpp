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
  error_count_ = static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
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

void render_location(std::string& out, const Span& span, const RenderOptions& options) {
  if (!span.valid())
    return;
  auto lc = span.file->line_col(span.begin);
  auto line = span.file->line_text(lc.line);
  std::string number = std::to_string(lc.line);
  std::string gutter(number.size(), ' ');
  const char* blue = options.color ? "\x1b[1;34m" : "";
  const char* reset = options.color ? "\x1b[0m" : "";
  out += gutter + blue + " |" + reset + "\n";
  out += blue + number + " |" + reset + " " + printable(line) + "\n";
  std::size_t indent = display_width(line, lc.column - 1);
  std::size_t length = 1;
  if (span.end > span.begin) {
    auto end_lc = span.file->line_col(span.end);
    if (end_lc.line == lc.line && end_lc.column > lc.column)
      length = display_width(line, end_lc.column - 1) - indent;
  }
  out += gutter + blue + " |" + reset + " " + std::string(indent, ' ') +
         (options.color ? "\x1b[1;31m" : "") + std::string(length, '^') + reset + "\n";
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
