// engine/model — the order of the passes, and resolve() and load_model() on top of them.
// Takes: parsed files (FileSet). Gives: the Model and located diagnostics.
#include "model/resolver.hpp"

namespace siracusa::model::detail {

Model Resolver::run() {
  for (const auto& file : files_.files)
    model_.files.push_back(file.display);
  order_files();

  for_each_declaration([&](const auto& node) { declare(node); });
  for_each_declaration([&](const auto& node) { resolve_vocabulary(node); });
  for_each_declaration([&](const auto& node) { resolve_rules(node); });
  apply_distinctions();
  for_each_declaration([&](const auto& node) { resolve_laws(node); });
  for_each_declaration([&](const auto& node) { resolve_amendments(node); });
  for_each_declaration([&](const auto& node) { resolve_expectations(node); });
  return std::move(model_);
}

} // namespace siracusa::model::detail

namespace siracusa::model {

using detail::Resolver;

Model resolve(const FileSet& files, Diagnostics& diagnostics) {
  return Resolver(files, diagnostics).run();
}

Model load_model(const std::vector<std::string>& paths, Diagnostics& diagnostics, const LoadOptions& options) {
  FileSet files = load_files(paths, diagnostics, options);
  return resolve(files, diagnostics);
}

} // namespace siracusa::model
