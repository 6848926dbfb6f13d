#include "arguments.hpp"

#include "diag/suggest.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <iostream>
#include <regex>
#include <tuple>

namespace siracusa::cli {

namespace {

const std::vector<std::string> command_names = {"lint", "fmt",     "check", "explain", "test",
                                                "diff", "suggest", "init",  "vocab",   "coverage"};

// A usage error: printed like every other diagnostic about no file, then a pointer to
// the help.
int usage_error(const std::string& message, std::vector<std::string> notes = {}) {
  notes.emplace_back("run `siracusa --help` for usage");
  GlobalOptions plain;
  print_error("E0009", message, notes, plain);
  return 2;
}

// An option's text checked as a whole number in [min, max].
std::optional<unsigned> whole_number(const std::string& option, const std::optional<std::string>& text,
                                     unsigned long long min, unsigned long long max, const std::string& what,
                                     std::optional<std::string>& error) {
  if (!text)
    return std::nullopt;
  unsigned long long value = 0;
  const char* end = text->data() + text->size();
  auto [stop, problem] = std::from_chars(text->data(), end, value);
  if (text->empty() || problem != std::errc() || stop != end || value < min || value > max) {
    if (!error)
      error = "`" + option + "` takes " + what + ", not `" + *text + "`";
    return std::nullopt;
  }
  return static_cast<unsigned>(value);
}

// A flag and its negation (`--strict`, `--no-strict`) as one setting: unset when neither
// is given, so that siracusa.toml decides.
std::optional<bool> flag_pair(bool on, bool off) {
  if (on == off)
    return std::nullopt;
  return on;
}

// `--as-of` and `--amend`, for every command that reads the law of a day.
void add_law_options(CLI::App& command, LawOptions& law) {
  command.add_option("--as-of", law.as_of,
                     "Read the law as it stood on this day, YYYY-MM-DD (default: siracusa.toml's check.as_of, else "
                     "the latest date the corpus gives; never the clock)");
  command
      .add_option("--amend", law.amend,
                  "Apply the amendments of this file as if adopted (repeatable; applied in the order given)")
      ->allow_extra_args(false);
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const auto* option : app.get_options())
    for (const auto& name : option->get_lnames())
      names.push_back("--" + name);
  return names;
}

} // namespace

std::variant<Invocation, int> parse_arguments(int argc, char** argv) {
  Invocation run;
  CLI::App app{"siracusa — checks national legislation against the ICCPR.\n"
               "Rule files (.sir) describe rights, tests and a country's provisions as facts;\n"
               "the engine asks Z3 which provisions fail which tests.",
               "siracusa"};
  // Mistakes are collected and reported below, in our words, rather than thrown by CLI11.
  app.allow_extras();
  // One command at most, so that `lint check` lints a file named `check`.
  app.require_subcommand(0, 1);
  // Global options may also follow the command: `siracusa check --color never`.
  app.fallthrough();
  app.set_version_flag("--version", std::string("siracusa ") + SIRACUSA_VERSION);
  app.footer("With no command, siracusa prints this help and exits with status 2 (a usage error), as a script\n"
             "that forgot its command must not pass. Exit status: 0 clean, 1 findings that fail (check) or files\n"
             "that would change (fmt --check, --diff), 2 bad input or usage.\n"
             "Settings come from the command line, then siracusa.toml (in this folder or a parent), then defaults.");
  auto& global = run.global;
  app.add_flag("-v,--verbose", global.verbose, "Log stages, timings and solver counts to stderr");
  app.add_flag("-q,--quiet", global.quiet, "No progress and no summary lines on a terminal; diagnostics still show");
  std::string color;
  app.add_option("--color", color, "Colour output: auto (default; off when NO_COLOR is set), always, never");

  auto* lint_cmd = app.add_subcommand("lint", "Parse and check rule files and folders (recursively)");
  lint_cmd->allow_extras();
  lint_cmd->add_option("paths", run.lint.paths,
                       "Files or folders; default: siracusa.toml's paths or the bundled corpus");
  bool strict = false;
  bool no_strict = false;
  lint_cmd->add_flag("--strict", strict, "Treat warnings as errors (siracusa.toml: lint.strict)");
  lint_cmd->add_flag("--no-strict", no_strict, "Do not, whatever siracusa.toml says");
  lint_cmd->footer("Exit status: 0 clean, 2 errors.");

  auto* fmt_cmd = app.add_subcommand("fmt", "Rewrite rule files in the canonical layout, keeping comments");
  fmt_cmd->allow_extras();
  fmt_cmd->add_option("paths", run.fmt.paths,
                      "Files or folders; default: siracusa.toml's paths (the project's own files) or, with --check "
                      "or --diff, the bundled corpus");
  fmt_cmd->add_flag("--check", run.fmt.check, "Change nothing; list files that would change and exit 1");
  fmt_cmd->add_flag("--diff", run.fmt.diff, "Change nothing; print a unified diff of what would change and exit 1");
  fmt_cmd->footer("Exit status: 0 done (or nothing to change), 1 files would change (--check, --diff), 2 errors.");

  std::optional<std::string> format;
  std::optional<std::string> timeout;
  std::optional<std::string> rlimit;
  std::optional<std::string> jobs;
  bool include_passes = false;
  bool no_include_passes = false;
  auto* check_cmd = app.add_subcommand("check", "Decide which provisions fail which tests");
  check_cmd->allow_extras();
  check_cmd->add_option("paths", run.check.paths,
                        "Files or folders; default: siracusa.toml's paths or the bundled corpus");
  check_cmd->add_option("--format", format,
                        "text (default), json, html, markdown or sarif (siracusa.toml: check.format)");
  check_cmd->add_option("--group-by", run.check.group_by, "text: group findings by law (default) or by ICCPR article");
  // Filters: comma-separated or repeated; every report format lists only what they keep
  // and still counts the rest.
  for (auto [name, into, what] :
       {std::tuple{"--right", &run.check.filters.rights, "List only findings on these rights (id or article)"},
        std::tuple{"--law", &run.check.filters.laws, "List only findings on these laws (or jurisdictions)"},
        std::tuple{"--criterion", &run.check.filters.criteria, "List only findings of these criteria"},
        std::tuple{"--verdict", &run.check.filters.verdicts, "List only findings with these verdicts"},
        std::tuple{"--strength", &run.check.filters.strengths, "List only findings of these strengths"}})
    check_cmd->add_option(name, *into, what)->delimiter(',')->allow_extra_args(false);
  check_cmd->add_option("--baseline", run.check.baseline,
                        "A previous JSON report: list only findings new or changed since (verdict, strength, basis)");
  check_cmd->add_flag("--timestamp", run.check.timestamp,
                      "Say when the report was made (reports are otherwise byte-identical for the same inputs)");
  check_cmd->add_option("-o,--output", run.check.output, "Write the report to FILE (written whole, or not at all)");
  check_cmd->add_flag("--include-passes", include_passes, "List findings that pass too (check.include_passes)");
  check_cmd->add_flag("--no-include-passes", no_include_passes, "Do not, whatever siracusa.toml says");
  check_cmd->add_option("--timeout-ms", timeout,
                        "Solver time limit per query, 1 to 86400000 (default 2000; "
                        "check.timeout_ms)");
  check_cmd->add_option("--rlimit", rlimit, "Solver resource limit per query (0 = none; check.rlimit)");
  check_cmd->add_flag("--all-z3", run.check.all_z3, "Send every decision to Z3 (no fast path), for audits");
  check_cmd->add_option("-j,--jobs", jobs, "Worker threads, 1 to 1024 (default 0: one per core; check.jobs)");
  check_cmd->add_flag("--include-all", run.check.include_all,
                      "List every finding, also those that pass or do not apply (they are always counted)");
  check_cmd->add_option("--min-basis", run.check.min_basis,
                        "Read only facts on this basis or a stronger one: text (the law as written), practice, or "
                        "assessment (default: every fact; check.min_basis)");
  check_cmd
      ->add_option("--fail-on", run.check.fail_on,
                   "Verdicts that make the exit status 1, as VERDICT or VERDICT:STRENGTH, comma-separated "
                   "(default: fails:per_se,fails:presumptive)")
      ->delimiter(',')
      ->allow_extra_args(false);
  add_law_options(*check_cmd, run.check.law);
  check_cmd->footer("Exit status: 0 nothing --fail-on names was found, 1 something was (by default a per se or "
                    "presumptive `fails`), 2 bad input or usage.\n"
                    "On a terminal, a run longer than a second shows its progress on stderr (not with -q or -v).");

  std::optional<std::string> test_timeout;
  std::optional<std::string> test_jobs;
  auto* test_cmd = app.add_subcommand("test", "Check the expectations (`expect ...`) written beside the laws");
  test_cmd->allow_extras();
  test_cmd->add_option("paths", run.test.paths, "Files or folders; default as for check");
  add_law_options(*test_cmd, run.test.law);
  test_cmd->add_option("--timeout-ms", test_timeout, "Solver time limit per query (check.timeout_ms)");
  test_cmd->add_option("-j,--jobs", test_jobs, "Worker threads (default: one per core; check.jobs)");
  test_cmd->footer("Exit status: 0 every expectation is met, 1 some are not, 2 bad input or no expectation.");

  std::optional<std::string> diff_timeout;
  std::optional<std::string> diff_jobs;
  auto* diff_cmd = app.add_subcommand("diff", "What a change of the law resolves, introduces and changes");
  diff_cmd->allow_extras();
  diff_cmd->add_option("paths", run.diff.paths, "Files or folders; default as for check");
  add_law_options(*diff_cmd, run.diff.law);
  diff_cmd->add_option("--to", run.diff.to, "Compare the law as of --as-of with the law as of this day, YYYY-MM-DD");
  diff_cmd->add_option("--format", run.diff.format, "text (default), json, markdown or html");
  diff_cmd->add_option("-o,--output", run.diff.output, "Write the report to FILE (written whole, or not at all)");
  diff_cmd->add_option("--timeout-ms", diff_timeout, "Solver time limit per query (check.timeout_ms)");
  diff_cmd->add_option("-j,--jobs", diff_jobs, "Worker threads (default: one per core; check.jobs)");
  diff_cmd->footer("Exit status: 0 nothing new fails, 1 the change makes something fail (per se or presumptive), "
                   "2 bad input or usage.");

  std::vector<std::string> suggest_arguments;
  std::optional<std::string> suggest_timeout;
  auto* suggest_cmd =
      app.add_subcommand("suggest", "The smallest change to a provision's facts after which none of its per se or "
                                    "presumptive tests fails, written as an amendment");
  suggest_cmd->allow_extras();
  suggest_cmd->add_option("provision", suggest_arguments,
                          "A provision id (law.provision), then files or folders (default as for check)");
  add_law_options(*suggest_cmd, run.suggest.law);
  suggest_cmd->add_option("-o,--output", run.suggest.output,
                          "Write the amendment to FILE (then read it back and check the provision with it)");
  suggest_cmd->add_option("--keep", run.suggest.keep, "A fact the drafter cannot change (repeatable)")
      ->allow_extra_args(false);
  suggest_cmd->add_option("--weight", run.suggest.weights, "FACT=N: the cost of changing a fact (default 1)")
      ->allow_extra_args(false);
  suggest_cmd->add_option("--timeout-ms", suggest_timeout, "Solver time limit per query (check.timeout_ms)");
  suggest_cmd->footer("Exit status: 0 a change was found and clears every per se and presumptive failure, 1 some "
                      "failure cannot be cleared by this provision's facts, 2 bad input or usage.");

  std::vector<std::string> explain_arguments;
  std::optional<std::string> explain_timeout;
  std::optional<std::string> explain_rlimit;
  auto* explain_cmd = app.add_subcommand("explain", "Print one finding in full: condition, facts, core, witness");
  explain_cmd->allow_extras();
  explain_cmd->add_option("finding", explain_arguments,
                          "A finding id (provision/right/test, as `check` lists it), then files or folders "
                          "(default as for check)");
  explain_cmd->add_option("--timeout-ms", explain_timeout, "Solver time limit per query (check.timeout_ms)");
  explain_cmd->add_option("--rlimit", explain_rlimit, "Solver resource limit per query (check.rlimit)");
  add_law_options(*explain_cmd, run.explain.law);
  explain_cmd->add_option("--format", run.explain.format, "text (default) or json");

  std::vector<std::string> init_arguments;
  auto* init_cmd = app.add_subcommand("init", "Start a project for a new jurisdiction: siracusa.toml, a documents "
                                              "file, a jurisdiction file and an example law");
  init_cmd->allow_extras();
  init_cmd->add_option("folder", init_arguments, "Where to write it (default: this folder; created if needed)");
  init_cmd->add_option("--jurisdiction", run.init.jurisdiction,
                       "The jurisdiction's id, a name such as `uz` (default: from the folder's name)");
  init_cmd->add_option("--title", run.init.title, "The jurisdiction's name, e.g. \"Republic of Uzbekistan\"");
  init_cmd->footer("Writes nothing if any of the files exists. Exit status: 0 written, 2 not.");

  std::vector<std::string> vocab_arguments;
  auto* vocab_cmd = app.add_subcommand("vocab", "List the vocabulary: facts, enums, person attributes, duties, acts");
  vocab_cmd->allow_extras();
  vocab_cmd->add_option("name", vocab_arguments,
                        "NAME [PATH...]: one item in full (a fact, enum, member, attribute, duty or act); "
                        "without it, everything. Paths default as for check. A first argument that exists as a "
                        "file or folder, or holds `/` or `.`, is a path");
  vocab_cmd->footer("Exit status: 0 listed, 2 no such item or bad input.");

  std::vector<std::string> coverage_arguments;
  std::optional<std::string> coverage_timeout;
  std::optional<std::string> coverage_jobs;
  auto* coverage_cmd = app.add_subcommand(
      "coverage", "For each paragraph of a source document: the provisions that cite it, their findings, the "
                  "expectations that cite it; and the paragraphs no provision covers");
  coverage_cmd->allow_extras();
  coverage_cmd->add_option("document", coverage_arguments,
                           "DOC [PATH...]: a document id declared with `paragraphs:`, then files or folders "
                           "(default as for check)");
  coverage_cmd->add_option("--format", run.coverage.format, "markdown (default) or json");
  coverage_cmd->add_option("-o,--output", run.coverage.output,
                           "Write the report to FILE (written whole, or not at all)");
  coverage_cmd->add_option("--notes", run.coverage.notes,
                           "A file of `N: note` or `N-M: note` lines (`#` comments): why a paragraph is not "
                           "covered, or what the analyst made of it");
  add_law_options(*coverage_cmd, run.coverage.law);
  coverage_cmd->add_option("--timeout-ms", coverage_timeout, "Solver time limit per query (check.timeout_ms)");
  coverage_cmd->add_option("-j,--jobs", coverage_jobs, "Worker threads (default: one per core; check.jobs)");
  coverage_cmd->footer("Exit status: 0 written, 2 bad input or usage (whatever the findings).");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ArgumentMismatch& e) {
    // `--format` at the end, or a value given to a flag; the message starts with the option.
    static const std::regex option(R"(^(-[-\w]*))");
    std::smatch m;
    std::string what = e.what();
    if (std::regex_search(what, m, option))
      return usage_error("option `" + m[1].str() + "` " +
                         (what.find("missing") != std::string::npos ? "needs a value" : "takes no value"));
    return usage_error("an option is missing its value, or a flag was given one");
  } catch (const CLI::ParseError&) {
    // Any other mistake CLI11 finds itself (with values checked below, there should be none).
    return usage_error("the command line cannot be read");
  }

  std::vector<CLI::App*> commands = {lint_cmd, fmt_cmd,     check_cmd, explain_cmd, test_cmd,
                                     diff_cmd, suggest_cmd, init_cmd,  vocab_cmd,   coverage_cmd};
  CLI::App* command = nullptr;
  for (auto* c : commands)
    if (c->parsed())
      command = c;

  // What CLI11 could not place: unknown options (here whichever command they follow) and,
  // before any command, unknown commands.
  for (const auto& extra : app.remaining()) {
    if (extra == "--")
      continue;
    if (!extra.empty() && extra.front() == '-') {
      std::string name = extra.substr(0, extra.find('='));
      auto known = option_names(app);
      if (command) {
        auto own = option_names(*command);
        known.insert(known.end(), own.begin(), own.end());
      }
      std::vector<std::string> notes;
      if (auto suggestion = closest(name, known)) {
        notes.push_back("did you mean `" + *suggestion + "`?");
      } else {
        for (auto* other : commands) {
          auto names = option_names(*other);
          if (other != command && std::find(names.begin(), names.end(), name) != names.end()) {
            notes.push_back("`" + name + "` is an option of `" + other->get_name() + "`");
            break;
          }
        }
      }
      return usage_error("unknown option `" + name + "`" + (command ? " for `" + command->get_name() + "`" : ""),
                         notes);
    }
    if (!command) {
      std::vector<std::string> notes;
      if (auto suggestion = closest(extra, command_names))
        notes.push_back("did you mean `" + *suggestion + "`?");
      return usage_error(
          "unknown command `" + extra +
              "`; the commands are lint, fmt, check, explain, test, diff, suggest, init, vocab and coverage",
          notes);
    }
  }
  if (!command) {
    // No command: the help, as a usage error (see the footer).
    std::cout << app.help();
    return 2;
  }

  if (!color.empty()) {
    if (color != "auto" && color != "always" && color != "never")
      return usage_error("`--color` takes auto, always or never, not `" + color + "`");
    global.color = color;
  }
  std::optional<std::string> error;
  if (command == lint_cmd) {
    run.command = Command::lint;
    if (strict && no_strict)
      return usage_error("`--strict` and `--no-strict` contradict each other");
    run.lint.strict = flag_pair(strict, no_strict);
  } else if (command == fmt_cmd) {
    run.command = Command::fmt;
    if (run.fmt.check && run.fmt.diff)
      return usage_error("`--check` and `--diff` cannot be combined; `--diff` also exits 1 when files would change");
  } else if (command == check_cmd) {
    run.command = Command::check;
    if (format && *format != "text" && *format != "json" && *format != "html" && *format != "markdown" &&
        *format != "sarif")
      return usage_error("`--format` takes text, json, html, markdown or sarif, not `" + *format + "`");
    if (!run.check.group_by.empty() && run.check.group_by != "law" && run.check.group_by != "article")
      return usage_error("`--group-by` takes law or article, not `" + run.check.group_by + "`");
    // `-q`: the counts alone.
    run.check.counts_only = global.quiet;
    run.check.format = format;
    if (include_passes && no_include_passes)
      return usage_error("`--include-passes` and `--no-include-passes` contradict each other");
    run.check.include_passes = flag_pair(include_passes, no_include_passes);
    run.check.timeout_ms =
        whole_number("--timeout-ms", timeout, 1, 86'400'000, "a number of milliseconds from 1 to 86400000", error);
    run.check.rlimit =
        whole_number("--rlimit", rlimit, 0, 4'294'967'295ULL, "a number from 0 (no limit) to 4294967295", error);
    run.check.jobs = whole_number("--jobs", jobs, 0, 1024, "a number of threads from 0 (one per core) to 1024", error);
    if (!run.check.min_basis.empty() && run.check.min_basis != "text" && run.check.min_basis != "practice" &&
        run.check.min_basis != "assessment")
      return usage_error("`--min-basis` takes text, practice or assessment, not `" + run.check.min_basis + "`");
  } else if (command == test_cmd) {
    run.command = Command::test;
    run.test.timeout_ms =
        whole_number("--timeout-ms", test_timeout, 1, 86'400'000, "a number of milliseconds from 1 to 86400000", error);
    run.test.jobs =
        whole_number("--jobs", test_jobs, 0, 1024, "a number of threads from 0 (one per core) to 1024", error);
  } else if (command == diff_cmd) {
    run.command = Command::diff;
    if (!run.diff.format.empty() && run.diff.format != "text" && run.diff.format != "json" &&
        run.diff.format != "markdown" && run.diff.format != "html")
      return usage_error("`--format` takes text, json, markdown or html, not `" + run.diff.format + "`");
    run.diff.timeout_ms =
        whole_number("--timeout-ms", diff_timeout, 1, 86'400'000, "a number of milliseconds from 1 to 86400000", error);
    run.diff.jobs =
        whole_number("--jobs", diff_jobs, 0, 1024, "a number of threads from 0 (one per core) to 1024", error);
  } else if (command == suggest_cmd) {
    run.command = Command::suggest;
    if (suggest_arguments.empty())
      return usage_error("`suggest` needs a provision id", {"write it as law.provision"});
    run.suggest.provision = suggest_arguments.front();
    run.suggest.paths.assign(suggest_arguments.begin() + 1, suggest_arguments.end());
    run.suggest.timeout_ms = whole_number("--timeout-ms", suggest_timeout, 1, 86'400'000,
                                          "a number of milliseconds from 1 to 86400000", error);
  } else if (command == explain_cmd) {
    run.command = Command::explain;
    if (explain_arguments.empty())
      return usage_error("`explain` needs a finding id", {"write it as `check` lists it: provision/right/test"});
    run.explain.finding = explain_arguments.front();
    if (run.explain.format != "text" && run.explain.format != "json")
      return usage_error("`--format` takes text or json, not `" + run.explain.format + "`");
    run.explain.paths.assign(explain_arguments.begin() + 1, explain_arguments.end());
    run.explain.timeout_ms = whole_number("--timeout-ms", explain_timeout, 1, 86'400'000,
                                          "a number of milliseconds from 1 to 86400000", error);
    run.explain.rlimit = whole_number("--rlimit", explain_rlimit, 0, 4'294'967'295ULL,
                                      "a number from 0 (no limit) to 4294967295", error);
  } else if (command == init_cmd) {
    run.command = Command::init;
    if (init_arguments.size() > 1)
      return usage_error("`init` takes one folder, not " + std::to_string(init_arguments.size()));
    if (!init_arguments.empty())
      run.init.folder = init_arguments.front();
  } else if (command == vocab_cmd) {
    run.command = Command::vocab;
    // NAME [PATH...]: the first argument is a name unless it is a file or folder.
    std::error_code ec;
    bool first_is_name = !vocab_arguments.empty() &&
                         vocab_arguments.front().find_first_of("/.@") == std::string::npos &&
                         !std::filesystem::exists(vocab_arguments.front(), ec);
    if (first_is_name)
      run.vocab.name = vocab_arguments.front();
    run.vocab.paths.assign(vocab_arguments.begin() + (first_is_name ? 1 : 0), vocab_arguments.end());
  } else if (command == coverage_cmd) {
    run.command = Command::coverage;
    if (coverage_arguments.empty())
      return usage_error("`coverage` needs a document id", {"name a document declared with `paragraphs:`"});
    run.coverage.document = coverage_arguments.front();
    run.coverage.paths.assign(coverage_arguments.begin() + 1, coverage_arguments.end());
    if (run.coverage.format != "markdown" && run.coverage.format != "json")
      return usage_error("`--format` takes markdown or json, not `" + run.coverage.format + "`");
    run.coverage.timeout_ms = whole_number("--timeout-ms", coverage_timeout, 1, 86'400'000,
                                           "a number of milliseconds from 1 to 86400000", error);
    run.coverage.jobs =
        whole_number("--jobs", coverage_jobs, 0, 1024, "a number of threads from 0 (one per core) to 1024", error);
  }
  if (error)
    return usage_error(*error);
  return run;
}

} // namespace siracusa::cli
