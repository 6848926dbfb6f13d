#include "report/metadata.hpp"

#include "diag/sha256.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace siracusa::report {

namespace fs = std::filesystem;

std::string file_digest(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return "";
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return sha256_hex(bytes.str());
}

std::vector<InputFile> digest_inputs(const model::Model& model, const fs::path& display_root) {
  std::vector<InputFile> out;
  for (const auto& name : model.files)
    out.push_back({name, file_digest(display_root / name)});
  return out;
}

std::string rule_base_digest(const std::vector<InputFile>& files, const model::Model& model) {
  std::set<fs::path> folders;
  for (const auto& test : model.tests)
    if (test.span.valid())
      folders.insert(fs::path(test.span.file->path()).parent_path());
  if (folders.empty())
    return "";
  std::vector<std::pair<std::string, std::string>> lines; // name, line
  for (const auto& file : files) {
    fs::path path(file.path);
    for (const auto& folder : folders) {
      // A folder's files, its sub-folders' included; the empty folder is the display root.
      fs::path relative = folder.empty() ? path : path.lexically_relative(folder);
      if (relative.empty() || relative.is_absolute() || *relative.begin() == "..")
        continue;
      std::string name = (folder.filename() / relative).generic_string();
      lines.emplace_back(name, file.sha256 + "  " + name + "\n");
      break;
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string all;
  for (const auto& [name, line] : lines)
    all += line;
  return sha256_hex(all);
}

} // namespace siracusa::report
