#!/usr/bin/env bash
# Runs a command with the real services tests and benchmarks need, then stops what it started:
#   PostgreSQL (TEST_DATABASE_URL, see postgres.sh), a Temporal dev server on a free port
#   (TEMPORAL_ADDRESS), Debian's Chromium (CHROMIUM_PATH); ROLECALL_ALLOWED_HOSTS=127.0.0.1 so the
#   preset runtime may call the in-process vendor simulators.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR"

pg_was_running=0
bash scripts/postgres.sh private-running && pg_was_running=1
TEST_DATABASE_URL="$(bash scripts/postgres.sh ensure test)/postgres"
export TEST_DATABASE_URL

temporal_dir="$(mktemp -d "${TMPDIR:-/tmp}/rolecall-temporal.XXXXXX")"
cleanup() {
  set +e
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
export ROLECALL_ALLOWED_HOSTS=127.0.0.1

say "services: Postgres ${TEST_DATABASE_URL%/postgres}, Temporal $TEMPORAL_ADDRESS, Chromium $CHROMIUM_PATH"
"$@"
