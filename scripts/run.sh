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
# Exit status 1 only says that some replies are incomplete or invalid, as
# some samples are on purpose; 2 is a real failure.
status=0
build/tapform-read -o out/replies.jsonl samples/replies || status=$?
[ "$status" -le 1 ] || exit "$status"
echo "run: $(wc -l < out/replies.jsonl) reply records in out/replies.jsonl" >&2
status=0
build/tapform-read --tally --chart out/consultation-chart.png \
  --review out/consultation-review.pdf samples/consultation || status=$?
[ "$status" -le 1 ] || exit "$status"
echo "run: the tally of samples/consultation is above; its chart and review report are in out/" >&2
