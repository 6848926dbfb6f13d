// engine/model — reading a set of rule files.
// Takes: paths (files or folders) given by the user. Gives: every `.sir` file under
// them plus everything they import, parsed, in a deterministic order, with the import
// graph checked for missing files and cycles.
#pragma once

#include "diag/diagnostics.hpp"
#include "syntax/parser.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace siracusa::model {

struct LoadOptions {
  // File names in diagnostics and reports are shown relative to this folder when they
  // are inside it, so that reports do not depend on where a checkout lives.
  std::filesystem::path display_root = std::filesystem::current_path();
  syntax::ParseLimits limits;
  // Named folders that a path or an import may start with, as `@name/...`: the CLI names
  // the corpus bundled with the binary, so that a project imports its rules wherever
  // they are installed. A file under a root and not under `display_root` is shown as
  // `@name/...`, which does not depend on where the root is either.
  std::map<std::string, std::filesystem::path> roots;
  // Called each time a file has been parsed, with how many have been so far, from the
  // threads that parse (possibly two at once): it must be thread-safe and quick. For a
  // progress display; it has no effect on the result.
  std::function<void(std::size_t parsed)> on_parsed;
};

// `@name/rest` as roots[name]/rest; any other path as it is; nothing when `@name` is not
// a root.
std::optional<std::filesystem::path> expand_root(const std::string& path, const LoadOptions& options);

struct LoadedFile {
  std::string display;             // the name shown to users
  std::filesystem::path canonical; // identity of the file
  syntax::ParsedFilePtr parsed;
  std::vector<std::size_t> imports; // indices into FileSet::files
  std::vector<bool> visible;        // visible[j]: this file imports file j, directly or not, or is j
};

struct FileSet {
  std::vector<LoadedFile> files; // sorted by display name
};

// Folders are searched recursively for `*.sir`; a path that does not exist is E0001.
FileSet load_files(const std::vector<std::string>& paths, Diagnostics& diagnostics, const LoadOptions& options = {});

} // namespace siracusa::model
