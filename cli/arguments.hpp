// cli — the command line: commands, options and what a mistake in them says.
// Values are checked here, not by CLI11's validators, so that every usage error is one
// of our sentences (E0009) rather than a library's message.
#pragma once

#include "commands.hpp"

#include <variant>

namespace siracusa::cli {

enum class Command { lint, fmt, check, explain, test, diff, suggest, init, vocab, coverage };

struct Invocation {
  Command command = Command::lint;
  GlobalOptions global;
  LintOptions lint;
  FmtOptions fmt;
  CheckOptions check;
  ExplainOptions explain;
  TestOptions test;
  DiffOptions diff;
  SuggestOptions suggest;
  InitOptions init;
  VocabOptions vocab;
  CoverageOptions coverage;
};

// The command to run, or the exit status when there is none to run: after --help or
// --version (0), a usage error (2, printed), or no command at all (the help, 2).
std::variant<Invocation, int> parse_arguments(int argc, char** argv);

} // namespace siracusa::cli
