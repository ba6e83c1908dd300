#!/usr/bin/env bash
# Records real runGraph/runBatch histories into workflows/test/histories/ for the replay test.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR"
bash scripts/build.sh
bash scripts/with-services.sh npx vitest run --config vitest.bench.config.mts server/bench/record-run-histories.bench.ts
