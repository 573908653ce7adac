#!/bin/sh
# selftest.sh — checks that the optical test-reply generator works.
#
# Usage: tests/optical/selftest.sh [BUILD-DIR]     (default: build)
#
# Makes 6 replies from a fixed seed (2 flattened, 2 scanned after typing,
# 2 scanned after ticking by hand) and checks each: pdfinfo opens it, its
# page count is the truth's, a flattened one has no fields left (pypdf),
# its truth file is complete; then scores a perfect reader's records made
# from the truth (accuracy.py --oracle: everything must come out right)
# and runs accuracy.py's own arithmetic test. Needs build/tapform-emit.
# Exit status 0 when every check passed. Prints "N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
py=/usr/bin/python3
out=$(mktemp -d "${TMPDIR:-/tmp}/tf-optical-selftest.XXXXXX")
trap 'rm -rf "$out"' EXIT INT TERM
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

form="$out/form.pdf"
if ! "$build/tapform-emit" -q -o "$form"; then
  echo "selftest: cannot run $build/tapform-emit (build first)" >&2; exit 2
fi
gen() { nice "$py" "$here/generate.py" --seed 424242 --form "$form" --out "$out/replies" --dpi 150,200 "$@"; }
gen --kinds flattened --start 0 --count 2 &&
gen --kinds scan-filled --start 2 --count 2 &&
gen --kinds scan-pen --start 4 --count 2 ||
  { echo "selftest: generate.py failed" >&2; exit 1; }

n=$(ls "$out/replies"/*.truth.json 2>/dev/null | wc -l)
[ "$n" -eq 6 ] && ok "6 truth files" || fail "$n truth files, not 6"

for truth in "$out/replies"/*.truth.json; do
  pdf=${truth%.truth.json}.pdf
  name=$(basename "$pdf")
  if ! pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p') || [ -z "$pages" ]; then
    fail "$name: pdfinfo cannot open it"; continue
  fi
  want=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["document"]["page_count"])' "$truth")
  [ "$pages" = "$want" ] && ok "$name: $pages pages" || fail "$name: $pages pages, truth says $want"
  if "$py" - "$truth" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
need = ["kind", "seed", "index", "form", "document", "sender", "texts", "boxes"]
missing = [k for k in need if k not in t]
assert not missing, "truth lacks %s" % missing
assert len(t["texts"]) == 11 and len(t["boxes"]) == 44, "texts/boxes count"
for x in t["texts"]:
    for g in ("authority", "comments"):
        assert x[g]["expect"] in ("assign", "withhold", "none", "attached", "empty", "doubtful", "absent"), x
for b in t["boxes"]:
    assert b["expect"] in ("ticked", "empty", "doubtful", "absent"), b
if t["kind"] != "flattened":
    assert t["scan"]["dpi"] in (150, 200)
PY
  then ok "$name: truth file complete"; else fail "$name: truth file incomplete"; fi
  case "$name" in
    *-flattened.pdf)
      left=$("$py" -c 'import pypdf,sys; r=pypdf.PdfReader(sys.argv[1]); print(len(r.get_fields() or {}))' "$pdf")
      [ "$left" = 0 ] && ok "$name: no fields left" || fail "$name: pypdf finds $left fields" ;;
  esac
done

if "$py" "$here/accuracy.py" "$out/replies" --oracle --json > "$out/oracle.json"; then
  if "$py" -c 'import json,sys; s=json.load(open(sys.argv[1])); t=s["totals"]; sys.exit(0 if t["right"] == sum(t.values()) and t["right"] > 0 else 1)' "$out/oracle.json"
  then ok "a perfect reader scores all right"; else fail "a perfect reader does not score all right"; fi
else
  fail "accuracy.py --oracle failed"
fi
if "$py" "$here/accuracy.py" --self-test > "$out/selftest.txt"; then
  ok "accuracy.py --self-test"
else
  fail "accuracy.py --self-test"; cat "$out/selftest.txt"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
