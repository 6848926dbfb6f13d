#include "check/expectations.hpp"

#include <algorithm>

namespace siracusa::check {

using namespace model;

namespace {

bool on_target(const Model& model, const Expectation& e, const Finding& f) {
  switch (e.target_kind) {
  case Expectation::Target::jurisdiction:
    return f.jurisdiction == e.target_id;
  case Expectation::Target::law:
    return f.provision && f.provision->law == e.target_id;
  case Expectation::Target::provision:
    return f.provision && f.provision->id == e.target_id;
  }
  (void)model;
  return false;
}

template <typename T>
bool any_or_in(const std::vector<T>& allowed, const T& value) {
  return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool selected(const Model& model, const Expectation& e, const Finding& f) {
  int right = f.right.empty() ? -1 : model.find_right(f.right);
  int test = model.find_test(f.test->id);
  return any_or_in(e.rights, right) && any_or_in(e.criteria, f.test->criterion) && any_or_in(e.tests, test);
}

} // namespace

std::vector<ExpectationResult> compare(const Model& model, const Result& result) {
  std::vector<ExpectationResult> out;
  for (const auto& e : model.expectations) {
    ExpectationResult r;
    r.expectation = &e;
    for (const auto& f : result.findings) {
      if (!on_target(model, e, f) || !selected(model, e, f))
        continue;
      r.considered.push_back(&f);
      if (solve::verdict_name(f.verdict) == e.verdict && (!e.strength || *e.strength == f.strength))
        r.matching.push_back(&f);
    }
    r.met = e.negated ? r.matching.empty() : !r.matching.empty();
    out.push_back(std::move(r));
  }
  return out;
}

} // namespace siracusa::check
