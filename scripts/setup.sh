#!/bin/sh
# Installs what tapform needs from Debian's packages (and, for the tests,
# the npm packages of tests/fillers). Idempotent: installs only what is
# missing. Usage: scripts/setup.sh [--tests | --fuzz]
#   --tests  also what the test suite needs (scripts/test.sh)
#   --fuzz   also clang and its libFuzzer runtime (fuzz/run.sh)
set -eu
cd "$(dirname "$0")/.."

# Building and running.
packages="build-essential cmake pkg-config libhpdf-dev libpoppler-glib-dev
  libcairo2-dev libglib2.0-dev libjson-glib-dev nettle-dev libfreetype-dev libfribidi-dev
  zlib1g-dev iso-codes libsqlite3-dev libxlsxwriter-dev libqrencode-dev libzbar-dev"
# Testing: Criterion, and the independent tools that fill and check forms;
# Ghostscript, PIL, numpy and img2pdf flatten, mark and scan the optical
# test replies (tests/optical); the sqlite3 shell reads a register, openpyxl
# reads a workbook back.
test_packages="libcriterion-dev poppler-utils qpdf pdftk-java mupdf-tools
  python3 python3-pypdf python3-pikepdf python3-gi gir1.2-poppler-0.18
  ghostscript python3-pil python3-numpy python3-img2pdf
  valgrind nodejs npm sqlite3 python3-openpyxl python3-fonttools"

# Fuzzing (fuzz/run.sh): clang and its libFuzzer runtime.
fuzz_packages="clang libclang-rt-14-dev"

# Rebuilding the shipped fonts (scripts/build-fonts.py): fontTools and the
# Debian fonts it takes glyphs from. Generating forms/member-state-languages.json
# (scripts/gen-member-state-languages.py) reads CLDR's supplemental data.
font_packages="python3 python3-fonttools fonts-liberation2 fonts-noto-core
  fonts-droid-fallback unicode-cldr-core"

want="$packages"
case "${1:-}" in
  --tests) want="$packages $test_packages" ;;
  --fuzz) want="$packages $fuzz_packages" ;;
  --fonts) want="$packages $font_packages" ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--tests | --fuzz | --fonts]" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $p"
done
# A machine may have Node.js from elsewhere: any node and npm will do.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  missing=$(echo "$missing" | tr ' ' '\n' | grep -vx -e nodejs -e npm | tr '\n' ' ')
fi

if [ -n "$(echo "$missing" | tr -d ' ')" ]; then
  echo "setup: installing$missing" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if [ "${1:-}" = "--tests" ] && [ -f tests/fillers/package.json ]; then
  if [ ! -d tests/fillers/node_modules ] ||
     [ tests/fillers/package-lock.json -nt tests/fillers/node_modules ]; then
    echo "setup: installing the npm packages of tests/fillers" >&2
    # The system's CA bundle, where a machine adds its own authorities.
    cafile=""
    [ -f /etc/ssl/certs/ca-certificates.crt ] && cafile="--cafile=/etc/ssl/certs/ca-certificates.crt"
    # Without them the pdf.js and PDFium fillers are skipped, each test
    # saying why: a registry that cannot be reached must not stop the rest.
    if ! (cd tests/fillers && npm ci --no-audit --no-fund --loglevel=error $cafile); then
      rm -rf tests/fillers/node_modules
      echo "setup: WARNING: npm ci failed in tests/fillers: the pdf.js and PDFium fillers will be skipped" >&2
    fi
  fi
fi
