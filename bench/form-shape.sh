#!/bin/sh
# bench/form-shape.sh — what the shape of the emitted form costs the reader,
# counted exactly: callgrind's instruction counts (deterministic, unlike
# timings) of a tapform-read worker reading variants of one filled reply
# that differ only in the form's field font (bench/form_variants.py), and
# where a reply's instructions go (Poppler building the form, the /DR
# font, its ToUnicode CMap, the SHA-256 of the file). A measurement, not a
# test.
#
# Usage: bench/form-shape.sh [-b BUILD] [-k COPIES] [REPLY.pdf]
#   REPLY.pdf  a filled reply (default: one made with bench/make-replies.py)
#   -k COPIES  files read per variant (default 10)
# Needs valgrind and /usr/bin/python3 with pikepdf.
set -eu
cd "$(dirname "$0")/.."
build=build copies=10
while getopts b:k: opt; do
  case $opt in
    b) build=$OPTARG ;; k) copies=$OPTARG ;;
    *) sed -n '2,/^set -eu/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
reader=$build/tapform-read
[ -x "$reader" ] || { echo "form-shape.sh: no $reader: build first" >&2; exit 2; }
command -v valgrind >/dev/null 2>&1 || { echo "form-shape.sh: valgrind is needed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

reply=${1:-}
if [ -z "$reply" ]; then
  "$build/tapform-emit" -q -o "$tmp/blank.pdf"
  /usr/bin/python3 bench/make-replies.py "$tmp/blank.pdf" "$tmp/made" 1
  reply=$tmp/made/reply-00000.pdf
fi
/usr/bin/python3 bench/form_variants.py "$reply" "$tmp/variants"

# Inclusive instructions of FUNCTION (a substring of its name) in a
# callgrind profile; 0 when it never ran.
ir() {
  callgrind_annotate --inclusive=yes --threshold=100 "$1" 2>/dev/null |
    awk -v f="$2" 'index($0, f) { gsub(",", "", $1); print $1; exit }' | grep . || echo 0
}

printf "%-20s %14s %8s %12s %12s %12s %10s\n" "variant" "instr/file" "vs first" \
  "form build" "/DR fonts" "ToUnicode" "SHA-256"
first=""
for v in as-filled tounicode-latin1 no-tounicode cidtogid-identity compact-font dr-helvetica; do
  dir=$tmp/$v
  mkdir -p "$dir"
  i=0
  while [ $i -lt "$copies" ]; do
    cp "$tmp/variants/$v.pdf" "$dir/$(printf '%03d' $i).pdf"
    i=$((i + 1))
  done
  rm -f "$tmp"/cg.*
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.%p" "$reader" -q -j 1 "$dir" \
    > "$tmp/$v.jsonl" 2>/dev/null || true
  worker=""
  for f in "$tmp"/cg.*; do
    [ "$(ir "$f" tf_worker_serve)" != 0 ] && worker=$f
  done
  [ -n "$worker" ] || { echo "form-shape.sh: no worker profile for $v" >&2; exit 1; }
  total=$(ir "$worker" tf_worker_serve)
  form=$(ir "$worker" poppler_page_get_form_field_mapping)
  dr=$(ir "$worker" "GfxResources::GfxResources")
  tu=$(ir "$worker" "GfxFont::readToUnicodeCMap")
  sha=$(ir "$worker" g_checksum_update)
  [ -z "$first" ] && first=$total
  awk -v v="$v" -v t="$total" -v f="$first" -v k="$copies" -v a="$form" -v d="$dr" -v u="$tu" -v s="$sha" \
    'BEGIN { printf "%-20s %14.0f %+7.1f%% %11.1f%% %11.1f%% %11.1f%% %9.1f%%\n",
             v, t / k, 100 * (t - f) / f, 100 * a / t, 100 * d / t, 100 * u / t, 100 * s / t }'
done
echo "(instructions of the worker per file, callgrind; the shares are of those instructions)"

# Every variant must read as the same reply.
/usr/bin/python3 - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
seen = {}
for name in sorted(os.listdir(tmp)):
    if name.endswith(".jsonl"):
        with open(os.path.join(tmp, name)) as f:
            rec = json.loads(f.readline())
        seen[name[:-6]] = {k: rec[k] for k in ("status", "sender", "texts", "problems")}
first = next(iter(seen.values()))
same = [v for v, r in seen.items() if r == first]
print("records identical across variants:", "yes" if len(same) == len(seen) else
      "NO (differ: %s)" % ", ".join(v for v in seen if v not in same))
PY
