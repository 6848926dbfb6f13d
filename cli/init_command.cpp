// cli — `siracusa init`: a new project for one jurisdiction, from the template that ships
// with the corpus (templates/init/, installed with rules/ and laws/). The template is data:
// its .sir files use the bundled vocabulary, and a test checks that what it produces
// lints clean, so it cannot drift from the rules unnoticed.
#include "commands.hpp"

#include "diag/utf8.hpp"
#include "syntax/keywords.hpp"
#include "system_error.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

namespace siracusa::cli {

namespace fs = std::filesystem;

namespace {

bool is_jurisdiction_id(const std::string& id) {
  if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z')))
    return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// `kyrgyz-republic` -> `kyrgyz_republic`: a folder's name as an id, when it makes one.
std::string id_from_folder_name(std::string name) {
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    else if (c == '-' || c == ' ' || c == '.')
      c = '_';
  }
  return name;
}

// A document id (lower case, `-` between words) for the jurisdiction's source.
std::string document_id(const std::string& jurisdiction) {
  std::string id;
  for (char c : jurisdiction) {
    if (c >= 'A' && c <= 'Z')
      id += static_cast<char>(c - 'A' + 'a');
    else if (c == '_')
      id += id.empty() || id.back() == '-' ? "" : "-";
    else
      id += c;
  }
  while (!id.empty() && id.back() == '-')
    id.pop_back();
  return id + "-source";
}

bool is_one_line_of_text(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    auto decoded = decode_utf8(text, i);
    if (decoded.length == 0 || decoded.code_point < 0x20 || decoded.code_point == 0x7F)
      return false;
    i += decoded.length;
  }
  return true;
}

// Text inside a rule file's string: `"` and `\` escaped.
std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

std::string substitute(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [key, value] : values)
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  return text;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Output {
  fs::path target;
  std::string content;
};

} // namespace

int run_init(const InitOptions& options, const GlobalOptions& global) {
  fs::path folder = fs::absolute(options.folder).lexically_normal();
  std::string jurisdiction = options.jurisdiction;
  if (jurisdiction.empty()) {
    std::string name = (folder.has_filename() ? folder.filename() : folder.parent_path().filename()).string();
    jurisdiction = id_from_folder_name(name);
    if (!is_jurisdiction_id(jurisdiction) || syntax::is_reserved_word(jurisdiction)) {
      print_error("E0009", "cannot make a jurisdiction id of the folder's name `" + name + "`",
                  {"give one with --jurisdiction: a name such as `uz` (letters, digits and _)"}, global);
      return 2;
    }
  } else if (!is_jurisdiction_id(jurisdiction)) {
    print_error("E0009",
                "`--jurisdiction` takes a name of letters, digits and _ that starts with a letter, not `" +
                    jurisdiction + "`",
                {}, global);
    return 2;
  } else if (syntax::is_reserved_word(jurisdiction)) {
    print_error("E0009",
                "`" + jurisdiction + "` is a reserved word of the rule language and cannot name a jurisdiction", {},
                global);
    return 2;
  }
  std::string title = options.title.empty() ? jurisdiction : options.title;
  if (!is_one_line_of_text(title)) {
    print_error("E0009", "`--title` takes one line of UTF-8 text", {}, global);
    return 2;
  }

  fs::path templates = bundled_corpus() / "templates" / "init";
  std::error_code ec;
  std::vector<fs::path> sources;
  for (auto it = fs::recursive_directory_iterator(templates, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() == ".in")
      sources.push_back(it->path());
  if (ec || sources.empty()) {
    print_error("E0001", "cannot read the project template `" + templates.generic_string() + "`",
                {"the installation of siracusa is incomplete: it should hold share/siracusa/templates/init"}, global);
    return 2;
  }
  std::sort(sources.begin(), sources.end());
  const std::vector<std::pair<std::string, std::string>> values = {{"{{jurisdiction}}", jurisdiction},
                                                                   {"{{document}}", document_id(jurisdiction)},
                                                                   {"{{title}}", escaped(title)},
                                                                   {"{{version}}", SIRACUSA_VERSION}};

  std::vector<Output> outputs;
  for (const auto& source : sources) {
    fs::path relative = source.lexically_relative(templates);
    relative.replace_extension(); // `.sir.in` -> `.sir`
    outputs.push_back({folder / substitute(relative.generic_string(), values), substitute(read_all(source), values)});
  }
  // Nothing is overwritten: every file that exists is named, and nothing is written.
  std::vector<std::string> existing;
  for (const auto& output : outputs)
    if (fs::exists(fs::symlink_status(output.target, ec)))
      existing.push_back(display_path(output.target));
  if (!existing.empty()) {
    for (const auto& file : existing)
      print_error("E0013", "`" + file + "` exists already", {}, global);
    std::cerr << "nothing was written: `siracusa init` never overwrites a file\n";
    return 2;
  }

  // All or nothing: on a failure, what was written (and the folders made for it) goes.
  std::vector<fs::path> made;
  auto roll_back = [&] {
    for (auto it = made.rbegin(); it != made.rend(); ++it)
      fs::remove(*it, ec);
  };
  for (const auto& output : outputs) {
    std::vector<fs::path> missing;
    for (fs::path parent = output.target.parent_path(); !parent.empty() && !fs::exists(parent, ec);
         parent = parent.parent_path())
      missing.insert(missing.begin(), parent);
    for (const auto& dir : missing) {
      std::error_code create_error;
      fs::create_directory(dir, create_error);
      if (create_error) {
        print_error("E0010", "cannot create the folder `" + display_path(dir) + "`: " + describe(create_error), {},
                    global);
        roll_back();
        return 2;
      }
      made.push_back(dir);
    }
    {
      std::ofstream out(output.target, std::ios::binary | std::ios::trunc);
      if (out) {
        made.push_back(output.target);
        out << output.content;
        out.flush();
      }
      if (!out) {
        print_error("E0010", "cannot write `" + display_path(output.target) + "`", {}, global);
        roll_back();
        return 2;
      }
    }
  }
  if (!global.quiet) {
    for (const auto& output : outputs)
      std::cout << "created " << display_path(output.target) << "\n";
    std::string where = display_path(folder);
    std::cout << "next: " << (where.empty() || where == "." ? "" : "cd " + where + " && ")
              << "siracusa lint && siracusa check\n";
  }
  return 0;
}

} // namespace siracusa::cli
