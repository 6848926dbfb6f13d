// The streamed JSON report is the document nlohmann would have built, byte for byte: the
// writer is checked against nlohmann's dump(2) on documents with every kind of value,
// empty containers, nesting and every escape; the tree end rebuilds the same document.
// Streamed output goes to its file whole or not at all, even when the producer throws.
#include "output.hpp"
#include "report/json_writer.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

using nlohmann::ordered_json;
using siracusa::report::JsonOut;
using siracusa::report::JsonStream;
using siracusa::report::JsonTree;
namespace fs = std::filesystem;

namespace {

// Writes `value` through the JsonOut calls (not JsonOut::tree), as the report does.
void emit(JsonOut& out, const ordered_json& value) {
  switch (value.type()) {
  case ordered_json::value_t::object:
    out.begin_object();
    for (const auto& [name, member] : value.items()) {
      out.key(name);
      emit(out, member);
    }
    out.end_object();
    return;
  case ordered_json::value_t::array:
    out.begin_array();
    for (const auto& element : value)
      emit(out, element);
    out.end_array();
    return;
  case ordered_json::value_t::string:
    out.string(value.get<std::string>());
    return;
  case ordered_json::value_t::number_integer:
    out.number(value.get<std::int64_t>());
    return;
  case ordered_json::value_t::number_unsigned:
    out.number(value.get<std::uint64_t>());
    return;
  case ordered_json::value_t::boolean:
    out.boolean(value.get<bool>());
    return;
  default:
    out.null();
    return;
  }
}

std::string streamed(const ordered_json& value) {
  std::ostringstream text;
  {
    JsonStream out(text);
    emit(out, value);
  }
  return text.str();
}

ordered_json sample() {
  std::string controls;
  for (char c = 1; c < 0x20; ++c)
    controls += c;
  return ordered_json{{"empty_object", ordered_json::object()},
                      {"empty_array", ordered_json::array()},
                      {"nested",
                       {{"a", ordered_json::array({1, -2, ordered_json::array(), ordered_json::object()})},
                        {"b", {{"c", nullptr}, {"d", true}, {"e", false}}}}},
                      {"escapes", "quote \" backslash \\ slash / tab\t newline\n cr\r bs\b ff\f del \x7f"},
                      {"controls", controls},
                      {"unicode", "Қазақстан — «О выборах» 𝄞 é"},
                      {"numbers", ordered_json::array({0, 18446744073709551615ULL, -9223372036854775807LL - 1, 42U})},
                      {"list", ordered_json::array({ordered_json::object({{"x", "y"}}), "z",
                                                    ordered_json::array({ordered_json::array()})})},
                      {"", ""}};
}

} // namespace

TEST_CASE("the JSON stream writes what nlohmann's dump(2) writes", "[report][json]") {
  ordered_json doc = sample();
  CHECK(streamed(doc) == doc.dump(2));
  CHECK(streamed(ordered_json::array()) == "[]");
  CHECK(streamed(ordered_json::object()) == "{}");
  CHECK(streamed("top-level string") == "\"top-level string\"");
  // A tree handed over whole is laid out at the depth where it lands.
  std::ostringstream text;
  {
    JsonStream out(text);
    out.begin_object();
    out.key("first").number(1);
    out.key("tree").tree(doc);
    out.key("last").begin_array();
    out.end_array();
    out.end_object();
  }
  ordered_json whole = {{"first", 1}, {"tree", doc}, {"last", ordered_json::array()}};
  CHECK(text.str() == whole.dump(2));
}

TEST_CASE("the JSON stream writes a document larger than its chunks", "[report][json]") {
  ordered_json doc = ordered_json::array();
  for (int i = 0; i < 20000; ++i)
    doc.push_back({{"id", "finding/" + std::to_string(i)}, {"n", i}, {"because", ordered_json::array({"x", "y"})}});
  std::string text = streamed(doc);
  REQUIRE(text.size() > (1U << 16) * 4);
  CHECK(text == doc.dump(2));
}

TEST_CASE("the JSON stream refuses bytes that are not UTF-8, as nlohmann does", "[report][json]") {
  for (std::string bad : {std::string("a\xff"), std::string("\xc0\xaf"), std::string("\xed\xa0\x80"),
                          std::string("\xe2\x82"), std::string("\xf4\x90\x80\x80")}) {
    CHECK_THROWS_AS(ordered_json(bad).dump(2), nlohmann::json::type_error);
    CHECK_THROWS_AS(streamed(bad), nlohmann::json::type_error);
  }
}

TEST_CASE("the JSON tree builds the document the calls describe", "[report][json]") {
  ordered_json doc = sample();
  JsonTree tree;
  emit(tree, doc);
  ordered_json built = tree.take();
  CHECK(built == doc);
  CHECK(built.dump(2) == doc.dump(2));
}

TEST_CASE("a streamed output is written whole, and a producer that fails leaves nothing", "[cli][output]") {
  fs::path folder = fs::temp_directory_path() / ("siracusa-stream-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  fs::path target = folder / "report.json";
  std::string error;
  std::string big(3 << 20, 'x');
  REQUIRE(siracusa::cli::write_output(target.string(), siracusa::cli::Producer([&](std::ostream& out) {
                                        out << "[";
                                        out.write(big.data(), static_cast<std::streamsize>(big.size()));
                                        out << "]";
                                      }),
                                      error));
  CHECK(fs::file_size(target) == big.size() + 2);

  // Half-way through, the producer throws: the earlier file stands, and no temporary is left.
  CHECK_THROWS_AS(siracusa::cli::write_output(target.string(), siracusa::cli::Producer([&](std::ostream& out) {
                                                out << "partial";
                                                out.write(big.data(), static_cast<std::streamsize>(big.size()));
                                                throw std::runtime_error("stopped");
                                              }),
                                              error),
                  std::runtime_error);
  CHECK(fs::file_size(target) == big.size() + 2);
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  CHECK(names == std::vector<std::string>{"report.json"});

  // A new file that cannot be finished is not created at all.
  fs::path fresh = folder / "fresh.json";
  CHECK_THROWS_AS(siracusa::cli::write_output(fresh.string(), siracusa::cli::Producer([&](std::ostream& out) {
                                                out << "partial";
                                                throw std::runtime_error("stopped");
                                              }),
                                              error),
                  std::runtime_error);
  CHECK_FALSE(fs::exists(fresh));
  fs::remove_all(folder);
}
