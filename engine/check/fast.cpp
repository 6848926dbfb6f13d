#include "check/fast.hpp"

namespace siracusa::check {

std::optional<solve::Decision> FastPath::decide(const model::Provision&, const model::Test&, const model::Right&) {
  return std::nullopt; // every decision goes to Z3 until the evaluator lands
}

} // namespace siracusa::check
