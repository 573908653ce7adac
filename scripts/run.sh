#!/bin/sh
# The main job, from a clean clone: installs what tapform needs, builds it,
# emits the Circular 246 reply form (blank, and one per Member State) and
# reads the shipped sample replies back. Output goes to out/.
set -eu
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build -DTAPFORM_TESTS=OFF
mkdir -p out
build/tapform-emit -o out/annex2-circular-246.pdf
build/tapform-emit --all-member-states out/member-states
if [ -x build/tapform-read ] && [ -d samples/replies ]; then
  status=0
  build/tapform-read -o out/replies.jsonl samples/replies || status=$?
  echo "run: $(wc -l < out/replies.jsonl) reply records in out/replies.jsonl (tapform-read exit status $status)" >&2
fi
