#!/bin/sh
# Regenerates samples/: the emitted blank Circular 246 form, one form
# pre-filled for a Member State, samples/languages/: the blank form in each
# of the six languages with its first page as a picture, and
# samples/replies/: returned replies
# filled with independent tools (tests/fillers) — complete, incomplete,
# contradictory, in several scripts — and hostile files, so that the
# README's main command reads something real.
# Needs the test tools (scripts/setup.sh --tests) and a build.
# Usage: scripts/make-samples.sh [BUILD-DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
export SOURCE_DATE_EPOCH=1587513600   # 2020-04-22, the date of Circular 246
fill=tests/fillers/fill
scenarios=tests/fillers/scenarios
mkdir -p samples
"$build/tapform-emit" -q -o samples/annex2-circular-246.pdf
"$build/tapform-emit" -q -m "France" -o samples/annex2-circular-246-FRA.pdf

langs=samples/languages
rm -rf "$langs"
mkdir -p "$langs"
for lang in ar en es fr ru zh; do
  "$build/tapform-emit" -q -l "$lang" -o "$langs/annex2-circular-246-$lang.pdf"
  pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$langs/annex2-circular-246-$lang.pdf" "$langs/page1-$lang"
done

out=samples/replies
rm -rf "$out"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
blank=samples/annex2-circular-246.pdf

# Sets a reply's PDF modification date (ISO 8601), as its filler would have
# on that day: the tally takes it as the date the reply was received, and a
# file's own time is lost in a git checkout. (pikepdf rewrites the file.)
stamp() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import sys, datetime, pikepdf
path, iso = sys.argv[1], sys.argv[2]
when = datetime.datetime.fromisoformat(iso.replace("Z", "+00:00"))
with pikepdf.open(path, allow_overwriting_input=True) as pdf:
    pdf.docinfo["/ModDate"] = when.strftime("D:%Y%m%d%H%M%SZ")
    pdf.save(path)
PY
}

# name            tool         scenario
day=1
while read -r name tool scenario; do
  if "$fill" --available "$tool" >/dev/null 2>&1; then
    "$fill" "$tool" "$blank" "$scenarios/$scenario.json" "$out/$name.pdf"
    stamp "$out/$name.pdf" "$(printf '2020-07-%02dT10:00:00Z' "$day")"
    day=$((day + 1))
  else
    echo "make-samples: $tool is not available: $name.pdf skipped" >&2
  fi
done <<'LIST'
gbr-complete             poppler      all-assign-none
fra-complete-accents     pdfjs        sender-french
esp-complete             pdfium       sender-spanish
ukr-cyrillic             mutool       sender-cyrillic
sau-arabic               pdfjs        sender-arabic
chn-chinese              poppler      sender-chinese
irl-quotes               pdftk        quotes-punctuation
swe-long-address         pikepdf      long-address
deu-itu-style            mutool-full  member-state-itu-style
deu-misspelled           poppler      member-state-misspelled
gbr-contradictory        pikepdf      withhold-with-comments
gbr-some-unanswered      pdfium       some-unanswered
gbr-assign-no-comments   pdfjs        assign-without-comments
gbr-pypdf-radios-lost    pypdf        all-assign-none
formula-like             pikepdf      formula-like
empty                    poppler      empty
LIST

# A reply to each other language version, filled in its own script.
# name                 language  tool     scenario
while read -r name lang tool scenario; do
  if "$fill" --available "$tool" >/dev/null 2>&1; then
    "$fill" "$tool" "$langs/annex2-circular-246-$lang.pdf" "$scenarios/$scenario.json" "$out/$name.pdf"
    stamp "$out/$name.pdf" "$(printf '2020-07-%02dT10:00:00Z' "$day")"
    day=$((day + 1))
  else
    echo "make-samples: $tool is not available: $name.pdf skipped" >&2
  fi
done <<'LIST'
form-ar-arabic         ar        pdfjs    sender-arabic
form-zh-chinese        zh        poppler  sender-chinese
form-ru-cyrillic       ru        mutool   sender-cyrillic
form-fr-french         fr        pdfium   sender-french
form-es-spanish        es        pikepdf  sender-spanish
LIST

# Hostile and unusable files: each must give one "invalid" record.
printf 'Dear Sir/Madam, please find our reply attached.\n' > "$out/hostile-not-a-pdf.pdf"
head -c 20000 "$out/gbr-complete.pdf" > "$out/hostile-truncated.pdf"
pdftoppm -r 20 -f 1 -l 1 -png -singlefile "$blank" "$tmp/photo" && cp "$tmp/photo.png" "$out/hostile-photo-named.pdf"
qpdf --encrypt secret secret 256 -- "$out/gbr-complete.pdf" "$out/hostile-user-password.pdf"
qpdf --encrypt "" owner 256 -- "$out/fra-complete-accents.pdf" "$out/fra-owner-password-only.pdf"
# Printed to PDF: the page kept, the form gone (qpdf drops the AcroForm).
qpdf --flatten-annotations=all --generate-appearances "$out/gbr-complete.pdf" "$out/hostile-flattened.pdf"
# Another form: the same layout under another form id.
sed 's/"id": "tsb-246-annex2"/"id": "tsb-247-annex2"/' forms/tsb-246-annex2.json > "$tmp/other.json"
"$build/tapform-emit" -q -f "$tmp/other.json" -o "$out/hostile-other-form.pdf"
: > "$out/hostile-empty.pdf"

# The records they read as: tests/unit/test_samples.c compares with them.
status=0
"$build/tapform-read" -q -o "$out/EXPECTED.jsonl" "$out" || status=$?
[ "$status" -le 1 ] || { echo "make-samples: tapform-read failed ($status)" >&2; exit 1; }
echo "make-samples: wrote samples/*.pdf and $(ls "$out"/*.pdf | wc -l) replies in $out, with their records (EXPECTED.jsonl)" >&2

# A consultation whose tally is known by hand (scripts/make-consultation.py
# says how it is made; tests/fixtures/consultation-tally.json is the tally),
# with its chart and review report.
cons=samples/consultation
rm -rf "$cons"
mkdir -p "$cons"
/usr/bin/python3 scripts/make-consultation.py "$tmp/specs" | while read -r name tool moddate; do
  "$fill" "$tool" "$blank" "$tmp/specs/$name.json" "$cons/$name.pdf"
  stamp "$cons/$name.pdf" "$moddate"
done
cp "$out/hostile-photo-named.pdf" "$cons/scan.pdf"
status=0
"$build/tapform-read" --tally --chart samples/consultation-chart.png \
  --review samples/consultation-review.pdf -o samples/consultation-tally.txt "$cons" || status=$?
[ "$status" -le 1 ] || { echo "make-samples: tapform-read failed ($status)" >&2; exit 1; }
echo "make-samples: wrote $(ls "$cons" | wc -l) replies in $cons, its tally, chart and review" >&2
