#!/usr/bin/env bash
# The large run of the parser fuzz tests (swift test runs a bounded slice of 150 inputs per parser).
#   scripts/fuzz-parsers.sh [COUNT]     default 20000 inputs per parser; prints the time taken
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-20000}"
start=$(date +%s)
VMWIZARD_FUZZ_COUNT="$count" swift test --filter ParserFuzzTests
echo "fuzz-parsers: $count inputs per parser, $(( $(date +%s) - start )) s"
