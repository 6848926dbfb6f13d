// cli — `siracusa vocab [NAME] [PATH...]`: the vocabulary in which provisions are written,
// or one item of it in full (engine/report/vocabulary.cpp renders both).
#include "commands.hpp"

#include "diag/suggest.hpp"
#include "model/resolve.hpp"
#include "report/vocabulary.hpp"

#include <iostream>

namespace siracusa::cli {

int run_vocab(const VocabOptions& options, const GlobalOptions& global) {
  Inputs inputs;
  ProjectConfig config;
  if (!resolve_inputs(options.paths, global, inputs, config))
    return 2;
  Diagnostics diagnostics;
  model::Model model = model::load_model(inputs.paths, diagnostics, load_options(inputs));
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, global);
    return 2;
  }
  if (options.name.empty()) {
    std::cout << report::render_vocabulary(model);
    return 0;
  }
  if (auto item = report::render_vocabulary_item(model, options.name)) {
    std::cout << *item;
    return 0;
  }
  std::vector<std::string> notes;
  if (auto suggestion = closest(options.name, report::vocabulary_names(model)))
    notes.push_back("did you mean `" + *suggestion + "`?");
  if (model.find_right(options.name) >= 0 || model.find_test(options.name) >= 0)
    notes.push_back("`" + options.name + "` is a " + (model.find_right(options.name) >= 0 ? "right" : "test") +
                    ", not part of the vocabulary");
  notes.emplace_back("`siracusa vocab` with no name lists the whole vocabulary");
  print_error("E0014", "no fact, enum, member, person attribute, duty or act is named `" + options.name + "`", notes,
              global);
  return 2;
}

} // namespace siracusa::cli
