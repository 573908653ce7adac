#!/bin/sh
# bench/register.sh — what a register costs: registering N replies in one
# run and in runs of K, a run that finds them all registered already, and
# the tally (and chase list) of a register of N. A benchmark, not a test:
# it prints figures and checks only that the register's tally is the
# folder's.
#
# It makes N filled replies with distinct content (bench/make-replies.py,
# kept in WORKDIR between runs as bench/read.sh keeps them), then:
#   one run        tapform-read --register R FOLDER: wall time, and memory
#                  over the whole process tree (bench/treemem.py); beside
#                  it the same files read without a register, and a run
#                  of a tenth of them (memory stays flat)
#   runs of K      the same files, K a run, into another register: the
#                  whole time, and the memory of the first and of the last
#                  run (which registers into a register of N - K replies)
#   again          a run over all N files of the full register: nothing
#                  is added
#   --tally        tapform-read --register R --tally (no input), the median
#                  of 5 runs; and --chase; and the same tally of the folder
#                  (which reads every file), compared byte for byte
#
# Usage: bench/register.sh [-n N] [-k K] [-b BUILD] [-w WORKDIR]
#   -n N       replies (default 10000)
#   -k K       replies a run in the second register (default 100)
#   -b BUILD   the build folder with tapform-read and tapform-emit (default build)
#   -w WORKDIR where the replies are made and kept for the next run
#              (default ${TMPDIR:-/tmp}/tapform-bench)
# Needs /usr/bin/python3 with pikepdf.
set -eu
cd "$(dirname "$0")/.."
n=10000 k=100 build=build work=${TMPDIR:-/tmp}/tapform-bench
while getopts n:k:b:w: opt; do
  case $opt in
    n) n=$OPTARG ;; k) k=$OPTARG ;; b) build=$OPTARG ;; w) work=$OPTARG ;;
    *) sed -n '2,/^set -eu/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
py=/usr/bin/python3
reader=$build/tapform-read
[ -x "$reader" ] || { echo "register.sh: no $reader: build first (scripts/build.sh $build)" >&2; exit 2; }
$py -c 'import pikepdf' 2>/dev/null ||
  { echo "register.sh: $py cannot import pikepdf" >&2; exit 2; }
mkdir -p "$work"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ---- the replies (as bench/read.sh makes and keeps them) ----------------
"$build/tapform-emit" -q -o "$tmp/blank.pdf"
replies=$work/replies-$n
stamp=$( (grep -av '^/CreationDate' "$tmp/blank.pdf"; cat bench/read.sh bench/make-replies.py) |
  sha256sum | cut -c1-16)
if [ "$(cat "$replies/.made" 2>/dev/null)" != "$stamp" ]; then
  echo "register.sh: making $n replies in $replies" >&2
  rm -rf "$replies"
  $py bench/make-replies.py "$tmp/blank.pdf" "$replies" "$n"
  echo "$stamp" > "$replies/.made"
fi
ls "$replies"/*.pdf > "$tmp/all"

# NAME FILES WALL RSS_SUM_KB LARGEST_KB NOTE
rows=$tmp/rows
: > "$rows"
# Runs tapform-read ARGS... under treemem.py; sets $wall $rss $largest.
measure() {
  set -- $($py bench/treemem.py "$reader" -q "$@")
  wall=$1 rss=$2 largest=$4
}
row() { echo "$1|$2|$3|$4|$5|$6" >> "$rows"; }

# ---- one run of N ---------------------------------------------------------
echo "register.sh: reading $n replies without a register (for comparison)" >&2
measure "$replies"
row "no register (records only)" "$n" "$wall" "$rss" "$largest" "for comparison"
one=$tmp/one.sqlite
echo "register.sh: registering $n replies in one run" >&2
measure --register "$one" "$replies"
row "one run" "$n" "$wall" "$rss" "$largest" "a new register"
tenth=$((n / 10))
head -n "$tenth" "$tmp/all" > "$tmp/tenth"
# shellcheck disable=SC2046
measure --register "$tmp/tenth.sqlite" $(cat "$tmp/tenth")
row "one run of a tenth" "$tenth" "$wall" "$rss" "$largest" "memory: against the one run of $n"

# ---- runs of K -----------------------------------------------------------
runs=$tmp/runs.sqlite
split -l "$k" "$tmp/all" "$tmp/chunk."
chunks=$(ls "$tmp"/chunk.* | wc -l)
echo "register.sh: registering the same $n replies in $chunks runs of $k" >&2
total=0 first_rss=0 first_largest=0 i=0
for chunk in "$tmp"/chunk.*; do
  # shellcheck disable=SC2046
  measure --register "$runs" $(cat "$chunk")
  total=$(echo "$total $wall" | awk '{ printf "%.2f", $1 + $2 }')
  i=$((i + 1))
  if [ $i -eq 1 ]; then first_rss=$rss first_largest=$largest; fi
done
row "runs of $k: all $chunks" "$n" "$total" "-" "-" "the sum of the runs' times"
row "runs of $k: the first" "$k" "-" "$first_rss" "$first_largest" "into an empty register"
row "runs of $k: the last" "$k" "-" "$rss" "$largest" "into a register of $((n - k))"

# ---- again ---------------------------------------------------------------
echo "register.sh: the $n files again (all registered already)" >&2
measure --register "$one" "$replies"
row "again: nothing new" "$n" "$wall" "$rss" "$largest" "each record says already-registered"
count=$(sqlite3 "$one" 'SELECT count(*) FROM replies' 2>/dev/null || echo '?')

# ---- the tally of the register --------------------------------------------
echo "register.sh: --tally of the register of $n" >&2
: > "$tmp/tally.walls"
for _ in 1 2 3 4 5; do
  /usr/bin/time -f "%e %M" -o "$tmp/t" "$reader" -q --register "$one" --tally --tally-format json \
    > "$tmp/register.json"
  tail -n 1 "$tmp/t" >> "$tmp/tally.walls"
done
tally_wall=$(sort -n "$tmp/tally.walls" | awk '{ w[NR] = $1; m[NR] = $2 } END { print w[3], m[3] }')
set -- $tally_wall
row "--register R --tally" "$n" "$1" "-" "$2" "median of 5; no input read"
measure --register "$one" --chase
row "--register R --chase" "$n" "$wall" "$rss" "$largest" "193 Member States"
measure --register "$one" --xlsx "$tmp/book.xlsx"
row "--register R --xlsx" "$n" "$wall" "$rss" "$largest" "$(wc -c < "$tmp/book.xlsx" | awk '{ printf "%.1f MB", $1 / 1e6 }') workbook"
/usr/bin/time -f "%e %M" -o "$tmp/t" "$reader" -q --tally --tally-format json "$replies" \
  > "$tmp/folder.json" || true
set -- $(tail -n 1 "$tmp/t")
row "--tally FOLDER (for comparison)" "$n" "$1" "-" "$2" "reads every file"
same=no
cmp -s "$tmp/register.json" "$tmp/folder.json" && same=yes

# ---- the table ------------------------------------------------------------
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
echo
echo "Machine: $(nproc) cores ($cpu), $os; SQLite $(pkg-config --modversion sqlite3 2>/dev/null || echo '?')"
echo "Files: $n filled replies ($(cat "$replies"/*.pdf | wc -c | awk -v n="$n" '{ printf "%.0f KB", $1 / n / 1000 }') each on average); register of $count replies, $(wc -c < "$one" | awk '{ printf "%.1f MB", $1 / 1e6 }')"
echo
awk -F'|' '
  BEGIN { printf "%-34s %6s %8s %12s %12s  %s\n", "run", "files", "wall s", "RSS sum MB", "largest MB", "note" }
  {
    mb3 = $4 == "-" ? "-" : sprintf ("%.1f", $4 / 1024)
    mb4 = $5 == "-" ? "-" : sprintf ("%.1f", $5 / 1024)
    printf "%-34s %6s %8s %12s %12s  %s\n", $1, $2, $3, mb3, mb4, $6
  }' "$rows"
echo "(RSS sum: the whole process tree, parent and workers, at its peak; largest: the"
echo " largest single process, GNU time's %M. The register's tally is the folder's,"
echo " byte for byte: $same.)"
exit 0
