#!/usr/bin/env bash
# `npm run bench -- <name>`: runs a benchmark and writes its figures under bench-results/.
# Names: presets (list 100k users from the Litmos simulator at its real rate limit).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR"
mkdir -p bench-results

run_one() {
  case "$1" in
    presets) npx tsx presets/bench/presets.bench.ts ;;
    *) die "unknown benchmark '$1' (known: presets)" ;;
  esac
}

if [ $# -eq 0 ]; then set -- presets; fi
for name in "$@"; do run_one "$name"; done
