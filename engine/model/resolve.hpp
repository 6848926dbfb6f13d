// engine/model — name resolution and type checking.
// Takes: a FileSet (parsed files and their imports). Gives: a Model, and diagnostics for
// unknown or duplicate names, unknown facts, type mismatches, unknown rights, missing
// sources and citations. A file sees only what it declares and what it imports.
#pragma once

#include "diag/diagnostics.hpp"
#include "diag/suggest.hpp"
#include "model/loader.hpp"
#include "model/model.hpp"

namespace siracusa::model {

Model resolve(const FileSet& files, Diagnostics& diagnostics);

// Loads and resolves in one step: what `lint` and `check` do.
Model load_model(const std::vector<std::string>& paths, Diagnostics& diagnostics, const LoadOptions& options = {});

// "Did you mean": engine/diag/suggest.hpp.
using siracusa::closest;

} // namespace siracusa::model
