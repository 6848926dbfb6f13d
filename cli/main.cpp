// cli — the `siracusa` executable: argument parsing, exit codes, rendering of
// diagnostics. The engine returns values and diagnostics; only this file prints.
//
// Exit status: 0 clean, 1 findings that fail (check) or files that would change
// (fmt --check), 2 bad input or usage.
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include <unistd.h>

int main(int argc, char** argv) {
  using namespace siracusa::cli;
  CLI::App app{"siracusa — checks national legislation against the ICCPR.\n"
               "Rule files (.sir) describe rights, tests and a country's provisions as facts;\n"
               "the engine asks Z3 which provisions fail which tests.",
               "siracusa"};
  app.require_subcommand(1);
  // Global options may also follow the command: `siracusa check --color never`.
  app.fallthrough();
  app.set_version_flag("--version", std::string("siracusa ") + SIRACUSA_VERSION);
  GlobalOptions global;
  app.add_flag("-v,--verbose", global.verbose, "Log stages, timings and solver counts to stderr");
  app.add_option("--color", global.color, "Colour output: auto (default; off when NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  LintOptions lint;
  auto* lint_cmd = app.add_subcommand("lint", "Parse and check rule files and folders (recursively)");
  lint_cmd->add_option("paths", lint.paths, "Files or folders; default: siracusa.toml's paths or the bundled corpus");
  lint_cmd->add_flag("--strict", lint.strict, "Treat warnings as errors");
  lint_cmd->footer("Exit status: 0 clean, 2 errors.");

  FmtOptions fmt;
  auto* fmt_cmd = app.add_subcommand("fmt", "Rewrite rule files in the canonical layout, keeping comments");
  fmt_cmd->add_option("paths", fmt.paths, "Files or folders")->required();
  fmt_cmd->add_flag("--check", fmt.check, "Change nothing; list files that would change and exit 1");
  fmt_cmd->footer("Exit status: 0 done (or nothing to change), 1 files would change (--check), 2 errors.");

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Decide which provisions fail which tests");
  check_cmd->add_option("paths", check.paths, "Files or folders; default: siracusa.toml's paths or the bundled corpus");
  check_cmd->add_option("--format", check.format, "text (default), json, html, markdown or sarif")
      ->check(CLI::IsMember({"text", "json", "html", "markdown", "sarif"}));
  check_cmd->add_option("-o,--output", check.output, "Write the report to FILE (written whole, or not at all)");
  check_cmd->add_option("--group-by", check.group_by, "text: group findings by law (default) or by ICCPR article")
      ->check(CLI::IsMember({"law", "article"}));
  // Filters: comma-separated or repeated; every report format lists only what they keep
  // and still counts the rest.
  check_cmd->add_option("--right", check.filters.rights, "List only findings on these rights (id or article)")
      ->delimiter(',')
      ->allow_extra_args(false);
  check_cmd->add_option("--law", check.filters.laws, "List only findings on these laws (or jurisdictions)")
      ->delimiter(',')
      ->allow_extra_args(false);
  check_cmd->add_option("--criterion", check.filters.criteria, "List only findings of these criteria")
      ->delimiter(',')
      ->allow_extra_args(false);
  check_cmd->add_option("--verdict", check.filters.verdicts, "List only findings with these verdicts")
      ->delimiter(',')
      ->allow_extra_args(false);
  check_cmd->add_option("--strength", check.filters.strengths, "List only findings of these strengths")
      ->delimiter(',')
      ->allow_extra_args(false);
  check_cmd->add_flag("-q,--quiet", check.counts_only, "Print the counts only (text)");
  check_cmd->add_option("--baseline", check.baseline,
                        "A previous JSON report: list only findings new or changed since (verdict, strength, basis)");
  check_cmd->add_flag("--timestamp", check.timestamp,
                      "Say when the report was made (reports are otherwise "
                      "byte-identical for the same inputs)");
  check_cmd->add_flag("--include-passes", check.include_passes, "List findings that pass too");
  check_cmd->add_flag("--include-all", check.include_all,
                      "List every finding, also those that pass or do not apply (they are always counted)");
  check_cmd
      ->add_option("--min-basis", check.min_basis,
                   "Read only facts on this basis or a stronger one: text (the law as written), practice, or "
                   "assessment (default: every fact)")
      ->check(CLI::IsMember({"text", "practice", "assessment"}));
  check_cmd
      ->add_option("--fail-on", check.fail_on,
                   "Verdicts that make the exit status 1, as VERDICT or VERDICT:STRENGTH, comma-separated "
                   "(default: fails:per_se,fails:presumptive)")
      ->delimiter(',')
      ->allow_extra_args(false);
  // A day at most; CLI::PositiveNumber would print the largest double as its bound.
  const auto timeout_range = CLI::Range(1U, 86'400'000U);
  check_cmd->add_option("--timeout-ms", check.timeout_ms, "Solver time limit per query (default 2000)")
      ->check(timeout_range);
  check_cmd->add_option("--rlimit", check.rlimit, "Solver resource limit per query (0 = none)");
  check_cmd->add_flag("--all-z3", check.all_z3, "Send every decision to Z3 (no fast path), for audits");
  check_cmd->add_option("-j,--jobs", check.jobs, "Worker threads (default: cores)");
  check_cmd->footer("Exit status: 0 nothing --fail-on names was found, 1 something was (by default a per se or "
                    "presumptive `fails`), 2 bad input or usage. Only findings the filters keep, and with --baseline "
                    "only new or changed ones, count; reviews (reviews.toml beside the laws) never change it.");

  TestOptions test;
  auto* test_cmd = app.add_subcommand("test", "Check the expectations (`expect ...`) written beside the laws");
  test_cmd->add_option("paths", test.paths, "Files or folders; default as for check");
  test_cmd->add_option("--timeout-ms", test.timeout_ms, "Solver time limit per query")->check(timeout_range);
  test_cmd->add_option("-j,--jobs", test.jobs, "Worker threads (default: cores)");
  test_cmd->footer("Exit status: 0 every expectation is met, 1 some are not, 2 bad input or no expectation.");

  ExplainOptions explain;
  auto* explain_cmd =
      app.add_subcommand("explain", "Print findings in full: condition, facts, core, witness, authorities");
  explain_cmd->add_option("finding", explain.finding, "Finding ids (provision/right/test), comma-separated: ID[,ID...]")
      ->required();
  explain_cmd->add_option("--format", explain.format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  explain_cmd->add_option("paths", explain.paths, "Files or folders; default as for check");
  explain_cmd->add_option("--timeout-ms", explain.timeout_ms, "Solver time limit per query")->check(timeout_range);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // A mistyped command is otherwise reported as "A subcommand is required".
    auto left = app.remaining();
    bool any_command =
        lint_cmd->parsed() || fmt_cmd->parsed() || check_cmd->parsed() || explain_cmd->parsed() || test_cmd->parsed();
    if (!any_command && !left.empty() && !left.front().empty()) {
      if (left.front().front() == '-')
        std::cerr << "siracusa: error[E0009]: unknown option `" << left.front() << "`\n";
      else
        std::cerr << "siracusa: error[E0009]: unknown command `" << left.front()
                  << "`; the commands are lint, fmt, check, explain and test\n";
      std::cerr << "Run `siracusa --help` for usage.\n";
      return 2;
    }
    std::cerr << "siracusa: error[E0009]: " << e.what() << "\n";
    std::cerr << "Run `siracusa --help` for usage.\n";
    return 2;
  }

  configure_output(global);
  try {
    if (lint_cmd->parsed())
      return run_lint(lint, global);
    if (fmt_cmd->parsed())
      return run_fmt(fmt, global);
    if (check_cmd->parsed())
      return run_check(check, global);
    if (explain_cmd->parsed())
      return run_explain(explain, global);
    if (test_cmd->parsed())
      return run_test(test, global);
  } catch (const std::exception& e) {
    // The engine reports bad input as diagnostics; reaching here is a bug, still not a crash.
    std::cerr << "siracusa: internal error: " << e.what() << "\n";
    return 2;
  }
  return 2;
}
