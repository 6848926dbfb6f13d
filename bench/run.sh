#!/usr/bin/env bash
# Times `check` end to end (parse, resolve, decisions, the JSON report to a file) on
# synthetic corpora of 1,000, 10,000 and 100,000 provisions drawn from rules/iccpr's
# vocabulary and tests, facts only and mixed (acts, duties, amendments, nested person
# predicates), and prints Markdown rows for bench/RESULTS.md.
#
#   bench/run.sh [SIZES...]        (default: 1000 10000 100000)
#
# Each size runs in its own process so that the peak memory column is that size's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -G Ninja >/dev/null
cmake --build "$build" --target siracusa_bench >/dev/null
sizes=("$@")
[ "${#sizes[@]}" -gt 0 ] || sizes=(1000 10000 100000)
echo "| provisions | threads | corpus | route | decisions | fast path | Z3 | Z3 queries | parse + resolve ms | check ms | report ms | report MB | total ms | µs per decision | peak MB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  "$build/bench/siracusa_bench" --provisions "$n" --jobs 2
  "$build/bench/siracusa_bench" --provisions "$n" --jobs 2 --mixed
done
