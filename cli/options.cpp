#include "options.hpp"

#include <toml++/toml.h>

#include <unistd.h>

namespace siracusa::cli {

namespace fs = std::filesystem;

std::optional<ProjectConfig> find_project_config(const fs::path& start, std::string& error) {
  std::error_code ec;
  fs::path folder = fs::weakly_canonical(start, ec);
  while (true) {
    fs::path candidate = folder / "siracusa.toml";
    if (fs::is_regular_file(candidate, ec)) {
      ProjectConfig config;
      config.file = candidate;
      try {
        toml::table table = toml::parse_file(candidate.string());
        // A value of the wrong kind: E0008 at the value, like a syntax error.
        auto invalid = [&](const toml::node& node, const std::string& message) {
          if (!error.empty())
            return;
          const auto& where = node.source().begin;
          error = candidate.string() + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) +
                  ": error[E0008]: invalid siracusa.toml: " + message;
        };
        if (auto* corpus = table["corpus"].node(); corpus && !corpus->is_table())
          invalid(*corpus, "`corpus` must be a table (`[corpus]`)");
        if (auto* paths = table["corpus"]["paths"].node()) {
          if (auto* list = paths->as_array()) {
            for (const auto& item : *list) {
              if (auto value = item.value<std::string>())
                config.paths.push_back((folder / *value).lexically_normal().string());
              else
                invalid(item, "`corpus.paths` must be a list of strings");
            }
          } else {
            invalid(*paths, "`corpus.paths` must be a list of strings");
          }
        }
        if (auto* timeout = table["check"]["timeout_ms"].node()) {
          auto value = timeout->value<int64_t>();
          if (!value || *value <= 0 || *value > 86'400'000)
            invalid(*timeout, "`check.timeout_ms` must be a positive number of milliseconds");
          else
            config.timeout_ms = static_cast<unsigned>(*value);
        }
        if (auto* format = table["check"]["format"].node()) {
          auto value = format->value<std::string>();
          if (!value ||
              (*value != "text" && *value != "json" && *value != "html" && *value != "markdown" && *value != "sarif"))
            invalid(*format, "`check.format` must be \"text\", \"json\", \"html\", \"markdown\" or \"sarif\"");
          else
            config.format = *value;
        }
      } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        error = candidate.string() + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) +
                ": error[E0008]: invalid siracusa.toml: " + std::string(e.description());
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

} // namespace siracusa::cli
