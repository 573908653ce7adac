#!/bin/sh
# Builds tapform's libFuzzer targets with clang (-DTAPFORM_FUZZ=ON, in
# build-fuzz/ unless TAPFORM_FUZZ_BUILD says otherwise) and runs each for
# MINUTES (default 5), one after the other:
#
#   fuzz_read    bytes → Poppler (tf_read_bytes) → a worker's answer →
#                parsed back → checked → JSON record
#   fuzz_answer  a worker's answer (untrusted bytes) → parsed → checked →
#                JSON record
#   fuzz_form    a form definition (JSON) → loaded → laid out
#   fuzz_record  a reply record (JSON, what a register keeps) → parsed →
#                written again → parsed again: the same bytes
#
# Seeds come from samples/ (the sample replies and forms, and the answers
# a worker gives for them); the corpus grows in BUILD/corpus/TARGET and is
# kept from one run to the next. The fuzzers run in libFuzzer's fork mode
# (TAPFORM_FUZZ_JOBS processes, default 1) and go on past a finding: an
# input that crashes, hangs (-timeout=10 s), leaks or takes more than 2 GB
# lands in BUILD/findings/TARGET/. What to do with one: README.md, "Bulk
# reading: isolation, speed, fuzzing".
#
# Usage: fuzz/run.sh [MINUTES [TARGET...]]
# Installs what it needs first (scripts/setup.sh --fuzz: clang and its
# libFuzzer runtime). Not part of the test suite.
set -eu
cd "$(dirname "$0")/.."
minutes=${1:-5}
[ $# -gt 0 ] && shift
targets=${*:-fuzz_read fuzz_answer fuzz_form fuzz_record}
build=${TAPFORM_FUZZ_BUILD:-build-fuzz}
scripts/setup.sh --fuzz

CC=${CC:-clang} cmake -S . -B "$build" -DTAPFORM_FUZZ=ON -DTAPFORM_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
# Only the fuzz targets: the tools are not built by this configuration.
cmake --build "$build" -j "$(nproc)" --target fuzz_read fuzz_answer fuzz_form fuzz_record fuzz_seed_answers

seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/fuzz_read" "$seeds/fuzz_answer" "$seeds/fuzz_form" "$seeds/fuzz_record"
# Not tests/fixtures/hostile/: those are known to hang or crash Poppler.
cp samples/*.pdf samples/replies/*.pdf samples/consultation/*.pdf "$seeds/fuzz_read/"
"$build/fuzz_seed_answers" "$seeds/fuzz_answer" samples/replies/*.pdf samples/consultation/*.pdf
cp forms/*.json "$seeds/fuzz_form/"
split -l 1 samples/replies/EXPECTED.jsonl "$seeds/fuzz_record/record."

# Poppler's own one-time allocations are not leaks of tapform's.
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1"
for t in $targets; do
  mkdir -p "$build/corpus/$t" "$build/findings/$t"
  echo "fuzz: $t for $minutes min" >&2
  # -dict: the PDF keywords help the read target past the syntax.
  dict=""
  [ "$t" = fuzz_read ] && dict="-dict=fuzz/pdf.dict"
  [ "$t" = fuzz_form ] || [ "$t" = fuzz_record ] && dict="-dict=fuzz/json.dict"
  "$build/$t" -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=2048 \
    -max_len=1048576 -print_final_stats=1 $dict \
    -fork="${TAPFORM_FUZZ_JOBS:-1}" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -artifact_prefix="$build/findings/$t/" "$build/corpus/$t" "$seeds/$t" ||
    echo "fuzz: $t stopped: see $build/findings/$t/" >&2
  found=$(find "$build/findings/$t" -type f | wc -l)
  echo "fuzz: $t: $found finding(s) in $build/findings/$t/" >&2
done
