// engine/diag — diagnostics as data. Stages add; nobody prints until the CLI renders.
#pragma once

#include "diag/source.hpp"

#include <string>
#include <vector>

namespace siracusa {

enum class Severity { error, warning, note };

struct Note {
  Span span; // may be invalid: a note without a location
  std::string message;
};

struct Diagnostic {
  std::string id; // stable, e.g. "E0102"; documented in docs/diagnostics.md
  Severity severity = Severity::error;
  Span span; // invalid only for errors about no file at all (usage)
  std::string message;
  std::vector<Note> notes;
};

class Diagnostics {
 public:
  Diagnostic& error(std::string id, Span span, std::string message);
  Diagnostic& warning(std::string id, Span span, std::string message);

  const std::vector<Diagnostic>& all() const { return items_; }
  bool has_errors() const { return error_count_ > 0; }
  std::size_t error_count() const { return error_count_; }
  std::size_t size() const { return items_.size(); }
  void append(const Diagnostics& other);

  // Orders by file, position, then id so that output never depends on the order
  // in which stages or threads happened to report.
  void sort();

 private:
  std::vector<Diagnostic> items_;
  std::size_t error_count_ = 0;
};

struct RenderOptions {
  bool color = false;
};

// `file:line:col: error[E0102]: message`, the source line, a caret, then notes.
std::string render(const Diagnostic& diagnostic, const RenderOptions& options);
std::string render_all(const Diagnostics& diagnostics, const RenderOptions& options);

} // namespace siracusa
