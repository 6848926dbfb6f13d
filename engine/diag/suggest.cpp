#include "diag/suggest.hpp"

#include <algorithm>
#include <cctype>

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

namespace {

std::string lowered(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

} // namespace

std::vector<std::string> described_by(const std::string& name, const std::vector<std::string>& candidates,
                                      const std::vector<std::string>& descriptions) {
  std::vector<std::string> words;
  std::string lowered_name = lowered(name);
  for (std::size_t start = 0; start <= lowered_name.size();) {
    std::size_t end = std::min(lowered_name.find('_', start), lowered_name.size());
    if (end - start >= 4)
      words.push_back(lowered_name.substr(start, end - start));
    start = end + 1;
  }
  std::vector<std::string> found;
  if (words.empty())
    return found;
  for (std::size_t i = 0; i < candidates.size() && i < descriptions.size(); ++i) {
    std::string description = lowered(descriptions[i]);
    if (std::all_of(words.begin(), words.end(),
                    [&](const std::string& word) { return description.find(word) != std::string::npos; }))
      found.push_back(candidates[i]);
  }
  return found;
}

} // namespace siracusa
