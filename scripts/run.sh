#!/usr/bin/env bash
# Quick start, command 1: installs what is missing, builds docintaked (and the
# docintake CLI) and starts the service on 127.0.0.1:50051 with its embedded
# storage under ./var. Extra arguments go to docintaked (see --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target docintaked docintake_cli
exec build/release/intake/docintaked --listen 127.0.0.1:50051 --data-dir ./var "$@"
