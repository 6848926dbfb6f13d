#include "check/check.hpp"

#include "check/fast.hpp"
#include "model/print.hpp"
#include "solve/route.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>
#include <unordered_set>

namespace siracusa::check {

using namespace model;

const char* route_name(Route route) {
  switch (route) {
  case Route::none:
    return "none";
  case Route::fast:
    return "fast";
  case Route::z3:
    return "z3";
  }
  return "?";
}

std::string statement_of(const Span& span) {
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

Location location_of(const Span& span) {
  if (!span.valid())
    return {};
  auto lc = span.file->line_col(span.begin);
  return {span.file->path(), lc.line, lc.column};
}

namespace {

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
  return std::make_shared<const ProvisionInfo>(ProvisionInfo{
      p.id, p.title, p.article, law.id, law.title, model.level_name(p), model.level_name(law), location_of(p.span)});
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
    info->citations.push_back(citation_text(c, model));
  info->explanation = test.explanation;
  info->recommendation = test.recommendation;
  if (test.condition)
    info->condition = to_text(*test.condition, model);
  for (const auto& exception : test.exceptions)
    info->exceptions.push_back(to_text(*exception, model));
  info->strength = test.strength;
  info->justification = test.justification;
  info->location = location_of(test.span);
  return info;
}

using TestInfos = std::vector<std::shared_ptr<const TestInfo>>;

Finding base_finding(const TestInfos& tests, int test, const Right* right) {
  Finding f;
  f.test = tests[static_cast<std::size_t>(test)];
  f.strength = f.test->strength;
  if (right) {
    f.right = right->id;
    f.article = right->article;
  }
  return f;
}

Cause cause_of(const std::string& fact, const Span& span, Basis basis, const std::vector<SourceRef>& sources) {
  return {fact, statement_of(span), location_of(span), basis, expand(sources)};
}

std::vector<Cause> causes(const Model& model, const Provision& provision, const std::vector<int>& core) {
  std::vector<Cause> out;
  for (int fact : core) {
    if (fact == solve::law_level_fact) {
      const Span& clause = model.level_span_of(provision);
      const auto& sources =
          provision.level >= 0 ? provision.sources : model.laws[static_cast<std::size_t>(provision.law)].sources;
      out.push_back(cause_of("law.level", clause, Basis::text, sources));
      continue;
    }
    const StatedFact* stated = provision.find(fact);
    if (!stated)
      continue;
    out.push_back(
        cause_of(model.facts[static_cast<std::size_t>(fact)].name, stated->value.span, stated->basis, stated->sources));
  }
  return out;
}

// A finding rests on its weakest fact, and cites the paragraphs behind its facts.
void settle_provenance(Finding& f) {
  f.basis.reset();
  f.sources.clear();
  for (const auto& cause : f.because) {
    if (!f.basis || static_cast<int>(cause.basis) > static_cast<int>(*f.basis))
      f.basis = cause.basis;
    f.sources.insert(f.sources.end(), cause.sources.begin(), cause.sources.end());
  }
  std::sort(f.sources.begin(), f.sources.end(), [](const SourcePara& a, const SourcePara& b) {
    return std::tie(a.document, a.para) < std::tie(b.document, b.para);
  });
  f.sources.erase(std::unique(f.sources.begin(), f.sources.end(),
                              [](const SourcePara& a, const SourcePara& b) {
                                return a.document == b.document && a.para == b.para;
                              }),
                  f.sources.end());
}

// Whether a provision says anything of its own on the test's subject. A fact stated
// `unknown` counts: the analyst has read the law and found it silent or unclear there.
// Facts the provision inherits from its law fill in what it leaves unsaid, but do not by
// themselves bring every provision of the law under the test.
bool touches_subject(const Provision& provision, const Test& test) {
  if (test.about.empty())
    return true;
  return std::any_of(test.about.begin(), test.about.end(), [&](int fact) {
    const StatedFact* stated = provision.find(fact);
    return stated != nullptr && !stated->inherited;
  });
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
      if (test.applies_to(r) && test.failure && !test.failure->type.is_error())
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

// The `restricts:` line: what a verdict rests on when it needs no fact.
Cause restriction_cause(const Provision& provision) {
  return cause_of("restricts", provision.restricts_span, provision.basis, provision.sources);
}

// A test's failure condition without its exceptions, decided when the stated facts
// establish none of them: a recognised exception is the State's to show.
struct Derived {
  std::vector<std::optional<Test>> condition_only; // by test index; none for a test without exceptions
};

Derived derive(const Model& model) {
  Derived d;
  d.condition_only.resize(model.tests.size());
  for (std::size_t t = 0; t < model.tests.size(); ++t) {
    const Test& test = model.tests[t];
    if (!test.qualified() || !test.condition || test.condition->type.is_error())
      continue;
    Test bare = test;
    bare.exceptions.clear();
    bare.failure = test.condition;
    d.condition_only[t] = std::move(bare);
  }
  return d;
}

// Decides one provision's tests on either route: the fast route first (unless every
// decision goes to Z3), Z3 for what it leaves open. Z3 opens the provision only then.
class ProvisionDecider {
 public:
  ProvisionDecider(const Model& model, const Options& options, FastPath& fast, solve::Z3Route& z3, ChunkResult& result,
                   int provision)
      : options_(options), fast_(fast), z3_(z3), result_(result), index_(provision),
        provision_(model.provisions[static_cast<std::size_t>(provision)]) {}
  ~ProvisionDecider() { z3_.close(); }
  ProvisionDecider(const ProvisionDecider&) = delete;
  ProvisionDecider& operator=(const ProvisionDecider&) = delete;

  solve::Decision decide(const Test& test, const Right& right, Route& route) {
    if (!options_.all_z3) {
      if (auto quick = fast_.decide(provision_, test, right)) {
        route = Route::fast;
        ++result_.fast;
        return std::move(*quick);
      }
    }
    route = Route::z3;
    ++result_.solver;
    bool opening = !z3_.is_open(provision_);
    solve::Decision decision = *z3_.decide(provision_, test, right);
    if (opening && z3_.contradiction())
      result_.inconsistent.emplace_back(index_, *z3_.contradiction());
    return decision;
  }

 private:
  const Options& options_;
  FastPath& fast_;
  solve::Z3Route& z3_;
  ChunkResult& result_;
  int index_;
  const Provision& provision_;
};

void record(Finding& f, const Model& model, const Provision& provision, solve::Decision decision) {
  f.verdict = decision.verdict;
  f.because = causes(model, provision, decision.core);
  if ((f.verdict == Verdict::fails || f.verdict == Verdict::passes) && f.because.empty())
    f.because.push_back(restriction_cause(provision));
  // A failure with nothing left open has no scenario to show.
  f.witness.reset();
  if (decision.witness && !decision.witness->empty())
    f.witness = std::move(decision.witness);
  f.note = decision.reason;
  f.note_kind = f.note.empty() ? NoteKind::none : NoteKind::solver_stopped;
}

// A verdict the stated law leaves open. While it depends on a fact of the condition that
// the provision does not state at all, it is the analyst's question. While it depends
// only on unstated facts of a recognised exception, the exception is not established:
// the condition alone decides. Otherwise it is a genuine `may_fail`, resting on the open
// facts the provision states.
void classify_open(Finding& f, const Model& model, const Provision& provision, const Test& test,
                   const std::vector<int>& live, const std::function<solve::Decision()>& decide_condition) {
  std::vector<int> in_condition = test.condition ? facts_used(*test.condition) : std::vector<int>{};
  std::vector<int> unstated;
  std::vector<int> exception_only;
  std::vector<int> stated;
  for (int fact : live) {
    if (provision.find(fact))
      stated.push_back(fact);
    else if (std::binary_search(in_condition.begin(), in_condition.end(), fact))
      unstated.push_back(fact);
    else
      exception_only.push_back(fact);
  }
  if (!unstated.empty()) {
    f.verdict = Verdict::unassessed;
    f.witness.reset();
    f.because.clear();
    for (int fact : unstated)
      f.missing.push_back(model.facts[static_cast<std::size_t>(fact)].name);
    return;
  }
  if (!exception_only.empty()) {
    solve::Decision bare = decide_condition();
    if (bare.verdict != Verdict::may_fail) {
      record(f, model, provision, std::move(bare));
      if (f.verdict == Verdict::fails) {
        for (int fact : exception_only)
          f.unestablished.push_back(model.facts[static_cast<std::size_t>(fact)].name);
        f.note_kind = NoteKind::exception_not_established;
      }
      return;
    }
  }
  f.because = causes(model, provision, stated);
}

ChunkResult run_chunk(const Model& model, const Options& options, const TestInfos& tests, const Derived& derived,
                      const std::vector<int>& provisions) {
  ChunkResult result;
  // A Z3 context is costly to make: only chunks with a decision the fast path leaves
  // open get one.
  solve::Z3Route z3(model, options.solver);
  FastPath fast(model);
  for (int pi : provisions) {
    const Provision& provision = model.provisions[static_cast<std::size_t>(pi)];
    std::vector<Work> work = work_for(model, pi);
    if (work.empty())
      continue;
    const Law& law = model.laws[static_cast<std::size_t>(provision.law)];
    auto info = provision_info(model, provision);
    std::string jurisdiction = jurisdiction_of(model, law);
    ProvisionDecider decider(model, options, fast, z3, result, pi);
    for (const auto& w : work) {
      const Test& test = model.tests[static_cast<std::size_t>(w.test)];
      const Right& right = model.rights[static_cast<std::size_t>(w.right)];
      Finding f = base_finding(tests, w.test, &right);
      f.id = provision.id + "/" + right.id + "/" + test.id;
      f.provision = info;
      f.jurisdiction = jurisdiction;
      if (!touches_subject(provision, test)) {
        f.verdict = Verdict::not_applicable;
        result.findings.push_back(std::move(f));
        continue;
      }
      record(f, model, provision, decider.decide(test, right, f.route));
      if (f.verdict == Verdict::may_fail) {
        const auto& bare = derived.condition_only[static_cast<std::size_t>(w.test)];
        classify_open(f, model, provision, test, fast.live_facts(provision, test, right), [&] {
          Route ignored = Route::none;
          return decider.decide(*bare, right, ignored);
        });
      }
      settle_provenance(f);
      result.findings.push_back(std::move(f));
    }
  }
  result.queries = z3.queries();
  return result;
}

// Duty findings, open-world: a duty passes where a provision implements it, may fail
// where provisions implement it only in part, fails only where a source reports it
// absent, and is the analyst's question otherwise. A duty of good practice is never a
// Covenant failure: reported absent, it is a concern that may be raised.
void positive_obligations(const Model& model, const TestInfos& tests, std::vector<Finding>& findings) {
  // The few provisions that implement a duty, found once rather than per duty.
  std::vector<const Provision*> implementers;
  for (const auto& provision : model.provisions)
    if (provision.in_force && (!provision.implements.empty() || !provision.partially_implements.empty()))
      implementers.push_back(&provision);
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
      f.good_practice = duty.good_practice;
      if (duty.good_practice)
        f.strength = Strength::concern;
      std::vector<Cause> full;
      std::vector<Cause> partial;
      std::vector<std::string> notes;
      for (const Provision* implementer : implementers) {
        const Provision& provision = *implementer;
        const Law& law = model.laws[static_cast<std::size_t>(provision.law)];
        if (law.jurisdiction != static_cast<int>(j))
          continue;
        if (std::find(provision.implements.begin(), provision.implements.end(), test.duty) !=
            provision.implements.end())
          full.push_back(cause_of("implements", provision.implements_span, provision.basis, provision.sources));
        for (const auto& p : provision.partially_implements)
          if (p.duty == test.duty) {
            partial.push_back(cause_of("implements_partially", p.span, provision.basis, provision.sources));
            notes.push_back(provision.id + ": " + p.note);
          }
      }
      std::vector<Cause> absent;
      for (const auto& a : jurisdiction.reported_absent)
        if (a.duty == test.duty)
          absent.push_back(cause_of("reported_absent", a.span, Basis::assessment, {a.source}));
      if (!full.empty()) {
        f.verdict = Verdict::passes;
        f.because = std::move(full);
      } else if (!partial.empty()) {
        f.verdict = Verdict::may_fail;
        f.because = std::move(partial);
        for (const auto& n : notes)
          f.note += (f.note.empty() ? "" : "; ") + n;
        f.note_kind = NoteKind::partial_implementation;
      } else if (!absent.empty()) {
        f.verdict = duty.good_practice ? Verdict::may_fail : Verdict::fails;
        f.because = std::move(absent);
      } else {
        f.verdict = Verdict::unassessed;
        f.missing.push_back(duty.id);
      }
      settle_provenance(f);
      findings.push_back(std::move(f));
    }
  }
}

// When a provision took effect: its own date, else its law's (the first day of a partial
// date).
std::optional<std::int64_t> date_of(const Model& model, const Provision& p) {
  const Law& law = model.laws[static_cast<std::size_t>(p.law)];
  for (const auto* d : {&p.dates.effective, &p.dates.adopted, &law.dates.effective, &law.dates.adopted})
    if (*d)
      return (*d)->first;
  return std::nullopt;
}

// Findings in the order of their ids. A finding is large: the order is worked out on
// indices, then each finding is moved once into place (following the permutation's
// cycles) rather than at every step of the sort. Equal ids keep their order.
void sort_by_id(std::vector<Finding>& findings) {
  std::vector<std::size_t> order(findings.size()); // order[k]: the finding that goes at k
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return findings[a].id < findings[b].id; });
  for (std::size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start)
      continue;
    Finding held = std::move(findings[start]);
    std::size_t k = start;
    while (order[k] != start) {
      std::size_t from = order[k];
      findings[k] = std::move(findings[from]);
      order[k] = k;
      k = from;
    }
    findings[k] = std::move(held);
    order[k] = k;
  }
}

// What the solver says of one pair of rules on the same act: whether some person falls
// under both (and who), and, where it is asked, which covers the other.
struct PairAnswer {
  std::optional<std::optional<Witness>> overlap;
  std::optional<bool> allow_in_forbid; // every person the permitting rule reaches, the forbidding one does too
  std::optional<bool> forbid_in_allow; // and the other way round
};

struct RulePair {
  int act;
  int allow_provision, forbid_provision;
  const Deontic* allow;
  const Deontic* forbid;
  bool same_level;
};

// Pairs asked of one Z3 context. The partition is fixed by the pairs alone, so answers
// (witnesses included) do not depend on the number of threads; a context is made only
// for a chunk that has pairs, and the answers for two predicates already compared
// (`everyone` against itself, say) are reused within it.
constexpr std::size_t pairs_per_context = 512;

std::vector<PairAnswer> answer_pairs(const Model& model, const Options& options, const std::vector<RulePair>& pairs,
                                     std::size_t first, std::size_t last, unsigned long long& queries) {
  solve::Engine engine(model, options.solver);
  std::map<const Expr*, std::string> texts;
  auto text = [&](const ExprPtr& e) -> const std::string& {
    auto [it, added] = texts.try_emplace(e.get());
    if (added)
      it->second = to_text(*e, model);
    return it->second;
  };
  std::map<std::pair<std::string, std::string>, std::optional<std::optional<Witness>>> overlaps;
  std::map<std::pair<std::string, std::string>, std::optional<bool>> covers;
  auto covered = [&](const ExprPtr& wider, const ExprPtr& narrower) {
    auto [it, added] = covers.try_emplace({text(wider), text(narrower)});
    if (added)
      it->second = engine.covers(wider, narrower);
    return it->second;
  };
  std::vector<PairAnswer> answers;
  answers.reserve(last - first);
  for (std::size_t i = first; i < last; ++i) {
    const RulePair& pair = pairs[i];
    PairAnswer answer;
    auto [it, added] = overlaps.try_emplace({text(pair.allow->who), text(pair.forbid->who)});
    if (added)
      it->second = engine.overlap(pair.allow->who, pair.forbid->who);
    answer.overlap = it->second;
    if (pair.same_level) {
      answer.allow_in_forbid = covered(pair.forbid->who, pair.allow->who);
      answer.forbid_in_allow = covered(pair.allow->who, pair.forbid->who);
    }
    answers.push_back(std::move(answer));
  }
  queries += engine.stats().queries;
  return answers;
}

// Conflict findings: two provisions, one permitting or obliging an act the other forbids,
// for some person both apply to. Rules meet only within their jurisdiction and act; the
// solver's questions are asked in fixed chunks, on as many threads as the decisions.
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
    if (!provision.in_force)
      continue;
    int jurisdiction = model.laws[static_cast<std::size_t>(provision.law)].jurisdiction;
    for (const auto& d : provision.deontics)
      if (d.who && !d.who->type.is_error())
        by_act[{jurisdiction, d.act}].push_back({static_cast<int>(p), &d});
  }
  auto level_of = [&](int provision) { return model.level_of(model.provisions[static_cast<std::size_t>(provision)]); };
  std::vector<RulePair> pairs;
  for (const auto& [key, rules] : by_act)
    for (const auto& allow : rules) {
      if (allow.deontic->modality == Deontic::Modality::forbids)
        continue;
      for (const auto& forbid : rules)
        if (forbid.deontic->modality == Deontic::Modality::forbids && forbid.provision != allow.provision)
          pairs.push_back({key.second, allow.provision, forbid.provision, allow.deontic, forbid.deontic,
                           level_of(allow.provision) == level_of(forbid.provision)});
    }
  if (pairs.empty())
    return;
  std::size_t chunks = (pairs.size() + pairs_per_context - 1) / pairs_per_context;
  std::vector<std::vector<PairAnswer>> chunk_answers(chunks);
  std::vector<unsigned long long> chunk_queries(chunks, 0);
  unsigned jobs = options.jobs > 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(chunks));
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t c = next++; c < chunks; c = next++)
      chunk_answers[c] = answer_pairs(model, options, pairs, c * pairs_per_context,
                                      std::min(pairs.size(), (c + 1) * pairs_per_context), chunk_queries[c]);
  };
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < jobs; ++i)
    threads.emplace_back(worker);
  worker();
  for (auto& t : threads)
    t.join();
  for (auto q : chunk_queries)
    queries += q;

  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const RulePair& pair = pairs[i];
    const PairAnswer& answer = chunk_answers[i / pairs_per_context][i % pairs_per_context];
    const Provision& a = model.provisions[static_cast<std::size_t>(pair.allow_provision)];
    const Provision& b = model.provisions[static_cast<std::size_t>(pair.forbid_provision)];
    // Who prevails: the higher norm; at the same level the more special one (it covers
    // fewer persons); otherwise the later one.
    int level_a = model.level_of(a);
    int level_b = model.level_of(b);
    std::string prevails;
    std::string rule = "none";
    if (level_a != level_b) {
      prevails = level_a < level_b ? a.id : b.id;
      rule = "hierarchy";
    } else {
      const auto& a_in_b = answer.allow_in_forbid;
      const auto& b_in_a = answer.forbid_in_allow;
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
    const Deontic* yielding_rule = prevails == a.id ? pair.forbid : pair.allow;
    const Deontic* other_rule = prevails == a.id ? pair.allow : pair.forbid;
    auto info = provision_info(model, yielding);
    std::string jurisdiction = jurisdiction_of(model, model.laws[static_cast<std::size_t>(yielding.law)]);
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
      f.provision = info;
      f.jurisdiction = jurisdiction;
      f.route = Route::z3;
      f.conflict = ConflictInfo{other.id,
                                model.acts[static_cast<std::size_t>(pair.act)].id,
                                modality_name(yielding_rule->modality),
                                modality_name(other_rule->modality),
                                prevails,
                                rule};
      f.because.push_back(
          cause_of(modality_name(yielding_rule->modality), yielding_rule->span, yielding.basis, yielding.sources));
      f.because.push_back(cause_of(modality_name(other_rule->modality), other_rule->span, other.basis, other.sources));
      settle_provenance(f);
      if (!answer.overlap) {
        f.verdict = Verdict::undetermined;
        f.note_kind = NoteKind::conflict_undecided;
      } else if (*answer.overlap) {
        f.verdict = Verdict::fails;
        f.witness = **answer.overlap;
      } else {
        f.verdict = Verdict::passes;
      }
      findings.push_back(std::move(f));
    }
  }
}

} // namespace

Result run(const Model& model, const Options& options, Diagnostics& diagnostics) {
  if (options.min_basis != Basis::assessment) {
    // The law as the analyst reads it on this basis: weaker facts are unstated.
    Model strict = model;
    for (auto& provision : strict.provisions)
      provision.facts.erase(std::remove_if(provision.facts.begin(), provision.facts.end(),
                                           [&](const StatedFact& s) {
                                             return static_cast<int>(s.basis) > static_cast<int>(options.min_basis);
                                           }),
                            provision.facts.end());
    Options all = options;
    all.min_basis = Basis::assessment;
    return run(strict, all, diagnostics);
  }
  auto started = std::chrono::steady_clock::now();
  Result result;
  std::vector<int> selected;
  for (std::size_t p = 0; p < model.provisions.size(); ++p) {
    const Provision& provision = model.provisions[p];
    if (!provision.in_force)
      continue;
    if (!options.only_provision.empty() && provision.id != options.only_provision)
      continue;
    if (options.only_provisions &&
        !std::binary_search(options.only_provisions->begin(), options.only_provisions->end(), provision.id))
      continue;
    selected.push_back(static_cast<int>(p));
  }
  std::size_t chunk_size = std::max<std::size_t>(1, options.chunk);
  std::vector<std::vector<int>> chunks;
  for (std::size_t i = 0; i < selected.size(); i += chunk_size)
    chunks.emplace_back(selected.begin() + static_cast<std::ptrdiff_t>(i),
                        selected.begin() + static_cast<std::ptrdiff_t>(std::min(selected.size(), i + chunk_size)));
  std::vector<ChunkResult> chunk_results(chunks.size());
  TestInfos tests;
  for (const auto& test : model.tests)
    tests.push_back(test_info(model, test));
  const Derived derived = derive(model);
  unsigned jobs = options.jobs > 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(1, chunks.size())));
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> provisions_done{0};
  std::atomic<std::size_t> decisions{0};
  auto worker = [&] {
    for (std::size_t c = next++; c < chunks.size(); c = next++) {
      chunk_results[c] = run_chunk(model, options, tests, derived, chunks[c]);
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
  auto decided = std::chrono::steady_clock::now();
  // Duties and conflicts look across provisions. They are found before the decisions are
  // gathered, so that every finding is moved once into a vector of the right size.
  std::vector<Finding> across;
  positive_obligations(model, tests, across);
  conflicts(model, options, tests, across, result.summary.queries);
  if (!options.only_provision.empty())
    across.erase(
        std::remove_if(across.begin(), across.end(),
                       [&](const Finding& f) { return !f.provision || f.provision->id != options.only_provision; }),
        across.end());
  auto crossed = std::chrono::steady_clock::now();
  std::size_t total = across.size();
  for (const auto& chunk : chunk_results)
    total += chunk.findings.size();
  result.findings.reserve(total);
  for (auto& chunk : chunk_results) {
    for (auto& f : chunk.findings)
      result.findings.push_back(std::move(f));
    chunk.findings = {};
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
  for (auto& f : across)
    result.findings.push_back(std::move(f));
  sort_by_id(result.findings);
  count(model, result);
  auto& s = result.summary;
  auto finished = std::chrono::steady_clock::now();
  auto ms = [](auto a, auto b) { return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count(); };
  spdlog::debug("check: {} decisions on {} threads in {} ms ({} by the fast path, {} by Z3, {} solver queries); "
                "gaps and conflicts in {} ms; {} findings gathered and sorted in {} ms",
                s.fast_path + s.solver, jobs, ms(started, decided), s.fast_path, s.solver, s.queries,
                ms(decided, crossed), result.findings.size(), ms(crossed, finished));
  return result;
}

void count(const Model& model, Result& result) {
  auto& s = result.summary;
  s.provisions = static_cast<std::size_t>(
      std::count_if(model.provisions.begin(), model.provisions.end(), [](const Provision& p) { return p.in_force; }));
  s.tests = model.tests.size();
  s.evaluated = result.findings.size();
  s.fails = s.may_fail = s.passes = s.undetermined = s.not_applicable = s.unassessed = 0;
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
    case Verdict::not_applicable:
      ++s.not_applicable;
      break;
    case Verdict::unassessed:
      ++s.unassessed;
      break;
    }
  }
}

Result update(const Model& model, const Result& previous, const std::set<std::string>& touched, const Options& options,
              Diagnostics& diagnostics) {
  Options partial = options;
  std::vector<std::string> ids(touched.begin(), touched.end());
  partial.only_provisions = &ids;
  Result fresh = run(model, partial, diagnostics);
  // Decisions on provisions nothing touched stand; duties and conflicts are re-run in
  // full, since they look across provisions.
  Result merged;
  merged.summary = fresh.summary;
  std::size_t kept = 0;
  std::unordered_set<std::string_view> in_force;
  for (const auto& p : model.provisions)
    if (p.in_force)
      in_force.insert(p.id);
  for (const auto& f : previous.findings) {
    bool single_provision = f.provision && !f.conflict;
    if (single_provision && !touched.count(f.provision->id) && in_force.count(f.provision->id)) {
      merged.findings.push_back(f);
      ++kept;
    }
  }
  for (auto& f : fresh.findings)
    merged.findings.push_back(std::move(f));
  sort_by_id(merged.findings);
  count(model, merged);
  spdlog::debug("update: {} decisions re-run for {} touched provisions, {} kept",
                fresh.summary.fast_path + fresh.summary.solver, touched.size(), kept);
  return merged;
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
  // Consistency of each provision's facts: the evaluator settles every provision whose
  // facts it represents (as the fast route does before it decides); Z3 the rest.
  decide::Sampler sampler(model);
  const Right no_right{};
  std::size_t asked = 0;
  for (const auto& provision : model.provisions) {
    if (!options.all_z3 && sampler.representable(provision, no_right))
      continue;
    ++asked;
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
  spdlog::debug("lint: {} of {} provisions' facts checked for consistency by Z3", asked, model.provisions.size());
}

} // namespace siracusa::check
