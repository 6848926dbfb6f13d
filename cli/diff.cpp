#include "diff.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace siracusa::cli {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op { equal, remove, insert };

struct Edit {
  Op op;
  std::size_t a; // line in `before` (equal, remove)
  std::size_t b; // line in `after` (equal, insert)
};

// Myers' O(ND) difference, in linear space: the middle snake of each region splits it in
// two (the bisection of Neil Fraser's diff-match-patch). Beyond `max_cost` edits in one
// region it is replaced whole, so that two unrelated files of many lines take bounded
// time; the diff is then longer than it need be, never wrong.
class Differ {
 public:
  Differ(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) : a_(a), b_(b) {}

  std::vector<Edit> run() {
    diff(0, a_.size(), 0, b_.size());
    return std::move(edits_);
  }

 private:
  static constexpr std::ptrdiff_t max_cost = 20000;

  void diff(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) {
    std::size_t prefix = 0;
    while (a0 + prefix < a1 && b0 + prefix < b1 && a_[a0 + prefix] == b_[b0 + prefix])
      ++prefix;
    for (std::size_t i = 0; i < prefix; ++i)
      edits_.push_back({Op::equal, a0 + i, b0 + i});
    a0 += prefix;
    b0 += prefix;
    std::size_t suffix = 0;
    while (a1 - suffix > a0 && b1 - suffix > b0 && a_[a1 - suffix - 1] == b_[b1 - suffix - 1])
      ++suffix;
    a1 -= suffix;
    b1 -= suffix;
    if (a0 == a1 || b0 == b1) {
      replace(a0, a1, b0, b1);
    } else if (auto split = bisect(a0, a1, b0, b1)) {
      diff(a0, split->first, b0, split->second);
      diff(split->first, a1, split->second, b1);
    } else {
      replace(a0, a1, b0, b1);
    }
    for (std::size_t i = 0; i < suffix; ++i)
      edits_.push_back({Op::equal, a1 + i, b1 + i});
  }

  void replace(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) {
    for (std::size_t i = a0; i < a1; ++i)
      edits_.push_back({Op::remove, i, b0});
    for (std::size_t j = b0; j < b1; ++j)
      edits_.push_back({Op::insert, a1, j});
  }

  // Where the forward and backward searches meet: a point (x, y) on an optimal path.
  std::optional<std::pair<std::size_t, std::size_t>> bisect(std::size_t a0, std::size_t a1, std::size_t b0,
                                                            std::size_t b1) const {
    const auto n = static_cast<std::ptrdiff_t>(a1 - a0);
    const auto m = static_cast<std::ptrdiff_t>(b1 - b0);
    const std::ptrdiff_t max_d = (n + m + 1) / 2;
    const std::ptrdiff_t offset = max_d;
    const std::ptrdiff_t length = 2 * max_d + 2;
    std::vector<std::ptrdiff_t> forward(static_cast<std::size_t>(length), -1);
    std::vector<std::ptrdiff_t> backward(static_cast<std::size_t>(length), -1);
    auto at = [](std::vector<std::ptrdiff_t>& v, std::ptrdiff_t i) -> std::ptrdiff_t& {
      return v[static_cast<std::size_t>(i)];
    };
    auto same = [&](std::ptrdiff_t x, std::ptrdiff_t y) {
      return a_[a0 + static_cast<std::size_t>(x)] == b_[b0 + static_cast<std::size_t>(y)];
    };
    at(forward, offset + 1) = 0;
    at(backward, offset + 1) = 0;
    const std::ptrdiff_t delta = n - m;
    const bool front = delta % 2 != 0;
    std::ptrdiff_t k1start = 0, k1end = 0, k2start = 0, k2end = 0;
    for (std::ptrdiff_t d = 0; d < max_d && d < max_cost; ++d) {
      for (std::ptrdiff_t k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
        std::ptrdiff_t k1_offset = offset + k1;
        std::ptrdiff_t x1 = (k1 == -d || (k1 != d && at(forward, k1_offset - 1) < at(forward, k1_offset + 1)))
                                ? at(forward, k1_offset + 1)
                                : at(forward, k1_offset - 1) + 1;
        std::ptrdiff_t y1 = x1 - k1;
        while (x1 < n && y1 < m && same(x1, y1)) {
          ++x1;
          ++y1;
        }
        at(forward, k1_offset) = x1;
        if (x1 > n) {
          k1end += 2;
        } else if (y1 > m) {
          k1start += 2;
        } else if (front) {
          std::ptrdiff_t k2_offset = offset + delta - k1;
          if (k2_offset >= 0 && k2_offset < length && at(backward, k2_offset) != -1 &&
              x1 >= n - at(backward, k2_offset))
            return std::make_pair(a0 + static_cast<std::size_t>(x1), b0 + static_cast<std::size_t>(y1));
        }
      }
      for (std::ptrdiff_t k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
        std::ptrdiff_t k2_offset = offset + k2;
        std::ptrdiff_t x2 = (k2 == -d || (k2 != d && at(backward, k2_offset - 1) < at(backward, k2_offset + 1)))
                                ? at(backward, k2_offset + 1)
                                : at(backward, k2_offset - 1) + 1;
        std::ptrdiff_t y2 = x2 - k2;
        while (x2 < n && y2 < m && same(n - x2 - 1, m - y2 - 1)) {
          ++x2;
          ++y2;
        }
        at(backward, k2_offset) = x2;
        if (x2 > n) {
          k2end += 2;
        } else if (y2 > m) {
          k2start += 2;
        } else if (!front) {
          std::ptrdiff_t k1_offset = offset + delta - k2;
          if (k1_offset >= 0 && k1_offset < length && at(forward, k1_offset) != -1) {
            std::ptrdiff_t x1 = at(forward, k1_offset);
            std::ptrdiff_t y1 = offset + x1 - k1_offset;
            if (x1 >= n - x2)
              return std::make_pair(a0 + static_cast<std::size_t>(x1), b0 + static_cast<std::size_t>(y1));
          }
        }
      }
    }
    return std::nullopt;
  }

  const std::vector<std::string_view>& a_;
  const std::vector<std::string_view>& b_;
  std::vector<Edit> edits_;
};

std::string range(std::size_t start, std::size_t count) {
  // GNU diff: a hunk that is empty on one side starts at the line before it.
  std::string out = std::to_string(count == 0 ? start : start + 1);
  if (count != 1)
    out += "," + std::to_string(count);
  return out;
}

void put_line(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out += line;
  if (line.empty() || line.back() != '\n')
    out += "\n\\ No newline at end of file\n";
}

} // namespace

std::string unified_diff(const std::string& name, const std::string& before, const std::string& after) {
  if (before == after)
    return {};
  auto a = split_lines(before);
  auto b = split_lines(after);
  std::vector<Edit> edits = Differ(a, b).run();
  constexpr std::size_t context = 3;
  std::string out = "--- a/" + name + "\n+++ b/" + name + "\n";
  std::size_t i = 0;
  while (i < edits.size()) {
    // The next change, and the hunk around it: changes less than 2 * context lines apart
    // share one hunk.
    while (i < edits.size() && edits[i].op == Op::equal)
      ++i;
    if (i == edits.size())
      break;
    std::size_t first = i >= context ? i - context : 0;
    std::size_t last = i; // one past the last change of the hunk
    std::size_t j = i;
    while (j < edits.size()) {
      if (edits[j].op != Op::equal) {
        last = ++j;
        continue;
      }
      std::size_t run = j;
      while (run < edits.size() && edits[run].op == Op::equal)
        ++run;
      if (run == edits.size() || run - j > 2 * context)
        break;
      j = run;
    }
    std::size_t end = std::min(edits.size(), last + context);
    for (std::size_t k = last; k < end; ++k)
      if (edits[k].op != Op::equal) {
        end = k;
        break;
      }
    std::size_t a_start = edits[first].a;
    std::size_t b_start = edits[first].b;
    std::size_t a_count = 0;
    std::size_t b_count = 0;
    for (std::size_t k = first; k < end; ++k) {
      a_count += edits[k].op != Op::insert ? 1 : 0;
      b_count += edits[k].op != Op::remove ? 1 : 0;
    }
    out += "@@ -" + range(a_start, a_count) + " +" + range(b_start, b_count) + " @@\n";
    for (std::size_t k = first; k < end; ++k) {
      switch (edits[k].op) {
      case Op::equal:
        put_line(out, ' ', a[edits[k].a]);
        break;
      case Op::remove:
        put_line(out, '-', a[edits[k].a]);
        break;
      case Op::insert:
        put_line(out, '+', b[edits[k].b]);
        break;
      }
    }
    i = end;
  }
  return out;
}

} // namespace siracusa::cli
