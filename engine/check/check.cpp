#include "check/check.hpp"

#include "check/fast.hpp"
#include "model/print.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace siracusa::check {

using namespace model;

Location location_of(const Span& span) {
  if (!span.valid())
    return {};
  auto lc = span.file->line_col(span.begin);
  return {span.file->path(), lc.line, lc.column};
}

namespace {

std::string span_text(const Span& span) {
  if (!span.valid())
    return {};
  std::string text = span.file->text().substr(span.begin, span.end - span.begin);
  // One line, as a reader sees it in a report.
  std::string flat;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !flat.empty())
      flat += ' ';
    space = false;
    flat += c;
  }
  return flat;
}

std::vector<SourcePara> expand(const std::vector<SourceRef>& sources) {
  std::vector<SourcePara> out;
  for (const auto& source : sources)
    for (const auto& range : source.paras)
      for (int p = range.low; p <= range.high; ++p)
        out.push_back({source.document, p});
  std::sort(out.begin(), out.end(), [](const SourcePara& a, const SourcePara& b) {
    return std::tie(a.document, a.para) < std::tie(b.document, b.para);
  });
  out.erase(std::unique(
                out.begin(), out.end(),
                [](const SourcePara& a, const SourcePara& b) { return a.document == b.document && a.para == b.para; }),
            out.end());
  return out;
}

std::shared_ptr<const ProvisionInfo> provision_info(const Model& model, const Provision& p) {
  const Law& law = model.laws[static_cast<std::size_t>(p.law)];
  return std::make_shared<const ProvisionInfo>(
      ProvisionInfo{p.id, p.title, p.article, law.id, law.title, level_name(law.level), location_of(p.span)});
}

std::string jurisdiction_of(const Model& model, const Law& law) {
  return law.jurisdiction >= 0 ? model.jurisdictions[static_cast<std::size_t>(law.jurisdiction)].id : "";
}

std::shared_ptr<const TestInfo> test_info(const Model& model, const Test& test) {
  auto info = std::make_shared<TestInfo>();
  info->id = test.id;
  info->title = test.title;
  info->criterion = test.criterion;
  for (const auto& c : test.citations)
    info->citations.push_back(c.display());
  info->explanation = test.explanation;
  info->recommendation = test.recommendation;
  if (test.condition)
    info->condition = to_text(*test.condition, model);
  return info;
}

using TestInfos = std::vector<std::shared_ptr<const TestInfo>>;

Finding base_finding(const TestInfos& tests, int test, const Right* right) {
  Finding f;
  f.test = tests[static_cast<std::size_t>(test)];
  if (right) {
    f.right = right->id;
    f.article = right->article;
  }
  return f;
}

std::shared_ptr<const std::vector<SourcePara>> shared_sources(const std::vector<SourceRef>& sources) {
  return std::make_shared<const std::vector<SourcePara>>(expand(sources));
}

std::vector<Cause> causes(const Model& model, const Provision& provision, const std::vector<int>& core) {
  std::vector<Cause> out;
  for (int fact : core) {
    if (fact == solve::law_level_fact) {
      const Law& law = model.laws[static_cast<std::size_t>(provision.law)];
      out.push_back({"law.level", span_text(law.level_span), location_of(law.level_span)});
      continue;
    }
    const StatedFact* stated = provision.find(fact);
    if (!stated)
      continue;
    out.push_back({model.facts[static_cast<std::size_t>(fact)].name, span_text(stated->value.span),
                   location_of(stated->value.span)});
  }
  return out;
}

// Whether a provision is silent on everything a test reads: the test may fail only
// because nothing is known, which reports list apart from substantive findings.
bool states_none_of(const Provision& provision, const Expr& condition) {
  for (int fact : facts_used(condition)) {
    const StatedFact* stated = provision.find(fact);
    if (stated && stated->value.form != FactValue::Form::unknown)
      return false;
  }
  return true;
}

struct Work {
  int provision;
  int right;
  int test;
};

// The decisions one provision needs: each right it restricts × each test that applies to
// that right and examines a single provision.
std::vector<Work> work_for(const Model& model, int provision_index) {
  std::vector<Work> work;
  const Provision& p = model.provisions[static_cast<std::size_t>(provision_index)];
  std::vector<int> rights = p.restricts;
  std::sort(rights.begin(), rights.end());
  for (int r : rights)
    for (std::size_t t = 0; t < model.tests.size(); ++t) {
      const Test& test = model.tests[t];
      if (test.criterion == Criterion::positive_obligation || test.criterion == Criterion::conflict)
        continue;
      if (test.applies_to(r) && test.condition && !test.condition->type.is_error())
        work.push_back({provision_index, r, static_cast<int>(t)});
    }
  return work;
}

struct ChunkResult {
  std::vector<Finding> findings;
  std::size_t fast = 0;
  std::size_t solver = 0;
  unsigned long long queries = 0;
  std::vector<std::pair<int, std::vector<int>>> inconsistent; // provision, core
};

ChunkResult run_chunk(const Model& model, const Options& options, const TestInfos& tests,
                      const std::vector<int>& provisions) {
  ChunkResult result;
  // A Z3 context is costly to make: only chunks with a decision the fast path leaves
  // open get one.
  std::optional<solve::Engine> engine;
  FastPath fast(model);
  for (int pi : provisions) {
    const Provision& provision = model.provisions[static_cast<std::size_t>(pi)];
    std::vector<Work> work = work_for(model, pi);
    if (work.empty())
      continue;
    const Law& law = model.laws[static_cast<std::size_t>(provision.law)];
    auto info = provision_info(model, provision);
    auto sources = shared_sources(provision.sources);
    std::string jurisdiction = jurisdiction_of(model, law);
    bool opened = false;
    std::optional<bool> consistent = true;
    std::vector<int> contradiction;
    for (const auto& w : work) {
      const Test& test = model.tests[static_cast<std::size_t>(w.test)];
      const Right& right = model.rights[static_cast<std::size_t>(w.right)];
      Finding f = base_finding(tests, w.test, &right);
      f.id = provision.id + "/" + right.id + "/" + test.id;
      f.provision = info;
      f.jurisdiction = jurisdiction;
      f.sources = sources;

      solve::Decision decision;
      bool settled = false;
      if (!options.all_z3) {
        if (auto quick = fast.decide(provision, test, right)) {
          decision = std::move(*quick);
          settled = true;
          f.route = "fast";
          ++result.fast;
        }
      }
      if (!settled) {
        if (!opened) {
          if (!engine)
            engine.emplace(model, options.solver);
          engine->begin(provision);
          opened = true;
          consistent = engine->consistent(contradiction);
          if (consistent && !*consistent)
            result.inconsistent.emplace_back(pi, contradiction);
        }
        if (consistent && *consistent) {
          decision = engine->decide(test, right);
        } else {
          decision.verdict = Verdict::undetermined;
          decision.reason = consistent ? "the provision's facts contradict each other"
                                       : "the solver could not tell whether the provision's facts are consistent";
          if (consistent)
            decision.core = contradiction;
        }
        f.route = "z3";
        ++result.solver;
      }
      f.verdict = decision.verdict;
      if (f.verdict == Verdict::may_fail && states_none_of(provision, *test.condition))
        f.note = silent_note;
      f.because = causes(model, provision, decision.core);
      // A failure with nothing left open has no scenario to show.
      if (decision.witness && !decision.witness->empty())
        f.witness = decision.witness;
      if (!decision.reason.empty())
        f.note = decision.reason;
      result.findings.push_back(std::move(f));
    }
    if (opened)
      engine->end();
  }
  result.queries = engine ? engine->stats().queries : 0;
  return result;
}

// Gap findings: a duty that no provision of a jurisdiction implements.
void positive_obligations(const Model& model, const TestInfos& tests, std::vector<Finding>& findings) {
  for (std::size_t t = 0; t < model.tests.size(); ++t) {
    const Test& test = model.tests[t];
    if (test.criterion != Criterion::positive_obligation || test.duty < 0)
      continue;
    const Duty& duty = model.duties[static_cast<std::size_t>(test.duty)];
    const Right* right = nullptr;
    if (!test.rights.empty())
      right = &model.rights[static_cast<std::size_t>(test.rights.front())];
    else if (!duty.rights.empty())
      right = &model.rights[static_cast<std::size_t>(duty.rights.front())];
    for (std::size_t j = 0; j < model.jurisdictions.size(); ++j) {
      const Jurisdiction& jurisdiction = model.jurisdictions[j];
      bool has_laws = std::any_of(model.laws.begin(), model.laws.end(),
                                  [&](const Law& l) { return l.jurisdiction == static_cast<int>(j); });
      if (!has_laws && jurisdiction.reported_absent.empty())
        continue;
      Finding f = base_finding(tests, static_cast<int>(t), right);
      f.id = jurisdiction.id + "/" + (right ? right->id : std::string("-")) + "/" + test.id;
      f.jurisdiction = jurisdiction.id;
      f.route = "z3";
      std::vector<SourceRef> sources;
      for (const auto& provision : model.provisions) {
        const Law& law = model.laws[static_cast<std::size_t>(provision.law)];
        if (law.jurisdiction != static_cast<int>(j))
          continue;
        if (std::find(provision.implements.begin(), provision.implements.end(), test.duty) ==
            provision.implements.end())
          continue;
        f.because.push_back({"implements", provision.id + " implements " + duty.id, location_of(provision.span)});
        sources.insert(sources.end(), provision.sources.begin(), provision.sources.end());
      }
      f.verdict = f.because.empty() ? Verdict::fails : Verdict::passes;
      if (f.verdict == Verdict::fails) {
        for (const auto& absent : jurisdiction.reported_absent)
          if (absent.duty == test.duty) {
            sources.push_back(absent.source);
            f.because.push_back({"reported_absent", span_text(absent.source.span), location_of(absent.source.span)});
          }
        f.note = "no provision of " + jurisdiction.id + " implements `" + duty.id + "`";
      }
      f.sources = shared_sources(sources);
      findings.push_back(std::move(f));
    }
  }
}

std::optional<std::int64_t> date_of(const Model& model, const Provision& p) {
  if (p.effective)
    return p.effective;
  const Law& law = model.laws[static_cast<std::size_t>(p.law)];
  return law.effective ? law.effective : law.adopted;
}

// Conflict findings: two provisions, one permitting or obliging an act the other forbids,
// for some person both apply to.
void conflicts(const Model& model, const Options& options, const TestInfos& infos, std::vector<Finding>& findings,
               unsigned long long& queries) {
  std::vector<int> tests;
  for (std::size_t t = 0; t < model.tests.size(); ++t)
    if (model.tests[t].criterion == Criterion::conflict)
      tests.push_back(static_cast<int>(t));
  if (tests.empty())
    return;
  struct Rule {
    int provision;
    const Deontic* deontic;
  };
  std::map<std::pair<int, int>, std::vector<Rule>> by_act; // (jurisdiction, act)
  for (std::size_t p = 0; p < model.provisions.size(); ++p) {
    const Provision& provision = model.provisions[p];
    int jurisdiction = model.laws[static_cast<std::size_t>(provision.law)].jurisdiction;
    for (const auto& d : provision.deontics)
      if (d.who && !d.who->type.is_error())
        by_act[{jurisdiction, d.act}].push_back({static_cast<int>(p), &d});
  }
  solve::Engine engine(model, options.solver);
  for (const auto& [key, rules] : by_act) {
    for (const auto& allow : rules) {
      if (allow.deontic->modality == Deontic::Modality::forbids)
        continue;
      for (const auto& forbid : rules) {
        if (forbid.deontic->modality != Deontic::Modality::forbids || forbid.provision == allow.provision)
          continue;
        const Provision& a = model.provisions[static_cast<std::size_t>(allow.provision)];
        const Provision& b = model.provisions[static_cast<std::size_t>(forbid.provision)];
        auto overlap = engine.overlap(allow.deontic->who, forbid.deontic->who);
        // Who prevails: the higher norm; at the same level the more special one (it
        // covers fewer persons); otherwise the later one.
        const Law& law_a = model.laws[static_cast<std::size_t>(a.law)];
        const Law& law_b = model.laws[static_cast<std::size_t>(b.law)];
        std::string prevails;
        std::string rule = "none";
        if (law_a.level != law_b.level) {
          prevails = law_a.level < law_b.level ? a.id : b.id;
          rule = "hierarchy";
        } else {
          auto a_in_b = engine.covers(forbid.deontic->who, allow.deontic->who);
          auto b_in_a = engine.covers(allow.deontic->who, forbid.deontic->who);
          // The later date decides only once speciality is known not to: when the solver
          // cannot tell which rule reaches fewer persons, no rule is claimed.
          bool speciality_known = a_in_b && b_in_a;
          if (speciality_known && *a_in_b != *b_in_a) {
            prevails = *a_in_b ? a.id : b.id;
            rule = "speciality";
          } else if (auto da = date_of(model, a), db = date_of(model, b); speciality_known && da && db && *da != *db) {
            prevails = *da > *db ? a.id : b.id;
            rule = "later date";
          }
        }
        // The finding belongs to the provision that yields: it is the one to change.
        const Provision& yielding = prevails == a.id ? b : a;
        const Provision& other = prevails == a.id ? a : b;
        const Deontic* yielding_rule = prevails == a.id ? forbid.deontic : allow.deontic;
        const Deontic* other_rule = prevails == a.id ? allow.deontic : forbid.deontic;
        for (int test_index : tests) {
          const Test* test = &model.tests[static_cast<std::size_t>(test_index)];
          const Right* right = nullptr;
          for (int r : yielding.restricts)
            if (test->applies_to(r)) {
              right = &model.rights[static_cast<std::size_t>(r)];
              break;
            }
          if (!right)
            for (int r : other.restricts)
              if (test->applies_to(r)) {
                right = &model.rights[static_cast<std::size_t>(r)];
                break;
              }
          if (!right && !test->all_rights)
            continue;
          Finding f = base_finding(infos, test_index, right);
          f.id = yielding.id + "/" + (right ? right->id : std::string("-")) + "/" + test->id + "~" + other.id;
          f.provision = provision_info(model, yielding);
          f.jurisdiction = jurisdiction_of(model, model.laws[static_cast<std::size_t>(yielding.law)]);
          f.route = "z3";
          std::vector<SourceRef> sources = yielding.sources;
          sources.insert(sources.end(), other.sources.begin(), other.sources.end());
          f.sources = shared_sources(sources);
          f.conflict = ConflictInfo{other.id,
                                    model.acts[static_cast<std::size_t>(key.second)].id,
                                    modality_name(yielding_rule->modality),
                                    modality_name(other_rule->modality),
                                    prevails,
                                    rule};
          f.because.push_back({modality_name(yielding_rule->modality), span_text(yielding_rule->span),
                               location_of(yielding_rule->span)});
          f.because.push_back(
              {modality_name(other_rule->modality), span_text(other_rule->span), location_of(other_rule->span)});
          if (!overlap) {
            f.verdict = Verdict::undetermined;
            f.note = "the solver could not decide whether both rules reach the same person";
          } else if (*overlap) {
            f.verdict = Verdict::fails;
            f.witness = **overlap;
          } else {
            f.verdict = Verdict::passes;
          }
          findings.push_back(std::move(f));
        }
      }
    }
  }
  queries += engine.stats().queries;
}

} // namespace

Result run(const Model& model, const Options& options, Diagnostics& diagnostics) {
  auto started = std::chrono::steady_clock::now();
  Result result;
  std::vector<int> selected;
  for (std::size_t p = 0; p < model.provisions.size(); ++p)
    if (options.only_provision.empty() || model.provisions[p].id == options.only_provision)
      selected.push_back(static_cast<int>(p));
  std::size_t chunk_size = std::max<std::size_t>(1, options.chunk);
  std::vector<std::vector<int>> chunks;
  for (std::size_t i = 0; i < selected.size(); i += chunk_size)
    chunks.emplace_back(selected.begin() + static_cast<std::ptrdiff_t>(i),
                        selected.begin() + static_cast<std::ptrdiff_t>(std::min(selected.size(), i + chunk_size)));
  std::vector<ChunkResult> chunk_results(chunks.size());
  TestInfos tests;
  for (const auto& test : model.tests)
    tests.push_back(test_info(model, test));
  unsigned jobs = options.jobs > 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(1, chunks.size())));
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> provisions_done{0};
  std::atomic<std::size_t> decisions{0};
  auto worker = [&] {
    for (std::size_t c = next++; c < chunks.size(); c = next++) {
      chunk_results[c] = run_chunk(model, options, tests, chunks[c]);
      if (options.progress) {
        Progress progress;
        progress.provisions_total = selected.size();
        progress.provisions_done = provisions_done += chunks[c].size();
        progress.decisions = decisions += chunk_results[c].findings.size();
        options.progress(progress);
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < jobs; ++i)
    threads.emplace_back(worker);
  worker();
  for (auto& t : threads)
    t.join();
  for (auto& chunk : chunk_results) {
    for (auto& f : chunk.findings)
      result.findings.push_back(std::move(f));
    result.summary.fast_path += chunk.fast;
    result.summary.solver += chunk.solver;
    result.summary.queries += chunk.queries;
    for (const auto& [provision, core] : chunk.inconsistent) {
      const Provision& p = model.provisions[static_cast<std::size_t>(provision)];
      auto& d = diagnostics.error("E0301", p.span, "the facts of provision `" + p.id + "` contradict each other");
      for (int fact : core)
        if (const StatedFact* stated = p.find(fact))
          d.notes.push_back({stated->value.span, "this fact is part of the contradiction"});
    }
  }
  auto decided = std::chrono::steady_clock::now();
  if (options.only_provision.empty()) {
    positive_obligations(model, tests, result.findings);
    conflicts(model, options, tests, result.findings, result.summary.queries);
  } else {
    std::vector<Finding> all;
    positive_obligations(model, tests, all);
    conflicts(model, options, tests, all, result.summary.queries);
    for (auto& f : all)
      if (f.provision && f.provision->id == options.only_provision)
        result.findings.push_back(std::move(f));
  }
  std::sort(result.findings.begin(), result.findings.end(),
            [](const Finding& a, const Finding& b) { return a.id < b.id; });
  auto& s = result.summary;
  s.provisions = model.provisions.size();
  s.tests = model.tests.size();
  s.evaluated = result.findings.size();
  for (const auto& f : result.findings) {
    switch (f.verdict) {
    case Verdict::fails:
      ++s.fails;
      break;
    case Verdict::may_fail:
      ++s.may_fail;
      break;
    case Verdict::passes:
      ++s.passes;
      break;
    case Verdict::undetermined:
      ++s.undetermined;
      break;
    }
  }
  auto finished = std::chrono::steady_clock::now();
  auto ms = [](auto a, auto b) { return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count(); };
  spdlog::debug("check: {} decisions on {} threads in {} ms ({} by the fast path, {} by Z3, {} solver queries); "
                "gaps and conflicts in {} ms",
                s.fast_path + s.solver, jobs, ms(started, decided), s.fast_path, s.solver, s.queries,
                ms(decided, finished));
  return result;
}

void rule_set_checks(const Model& model, const Options& options, Diagnostics& diagnostics) {
  solve::Engine engine(model, options.solver);
  auto rights_of = [&](const Test& test) {
    std::vector<int> rights;
    for (std::size_t r = 0; r < model.rights.size(); ++r)
      if (test.applies_to(static_cast<int>(r)))
        rights.push_back(static_cast<int>(r));
    return rights;
  };
  for (const auto& test : model.tests) {
    if (!test.condition || test.condition->type.is_error())
      continue;
    auto rights = rights_of(test);
    if (rights.empty())
      continue;
    bool ever_fails = false;
    bool ever_passes = false;
    bool unknown = false;
    for (int r : rights) {
      const Right& right = model.rights[static_cast<std::size_t>(r)];
      auto can_fail = engine.satisfiable(test, right, false);
      auto can_pass = engine.satisfiable(test, right, true);
      unknown = unknown || !can_fail || !can_pass;
      ever_fails = ever_fails || (can_fail && *can_fail);
      ever_passes = ever_passes || (can_pass && *can_pass);
    }
    if (unknown)
      continue;
    if (!ever_fails)
      diagnostics.warning("W0401", test.span,
                          "test `" + test.id +
                              "` can never fail: no facts the vocabulary allows satisfy its condition");
    if (!ever_passes)
      diagnostics.warning("W0402", test.span, "test `" + test.id + "` fails every provision whatever its facts");
  }
  for (std::size_t i = 0; i < model.tests.size(); ++i) {
    for (std::size_t j = i + 1; j < model.tests.size(); ++j) {
      const Test& a = model.tests[i];
      const Test& b = model.tests[j];
      if (a.criterion != b.criterion || !a.condition || !b.condition)
        continue;
      for (int r : rights_of(a)) {
        if (!b.applies_to(r))
          continue;
        const Right& right = model.rights[static_cast<std::size_t>(r)];
        auto passable = engine.jointly_passable(a, b, right);
        if (passable && !*passable) {
          diagnostics
              .warning("W0403", b.span,
                       "tests `" + a.id + "` and `" + b.id + "` contradict on `" + right.id +
                           "`: no provision can pass both")
              .notes.push_back({a.span, "the other test"});
          break;
        }
      }
    }
  }
  for (const auto& provision : model.provisions) {
    engine.begin(provision);
    std::vector<int> core;
    auto consistent = engine.consistent(core);
    engine.end();
    if (consistent && !*consistent) {
      auto& d = diagnostics.error("E0301", provision.span,
                                  "the facts of provision `" + provision.id + "` contradict each other");
      for (int fact : core)
        if (const StatedFact* stated = provision.find(fact))
          d.notes.push_back({stated->value.span, "this fact is part of the contradiction"});
    }
  }
  (void)options;
}

} // namespace siracusa::check
