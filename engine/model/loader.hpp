// engine/model — reading a set of rule files.
// Takes: paths (files or folders) given by the user. Gives: every `.sir` file under
// them plus everything they import, parsed, in a deterministic order, with the import
// graph checked for missing files and cycles.
#pragma once

#include "diag/diagnostics.hpp"
#include "syntax/parser.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace siracusa::model {

struct LoadOptions {
  // File names in diagnostics and reports are shown relative to this folder when they
  // are inside it, so that reports do not depend on where a checkout lives.
  std::filesystem::path display_root = std::filesystem::current_path();
  syntax::ParseLimits limits;
};

struct LoadedFile {
  std::string display;             // the name shown to users
  std::filesystem::path canonical; // identity of the file
  std::unique_ptr<syntax::ParsedFile> parsed;
  std::vector<std::size_t> imports; // indices into FileSet::files
  std::vector<bool> visible;        // visible[j]: this file imports file j, directly or not, or is j
};

struct FileSet {
  std::vector<LoadedFile> files; // sorted by display name
};

// Folders are searched recursively for `*.sir`; a path that does not exist is E0001.
FileSet load_files(const std::vector<std::string>& paths, Diagnostics& diagnostics, const LoadOptions& options = {});

} // namespace siracusa::model
