#include "decide/core.hpp"

namespace siracusa::decide {

using namespace model;

bool reads_law_level(const Model& model, const Expr& e) {
  if (e.kind == ExprKind::law_level)
    return true;
  if (e.kind == ExprKind::parameter &&
      reads_law_level(model, *model.parameters[static_cast<std::size_t>(e.index())].value))
    return true;
  for (const auto& child : e.children)
    if (reads_law_level(model, *child))
      return true;
  for (const auto& binder : e.binders)
    if (binder.domain && reads_law_level(model, *binder.domain))
      return true;
  return false;
}

std::vector<int> core_candidates(const Model& model, const Provision& provision, const Expr& condition) {
  std::vector<int> candidates;
  if (reads_law_level(model, condition))
    candidates.push_back(law_level_fact);
  for (int f : facts_used(condition)) { // sorted: declaration order
    const StatedFact* stated = provision.find(f);
    if (stated && stated->value.form != FactValue::Form::unknown)
      candidates.push_back(f);
  }
  return candidates;
}

std::optional<std::vector<int>> minimal_core(const std::vector<int>& candidates, const Forces& forces,
                                             WhenUnsure unsure) {
  std::vector<int> kept = candidates;
  for (std::size_t i = kept.size(); i-- > 0;) {
    std::vector<int> trial = kept;
    trial.erase(trial.begin() + static_cast<std::ptrdiff_t>(i));
    std::optional<bool> still = forces(trial);
    if (!still && unsure == WhenUnsure::give_up)
      return std::nullopt;
    if (still && *still)
      kept = std::move(trial);
  }
  return kept;
}

} // namespace siracusa::decide
