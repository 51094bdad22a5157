#!/usr/bin/env bash
# Builds docintaked and bench_intake in Release mode, then runs the intake
# benchmark against a freshly started docintaked. Extra arguments go to
# bench_intake, e.g.:  bench/intake/run.sh --count 1000 --clients 16 --json
# Build output goes to stderr, so stdout holds only the benchmark's result.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${repo}/build/release"

cmake -S "${repo}" -B "${build}" -DCMAKE_BUILD_TYPE=Release \
  -DDOCINTAKE_BUILD_TESTS=OFF >&2
cmake --build "${build}" --target docintaked bench_intake \
  --parallel "${DOCINTAKE_BUILD_JOBS:-$(nproc)}" >&2

find_binary() {
  find "${build}" -path '*/CMakeFiles' -prune -o -type f -name "$1" \
    -perm -u+x -print | head -n 1
}
server="$(find_binary docintaked)"
bench="$(find_binary bench_intake)"
if [[ -z "${server}" || -z "${bench}" ]]; then
  echo "run.sh: docintaked or bench_intake not found below ${build}" >&2
  exit 1
fi

exec "${bench}" --server-binary "${server}" "$@"
