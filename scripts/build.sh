#!/usr/bin/env bash
# Builds everything `npm start` needs; each step is skipped when its output is newer than its inputs.
#   1. TypeScript project references (presets → workflows → server), incremental
#   2. the prebuilt Temporal workflow bundle (workflows/dist/workflow-bundle.js)
#   3. the web app (web/dist)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR"

# stale OUTPUT INPUT_DIR... → status 0 when OUTPUT is missing or older than any input file.
stale() {
  local out=$1; shift
  [ -e "$out" ] || return 0
  [ -n "$(find "$@" -type f -newer "$out" -print -quit 2>/dev/null)" ]
}

say "compiling TypeScript (presets, workflows, server)"
npx tsc -b

if stale workflows/dist/workflow-bundle.js workflows/src presets/src; then
  say "bundling Temporal workflows"
  node workflows/dist/scripts/bundle-workflows.js >/dev/null 2>&1 \
    || { node workflows/dist/scripts/bundle-workflows.js; die "workflow bundle failed"; }
fi

if stale web/dist/index.html web/src web/index.html web/vite.config.ts presets/src; then
  say "building the web app"
  npx vite build web --logLevel warn
fi
