#!/usr/bin/env bash
# Quick start, command 2: installs what is missing, builds everything with
# warnings as errors and runs the whole test suite with ctest. The shared
# corpus is read from ../shared/corpus unless DOCINTAKE_CORPUS_DIR says
# otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
corpus="${DOCINTAKE_CORPUS_DIR:-$(pwd)/../shared/corpus}"
cmake --preset ci -DDOCINTAKE_CORPUS_DIR="$corpus" >/dev/null
cmake --build --preset ci -j "$(nproc)"
ctest --preset ci -j "$(nproc)"
