#!/bin/sh
# bench/read.sh — how fast tapform-read reads returned replies, against the
# tools people use for the job, on the same files. A benchmark, not a test:
# it prints figures and asserts nothing.
#
# It makes N filled replies with distinct content (bench/make-replies.py:
# one pikepdf process fills the form tapform-emit writes with random
# senders and answers), then times, on those files:
#   tapform-read       over all of them, one run (-j: one worker per core),
#                      and with one worker (-j 1); the median of R runs
#   pypdf              every field of every file in one Python process
#                      (bench/read_pypdf.py); the median of R runs, taking
#                      turns with tapform-read (and compared run by run)
#   qpdf --json        per file, as its users run it (qpdf --json
#                      --json-key=acroform FILE), over all the files
#   pdftk-java         per file, as its users run it (pdftk FILE
#                      dump_data_fields_utf8); it takes about half a second
#                      a file, so it is timed on a sample of the files and
#                      the output says so
# and prints for each: wall time, files per second, peak memory, and
# tapform-read's speed as a multiple of the tool's. Then tapform-read's
# memory for N and for M files (M: hard links to the N files, so that
# nothing is cached by content), records streamed and with --tally (which
# keeps every reply), measured over its whole process tree.
#
# Usage: bench/read.sh [-n N] [-m M] [-r R] [-s SAMPLE] [-b BUILD] [-w WORKDIR]
#   -n N       replies to make and read (default 1000)
#   -m M       files for the second memory figure (default 10000; 0: skip)
#   -r R       runs of tapform-read and pypdf, median taken (default 3)
#   -s SAMPLE  files timed with pdftk-java (default 20)
#   -b BUILD   the build folder with tapform-read and tapform-emit (default build)
#   -w WORKDIR where the replies are made and kept for the next run
#              (default ${TMPDIR:-/tmp}/tapform-bench)
# Needs /usr/bin/python3 with pikepdf and pypdf, GNU time (/usr/bin/time);
# qpdf and pdftk are timed when installed.
set -eu
cd "$(dirname "$0")/.."
n=1000 m=10000 runs=3 sample=20 build=build work=${TMPDIR:-/tmp}/tapform-bench
while getopts n:m:r:s:b:w: opt; do
  case $opt in
    n) n=$OPTARG ;; m) m=$OPTARG ;; r) runs=$OPTARG ;; s) sample=$OPTARG ;;
    b) build=$OPTARG ;; w) work=$OPTARG ;;
    *) sed -n '2,/^set -eu/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
py=/usr/bin/python3
reader=$build/tapform-read
[ -x "$reader" ] || { echo "read.sh: no $reader: build first (scripts/build.sh $build)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "read.sh: GNU time (/usr/bin/time) is needed" >&2; exit 2; }
$py -c 'import pikepdf, pypdf' 2>/dev/null ||
  { echo "read.sh: $py cannot import pikepdf and pypdf" >&2; exit 2; }
mkdir -p "$work"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ---- the replies ---------------------------------------------------------
"$build/tapform-emit" -q -o "$tmp/blank.pdf"
replies=$work/replies-$n
# The replies are made again when the form or the scripts changed; the
# blank's creation date (the time it was emitted) does not count.
stamp=$( (grep -av '^/CreationDate' "$tmp/blank.pdf"; cat "$0" bench/make-replies.py) |
  sha256sum | cut -c1-16)
if [ "$(cat "$replies/.made" 2>/dev/null)" != "$stamp" ]; then
  echo "read.sh: making $n replies in $replies" >&2
  rm -rf "$replies"
  $py bench/make-replies.py "$tmp/blank.pdf" "$replies" "$n"
  echo "$stamp" > "$replies/.made"
fi
bytes=$(cat "$replies"/*.pdf | wc -c)

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# Runs COMMAND... once under GNU time, output to $tmp/out; appends its
# wall time to $tmp/wall.NAME and raises $tmp/peak.NAME to its %M (KB).
time_once() {
  name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$tmp/t" "$@" > "$tmp/out" 2>/dev/null || true
  # GNU time writes "Command exited with non-zero status" first then.
  tail -n 1 "$tmp/t" > "$tmp/t1"
  read -r w k < "$tmp/t1"
  echo "$w" >> "$tmp/wall.$name"
  p=$(cat "$tmp/peak.$name" 2>/dev/null || echo 0)
  [ "$k" -gt "$p" ] && echo "$k" > "$tmp/peak.$name"
  return 0
}
# One process a file, as the tool's users run it, under GNU time.
qpdf_one() { /usr/bin/time -f "%M" -o "$tmp/t" qpdf --json --json-key=acroform "$1"; }
pdftk_one() { /usr/bin/time -f "%M" -o "$tmp/t" pdftk "$1" dump_data_fields_utf8; }
# Runs FUNCTION FILE for each file listed in $tmp/list; sets $wall (s, the
# whole loop) and $peak (the largest %M, KB).
time_per_file() {
  peak=0
  start=$(date +%s.%N)
  while read -r f; do
    "$1" "$f" > /dev/null 2>&1 || true
    k=$(tail -n 1 "$tmp/t")
    [ "$k" -gt "$peak" ] && peak=$k
  done < "$tmp/list"
  end=$(date +%s.%N)
  wall=$(echo "$start $end" | awk '{ printf "%.2f", $2 - $1 }')
}

rows=$tmp/rows
: > "$rows"
# row NAME FILES WALL PEAK_KB NOTE
row() { echo "$1|$2|$3|$4|$5" >> "$rows"; }

# ---- the runs -----------------------------------------------------------
# tapform-read and pypdf take turns, run after run: a machine whose speed
# drifts (a virtual machine's does) slows both alike, and each run of one
# is compared with the run of the other next to it.
echo "read.sh: timing tapform-read and pypdf, in turn ($runs runs each)" >&2
: > "$tmp/ratios"
i=0
while [ $i -lt "$runs" ]; do
  time_once tap "$reader" -q "$replies"
  records=$(wc -l < "$tmp/out")
  [ "$records" -eq "$n" ] || echo "read.sh: WARNING: tapform-read wrote $records records for $n files" >&2
  time_once tap1 "$reader" -q -j 1 "$replies"
  time_once pypdf $py bench/read_pypdf.py "$replies"
  tail -n 1 "$tmp/wall.pypdf" > "$tmp/a"
  tail -n 1 "$tmp/wall.tap" > "$tmp/b"
  echo "$(cat "$tmp/a") $(cat "$tmp/b")" | awk '{ print $1 / $2 }' >> "$tmp/ratios"
  i=$((i + 1))
done
tap_wall=$(median < "$tmp/wall.tap")
row "tapform-read -j $(nproc)" "$n" "$tap_wall" "$(cat "$tmp/peak.tap")" "median of $runs; peak: largest process"
row "tapform-read -j 1" "$n" "$(median < "$tmp/wall.tap1")" "$(cat "$tmp/peak.tap1")" "one worker; median of $runs"
row "pypdf $($py -c 'import pypdf; print(pypdf.__version__)'), one process" "$n" \
  "$(median < "$tmp/wall.pypdf")" "$(cat "$tmp/peak.pypdf")" "median of $runs"
pair_ratio=$(median < "$tmp/ratios" | awk '{ printf "%.1f", $1 }')
pair_all=$(sort -n "$tmp/ratios" | awk '{ printf "%s%.1f", (NR > 1 ? " " : ""), $1 }')

ls "$replies"/*.pdf > "$tmp/all"
if command -v qpdf >/dev/null 2>&1; then
  echo "read.sh: timing qpdf --json per file ($n files)" >&2
  cp "$tmp/all" "$tmp/list"
  time_per_file qpdf_one
  row "qpdf $(qpdf --version | awk 'NR == 1 { print $3 }') --json, per file" "$n" "$wall" "$peak" "all files"
else
  echo "read.sh: qpdf is not installed: skipped" >&2
fi
if command -v pdftk >/dev/null 2>&1; then
  echo "read.sh: timing pdftk dump_data_fields_utf8 per file ($sample files)" >&2
  awk -v n="$n" -v s="$sample" '(NR - 1) % int(n / s > 1 ? n / s : 1) == 0 && c < s { print; c++ }' \
    "$tmp/all" > "$tmp/list"
  got=$(wc -l < "$tmp/list")
  time_per_file pdftk_one
  row "pdftk-java dump_data_fields_utf8, per file" "$got" "$wall" "$peak" "a sample of $got of the $n files"
else
  echo "read.sh: pdftk is not installed: skipped" >&2
fi

# ---- the table ----------------------------------------------------------
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
mem=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
echo
echo "Machine: $(nproc) cores ($cpu), $mem RAM, $os, $(uname -r)"
echo "Poppler $(pkg-config --modversion poppler-glib 2>/dev/null || echo '?'), tapform $("$reader" --version | awk '{ print $2 }')"
echo "Files: $n filled replies, $(echo "$bytes $n" | awk '{ printf "%.0f KB", $1 / $2 / 1000 }') each on average, in the page cache"
echo
awk -F'|' -v tap="$tap_wall" -v n="$n" '
  BEGIN {
    printf "%-44s %6s %8s %9s %9s %9s  %s\n", "tool", "files", "wall s", "files/s", "peak MB", "tapform×", "note"
    taprate = n / tap
  }
  {
    rate = $3 > 0 ? $2 / $3 : 0
    ratio = rate > 0 ? taprate / rate : 0
    printf "%-44s %6d %8.2f %9.1f %9.1f %8.1f×  %s\n", $1, $2, $3, rate, $4 / 1024, ratio, $5
  }' "$rows"
echo "tapform-read against pypdf, run next to run: ${pair_ratio}× (the median; each pair: $pair_all)"

# ---- memory over the process tree ----------------------------------------
echo
echo "tapform-read memory, whole process tree (parent + workers), peak of sums sampled every 10 ms:"
printf "%-34s %7s %8s %12s %12s %14s\n" "run" "files" "wall s" "RSS sum MB" "PSS sum MB" "largest MB"
mem_row() {  # NAME FILES ARGS...
  name=$1 files=$2
  shift 2
  set -- $($py bench/treemem.py "$reader" -q "$@")
  awk -v name="$name" -v f="$files" -v w="$1" -v r="$2" -v p="$3" -v l="$4" \
    'BEGIN { printf "%-34s %7d %8.2f %12.1f %12.1f %14.1f\n", name, f, w, r / 1024, p / 1024, l / 1024 }'
}
mem_row "records (JSON Lines)" "$n" "$replies"
mem_row "--tally (keeps every reply)" "$n" --tally "$replies"
if [ "$m" -gt 0 ]; then
  large=$work/links-$m
  if [ "$(ls "$large" 2>/dev/null | wc -l)" -ne "$m" ] || [ "$replies/.made" -nt "$large" ]; then
    rm -rf "$large"
    mkdir -p "$large"
    awk -v m="$m" -v n="$n" 'BEGIN { for (i = 0; i < m; i++) printf "%d %d\n", i % n, i }' |
      while read -r src i; do
        ln "$(sed -n "$((src + 1))p" "$tmp/all")" "$large/$(printf 'reply-%06d.pdf' "$i")"
      done
  fi
  mem_row "records (JSON Lines)" "$m" "$large"
  mem_row "--tally (keeps every reply)" "$m" --tally "$large"
fi
echo "(RSS sums count shared library pages once per process; PSS splits them.)"
[ "$m" -gt 0 ] && echo "(The $m files are hard links to the $n: tapform-read caches nothing by content.)"
exit 0
