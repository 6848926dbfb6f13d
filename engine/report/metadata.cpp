#include "report/metadata.hpp"

#include "diag/sha256.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace siracusa::report {

namespace fs = std::filesystem;

std::vector<InputFile> digest_inputs(const model::Model& model, const fs::path& display_root) {
  std::vector<InputFile> out;
  for (const auto& name : model.files) {
    std::ifstream in(display_root / name, std::ios::binary);
    InputFile file{name, ""};
    if (in) {
      std::ostringstream bytes;
      bytes << in.rdbuf();
      file.sha256 = sha256_hex(bytes.str());
    }
    out.push_back(std::move(file));
  }
  return out;
}

std::string rule_base_digest(const std::vector<InputFile>& files, const model::Model& model) {
  std::set<fs::path> folders;
  for (const auto& test : model.tests)
    if (test.span.valid())
      folders.insert(fs::path(test.span.file->path()).parent_path());
  if (folders.empty())
    return "";
  std::vector<std::string> lines;
  for (const auto& file : files) {
    fs::path path(file.path);
    for (const auto& folder : folders) {
      // A folder's files, its sub-folders' included; the empty folder is the display root.
      fs::path relative = folder.empty() ? path : path.lexically_relative(folder);
      if (relative.empty() || relative.is_absolute() || *relative.begin() == "..")
        continue;
      lines.push_back(file.sha256 + "  " + (folder.filename() / relative).generic_string() + "\n");
      break;
    }
  }
  std::sort(lines.begin(), lines.end(),
            [](const std::string& a, const std::string& b) { return a.substr(66) < b.substr(66); });
  std::string all;
  for (const auto& line : lines)
    all += line;
  return sha256_hex(all);
}

} // namespace siracusa::report
