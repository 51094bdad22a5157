#!/usr/bin/env bash
# Builds bench_archive in Release mode and runs it. Arguments go to
# bench_archive, e.g.:  bench/archive/run.sh --count-1m 300 --json
# Build output goes to stderr, so stdout holds only the benchmark's result.
# DOCINTAKE_BUILD_JOBS limits the build's parallelism (default: all cores).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${repo}/build/release"

cmake -S "${repo}" -B "${build}" -DCMAKE_BUILD_TYPE=Release \
  -DDOCINTAKE_BUILD_TESTS=OFF >&2
cmake --build "${build}" --target bench_archive \
  --parallel "${DOCINTAKE_BUILD_JOBS:-$(nproc)}" >&2

bench="${build}/bench/archive/bench_archive"
if [[ ! -x "${bench}" ]]; then
  echo "run.sh: ${bench} was not built" >&2
  exit 1
fi
exec "${bench}" "$@"
