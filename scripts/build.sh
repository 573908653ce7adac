#!/bin/sh
# Configures and builds tapform. Usage: scripts/build.sh [DIR [CMAKE-OPTIONS...]]
# (default DIR: build). Idempotent: reconfigures and rebuilds what changed.
set -eu
cd "$(dirname "$0")/.."
dir=${1:-build}
[ $# -gt 0 ] && shift
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
