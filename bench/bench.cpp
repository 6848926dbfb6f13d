// bench — times `check` end to end on a synthetic corpus of a given size — parse, resolve,
// the law as of its latest day, decisions with gaps and conflicts, the JSON report written
// to a file — and counts what each route (fast path, Z3) decided. Prints one Markdown
// table row; bench/run.sh collects them. The peak memory after each stage goes to stderr.
//
//   siracusa_bench --provisions 10000 [--jobs 2] [--seed 1] [--all-z3] [--keep DIR] [--amend-one] [--mixed]
//                  [--deep-scopes]
//
// --mixed adds what crosses provisions (generator.hpp): permits/obliges/forbids of 20
// synthetic acts for nested person predicates, duties implemented in full or in part,
// ten jurisdictions and enacted amendments. --deep-scopes nests the `person where`
// conditions of predicate facts three deep too (decisions the fast path leaves to Z3).
//
// --amend-one also times what a drafter waits for once the corpus is loaded and checked: a
// one-provision amendment applied, only that provision re-decided (check::update), and
// the diff of the findings.
#include "generator.hpp"

#include "amend/amend.hpp"
#include "amend/diff.hpp"
#include "check/check.hpp"
#include "model/resolve.hpp"
#include "report/report.hpp"

#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>

#include <sys/resource.h>

using namespace siracusa;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
  bench::CorpusSpec spec;
  unsigned jobs = 0;
  bool all_z3 = false;
  std::string keep;
  bool amend_one = false;
  bool mixed = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (arg == "--provisions")
      spec.provisions = std::stoul(next());
    else if (arg == "--jobs")
      jobs = static_cast<unsigned>(std::stoul(next()));
    else if (arg == "--seed")
      spec.seed = std::stoull(next());
    else if (arg == "--all-z3")
      all_z3 = true;
    else if (arg == "--keep")
      keep = next();
    else if (arg == "--amend-one")
      amend_one = true;
    else if (arg == "--mixed") {
      spec.jurisdictions = 10;
      spec.acts = 20;
      spec.deontic_probability = 0.02;
      spec.implements_probability = 0.01;
      spec.amendment_probability = 0.3;
      spec.who_depth = 3;
      mixed = true;
    } else if (arg == "--deep-scopes") {
      spec.scope_depth = 3;
    } else {
      std::cerr << "usage: siracusa_bench --provisions N [--jobs J] [--seed S] [--all-z3] [--keep DIR] "
                   "[--amend-one] [--mixed] [--deep-scopes]\n";
      return 2;
    }
  }
  fs::path rules = fs::path(SIRACUSA_SOURCE_DIR) / "rules" / "iccpr";
  Diagnostics diagnostics;
  model::Model vocabulary = model::load_model({rules.string()}, diagnostics);
  if (diagnostics.has_errors()) {
    std::cerr << render_all(diagnostics, {});
    return 2;
  }
  fs::path folder =
      keep.empty() ? fs::temp_directory_path() / ("siracusa-bench-" + std::to_string(spec.provisions)) : fs::path(keep);
  fs::remove_all(folder);
  using clock = std::chrono::steady_clock;
  auto ms = [](clock::time_point a, clock::time_point b) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
  };
  auto peak_mb = [] {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
  };
  auto t0 = clock::now();
  bench::write_corpus(vocabulary, rules, folder, spec);
  auto t1 = clock::now();
  Diagnostics load_diagnostics;
  model::FileSet files = model::load_files({folder.string()}, load_diagnostics);
  auto parsed = clock::now();
  long parsed_mb = peak_mb();
  model::Model base = model::resolve(files, load_diagnostics);
  auto resolved = clock::now();
  files = {};
  auto freed = clock::now();
  long resolved_mb = peak_mb();
  // As `check` reads it: the law as of the latest day the corpus gives, amendments applied.
  amend::Outcome outcome;
  model::Model model = amend::law_as_of(base, {}, outcome, load_diagnostics);
  auto t2 = clock::now();
  std::cerr << "parse " << ms(t1, parsed) << " ms, resolve " << ms(parsed, resolved) << " ms, free "
            << ms(resolved, freed) << " ms, as of " << ms(freed, t2) << " ms (" << outcome.applied.size()
            << " amendments applied)\n";
  if (load_diagnostics.has_errors()) {
    load_diagnostics.sort();
    std::cerr << render_all(load_diagnostics, {}).substr(0, 4000);
    return 2;
  }
  check::Options options;
  options.jobs = jobs;
  options.all_z3 = all_z3;
  Diagnostics check_diagnostics;
  check::Result result = check::run(model, options, check_diagnostics);
  auto t3 = clock::now();
  long checked_mb = peak_mb();
  report::ReportInfo info;
  info.version = "bench";
  info.origin = "synthetic corpus";
  std::uintmax_t report_bytes = 0;
  {
    fs::path report_file = folder / "report.json";
    std::ofstream out(report_file, std::ios::binary);
    report::write_json(out, result, model, info);
    out.close();
    report_bytes = fs::file_size(report_file);
    fs::remove(report_file);
  }
  auto t4 = clock::now();
  long reported_mb = peak_mb();
  const auto& s = result.summary;
  std::size_t decisions = s.fast_path + s.solver;
  std::cout << "| " << spec.provisions << " | " << (jobs == 0 ? std::string("all") : std::to_string(jobs)) << " | "
            << (mixed ? "mixed" : "facts") << " | " << (all_z3 ? "all Z3" : "fast + Z3") << " | " << decisions << " | "
            << s.fast_path << " | " << s.solver << " | " << s.queries << " | " << ms(t1, t2) << " | " << ms(t2, t3)
            << " | " << ms(t3, t4) << " | " << report_bytes / (1024 * 1024) << " | " << ms(t1, t4) << " | "
            << (decisions
                    ? static_cast<double>(std::chrono::duration_cast<std::chrono::microseconds>(t3 - t2).count()) /
                          static_cast<double>(decisions)
                    : 0.0)
            << " | " << reported_mb << " |\n";
  std::cerr << "generated in " << ms(t0, t1) << " ms; fails " << s.fails << ", may_fail " << s.may_fail << ", passes "
            << s.passes << ", undetermined " << s.undetermined << "; " << result.findings.size() << " findings, "
            << s.queries << " solver queries\n";
  std::cerr << "peak MB after parse " << parsed_mb << ", resolve " << resolved_mb << ", check " << checked_mb
            << ", report " << reported_mb << "\n";
  if (amend_one) {
    // The middle provision, as an amendment would leave it: its first stated fact removed.
    model::Model amended = model;
    auto& target = amended.provisions[amended.provisions.size() / 2];
    if (!target.facts.empty())
      target.facts.erase(target.facts.begin());
    auto a0 = clock::now();
    std::vector<std::string> only = {target.id};
    check::Options partial = options;
    partial.only_provisions = &only;
    check::Result fresh = check::run(amended, partial, check_diagnostics);
    auto a1 = clock::now();
    amend::Diff diff = amend::compare_incremental(result, fresh, {target.id});
    auto a2 = clock::now();
    const check::Result& after = fresh;
    auto us = [](clock::time_point a, clock::time_point b) {
      return std::chrono::duration_cast<std::chrono::microseconds>(b - a).count();
    };
    std::cerr << "amend one provision: re-check " << us(a0, a1) / 1000.0 << " ms ("
              << after.summary.fast_path + after.summary.solver << " decisions re-run), diff " << us(a1, a2) / 1000.0
              << " ms; resolved " << diff.resolved.size() << ", introduced " << diff.introduced.size() << ", changed "
              << diff.changed.size() << ", unchanged " << diff.unchanged << "\n";
  }
  if (keep.empty())
    fs::remove_all(folder);
  return 0;
}
