#include "diag/suggest.hpp"

#include <algorithm>

namespace siracusa {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest(const std::string& name, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t limit = std::max<std::size_t>(2, name.size() / 3);
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    std::size_t d = edit_distance(name, candidate);
    if (d < best_distance || (d == best_distance && best && candidate < *best)) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::vector<std::string> digit_runs(std::string_view name) {
  std::vector<std::string> runs;
  for (std::size_t i = 0; i < name.size();) {
    if (name[i] < '0' || name[i] > '9') {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < name.size() && name[end] >= '0' && name[end] <= '9')
      ++end;
    runs.emplace_back(name.substr(i, end - i));
    i = end;
  }
  return runs;
}

} // namespace siracusa
