#!/usr/bin/env bash
# `npm test`: builds, lints, then runs every test against real infrastructure:
#   PostgreSQL (scripts/postgres.sh), a Temporal dev server on a free port (scripts/temporal.sh,
#   stopped at the end), Debian's Chromium (scripts/chromium.sh), the vendor simulators in-process.
# Extra arguments go to vitest, e.g. `npm test -- server/test/app.test.ts`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR"
mkdir -p test-results

bash scripts/build.sh
say "linting and type-checking"
npx eslint .
npx tsc -p tsconfig.tests.json
npx tsc -p web/tsconfig.json --noEmit

pg_was_running=0
bash scripts/postgres.sh private-running && pg_was_running=1
TEST_DATABASE_URL="$(bash scripts/postgres.sh ensure test)/postgres"
export TEST_DATABASE_URL

temporal_dir="$(mktemp -d "${TMPDIR:-/tmp}/rolecall-test-temporal.XXXXXX")"
cleanup() {
  bash scripts/temporal.sh stop "$temporal_dir" || true
  rm -rf "$temporal_dir"
  if [ $pg_was_running = 0 ] && bash scripts/postgres.sh private-running; then bash scripts/postgres.sh stop; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
temporal_port="$(free_port)"
bash scripts/temporal.sh start "$temporal_port" 0 "$temporal_dir/temporal.db" "$temporal_dir"
export TEMPORAL_ADDRESS="127.0.0.1:$temporal_port"

# With a docker client present, the compose file is validated by `docker compose config`.
if command -v docker >/dev/null && ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
  apt_install docker-compose || say "docker client found without compose; the compose test will say so"
fi

CHROMIUM_PATH="$(bash scripts/chromium.sh)"
export CHROMIUM_PATH
# The preset runtime may call the in-process vendor simulators.
export ROLECALL_ALLOWED_HOSTS=127.0.0.1

say "running tests (Postgres ${TEST_DATABASE_URL%/postgres}, Temporal $TEMPORAL_ADDRESS, Chromium $CHROMIUM_PATH)"
npx vitest run "$@"
