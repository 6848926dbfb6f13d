#include "model/loader.hpp"
#include "syntax/parsed_file.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <set>
#include <thread>

namespace siracusa::model {

namespace fs = std::filesystem;

namespace {

// `file` relative to `folder` when it is inside it.
std::optional<std::string> inside(const fs::path& file, const fs::path& folder) {
  std::error_code error;
  fs::path base = fs::weakly_canonical(folder, error);
  if (error)
    return std::nullopt;
  fs::path relative = file.lexically_relative(base);
  if (relative.empty() || *relative.begin() == "..")
    return std::nullopt;
  return relative.generic_string();
}

std::string display_name(const fs::path& canonical, const LoadOptions& options) {
  if (auto relative = inside(canonical, options.display_root))
    return *relative;
  for (const auto& [name, folder] : options.roots)
    if (auto relative = inside(canonical, folder))
      return "@" + name + "/" + *relative;
  return canonical.generic_string();
}

// The root names, for messages: "`@siracusa/` (/usr/share/siracusa)".
std::string describe_roots(const LoadOptions& options) {
  std::string out;
  for (const auto& [name, folder] : options.roots)
    out += (out.empty() ? "" : ", ") + ("`@" + name + "/` (" + folder.generic_string() + ")");
  return out.empty() ? "there are none" : "the roots are " + out;
}

class Loader {
 public:
  Loader(Diagnostics& diagnostics, const LoadOptions& options) : diagnostics_(diagnostics), options_(options) {}

  void add_root(const std::string& written) {
    auto expanded = expand_root(written, options_);
    if (!expanded) {
      diagnostics_.error("E0001", {}, "cannot read `" + written + "`: it starts with an unknown root")
          .notes.push_back({{}, describe_roots(options_)});
      return;
    }
    std::string path = expanded->string();
    std::error_code error;
    if (!fs::exists(path, error)) {
      diagnostics_.error("E0001", {}, "cannot read `" + written + "`: no such file or folder");
      return;
    }
    if (fs::is_directory(path, error)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, error);
           it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error)
          break;
        if (it->is_regular_file(error) && it->path().extension() == ".sir")
          found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      if (found.empty() && !error) {
        // Nothing to check is almost always a wrong path, not a clean result.
        diagnostics_.error("E0001", {}, "`" + written + "` holds no rule files (*.sir)");
        return;
      }
      preparse(found);
      for (const auto& file : found)
        load(file, {});
      return;
    }
    load(path, {});
  }

  FileSet finish() {
    // Sort by display name so that the order of files never depends on the order of
    // arguments or of the directory listing.
    std::vector<std::size_t> order(files_.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return files_[a].display < files_[b].display; });
    std::vector<std::size_t> new_index(files_.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      new_index[order[i]] = i;
    FileSet set;
    for (std::size_t i : order) {
      LoadedFile file = std::move(files_[i]);
      for (auto& imported : file.imports)
        imported = new_index[imported];
      set.files.push_back(std::move(file));
    }
    for (std::size_t i = 0; i < set.files.size(); ++i)
      for (std::size_t k = 0; k < set.files[i].imports.size(); ++k)
        find_cycle(set, i, k);
    for (auto& file : set.files) {
      file.visible.assign(set.files.size(), false);
    }
    for (std::size_t i = 0; i < set.files.size(); ++i) {
      std::vector<std::size_t> work{i};
      while (!work.empty()) {
        std::size_t f = work.back();
        work.pop_back();
        if (set.files[i].visible[f])
          continue;
        set.files[i].visible[f] = true;
        for (auto imported : set.files[f].imports)
          work.push_back(imported);
      }
    }
    return set;
  }

 private:
  // Loads a file once; returns its index, or nothing if it cannot be read.
  // `written` is the import's text as the user wrote it, for messages.
  std::optional<std::size_t> load(const fs::path& path, const Span& requested_at, const std::string& written = {}) {
    std::error_code error;
    fs::path canonical = fs::weakly_canonical(fs::absolute(path, error), error);
    if (auto known = by_path_.find(canonical); known != by_path_.end())
      return known->second;
    std::string display = display_name(canonical, options_);
    if (!fs::exists(canonical, error) || fs::is_directory(canonical, error)) {
      if (requested_at.valid())
        diagnostics_
            .error("E0207", requested_at,
                   "cannot find imported file `" + (written.empty() ? path.generic_string() : written) + "`")
            .notes.push_back({{}, "imports are relative to the importing file; looked for " + display});
      else
        diagnostics_.error("E0001", {}, "cannot read `" + path.generic_string() + "`");
      return std::nullopt;
    }
    syntax::ParsedFilePtr parsed;
    if (auto ready = preparsed_.find(canonical); ready != preparsed_.end()) {
      diagnostics_.append(ready->second.diagnostics);
      parsed = std::move(ready->second.parsed);
      preparsed_.erase(ready);
    } else {
      parsed = read_and_parse(canonical, display, requested_at, diagnostics_);
    }
    if (!parsed)
      return std::nullopt;
    std::size_t index = files_.size();
    by_path_[canonical] = index;
    files_.push_back(LoadedFile{display, canonical, std::move(parsed), {}, {}});
    // Copy what we need: files_ may reallocate while imports load.
    std::vector<std::pair<std::string, Span>> imports;
    for (const auto& declaration : files_[index].parsed->ast.declarations) {
      if (auto* import = boost::get<ast::Import>(&declaration.get()))
        imports.emplace_back(import->path.joined(), files_[index].parsed->span(*import));
    }
    for (const auto& [imported, span] : imports) {
      std::optional<std::size_t> target;
      if (imported.rfind('@', 0) == 0) {
        if (auto expanded = expand_root(imported, options_))
          target = load(*expanded, span, imported);
        else
          diagnostics_
              .error("E0207", span, "cannot find imported file `" + imported + "`: it starts with an unknown root")
              .notes.push_back({{}, describe_roots(options_)});
      } else {
        target = load(canonical.parent_path() / imported, span, imported);
      }
      if (target && *target == index)
        diagnostics_.error("E0206", span, "import cycle: " + display + " imports itself")
            .notes.push_back({{}, "remove this import"});
      if (target)
        files_[index].imports.push_back(*target);
      else
        files_[index].imports.push_back(index); // keeps positions aligned with the import statements
    }
    return index;
  }

  syntax::ParsedFilePtr read_and_parse(const fs::path& canonical, const std::string& display, const Span& requested_at,
                                       Diagnostics& diagnostics) const {
    // Diagnostics show the display name, not the absolute path.
    auto source = syntax::read_source(canonical.string(), diagnostics, requested_at, options_.limits, display);
    if (!source)
      return nullptr;
    source = std::make_shared<SourceFile>(display, source->text());
    auto parsed = syntax::parse(source, diagnostics, options_.limits);
    if (options_.on_parsed)
      options_.on_parsed(++parsed_count_);
    return parsed;
  }

  // Parses the files of a folder on all cores; `load` then takes them in order, so the
  // result is the same as parsing one by one.
  void preparse(const std::vector<fs::path>& files) {
    unsigned threads = std::min<unsigned>(std::max(1U, std::thread::hardware_concurrency()), 8);
    if (files.size() < 4 || threads < 2)
      return;
    struct Slot {
      fs::path canonical;
      Preparsed result;
    };
    std::vector<Slot> slots(files.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i = next++; i < files.size(); i = next++) {
        std::error_code error;
        fs::path canonical = fs::weakly_canonical(fs::absolute(files[i], error), error);
        if (error || by_path_.count(canonical))
          continue;
        slots[i].canonical = canonical;
        slots[i].result.parsed =
            read_and_parse(canonical, display_name(canonical, options_), {}, slots[i].result.diagnostics);
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
      pool.emplace_back(work);
    work();
    for (auto& t : pool)
      t.join();
    for (auto& slot : slots)
      if (!slot.canonical.empty() && (slot.result.parsed || slot.result.diagnostics.size() > 0))
        preparsed_.emplace(slot.canonical, std::move(slot.result));
  }

  void find_cycle(FileSet& set, std::size_t file, std::size_t import_position) {
    // A depth-first walk from each import; reported at the import that closes the cycle.
    std::size_t target = set.files[file].imports[import_position];
    if (target == file)
      return; // an unreadable import, already reported
    std::vector<std::size_t> path{file};
    std::set<std::size_t> seen;
    if (reaches(set, target, file, path, seen)) {
      // One report per cycle, at the import of its first file in display order: a cycle
      // through three files is one problem, not three.
      std::set<std::size_t> members(path.begin(), path.end());
      if (reported_.insert(members).second) {
        std::string chain;
        for (std::size_t k = 0; k < path.size(); ++k)
          chain += (k > 0 ? " -> " : "") + set.files[path[k]].display;
        const auto& parsed = *set.files[file].parsed;
        std::size_t seen_imports = 0;
        for (const auto& declaration : parsed.ast.declarations) {
          if (auto* import = boost::get<ast::Import>(&declaration.get())) {
            if (seen_imports++ == import_position) {
              diagnostics_.error("E0206", parsed.span(*import), "import cycle: " + chain)
                  .notes.push_back({{}, "move what both files need into a third file that neither imports"});
              break;
            }
          }
        }
      }
    }
  }

  bool reaches(const FileSet& set, std::size_t from, std::size_t goal, std::vector<std::size_t>& path,
               std::set<std::size_t>& seen) {
    path.push_back(from);
    if (from == goal)
      return true;
    if (seen.insert(from).second) {
      for (auto next : set.files[from].imports)
        if (next != from && reaches(set, next, goal, path, seen))
          return true;
    }
    path.pop_back();
    return false;
  }

  Diagnostics& diagnostics_;
  const LoadOptions& options_;
  std::vector<LoadedFile> files_;
  std::map<fs::path, std::size_t> by_path_;
  struct Preparsed {
    syntax::ParsedFilePtr parsed;
    Diagnostics diagnostics;
  };
  std::map<fs::path, Preparsed> preparsed_;
  std::set<std::set<std::size_t>> reported_;
  mutable std::atomic<std::size_t> parsed_count_{0};
};

} // namespace

std::optional<fs::path> expand_root(const std::string& path, const LoadOptions& options) {
  if (path.rfind('@', 0) != 0)
    return fs::path(path);
  auto slash = path.find('/');
  auto root = options.roots.find(path.substr(1, slash == std::string::npos ? std::string::npos : slash - 1));
  if (root == options.roots.end())
    return std::nullopt;
  return slash == std::string::npos ? root->second : root->second / path.substr(slash + 1);
}

FileSet load_files(const std::vector<std::string>& paths, Diagnostics& diagnostics, const LoadOptions& options) {
  Loader loader(diagnostics, options);
  for (const auto& path : paths)
    loader.add_root(path);
  return loader.finish();
}

} // namespace siracusa::model
