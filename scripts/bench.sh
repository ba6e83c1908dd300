#!/usr/bin/env bash
# `npm run bench -- <name>…`: runs benchmarks and writes their figures under bench-results/.
#   presets  list 100k users from the Litmos simulator at its real rate limit (~1 min)
#   load     100k-user load: records/s vs a raw bulk upsert, and wall time at Litmos's real limit (~3 min)
#   engine   compile() of a generated 300-node workflow graph (~5 s), then the engine's runs:
#            100k role audit, 2000-user deactivation at 100 requests/min with and without a
#            worker SIGKILL, compiled vs hand-written workflow (~15 min)
# No name runs them all.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR"
mkdir -p bench-results

run_one() {
  case "$1" in
    presets) npx tsx presets/bench/presets.bench.ts ;;
    load)
      bash scripts/build.sh
      bash scripts/with-services.sh npx vitest run --config vitest.bench.config.mts server/bench/load.bench.ts
      ;;
    engine)
      # The bench loads @rolecall/presets/catalog from its build.
      npx tsc -b presets
      npx tsx workflows/bench/compile.bench.ts
      bash scripts/build.sh
      bash scripts/with-services.sh npx vitest run --config vitest.bench.config.mts server/bench/engine.bench.ts
      ;;
    *) die "unknown benchmark '$1' (known: presets, load, engine)" ;;
  esac
}

if [ $# -eq 0 ]; then set -- presets load engine; fi
for name in "$@"; do run_one "$name"; done
