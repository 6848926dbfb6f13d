// engine/report — JSON produced value by value. One interface, two ends: JsonStream writes
// the text as it goes, laid out byte for byte as nlohmann's dump(2) lays out the same
// document, so a report of any size is streamed to its file without being held in memory;
// JsonTree builds an nlohmann tree, for the formats that embed a finding in a document of
// their own (SARIF, explain, diff). A finding is described once (json_finding.hpp) and
// reaches either end.
#pragma once

#include "report/text_sink.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace siracusa::report {

class JsonOut {
 public:
  JsonOut() = default;
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;
  virtual ~JsonOut() = default;

  virtual void begin_object() = 0;
  virtual void end_object() = 0;
  virtual void begin_array() = 0;
  virtual void end_array() = 0;
  // The name of the next member of the object being written.
  virtual JsonOut& key(std::string_view name) = 0;
  virtual void string(std::string_view s) = 0;
  virtual void signed_number(std::int64_t n) = 0;
  virtual void unsigned_number(std::uint64_t n) = 0;
  virtual void boolean(bool b) = 0;
  virtual void null() = 0;
  // A small value built as a tree (the report's header), written where the next value goes.
  virtual void tree(const nlohmann::ordered_json& value) = 0;

  // An integer keeps its signedness, as nlohmann does when it is assigned one.
  template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  void number(T n) {
    if constexpr (std::is_signed_v<T>)
      signed_number(static_cast<std::int64_t>(n));
    else
      unsigned_number(static_cast<std::uint64_t>(n));
  }
  // null for an empty string, as the report writes what is absent.
  void nullable(std::string_view s) {
    if (s.empty())
      null();
    else
      string(s);
  }
  void strings(const std::vector<std::string>& list) {
    begin_array();
    for (const auto& s : list)
      string(s);
    end_array();
  }
};

class JsonStream final : public JsonOut {
 public:
  // Writes to `out`, in chunks; `flush` (or the destructor) writes what is left.
  explicit JsonStream(std::ostream& out);

  void begin_object() override;
  void end_object() override;
  void begin_array() override;
  void end_array() override;
  JsonOut& key(std::string_view name) override;
  void string(std::string_view s) override;
  void signed_number(std::int64_t n) override;
  void unsigned_number(std::uint64_t n) override;
  void boolean(bool b) override;
  void null() override;
  void tree(const nlohmann::ordered_json& value) override;
  // Appends text outside the JSON grammar (the line break after the document).
  void raw(std::string_view text);
  void flush();

 private:
  struct Level {
    bool object = false;
    std::size_t members = 0;
  };
  void before_value();
  void separate();
  void indent(std::size_t depth);
  void escaped(std::string_view s);
  void close(char bracket);

  TextSink out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

class JsonTree final : public JsonOut {
 public:
  void begin_object() override;
  void end_object() override;
  void begin_array() override;
  void end_array() override;
  JsonOut& key(std::string_view name) override;
  void string(std::string_view s) override;
  void signed_number(std::int64_t n) override;
  void unsigned_number(std::uint64_t n) override;
  void boolean(bool b) override;
  void null() override;
  void tree(const nlohmann::ordered_json& value) override;
  // The value written (the first, when several were).
  nlohmann::ordered_json take() { return std::move(root_); }

 private:
  nlohmann::ordered_json& place(nlohmann::ordered_json value);

  nlohmann::ordered_json root_;
  bool has_root_ = false;
  std::vector<nlohmann::ordered_json*> open_;
  std::string key_;
};

} // namespace siracusa::report
