#!/bin/sh
# Regenerates samples/: the emitted blank Circular 246 form and one form
# pre-filled for a Member State. Byte-stable: the creation date is fixed
# to the circular's date. Usage: scripts/make-samples.sh [BUILD-DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
export SOURCE_DATE_EPOCH=1587513600   # 2020-04-22, the date of Circular 246
mkdir -p samples
"$build/tapform-emit" -q -o samples/annex2-circular-246.pdf
"$build/tapform-emit" -q -m "France" -o samples/annex2-circular-246-FRA.pdf
echo "make-samples: wrote samples/annex2-circular-246.pdf and samples/annex2-circular-246-FRA.pdf" >&2
