#!/usr/bin/env bash
# `npm start`: the whole product on one machine with embedded defaults.
#   builds what is missing → PostgreSQL (DATABASE_URL, else 127.0.0.1:5432, else a private cluster)
#   → Temporal dev server (data in $ROLECALL_DATA_DIR/temporal, Web UI :8233) unless TEMPORAL_ADDRESS is set
#   → vendor simulators (demo backends) → API + embedded worker + web app on http://localhost:$PORT.
# Ctrl-C stops everything this script started, and nothing else.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR"

PORT="${PORT:-3000}"
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
export PORT

port_in_use "$PORT" && die "port $PORT is taken, so Rolecall cannot serve there. Stop what listens on it or run: PORT=3001 npm start"

bash scripts/build.sh
mkdir -p "$ROLECALL_DATA_DIR"

started_pg=0 started_temporal=0 server_pid="" simulators_pid=""
cleanup() {
  trap - EXIT INT TERM
  set +e # a child that exits non-zero (143 after SIGTERM) must not cut the cleanup short
  for pid in $server_pid $simulators_pid; do
    kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  [ $started_temporal = 1 ] && bash scripts/temporal.sh stop "$ROLECALL_DATA_DIR/temporal" && say "stopped the Temporal dev server"
  [ $started_pg = 1 ] && bash scripts/postgres.sh stop
  say "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${DATABASE_URL:-}" ]; then
  pg_was_running=0
  bash scripts/postgres.sh private-running && pg_was_running=1
  DATABASE_URL="$(bash scripts/postgres.sh ensure)/rolecall"
  [ $pg_was_running = 0 ] && bash scripts/postgres.sh private-running && started_pg=1
fi
export DATABASE_URL
say "PostgreSQL: ${DATABASE_URL%%\?*}"

if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  # Payloads are encrypted; the Web UI shows them decrypted through Rolecall's codec endpoint.
  bash scripts/temporal.sh start "$TEMPORAL_PORT" "$TEMPORAL_UI_PORT" "$ROLECALL_DATA_DIR/temporal/temporal.db" "$ROLECALL_DATA_DIR/temporal" \
    "http://localhost:$PORT/api/temporal-codec"
  started_temporal=1
  TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
fi
export TEMPORAL_ADDRESS
export ROLECALL_TEMPORAL_UI_ORIGINS="${ROLECALL_TEMPORAL_UI_ORIGINS:-http://localhost:$TEMPORAL_UI_PORT,http://127.0.0.1:$TEMPORAL_UI_PORT}"

# Vendor simulators as demo backends; on a fresh installation the server connects them and loads users.
export ROLECALL_SIM_STATE_FILE="$ROLECALL_DATA_DIR/simulators.json"
rm -f "$ROLECALL_SIM_STATE_FILE"
node presets/dist/simulators/cli.js &
simulators_pid=$!
wait_for 30 "simulators" test -s "$ROLECALL_SIM_STATE_FILE" || die "the vendor simulators did not start (ports 4101–4105 taken?)"
export ROLECALL_DEMO_SIMULATORS_FILE="$ROLECALL_SIM_STATE_FILE"
export ROLECALL_ALLOWED_HOSTS="${ROLECALL_ALLOWED_HOSTS:-127.0.0.1}"

node server/dist/main.js &
server_pid=$!
wait "$server_pid"
