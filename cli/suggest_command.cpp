// `siracusa suggest`: the smallest change to a provision's stated facts after which none
// of its per se or presumptive tests fails, written as an amendment `diff --amend` takes,
// then read back and checked.
#include "commands.hpp"
#include "law.hpp"
#include "output.hpp"

#include "check/check.hpp"
#include "model/print.hpp"
#include "model/resolve.hpp"
#include "solve/solver.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <set>

namespace siracusa::cli {

namespace fs = std::filesystem;

namespace {

bool serious(const check::Finding& f) {
  return f.verdict == check::Verdict::fails &&
         (f.strength == model::Strength::per_se || f.strength == model::Strength::presumptive);
}

// The single-provision tests that could fail the provision, one per right it restricts.
// A recognised exception counts only where the provision states its facts (as `check`
// reads it), so a test whose exception rests on a fact the provision leaves unstated is
// held to its condition alone: the change must not count on an exception nobody states.
struct Tests {
  std::deque<model::Test> bare; // conditions without their exceptions, kept at stable addresses
  std::vector<std::pair<const model::Test*, const model::Right*>> list;
};

Tests tests_of(const model::Model& model, const model::Provision& p) {
  Tests out;
  for (int r : p.restricts) {
    for (const auto& test : model.tests) {
      if (!test.applies_to(r) || !test.failure || test.strength == model::Strength::concern ||
          test.criterion == model::Criterion::positive_obligation || test.criterion == model::Criterion::conflict)
        continue;
      const model::Test* chosen = &test;
      if (test.qualified() && test.condition) {
        auto in_condition = model::facts_used(*test.condition);
        bool unstated_exception = false;
        for (int fact : model::facts_used(*test.failure))
          if (!std::binary_search(in_condition.begin(), in_condition.end(), fact) && !p.find(fact))
            unstated_exception = true;
        if (unstated_exception) {
          model::Test bare = test;
          bare.exceptions.clear();
          bare.failure = test.condition;
          out.bare.push_back(std::move(bare));
          chosen = &out.bare.back();
        }
      }
      out.list.emplace_back(chosen, &model.rights[static_cast<std::size_t>(r)]);
    }
  }
  return out;
}

// A scope that no longer depends on a protected attribute: the parts of the predicate that
// mention one are dropped — from a conjunction (nothing left: everyone) or from a
// disjunction (nothing left: no one). The rest of who is covered stays as the law has it.
bool mentions_protected(const model::Model& model, const model::Expr& e) {
  for (int a : model::attributes_used(e))
    if (model.attributes[static_cast<std::size_t>(a)].is_protected)
      return true;
  return false;
}

// The body without its protected parts; nullopt when nothing is left (the neutral value of
// the connective it stood in: true for `and`, false for `or`).
std::optional<model::ExprPtr> neutral(const model::Model& model, const model::ExprPtr& e) {
  if (!mentions_protected(model, *e))
    return e;
  if (e->kind != model::ExprKind::and_ && e->kind != model::ExprKind::or_)
    return std::nullopt;
  std::vector<model::ExprPtr> kept;
  for (const auto& child : e->children)
    if (auto part = neutral(model, child))
      kept.push_back(*part);
  if (kept.empty())
    return std::nullopt;
  model::ExprPtr result = kept.front();
  for (std::size_t i = 1; i < kept.size(); ++i) {
    auto both = std::make_shared<model::Expr>(*e);
    both->children = {result, kept[i]};
    result = both;
  }
  return result;
}

std::string slug(std::string id) {
  std::replace(id.begin(), id.end(), '.', '_');
  return id;
}

model::ExprPtr without_protected(const model::Model& model, const model::Expr& predicate) {
  const model::ExprPtr& body = predicate.children.front();
  auto result = std::make_shared<model::Expr>(predicate);
  if (auto kept = neutral(model, body)) {
    result->children = {*kept};
    return result;
  }
  result->kind = body->kind == model::ExprKind::or_ ? model::ExprKind::no_one : model::ExprKind::everyone;
  result->children.clear();
  return result;
}

} // namespace

int run_suggest(const SuggestOptions& options, const GlobalOptions& global) {
  Loaded loaded;
  if (!load(options.paths, options.law, global, loaded))
    return 2;
  const model::Model& law = loaded.law;
  int index = law.find_provision(options.provision);
  if (index < 0 || !law.provisions[static_cast<std::size_t>(index)].in_force) {
    std::vector<std::string> ids;
    for (const auto& p : law.provisions)
      ids.push_back(p.id);
    std::vector<std::string> notes;
    if (auto near = closest(options.provision, ids))
      notes.push_back("did you mean `" + *near + "`?");
    print_error("E0011", "no provision `" + options.provision + "` in force", notes, global);
    return 2;
  }
  const model::Provision& provision = law.provisions[static_cast<std::size_t>(index)];
  solve::SuggestOptions suggest_options;
  for (const auto& name : options.keep) {
    int fact = law.find_fact(name);
    if (fact < 0) {
      print_error("E0009", "`--keep`: `" + name + "` is not a fact of the vocabulary", {}, global);
      return 2;
    }
    suggest_options.fixed.push_back(fact);
  }
  for (const auto& item : options.weights) {
    auto eq = item.find('=');
    int fact = law.find_fact(item.substr(0, eq));
    unsigned weight = 0;
    if (eq != std::string::npos)
      weight = static_cast<unsigned>(std::strtoul(item.c_str() + eq + 1, nullptr, 10));
    if (fact < 0 || weight == 0) {
      print_error("E0009", "`--weight` takes FACT=N (N a positive whole number), not `" + item + "`", {}, global);
      return 2;
    }
    suggest_options.weights.emplace_back(fact, weight);
  }

  check::Options check_options = decision_options(loaded.config, options.timeout_ms, std::nullopt, std::nullopt);
  check_options.only_provision = provision.id;
  // A provision whose facts contradict each other (E0301) is an error here as in check.
  auto checked = run_checks(law, check_options, global);
  if (!checked)
    return 2;
  const check::Result& before = *checked;
  std::vector<const check::Finding*> failing;
  for (const auto& f : before.findings)
    if (serious(f))
      failing.push_back(&f);
  if (failing.empty()) {
    std::cout << "`" << provision.id << "` fails no per se or presumptive test: nothing to change.\n";
    return 0;
  }
  // What no change of this provision's facts can clear.
  bool blocked = false;
  for (const auto* f : failing) {
    if (f->conflict) {
      std::cout << "cannot clear " << f->id << ": a conflict with `" << f->conflict->other
                << "`; one of the two provisions must change, or the hierarchy must say which prevails\n";
      blocked = true;
    }
  }

  // Who is covered, where a non-discrimination failure turns on it: the scope without its
  // conditions on protected attributes. The solver then changes what else must change.
  model::Provision changed = provision;
  std::vector<std::pair<int, std::string>> scope_changes; // fact, new value as text
  for (auto& stated : changed.facts) {
    const auto& fact = law.facts[static_cast<std::size_t>(stated.fact)];
    if (fact.type.kind != model::Type::Kind::predicate || stated.value.form != model::FactValue::Form::exact ||
        stated.value.values.front()->kind != model::ExprKind::predicate)
      continue;
    bool reads_it = false;
    for (const auto* f : failing) {
      int t = law.find_test(f->test->id);
      const auto& test = law.tests[static_cast<std::size_t>(t)];
      auto used = model::facts_used(*test.failure);
      reads_it = reads_it || (test.criterion == model::Criterion::non_discrimination &&
                              std::find(used.begin(), used.end(), stated.fact) != used.end());
    }
    if (!reads_it)
      continue;
    stated.value.values.front() = without_protected(law, *stated.value.values.front());
    scope_changes.emplace_back(stated.fact, model::to_text(*stated.value.values.front(), law));
  }

  solve::Engine engine(law, check_options.solver);
  engine.begin(changed);
  auto tests = tests_of(law, changed);
  solve::Suggestion suggestion = engine.suggest(tests.list, suggest_options);
  if (suggestion.outcome == solve::Suggestion::Outcome::impossible) {
    // Say which tests no change can satisfy, one at a time.
    for (const auto* f : failing) {
      if (f->conflict)
        continue;
      int t = law.find_test(f->test->id);
      const model::Right* right = &law.rights[static_cast<std::size_t>(law.find_right(f->right))];
      const model::Test* test = &law.tests[static_cast<std::size_t>(t)];
      for (const auto& [candidate, candidate_right] : tests.list)
        if (candidate->id == test->id && candidate_right == right)
          test = candidate;
      auto alone = engine.suggest({{test, right}}, suggest_options);
      if (alone.outcome == solve::Suggestion::Outcome::impossible) {
        auto used = model::facts_used(*test->failure);
        bool reads_stated = std::any_of(used.begin(), used.end(), [&](int fact) { return provision.find(fact); });
        std::cout << "cannot clear " << f->id << ": "
                  << (reads_stated ? "no value of the facts the provision states and may change makes the test pass "
                                     "(facts kept with --keep, texts and who is covered stay as they are)"
                                   : "the test reads none of the facts the provision states: it turns on the right "
                                     "the provision restricts, which a change of facts cannot alter")
                  << "\n";
      }
    }
    std::cout << "no change of `" << provision.id << "`'s facts clears all its per se and presumptive failures\n";
    engine.end();
    return 1;
  }
  engine.end();
  if (suggestion.outcome != solve::Suggestion::Outcome::found) {
    std::cerr << "siracusa: the solver gave up: " << suggestion.reason << "\n";
    return 1;
  }

  // The amendment, each change commented with the failures of tests that read its fact.
  fs::path target = options.output.empty() ? fs::current_path() / "suggested.sir" : fs::path(options.output);
  fs::path folder = fs::absolute(target).parent_path();
  std::string out = "# Suggested by `siracusa suggest " + provision.id + "` (" +
                    time_note(loaded.base, loaded.outcome) +
                    ").\n# The smallest change to the provision's stated facts after which none of its per se or\n"
                    "# presumptive tests fails: " +
                    std::to_string(suggestion.changes.size() + scope_changes.size()) + " fact" +
                    (suggestion.changes.size() + scope_changes.size() == 1 ? "" : "s") +
                    " changed, the numbers moved as little as possible.\n";
  if (suggestion.another_optimum)
    out += "# Another change of the same size also works; this is the first the solver found.\n";
  out += "\nimport \"" + fs::absolute(provision.span.file->path()).lexically_relative(folder).string() + "\"\n\n";
  std::string name = "suggested_" + slug(provision.id);
  out += "amendment " + name + " {\n  title: \"Smallest change for " + provision.id +
         " to pass its per se and presumptive tests\"\n\n";
  out += "  amends " + provision.id + " {\n";
  for (const auto& [fact_index, text] : scope_changes) {
    const model::StatedFact* stated = provision.find(fact_index);
    out += "    # who is covered no longer depends on a protected attribute\n";
    out += "    # was: " + model::to_text(stated->value, law) + "\n";
    out += "    change " + law.facts[static_cast<std::size_t>(fact_index)].name + ": " + text + "\n";
  }
  for (const auto& change : suggestion.changes) {
    const auto& fact = law.facts[static_cast<std::size_t>(change.fact)];
    for (const auto* f : failing) {
      int t = law.find_test(f->test->id);
      auto used = model::facts_used(*law.tests[static_cast<std::size_t>(t)].failure);
      if (std::find(used.begin(), used.end(), change.fact) != used.end())
        out += "    # clears " + f->id + " (" + model::strength_name(f->strength) + ")\n";
    }
    const model::StatedFact* stated = provision.find(change.fact);
    out += "    # was: " + (stated ? model::to_text(stated->value, law) : std::string("unstated")) + "\n";
    out += "    change " + fact.name + ": " + change.value + "\n";
  }
  out += "  }\n}\n";

  if (options.output.empty()) {
    std::cout << out;
  } else {
    std::string error;
    if (!write_output(options.output, out, error)) {
      print_error("E0010", error, {}, global);
      return 2;
    }
    // Read the amendment back and check the provision with it applied.
    Loaded again;
    LawOptions with = options.law;
    with.amend.push_back(options.output);
    GlobalOptions quiet = global;
    if (!load(options.paths, with, quiet, again)) {
      std::cerr << "siracusa: the amendment written to `" << options.output << "` does not read back\n";
      return 2;
    }
    auto rechecked = run_checks(again.law, check_options, global);
    if (!rechecked)
      return 2;
    const check::Result& after = *rechecked;
    std::size_t left = static_cast<std::size_t>(
        std::count_if(after.findings.begin(), after.findings.end(), [](const auto& f) { return serious(f); }));
    std::size_t count = suggestion.changes.size() + scope_changes.size();
    std::cout << "wrote " << options.output << ": " << count << " change" << (count == 1 ? "" : "s") << "; with it, "
              << provision.id << " has " << left << " per se or presumptive failure" << (left == 1 ? "" : "s")
              << " (before: " << failing.size() << ")\n";
    if (left > 0 && !blocked)
      return 1;
  }
  return blocked ? 1 : 0;
}

} // namespace siracusa::cli
