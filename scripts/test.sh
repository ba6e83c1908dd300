#!/usr/bin/env bash
# `npm test`: builds, lints and type-checks, then runs every test against real infrastructure
# (scripts/with-services.sh: PostgreSQL, a Temporal dev server, Chromium; vendor simulators in-process).
# Extra arguments go to vitest, e.g. `npm test -- server/test/app.test.ts`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR"
mkdir -p test-results

bash scripts/build.sh
say "linting and type-checking"
npm run --silent lint

bash scripts/with-services.sh npx vitest run "$@"
