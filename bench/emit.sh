#!/bin/sh
# Benchmark of tapform-emit: the time to write one pre-filled form per
# Member State (193 for Circular 246) and the size of one form.
# Usage: bench/emit.sh [BUILD-DIR] (default: build; scripts/build.sh makes it)
# Prints figures; it asserts nothing (the tests do that).
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
emit="$build/tapform-emit"
[ -x "$emit" ] || { echo "bench/emit.sh: $emit not found: run scripts/build.sh first" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

runs=5
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
best=""
for i in $(seq $runs); do
  rm -rf "$out/all"
  start=$(date +%s.%N)
  "$emit" -q --all-member-states "$out/all"
  end=$(date +%s.%N)
  t=$(awk "BEGIN { printf \"%.3f\", $end - $start }")
  echo "run $i: $(ls "$out/all" | wc -l) forms in ${t} s"
  if [ -z "$best" ] || awk "BEGIN { exit !($t < $best) }"; then best=$t; fi
done
echo "best of $runs: $(ls "$out/all" | wc -l) forms in ${best} s (target: under 2 s)"

start=$(date +%s.%N)
"$emit" -q -o "$out/blank.pdf"
end=$(date +%s.%N)
echo "one blank form: $(awk "BEGIN { printf \"%.3f\", $end - $start }") s for the whole process"
echo "size of the blank form: $(wc -c < "$out/blank.pdf") bytes (target: at most 153600)"
echo "size of a pre-filled form (FRA): $(wc -c < "$out/all/FRA.pdf") bytes"
