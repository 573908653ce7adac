#!/bin/sh
# The optical gate (ctest test_optical_accuracy): generated flattened and
# scanned replies read back by tapform-read; fails on any wrong answer
# (accuracy.py's exit status) or when too few answers are read.
# Usage: tests/optical/gate.sh BUILD_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$here/../.."
SOURCE_DATE_EPOCH=1600000000 "$build/tapform-emit" -o "$out/form.pdf" 2>/dev/null
mkdir "$out/replies"
/usr/bin/python3 "$here/generate.py" --seed 7 --count 8 --out "$out/replies" --form "$out/form.pdf" \
  --jobs 2 >/dev/null
/usr/bin/python3 "$here/accuracy.py" "$out/replies" --reader "$build/tapform-read" --min-read 0.5
