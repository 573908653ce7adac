#!/bin/sh
# Benchmark of tapform-emit: the time to write one pre-filled form per
# Member State (193 for Circular 246), all in English and each in its
# Member State's language, and the size of the form in each language.
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
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# best_of LABEL TARGET ARGS...: the best wall time of $runs runs.
best_of() {
  label=$1 target=$2
  shift 2
  best=""
  for i in $(seq $runs); do
    rm -rf "$out/all"
    start=$(date +%s.%N)
    "$emit" -q "$@" --all-member-states "$out/all"
    end=$(date +%s.%N)
    t=$(awk "BEGIN { printf \"%.3f\", $end - $start }")
    if [ -z "$best" ] || awk "BEGIN { exit !($t < $best) }"; then best=$t; fi
  done
  echo "$label: $(ls "$out/all" | wc -l) forms in ${best} s, best of $runs (target: under $target s)"
}
best_of "193 forms in English" 0.5 --language en
best_of "193 forms, each in its Member State's language" 1.5
/usr/bin/python3 - <<'PY'
import collections, json
with open("forms/member-state-languages.json", encoding="utf-8") as f:
    counts = collections.Counter(json.load(f)["languages"].values())
print("  (of the 194 in the data, Palau included: "
      + ", ".join("%s %d" % (lang, counts[lang]) for lang in sorted(counts)) + ")")
PY

start=$(date +%s.%N)
"$emit" -q -o "$out/blank.pdf"
end=$(date +%s.%N)
echo "one blank form, whole process: $(awk "BEGIN { printf \"%.3f\", $end - $start }") s"
echo "size of the blank form per language (targets: en, fr, es, ru at most 256000; ar 409600; zh 2097152):"
for lang in ar en es fr ru zh; do
  "$emit" -q -l "$lang" -o "$out/$lang.pdf"
  echo "  $lang: $(wc -c < "$out/$lang.pdf") bytes"
done
rm -rf "$out/all"
"$emit" -q --all-member-states "$out/all"
echo "pre-filled: FRA $(wc -c < "$out/all/FRA.pdf"), SAU $(wc -c < "$out/all/SAU.pdf"), CHN $(wc -c < "$out/all/CHN.pdf") bytes"
