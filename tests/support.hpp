// tests — helpers shared by unit, golden and CLI tests.
#pragma once

#include "diag/diagnostics.hpp"
#include "model/resolve.hpp"
#include "syntax/parser.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace siracusa::testing {

// A fresh folder under the system's temporary folder, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

// Parses one file's text.
syntax::ParsedFilePtr parse_text(const std::string& text, Diagnostics& diagnostics,
                                 const std::string& name = "test.sir");

// Writes files into a temporary folder and loads them all (names may contain folders).
struct Loaded {
  std::unique_ptr<TempDir> dir;
  model::Model model;
  Diagnostics diagnostics;
};
Loaded load_files(const std::map<std::string, std::string>& files);

// A small vocabulary (aims, person, facts) and two rights, for unit tests to import
// as "base.sir".
extern const char* const base_rules;

// Ids of the diagnostics, with their line:col, e.g. "E0203@4:15".
std::vector<std::string> ids_at(const Diagnostics& diagnostics);

std::string read_file(const std::filesystem::path& path);

// Runs a command; returns its exit status and what it wrote to stdout and stderr.
struct Run {
  int status = -1;
  std::string out;
  std::string err;
};
Run run_command(const std::string& command);
std::string binary();
std::string source_dir();
// Runs the binary with `arguments` in `folder`, with a time limit, after the assignments
// in `environment` (`NO_COLOR=1`); paths in the arguments are relative to `folder`.
Run run_in(const std::filesystem::path& folder, const std::string& arguments, const std::string& environment = {});

// The start tags of the elements called `name` in an HTML text, in document order, each
// as its attributes (values as written, `hidden=""` as an empty value).
std::vector<std::map<std::string, std::string>> html_elements(const std::string& html, const std::string& name);

// Validates a JSON document against the subset of JSON Schema that
// docs/findings.schema.json and tests/cli/sarif-2.1.0-subset.schema.json use (type,
// properties, required, additionalProperties as a boolean or a schema, items, minItems,
// uniqueItems, enum, minimum, maximum, pattern, $ref to #/definitions). Returns the
// problems found.
std::vector<std::string> validate(const nlohmann::json& document, const nlohmann::json& schema);

} // namespace siracusa::testing
