#!/bin/bash
# run-matrix.sh — fills the emitted form with every available independent
# filler and every scenario, reads each result back with Poppler glib
# (roundtrip-check.py) and prints a table scenario × tool: ok / FAIL.
#
# Usage: tests/fillers/run-matrix.sh [-b BUILD_DIR] [-j JOBS] [-t "TOOL..."]
#                                    [-s "SCENARIO..."] [-k KEEP_DIR]
#   -b  build tree holding tapform-emit (default: $TAPFORM_BUILD_DIR or build)
#   -j  fills run in parallel (default: the number of processors)
#   -t  tools (default: every tool `fill --list` says is available)
#   -s  scenario names, without .json (default: all of scenarios/)
#   -k  keep the emitted form, filled PDFs and logs in KEEP_DIR
# Exit status: 0 every cell ok; 1 some cell FAIL; 2 usage or set-up error.
# "ok" means every field read back exactly as effective.py says a correct
# reader must see it (the spec, minus the documented losses of the tool).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${TAPFORM_BUILD_DIR:-$root/build}
jobs=$(nproc 2>/dev/null || echo 2)
tools="" scenarios="" keep=""
while getopts "b:j:t:s:k:h" opt; do
  case $opt in
    b) build=$OPTARG ;;
    j) jobs=$OPTARG ;;
    t) tools=$OPTARG ;;
    s) scenarios=$OPTARG ;;
    k) keep=$OPTARG ;;
    *) sed -n '2,/^set -u/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 2 ;;
  esac
done

emit=$build/tapform-emit
[ -x "$emit" ] || { echo "run-matrix: no $emit (build first, or -b BUILD_DIR)" >&2; exit 2; }
if [ -z "$tools" ]; then
  tools=$("$here/fill" --list | awk '$2 == "available" { print $1 }')
  "$here/fill" --list | awk '$2 != "available"' | sed 's/^/run-matrix: skipped: /' >&2
fi
[ -n "$tools" ] || { echo "run-matrix: no filler is available" >&2; exit 2; }
if [ -z "$scenarios" ]; then
  scenarios=$(cd "$here/scenarios" && ls *.json | sed 's/\.json$//')
fi

if [ -n "$keep" ]; then
  mkdir -p "$keep" || exit 2
  work=$(cd "$keep" && pwd)
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/tapform-matrix-XXXXXX") || exit 2
  trap 'rm -rf "$work"' EXIT
fi

form=$work/blank.pdf
if ! "$emit" -o "$form" >"$work/emit.log" 2>&1; then
  echo "run-matrix: tapform-emit failed:" >&2; cat "$work/emit.log" >&2; exit 2
fi

# One cell: fill, then check; the result goes to $work/TOOL--SCENARIO.result.
cell() {
  local tool=$1 scen=$2 base=$work/$1--$2
  local spec=$here/scenarios/$2.json
  if ! "$here/fill" "$tool" "$form" "$spec" "$base.pdf" >"$base.log" 2>&1; then
    echo "FAIL fill" >"$base.result"
  elif ! /usr/bin/python3 "$here/roundtrip-check.py" "$base.pdf" --spec "$spec" --tool "$tool" \
         >>"$base.log" 2>&1; then
    echo "FAIL read" >"$base.result"
  else
    echo "ok" >"$base.result"
  fi
}
export -f cell
export here work form

start=$(date +%s)
for scen in $scenarios; do
  for tool in $tools; do
    printf '%s\0%s\0' "$tool" "$scen"
  done
done | xargs -0 -n 2 -P "$jobs" bash -c 'cell "$1" "$2"' _
elapsed=$(( $(date +%s) - start ))

# The table.
width=8   # "scenario"
for scen in $scenarios; do [ ${#scen} -gt $width ] && width=${#scen}; done
printf "%-${width}s" "scenario"
for tool in $tools; do printf "  %-11s" "$tool"; done
echo
failed=0
for scen in $scenarios; do
  printf "%-${width}s" "$scen"
  for tool in $tools; do
    r=$(cat "$work/$tool--$scen.result" 2>/dev/null || echo "FAIL none")
    case $r in ok) ;; *) failed=$((failed + 1)) ;; esac
    printf "  %-11s" "${r%% *}"
  done
  echo
done
echo "$(echo $tools | wc -w) tools x $(echo $scenarios | wc -w) scenarios in ${elapsed}s, $failed failed"

if [ $failed -gt 0 ]; then
  echo
  for scen in $scenarios; do
    for tool in $tools; do
      r=$(cat "$work/$tool--$scen.result" 2>/dev/null || echo "FAIL none")
      [ "$r" = ok ] && continue
      echo "== $tool / $scen: $r"
      head -n 8 "$work/$tool--$scen.log"
    done
  done
  exit 1
fi
exit 0
