#!/usr/bin/env bash
# Installs what Siracusa needs to build and test, from Debian 12 packages only.
# Safe to run again: it installs only what is missing.
#   scripts/install-deps.sh [--fuzz]
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost-dev libz3-dev libspdlog-dev libtomlplusplus-dev catch2 libcli11-dev nlohmann-json3-dev
  # Tests only: the HTML report in a headless browser (skipped when absent).
  chromium
)
# `--fuzz`: also clang and its libFuzzer runtime, for scripts/fuzz.sh (the sanitizer build
# of scripts/test.sh uses gcc's ASan and UBSan and needs nothing more).
if [ "${1:-}" = "--fuzz" ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "installing: ${missing[*]}" >&2
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
