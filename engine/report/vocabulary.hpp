// engine/report — the vocabulary of a model as plain text, for `siracusa vocab`.
// Takes: a model. Gives: the facts (type, doc, the tests that read each), enums and their
// members, person attributes (protected or not), duties and acts; or one of them in full.
// Sorted by name everywhere, so the output depends only on the rules.
#pragma once

#include "model/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace siracusa::report {

std::string render_vocabulary(const model::Model& model);

// Every item named `name` in full (a fact and an enum may share a name), or nothing.
std::optional<std::string> render_vocabulary_item(const model::Model& model, const std::string& name);

// Every name render_vocabulary_item() knows, for "did you mean".
std::vector<std::string> vocabulary_names(const model::Model& model);

} // namespace siracusa::report
