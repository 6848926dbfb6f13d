#!/usr/bin/env bash
# The whole test run, as CI does it (.ci/run calls this) and as the README's second
# command does:
#  1. install what is missing, build in build/ and run every test;
#  2. build again in build-asan/ with AddressSanitizer and UndefinedBehaviorSanitizer
#     (a report aborts: -fno-sanitize-recover=all), and under them run the tests that
#     feed the engine hostile or unusual input — the fuzz reproducers always — and
#     `siracusa check` on the bundled corpus.
# Any failure, sanitizer report included, ends the script with a non-zero status.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
# -O2 like the default build type, without debug information: it is a third of the
# compile time of the engine's larger units (check.cpp: 14.7 s of CPU with -g, 10.1 s
# without) and nothing here reads it.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG"
cmake --build build
ctest --test-dir build --output-on-failure -j2

# -O1 and line tables only: the sanitized build is for finding faults, and the X3 grammar
# compiles faster so (grammar.cpp, the slowest unit, took 65 s of CPU at -O1 -g1).
cmake -S . -B build-asan -G Ninja -DSIRACUSA_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
cmake --build build-asan
# halt_on_error and abort_on_error turn any report into a failing status; leaks are
# reported too.
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# Except leaks inside Z3 after a timeout interrupts it (tests/sanitizers/lsan.supp).
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
status=0
build-asan/siracusa check --format json -o /dev/null rules laws || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  echo "siracusa check on the bundled corpus under the sanitizers ended with status $status" >&2
  exit 1
fi
echo "sanitized check of the bundled corpus: status $status (1: some provisions fail, as expected)"
# Under them runs the subset of tests/sanitized-tags.txt (all of it would take too long
# on 2 cores), the fuzz reproducers always among it.
ctest --test-dir build-asan --output-on-failure -j2
