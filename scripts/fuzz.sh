#!/usr/bin/env bash
# Runs a libFuzzer campaign on one target of tests/fuzz (lint, format or check).
#   scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags...]
# Builds the targets in build-fuzz with clang-14 (ASan, UBSan, coverage) if needed, seeds
# the corpus from the bundled files (rules/, laws/, tests/golden, tests/fuzz/seeds) and
# keeps it in build-fuzz/corpus/TARGET between runs. A crash or a broken property is
# written to build-fuzz/artifacts/TARGET/; once fixed, copy it to
# tests/fuzz/regressions/TARGET/ so that the normal test suite keeps checking it.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/fuzz.sh lint|format|check [SECONDS] [libFuzzer flags...]}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))

scripts/install-deps.sh --fuzz
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DSIRACUSA_FUZZ=ON -DBUILD_TESTING=OFF
fi
cmake --build build-fuzz --target "fuzz_${target}"

corpus=build-fuzz/corpus/${target}
artifacts=build-fuzz/artifacts/${target}
mkdir -p "$corpus" "$artifacts"
seeds=build-fuzz/seeds/${target}
rm -rf "$seeds" && mkdir -p "$seeds"
if [ "$target" = check ]; then
  # The check target wants small self-contained files.
  cp tests/fuzz/seeds/check/*.sir "$seeds"/
else
  find rules laws tests/golden tests/fuzz/seeds -name '*.sir' | while read -r file; do
    cp "$file" "$seeds/$(echo "$file" | tr '/' '_')"
  done
fi
cp tests/fuzz/regressions/"$target"/* "$seeds"/ 2>/dev/null || true

# -timeout: an input that takes longer is reported as a hang; -rss_limit_mb: as a blow-up.
exec "build-fuzz/tests/fuzz/fuzz_${target}" "$corpus" "$seeds" \
  -dict=tests/fuzz/siracusa.dict -max_total_time="$seconds" -timeout=25 -rss_limit_mb=4096 \
  -max_len=8192 -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
