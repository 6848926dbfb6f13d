// cli — `siracusa coverage DOC [PATH...]`: for each paragraph of one source document, the
// provisions that cite it, what the check finds on them and the expectations that cite it
// (engine/report/coverage.cpp decides and renders). The document is an argument: this
// command works for any source with a declared paragraph range.
#include "commands.hpp"
#include "law.hpp"
#include "output.hpp"

#include "check/check.hpp"
#include "check/expectations.hpp"
#include "diag/suggest.hpp"
#include "report/coverage.hpp"
#include "report/coverage_notes.hpp"

#include <iostream>

namespace siracusa::cli {

namespace {

// The document to cover, or E0021: it must be declared, with the range of its paragraphs,
// or there is nothing to enumerate.
const model::Document* document_to_cover(const model::Model& model, const std::string& id,
                                         const GlobalOptions& global) {
  const model::Document* document = model.find_document(id);
  if (!document) {
    std::vector<std::string> known;
    for (const auto& d : model.documents)
      known.push_back(d.id);
    std::vector<std::string> notes;
    if (auto suggestion = closest(id, known))
      notes.push_back("did you mean `" + *suggestion + "`?");
    notes.emplace_back("the document must be declared (`document ID { ... }`) in the paths read");
    print_error("E0021", "no document `" + id + "` is declared", notes, global);
    return nullptr;
  }
  if (!document->paragraphs) {
    print_error("E0021", "document `" + id + "` declares no `paragraphs:` range, so its paragraphs cannot be listed",
                {"add `paragraphs: 1..N` to its declaration, with N its last paragraph"}, global);
    return nullptr;
  }
  return document;
}

} // namespace

int run_coverage(const CoverageOptions& options, const GlobalOptions& global) {
  Loaded loaded;
  if (!load(options.paths, options.law, global, loaded))
    return 2;
  const model::Document* document = document_to_cover(loaded.law, options.document, global);
  if (!document)
    return 2;
  std::vector<report::CoverageNote> notes;
  if (!options.notes.empty()) {
    Diagnostics diagnostics;
    auto read = report::read_coverage_notes(options.notes, options.notes, *document, diagnostics);
    if (!read) {
      print_diagnostics(diagnostics, global);
      return 2;
    }
    notes = std::move(*read);
  }
  // The same limits as `check`, so that the findings are those check reports.
  auto result =
      run_checks(loaded.law, decision_options(loaded.config, options.timeout_ms, std::nullopt, options.jobs), global);
  if (!result)
    return 2;
  auto expectations = check::compare(loaded.law, *result);
  auto coverage = report::coverage_of(*document, loaded.law, *result, expectations, notes);
  std::string rendered =
      options.format == "json" ? report::render_coverage_json(coverage) : report::render_coverage_markdown(coverage);
  if (options.output.empty()) {
    std::cout << rendered;
    return 0;
  }
  std::string error;
  if (!write_output(options.output, rendered, error)) {
    print_error("E0010", error, {}, global);
    return 2;
  }
  return 0;
}

} // namespace siracusa::cli
