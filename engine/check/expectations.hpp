// engine/check — what the analyst expects against what `check` found (`siracusa test`).
// Takes: the model's expectations and a check result. Gives: for each expectation, whether
// it is met and the findings it was compared with.
#pragma once

#include "check/check.hpp"

#include <vector>

namespace siracusa::check {

struct ExpectationResult {
  const model::Expectation* expectation = nullptr;
  bool met = false;
  std::vector<const Finding*> considered; // the findings on its target that its selector picks
  std::vector<const Finding*> matching;   // those of them with the expected verdict (and strength)
};

std::vector<ExpectationResult> compare(const model::Model& model, const Result& result);

} // namespace siracusa::check
