#include "options.hpp"

#include "amend/amend.hpp"

#include "diag/suggest.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace siracusa::cli {

namespace fs = std::filesystem;

namespace {

enum class Kind { paths, choice, number, boolean, date };

struct KeySpec {
  const char* table;
  const char* name;
  Kind kind;
  std::vector<std::string> choices; // choice
  std::int64_t min = 0;             // number
  std::int64_t max = 0;
  const char* expects;
};

// Every key siracusa.toml may hold. A key added here must be read in read_value() and
// documented in README.md (tests/cli/test_project_config.cpp checks the README).
const std::vector<KeySpec>& specs() {
  static const std::vector<KeySpec> keys = {
      {"corpus", "paths", Kind::paths, {}, 0, 0, "a list of files or folders (strings)"},
      {"check",
       "format",
       Kind::choice,
       {"text", "json", "html", "markdown", "sarif"},
       0,
       0,
       "\"text\", \"json\", \"html\", \"markdown\" or \"sarif\""},
      {"check", "timeout_ms", Kind::number, {}, 1, 86'400'000, "a number of milliseconds from 1 to 86400000"},
      {"check", "rlimit", Kind::number, {}, 0, 4'294'967'295LL, "a number from 0 (no limit) to 4294967295"},
      {"check", "jobs", Kind::number, {}, 0, 1024, "a number of threads from 0 (one per core) to 1024"},
      {"check", "include_passes", Kind::boolean, {}, 0, 0, "true or false"},
      {"check",
       "min_basis",
       Kind::choice,
       {"text", "practice", "assessment"},
       0,
       0,
       "\"text\", \"practice\" or \"assessment\""},
      {"check", "as_of", Kind::date, {}, 0, 0, "a day as a string, \"YYYY-MM-DD\""},
      {"lint", "strict", Kind::boolean, {}, 0, 0, "true or false"},
  };
  return keys;
}

std::vector<std::string> table_names() {
  std::vector<std::string> names;
  for (const auto& key : specs())
    if (std::find(names.begin(), names.end(), key.table) == names.end())
      names.emplace_back(key.table);
  return names;
}

std::string join(const std::vector<std::string>& items, const std::string& last = " and ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? last : ", ") + items[i];
  return out;
}

// Byte offset of a toml++ position (1-based line, column in code points).
std::size_t offset_of(const SourceFile& file, const toml::source_position& at) {
  if (at.line == 0 || at.line > file.line_count())
    return file.text().size();
  std::string_view line = file.line_text(at.line);
  std::size_t base = static_cast<std::size_t>(line.data() - file.text().data());
  std::size_t seen = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0U) == 0x80U)
      continue;
    if (++seen == at.column)
      return base + i;
  }
  return base + line.size();
}

Span span_of(const SourcePtr& file, const toml::source_region& region) {
  std::size_t begin = offset_of(*file, region.begin);
  std::size_t end = region.end.line == region.begin.line ? offset_of(*file, region.end) : begin + 1;
  return Span{file, begin, std::max(end, begin + 1)};
}

// toml++'s description of a syntax error ("Error while parsing table header: expected ']',
// saw '\n'") in our words: "in a table header, expected `]`, found the end of the line".
std::string describe_toml_error(std::string description) {
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (std::size_t at = description.find(from); at != std::string::npos; at = description.find(from, at + to.size()))
      description.replace(at, from.size(), to);
  };
  if (description.find("invalid utf-8") != std::string::npos || description.find("invalid UTF-8") != std::string::npos)
    return "the file is not valid UTF-8";
  if (description.find("could not determine value type") != std::string::npos)
    return "this is not a TOML value (text needs double quotes: `format = \"json\"`)";
  if (description.find("unescaped control characters") != std::string::npos)
    return "a string is not closed before the end of the line";
  if (description.find("cannot redefine existing") != std::string::npos)
    return "this key or table is given twice";
  if (description.rfind("Error while parsing array", 0) == 0 && description.find("end-of-file") != std::string::npos)
    return "a list `[...]` is not closed before the end of the file";
  if (description.rfind("Error while parsing table header", 0) == 0 &&
      description.find("expected ']'") != std::string::npos)
    return "a table header `[...]` is not closed on its line";
  const std::string prefix = "Error while parsing ";
  std::string where;
  if (description.rfind(prefix, 0) == 0) {
    auto colon = description.find(": ");
    if (colon != std::string::npos) {
      where = description.substr(prefix.size(), colon - prefix.size());
      description = description.substr(colon + 2);
    }
  }
  replace_all("'\\n'", "the end of the line");
  replace_all("encountered end-of-file", "the file ends here");
  replace_all("end-of-file", "the end of the file");
  replace_all(" saw ", " found ");
  // 'x' -> `x`
  for (std::size_t at = description.find('\''); at != std::string::npos; at = description.find('\'', at + 1))
    description[at] = '`';
  if (where.empty())
    return description;
  const char* article = std::string("aeiou").find(where.front()) != std::string::npos ? "an " : "a ";
  if (where == "root table")
    return description;
  return "in " + std::string(article) + where + ", " + description;
}

class ConfigReader {
 public:
  ConfigReader(SourcePtr file, fs::path folder, Diagnostics& diagnostics)
      : file_(std::move(file)), folder_(std::move(folder)), diagnostics_(diagnostics) {}

  void read(const toml::table& root, ProjectConfig& config) {
    for (auto&& [key, value] : root) {
      std::string name(key.str());
      if (name == "parameters" && value.is_table()) {
        // The rule base names its parameters: they are checked once it is read.
        for (auto&& [inner_key, inner_value] : *value.as_table()) {
          std::string text;
          if (auto s = inner_value.value<std::string>())
            text = *s;
          else if (inner_value.is_integer())
            text = std::to_string(*inner_value.value<std::int64_t>());
          else if (inner_value.is_boolean())
            text = *inner_value.value<bool>() ? "yes" : "no";
          else {
            invalid(inner_value, "a parameter's value is a number with its unit as a string (\"3 days\"), a "
                                 "number, a date (\"2020-01-01\") or true/false");
            continue;
          }
          config.parameters.push_back({std::string(inner_key.str()), text, span_of(file_, inner_key.source()),
                                       span_of(file_, inner_value.source())});
        }
        continue;
      }
      auto tables = table_names();
      if (std::find(tables.begin(), tables.end(), name) == tables.end()) {
        unknown(key, "", name, value.is_table());
        continue;
      }
      const auto* table = value.as_table();
      if (!table) {
        invalid(value, "`" + name + "` must be a table (`[" + name + "]`)");
        continue;
      }
      for (auto&& [inner_key, inner_value] : *table) {
        std::string inner(inner_key.str());
        const KeySpec* spec = find(name, inner);
        if (!spec) {
          unknown(inner_key, name, inner);
          continue;
        }
        read_value(*spec, inner_value, config);
      }
    }
  }

 private:
  static const KeySpec* find(const std::string& table, const std::string& name) {
    for (const auto& key : specs())
      if (key.table == table && key.name == name)
        return &key;
    return nullptr;
  }

  void invalid(const toml::node& node, const std::string& message) {
    diagnostics_.error("E0008", span_of(file_, node.source()), "invalid siracusa.toml: " + message);
  }

  // An unknown key of [table], or at the top of the file when `table` is empty (where
  // only tables belong).
  void unknown(const toml::key& key, const std::string& table, const std::string& name, bool is_table = false) {
    Span where = span_of(file_, key.source());
    if (table.empty()) {
      auto& d = diagnostics_.error("E0012", where,
                                   is_table ? "unknown table `" + name + "` in siracusa.toml"
                                            : "unknown key `" + name + "` outside any table in siracusa.toml");
      if (auto suggestion = closest(name, table_names()))
        d.notes.push_back({{}, "did you mean `[" + *suggestion + "]`?"});
      else if (const KeySpec* spec = owner(name, ""))
        d.notes.push_back(
            {{},
             "`" + name + "` is a key of [" + spec->table + "]: write it under `[" + std::string(spec->table) + "]`"});
      std::vector<std::string> shown;
      for (const auto& t : table_names())
        shown.push_back("[" + t + "]");
      d.notes.push_back({{}, "the tables are " + join(shown)});
      return;
    }
    auto& d = diagnostics_.error("E0012", where, "unknown key `" + name + "` in [" + table + "]");
    std::vector<std::string> names;
    for (const auto& key : specs())
      if (key.table == table)
        names.emplace_back(key.name);
    if (auto suggestion = closest(name, names))
      d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
    else if (const KeySpec* spec = owner(name, table))
      d.notes.push_back({{}, "`" + name + "` is a key of [" + spec->table + "], not of [" + table + "]"});
    d.notes.push_back({{}, "[" + table + "] holds " + join(names)});
  }

  // The key `name` of another table than `table`.
  static const KeySpec* owner(const std::string& name, const std::string& table) {
    for (const auto& key : specs())
      if (key.name == name && key.table != table)
        return &key;
    return nullptr;
  }

  void read_value(const KeySpec& spec, const toml::node& node, ProjectConfig& config) {
    std::string key = std::string(spec.table) + "." + spec.name;
    auto wrong = [&] { invalid(node, "`" + key + "` must be " + spec.expects); };
    switch (spec.kind) {
    case Kind::paths: {
      const auto* list = node.as_array();
      if (!list) {
        wrong();
        return;
      }
      if (list->empty()) {
        invalid(node, "`" + key +
                          "` is empty; name at least one file or folder, or leave the key out to use "
                          "the bundled corpus");
        return;
      }
      for (const auto& item : *list) {
        auto value = item.value<std::string>();
        if (!value || value->empty()) {
          invalid(item, "`" + key + "` must be a list of files or folders (non-empty strings)");
          continue;
        }
        // `@siracusa/...` is reached wherever the bundled corpus is; anything else is
        // relative to this file.
        config.paths.push_back(value->front() == '@' ? *value : (folder_ / *value).lexically_normal().string());
      }
      return;
    }
    case Kind::choice: {
      auto value = node.value<std::string>();
      if (!value || std::find(spec.choices.begin(), spec.choices.end(), *value) == spec.choices.end()) {
        wrong();
        return;
      }
      if (key == "check.format")
        config.format = *value;
      else if (key == "check.min_basis")
        config.min_basis = *value;
      return;
    }
    case Kind::date: {
      auto value = node.value<std::string>();
      if (!value || !amend::parse_day(*value)) {
        wrong();
        return;
      }
      config.as_of = *value;
      return;
    }
    case Kind::number: {
      // A whole number: value<int64_t>() would also accept 2.0 (and truncate 2.5).
      auto value = node.is_integer() ? node.value<std::int64_t>() : std::nullopt;
      if (!value || *value < spec.min || *value > spec.max) {
        wrong();
        return;
      }
      auto number = static_cast<unsigned>(*value);
      if (key == "check.timeout_ms")
        config.timeout_ms = number;
      else if (key == "check.rlimit")
        config.rlimit = number;
      else if (key == "check.jobs")
        config.jobs = number;
      return;
    }
    case Kind::boolean: {
      auto value = node.is_boolean() ? node.value<bool>() : std::nullopt;
      if (!value) {
        wrong();
        return;
      }
      if (key == "check.include_passes")
        config.include_passes = *value;
      else if (key == "lint.strict")
        config.strict = *value;
      return;
    }
    }
  }

  SourcePtr file_;
  fs::path folder_;
  Diagnostics& diagnostics_;
};

} // namespace

const std::vector<ProjectKey>& project_keys() {
  static const std::vector<ProjectKey> keys = [] {
    std::vector<ProjectKey> out;
    for (const auto& spec : specs())
      out.push_back({spec.table, spec.name, spec.expects});
    return out;
  }();
  return keys;
}

std::string display_path(const fs::path& path) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (!ec) {
    fs::path relative = path.lexically_relative(fs::weakly_canonical(cwd, ec));
    if (!ec && !relative.empty() && *relative.begin() != "..")
      return relative.generic_string();
  }
  return path.generic_string();
}

std::optional<ProjectConfig> find_project_config(const fs::path& start, Diagnostics& diagnostics) {
  std::error_code ec;
  fs::path folder = fs::weakly_canonical(start, ec);
  while (true) {
    fs::path candidate = folder / "siracusa.toml";
    if (fs::is_regular_file(candidate, ec)) {
      ProjectConfig config;
      config.file = candidate;
      std::ifstream in(candidate, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in || in.bad()) {
        diagnostics.error("E0001", {}, "cannot read `" + display_path(candidate) + "`: it is not readable");
        return config;
      }
      auto source = std::make_shared<SourceFile>(display_path(candidate), text.str());
      try {
        toml::table table = toml::parse(std::string_view(source->text()), std::string_view(candidate.string()));
        ConfigReader(source, folder, diagnostics).read(table, config);
      } catch (const toml::parse_error& e) {
        diagnostics.error("E0008", span_of(source, e.source()),
                          "invalid siracusa.toml: " + describe_toml_error(std::string(e.description())));
      }
      return config;
    }
    if (!folder.has_parent_path() || folder.parent_path() == folder)
      return std::nullopt;
    folder = folder.parent_path();
  }
}

fs::path bundled_corpus() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "siracusa";
    if (fs::is_directory(installed / "rules", ec))
      return installed;
  }
  if (fs::is_directory(fs::path(SIRACUSA_INSTALLED_CORPUS) / "rules", ec))
    return SIRACUSA_INSTALLED_CORPUS;
  return SIRACUSA_SOURCE_CORPUS;
}

std::map<std::string, fs::path> import_roots() {
  return {{bundled_root, bundled_corpus()}};
}

} // namespace siracusa::cli
