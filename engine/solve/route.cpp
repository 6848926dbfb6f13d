#include "solve/route.hpp"

namespace siracusa::solve {

Z3Route::Z3Route(const model::Model& model, const SolverOptions& options) : model_(model), options_(options) {}

Z3Route::~Z3Route() {
  close();
}

void Z3Route::close() {
  if (open_)
    engine_->end();
  open_ = nullptr;
  consistent_.reset();
  contradiction_.reset();
}

std::optional<Decision> Z3Route::decide(const model::Provision& provision, const model::Test& test,
                                        const model::Right& right) {
  if (open_ != &provision) {
    close();
    if (!engine_)
      engine_.emplace(model_, options_);
    engine_->begin(provision);
    open_ = &provision;
    std::vector<int> core;
    consistent_ = engine_->consistent(core);
    if (consistent_ && !*consistent_)
      contradiction_ = std::move(core);
  }
  if (consistent_ && *consistent_)
    return engine_->decide(test, right);
  Decision decision;
  decision.verdict = Verdict::undetermined;
  decision.reason = consistent_ ? "the provision's facts contradict each other"
                                : "the solver could not tell whether the provision's facts are consistent";
  if (contradiction_)
    decision.core = *contradiction_;
  return decision;
}

} // namespace siracusa::solve
