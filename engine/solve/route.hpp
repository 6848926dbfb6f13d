// engine/solve — the Z3 route as a decide::Route.
// Takes: the model; then (provision, test, right) decisions, a provision's in a row.
// Gives: Z3's decision of each, never none. A Z3 context is costly to make, so it is made
// on the first decision and kept; a provision is opened (its facts asserted and checked
// for consistency) on its first decision and closed when the next one comes, or on close().
#pragma once

#include "decide/route.hpp"
#include "solve/solver.hpp"

#include <optional>
#include <vector>

namespace siracusa::solve {

class Z3Route : public decide::Route {
 public:
  Z3Route(const model::Model& model, const SolverOptions& options);
  ~Z3Route() override;
  Z3Route(const Z3Route&) = delete;
  Z3Route& operator=(const Z3Route&) = delete;

  std::optional<Decision> decide(const model::Provision& provision, const model::Test& test,
                                 const model::Right& right) override;
  void close();
  // Whether `provision` is the one open.
  bool is_open(const model::Provision& provision) const { return open_ == &provision; }
  // When the open provision's facts contradict each other: a smallest set of them.
  const std::optional<std::vector<int>>& contradiction() const { return contradiction_; }
  unsigned long long queries() const { return engine_ ? engine_->stats().queries : 0; }

 private:
  const model::Model& model_;
  SolverOptions options_;
  std::optional<Engine> engine_;
  const model::Provision* open_ = nullptr;
  std::optional<bool> consistent_;
  std::optional<std::vector<int>> contradiction_;
};

} // namespace siracusa::solve
