// cli — the `siracusa` executable: arguments (arguments.cpp), then one command
// (commands.cpp, check_command.cpp, init_command.cpp, vocab_command.cpp, coverage_command.cpp). The engine
// returns values and diagnostics; only the CLI prints.
//
// Exit status: 0 clean, 1 findings that fail (check) or files that would change
// (fmt --check, fmt --diff), 2 bad input or usage.
#include "arguments.hpp"
#include "system_error.hpp"

#include <iostream>
#include <new>

int main(int argc, char** argv) {
  using namespace siracusa::cli;
  auto parsed = parse_arguments(argc, argv);
  if (auto* status = std::get_if<int>(&parsed))
    return *status;
  auto& run = std::get<Invocation>(parsed);
  configure_output(run.global);
  try {
    switch (run.command) {
    case Command::lint:
      return run_lint(run.lint, run.global);
    case Command::fmt:
      return run_fmt(run.fmt, run.global);
    case Command::check:
      return run_check(run.check, run.global);
    case Command::explain:
      return run_explain(run.explain, run.global);
    case Command::test:
      return run_test(run.test, run.global);
    case Command::diff:
      return run_diff(run.diff, run.global);
    case Command::suggest:
      return run_suggest(run.suggest, run.global);
    case Command::init:
      return run_init(run.init, run.global);
    case Command::vocab:
      return run_vocab(run.vocab, run.global);
    case Command::coverage:
      return run_coverage(run.coverage, run.global);
    }
  } catch (const std::exception& e) {
    // The engine reports bad input as diagnostics; what reaches here is a failure of the
    // system (a file system error, memory) or a bug: said in our words, never a crash.
    report_exception(e, run.global);
    return 2;
  }
  return 2;
}
