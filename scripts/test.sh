#!/bin/sh
# Installs what the tests need, builds tapform with AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs the whole test suite under ctest.
# This is the README's test command and all that .ci/run runs.
set -eu
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
scripts/build.sh build-asan -DTAPFORM_SANITIZE=ON -DTAPFORM_TESTS=ON
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
