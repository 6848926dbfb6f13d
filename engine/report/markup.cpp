#include "report/markup.hpp"

#include <vector>

namespace siracusa::report {

namespace {

// The text split at backticks: even parts are prose, odd parts code. An unmatched last
// backtick belongs to the prose.
std::vector<std::string> backtick_parts(const std::string& text) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == '`')
      parts.emplace_back();
    else
      parts.back() += c;
  }
  if (parts.size() % 2 == 0) {
    // Odd number of backticks: rejoin the last code part with the prose before it.
    std::string last = parts.back();
    parts.pop_back();
    parts.back() += "`" + last;
  }
  return parts;
}

} // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string html_inline(const std::string& text) {
  auto parts = backtick_parts(text);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += i % 2 == 1 ? "<code>" + html_escape(parts[i]) + "</code>" : html_escape(parts[i]);
  return out;
}

std::string markdown_inline(const std::string& text) {
  auto parts = backtick_parts(text);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i % 2 == 1) {
      std::string code;
      for (char c : parts[i])
        code += (c == '\n' || c == '\r') ? ' ' : c;
      out += "`" + code + "`";
      continue;
    }
    for (char c : parts[i]) {
      switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '#':
      case '~':
      case '&':
      case '!':
        out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += c;
      }
    }
  }
  return out;
}

} // namespace siracusa::report
