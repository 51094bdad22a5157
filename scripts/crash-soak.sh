#!/usr/bin/env bash
# Crash soak: runs the kill -9 crash test (CrashE2eTest in tests/e2e/
# crash_e2e_test.cc) with many rounds, for long runs before a release or after
# touching a durability point. Each round starts docintaked on the same data
# dir, submits from several client threads and SIGKILLs the server at a random
# moment; at the end every acknowledged document must be archived intact and
# provable, and every checkpoint ever seen must still be in the log.
#
#   scripts/crash-soak.sh [ROUNDS] [BUILD_DIR]
#
# ROUNDS defaults to 500, BUILD_DIR to build/dev (configured with tests). The
# test prints its seed; to replay a failure's kill delays, run it again with
# DOCINTAKE_CRASH_SEED=<seed> set (and the same ROUNDS).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-500}"
build="${2:-build/dev}"
cmake --build "$build" --target e2e_test docintaked docintake_cli
DOCINTAKE_CRASH_ROUNDS="$rounds" exec "$build/tests/e2e/e2e_test" \
  --gtest_filter='CrashE2eTest.*'
