#include "support.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

namespace siracusa::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  static std::mt19937_64 random(static_cast<unsigned long>(getpid()));
  for (;;) {
    path_ = fs::temp_directory_path() / ("siracusa-test-" + std::to_string(random()));
    if (fs::create_directory(path_))
      break;
  }
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(const std::string& name, const std::string& content) const {
  fs::path file = path_ / name;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << content;
  return file;
}

syntax::ParsedFilePtr parse_text(const std::string& text, Diagnostics& diagnostics, const std::string& name) {
  return syntax::parse(std::make_shared<SourceFile>(name, text), diagnostics);
}

Loaded load_files(const std::map<std::string, std::string>& files) {
  Loaded loaded;
  loaded.dir = std::make_unique<TempDir>();
  for (const auto& [name, content] : files)
    loaded.dir->write(name, content);
  model::LoadOptions options;
  options.display_root = loaded.dir->path();
  loaded.model = model::load_model({loaded.dir->path().string()}, loaded.diagnostics, options);
  loaded.diagnostics.sort();
  return loaded;
}

const char* const base_rules = R"(# A small vocabulary for unit tests.
document doc {
  title: "A source"
  paragraphs: 1..10
}

enum legal_order for level { constitution, constitutional_law, code, law, bylaw }
enum aim for aims { public_order, national_security, public_health }
enum qualifier for limitation { prescribed_by_law, necessary }
enum regime_kind { none, notification, authorisation }
enum sanction_kind { none, fine, detention }

person {
  citizenship: {citizen, foreigner, stateless} protected "Nationality."
  religion: {none, buddhist, christian, muslim} protected
  age: years "Age."
  disabled: bool protected
}

fact regime: regime_kind "How the right is controlled."
fact notice_days: days "Advance notice."
fact max_detention_days: days "Longest detention."
fact stated_aims: set of aim "Aims stated."
fact scope: predicate over person "Who may exercise the right."
fact precise: bool "Whether the terms are precise."
fact adopted_on: date "Adoption date."
fact label: text "A label."

duty remedy "A remedy."
act record "Record."

right art19 {
  article: 19
  title: "Expression"
  aims: public_order, national_security, public_health
}

right art18 {
  article: 18
  title: "Religion"
  aims: public_order, public_health
}

jurisdiction xx {
  title: "Testland"
}
)";

std::vector<std::string> ids_at(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.all()) {
    std::string at;
    if (d.span.valid()) {
      auto lc = d.span.file->line_col(d.span.begin);
      at = "@" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
    }
    out.push_back(d.id + at);
  }
  return out;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Run run_command(const std::string& command) {
  TempDir dir;
  fs::path out = dir.path() / "out";
  fs::path err = dir.path() / "err";
  std::string full = command + " >" + out.string() + " 2>" + err.string();
  Run run;
  int status = std::system(full.c_str());
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = read_file(out);
  run.err = read_file(err);
  return run;
}

std::string binary() {
  return SIRACUSA_BINARY;
}
std::string source_dir() {
  return SIRACUSA_SOURCE_DIR;
}

Run run_in(const fs::path& folder, const std::string& arguments, const std::string& environment) {
  return run_command("cd '" + folder.string() + "' && " + environment + (environment.empty() ? "" : " ") +
                     "timeout 60 " + binary() + " " + arguments);
}

std::vector<std::map<std::string, std::string>> html_elements(const std::string& html, const std::string& name) {
  static const std::regex attribute(R"re(([a-zA-Z][\w-]*)(?:="([^"]*)")?)re");
  std::regex tag("<" + name + R"re(((?:\s[^>]*)?)>)re");
  std::vector<std::map<std::string, std::string>> out;
  for (std::sregex_iterator it(html.begin(), html.end(), tag), end; it != end; ++it) {
    std::string attributes = (*it)[1].str();
    std::map<std::string, std::string> element;
    for (std::sregex_iterator a(attributes.begin(), attributes.end(), attribute); a != end; ++a)
      element[(*a)[1].str()] = (*a)[2].str();
    out.push_back(std::move(element));
  }
  return out;
}

namespace {

using nlohmann::json;

bool has_type(const json& value, const std::string& type) {
  if (type == "object")
    return value.is_object();
  if (type == "array")
    return value.is_array();
  if (type == "string")
    return value.is_string();
  if (type == "integer")
    return value.is_number_integer();
  if (type == "number")
    return value.is_number();
  if (type == "boolean")
    return value.is_boolean();
  if (type == "null")
    return value.is_null();
  return false;
}

void validate_at(const json& value, const json& schema, const json& root, const std::string& where,
                 std::vector<std::string>& problems) {
  if (schema.contains("$ref")) {
    std::string ref = schema["$ref"];
    const std::string prefix = "#/definitions/";
    if (ref.rfind(prefix, 0) != 0 || !root["definitions"].contains(ref.substr(prefix.size()))) {
      problems.push_back(where + ": unsupported $ref " + ref);
      return;
    }
    validate_at(value, root["definitions"][ref.substr(prefix.size())], root, where, problems);
    return;
  }
  if (schema.contains("type")) {
    bool ok = false;
    if (schema["type"].is_array()) {
      for (const auto& t : schema["type"])
        ok = ok || has_type(value, t);
    } else {
      ok = has_type(value, schema["type"]);
    }
    if (!ok) {
      problems.push_back(where + ": expected type " + schema["type"].dump() + ", found " + value.dump());
      return;
    }
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const auto& option : schema["enum"])
      found = found || option == value;
    if (!found)
      problems.push_back(where + ": " + value.dump() + " is not one of " + schema["enum"].dump());
  }
  if (schema.contains("minimum") && value.is_number() && value.get<double>() < schema["minimum"].get<double>())
    problems.push_back(where + ": below minimum");
  if (schema.contains("maximum") && value.is_number() && value.get<double>() > schema["maximum"].get<double>())
    problems.push_back(where + ": above maximum");
  if (schema.contains("pattern") && value.is_string() &&
      !std::regex_search(value.get<std::string>(), std::regex(schema["pattern"].get<std::string>())))
    problems.push_back(where + ": " + value.dump() + " does not match " + schema["pattern"].dump());
  if (value.is_object()) {
    if (schema.contains("required"))
      for (const auto& key : schema["required"])
        if (!value.contains(key.get<std::string>()))
          problems.push_back(where + ": missing " + key.get<std::string>());
    const json properties = schema.value("properties", json::object());
    for (const auto& [key, item] : value.items()) {
      if (properties.contains(key))
        validate_at(item, properties[key], root, where + "." + key, problems);
      else if (schema.contains("additionalProperties") && schema["additionalProperties"].is_boolean() &&
               !schema["additionalProperties"].get<bool>())
        problems.push_back(where + ": unexpected property " + key);
      else if (schema.contains("additionalProperties") && schema["additionalProperties"].is_object())
        validate_at(item, schema["additionalProperties"], root, where + "." + key, problems);
    }
  }
  if (value.is_array() && schema.contains("minItems") && value.size() < schema["minItems"].get<std::size_t>())
    problems.push_back(where + ": fewer than " + schema["minItems"].dump() + " items");
  if (value.is_array() && schema.value("uniqueItems", false)) {
    std::set<std::string> seen;
    for (const auto& item : value)
      if (!seen.insert(item.dump()).second)
        problems.push_back(where + ": items are not unique");
  }
  if (value.is_array() && schema.contains("items")) {
    for (std::size_t i = 0; i < value.size(); ++i)
      validate_at(value[i], schema["items"], root, where + "[" + std::to_string(i) + "]", problems);
  }
}

} // namespace

std::vector<std::string> validate(const json& document, const json& schema) {
  std::vector<std::string> problems;
  validate_at(document, schema, schema, "$", problems);
  return problems;
}

} // namespace siracusa::testing
