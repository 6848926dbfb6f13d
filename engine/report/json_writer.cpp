#include "report/json_writer.hpp"

#include <algorithm>
#include <charconv>

namespace siracusa::report {

namespace {

// The length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlong forms, no
// surrogates, nothing past U+10FFFF), or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0U; };
  auto tail = [](unsigned c) { return c >= 0x80 && c <= 0xBF; };
  unsigned c = at(i);
  if (c >= 0xC2 && c <= 0xDF)
    return tail(at(i + 1)) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned low = c == 0xE0 ? 0xA0 : 0x80;
    unsigned high = c == 0xED ? 0x9F : 0xBF;
    unsigned c1 = at(i + 1);
    return c1 >= low && c1 <= high && tail(at(i + 2)) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned low = c == 0xF0 ? 0x90 : 0x80;
    unsigned high = c == 0xF4 ? 0x8F : 0xBF;
    unsigned c1 = at(i + 1);
    return c1 >= low && c1 <= high && tail(at(i + 2)) && tail(at(i + 3)) ? 4 : 0;
  }
  return 0;
}

} // namespace

JsonStream::JsonStream(std::ostream& out) : out_(out) {}

void JsonStream::flush() {
  out_.flush();
}

void JsonStream::raw(std::string_view text) {
  out_ += text;
}

void JsonStream::indent(std::size_t depth) {
  static const std::string spaces(64, ' ');
  for (std::size_t n = 2 * depth; n > 0;) {
    std::size_t step = std::min(n, spaces.size());
    out_ += std::string_view(spaces.data(), step);
    n -= step;
  }
}

// A member or element after the first is preceded by a comma; each starts on a line of
// its own, indented by its depth.
void JsonStream::separate() {
  Level& level = levels_.back();
  out_ += level.members == 0 ? "\n" : ",\n";
  ++level.members;
  indent(levels_.size());
}

void JsonStream::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!levels_.empty())
    separate();
}

// An empty container closes on the line it opened on (`[]`), as nlohmann writes it.
void JsonStream::close(char bracket) {
  Level level = levels_.back();
  levels_.pop_back();
  if (level.members > 0) {
    out_ += '\n';
    indent(levels_.size());
  }
  out_ += bracket;
}

void JsonStream::begin_object() {
  before_value();
  out_ += '{';
  levels_.push_back({true, 0});
}

void JsonStream::end_object() {
  close('}');
}

void JsonStream::begin_array() {
  before_value();
  out_ += '[';
  levels_.push_back({false, 0});
}

void JsonStream::end_array() {
  close(']');
}

JsonOut& JsonStream::key(std::string_view name) {
  separate();
  escaped(name);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

void JsonStream::string(std::string_view s) {
  before_value();
  escaped(s);
}

void JsonStream::escaped(std::string_view s) {
  out_ += '"';
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t n = utf8_length(s, i);
      if (n == 0) {
        // Not UTF-8: nlohmann's dump reports it (type_error 316), as the report always has.
        out_ += s.substr(start, i - start);
        out_ += nlohmann::ordered_json(std::string(s.substr(i))).dump().substr(1);
        return;
      }
      i += n;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out_ += s.substr(start, i - start);
    switch (c) {
    case '"':
      out_ += "\\\"";
      break;
    case '\\':
      out_ += "\\\\";
      break;
    case '\b':
      out_ += "\\b";
      break;
    case '\t':
      out_ += "\\t";
      break;
    case '\n':
      out_ += "\\n";
      break;
    case '\f':
      out_ += "\\f";
      break;
    case '\r':
      out_ += "\\r";
      break;
    default: {
      static const char hex[] = "0123456789abcdef";
      out_ += "\\u00";
      out_ += hex[c >> 4];
      out_ += hex[c & 0xF];
    }
    }
    start = ++i;
  }
  out_ += s.substr(start);
  out_ += '"';
}

void JsonStream::signed_number(std::int64_t n) {
  before_value();
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out_ += std::string_view(digits, static_cast<std::size_t>(end - digits));
}

void JsonStream::unsigned_number(std::uint64_t n) {
  before_value();
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out_ += std::string_view(digits, static_cast<std::size_t>(end - digits));
}

void JsonStream::boolean(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonStream::null() {
  before_value();
  out_ += "null";
}

void JsonStream::tree(const nlohmann::ordered_json& value) {
  using nlohmann::ordered_json;
  switch (value.type()) {
  case ordered_json::value_t::object:
    begin_object();
    for (const auto& [name, member] : value.items()) {
      key(name);
      tree(member);
    }
    end_object();
    return;
  case ordered_json::value_t::array:
    begin_array();
    for (const auto& element : value)
      tree(element);
    end_array();
    return;
  case ordered_json::value_t::string:
    string(value.get_ref<const std::string&>());
    return;
  case ordered_json::value_t::number_integer:
    signed_number(value.get<std::int64_t>());
    return;
  case ordered_json::value_t::number_unsigned:
    unsigned_number(value.get<std::uint64_t>());
    return;
  case ordered_json::value_t::boolean:
    boolean(value.get<bool>());
    return;
  case ordered_json::value_t::null:
    null();
    return;
  default:
    // Floating point and binary values do not depend on the indentation: nlohmann's own
    // text for them.
    before_value();
    out_ += value.dump();
    return;
  }
}

nlohmann::ordered_json& JsonTree::place(nlohmann::ordered_json value) {
  if (open_.empty()) {
    if (!has_root_) {
      root_ = std::move(value);
      has_root_ = true;
    }
    return root_;
  }
  nlohmann::ordered_json& parent = *open_.back();
  if (parent.is_array()) {
    parent.push_back(std::move(value));
    return parent.back();
  }
  nlohmann::ordered_json& member = parent[key_];
  member = std::move(value);
  return member;
}

void JsonTree::begin_object() {
  open_.push_back(&place(nlohmann::ordered_json::object()));
}

void JsonTree::end_object() {
  open_.pop_back();
}

void JsonTree::begin_array() {
  open_.push_back(&place(nlohmann::ordered_json::array()));
}

void JsonTree::end_array() {
  open_.pop_back();
}

JsonOut& JsonTree::key(std::string_view name) {
  key_.assign(name);
  return *this;
}

void JsonTree::string(std::string_view s) {
  place(std::string(s));
}

void JsonTree::signed_number(std::int64_t n) {
  place(n);
}

void JsonTree::unsigned_number(std::uint64_t n) {
  place(n);
}

void JsonTree::boolean(bool b) {
  place(b);
}

void JsonTree::null() {
  place(nullptr);
}

void JsonTree::tree(const nlohmann::ordered_json& value) {
  place(value);
}

} // namespace siracusa::report
