#!/usr/bin/env bash
# Regenerate docs/coverage.md: how the Kazakhstan corpus covers the NGO statement it is
# written from, paragraph by paragraph.
#
#   scripts/coverage.sh [-o FILE]
#
# Runs `siracusa coverage kz-ngo-2025 rules laws/kz --notes laws/kz/coverage-notes.txt`.
# The notes say, for paragraphs no provision covers, why (no allegation about a law, or
# what the rules cannot express). A test (tests/cli/test_coverage_doc.cpp) fails when
# docs/coverage.md is not what this script writes. Environment: SIRACUSA (the binary,
# default build/siracusa).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

siracusa=${SIRACUSA:-build/siracusa}
out=docs/coverage.md
if [ "${1:-}" = "-o" ]; then
  out=$2
fi
"$siracusa" coverage kz-ngo-2025 rules laws/kz --notes laws/kz/coverage-notes.txt -o "$out"
