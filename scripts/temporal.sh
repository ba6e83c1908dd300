#!/usr/bin/env bash
# Temporal CLI dev server for development, tests and `npm start`.
#   temporal.sh ensure                          → prints the path of a `temporal` binary, building it if needed
#   temporal.sh start PORT UI_PORT DB_FILE DIR [CODEC_URL]  → starts a dev server (UI_PORT 0 = headless; the Web UI
#                                 decodes payloads through CODEC_URL), waits until healthy;
#                                                  writes DIR/temporal.pid and DIR/temporal.log
#   temporal.sh stop DIR                        → stops the server started with that DIR
#   temporal.sh health ADDRESS                  → exit 0 when the server answers its health check
# Safe to re-run: ensure reuses the cached binary, start refuses a port already taken.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TEMPORAL_CLI_VERSION=v1.5.1   # v1.6+ carries a replace directive and cannot be `go install`ed
BIN_DIR="$ROLECALL_CACHE_DIR/bin"

ensure() {
  if command -v temporal >/dev/null 2>&1; then command -v temporal; return; fi
  if [ -x "$BIN_DIR/temporal" ]; then echo "$BIN_DIR/temporal"; return; fi
  local go_bin
  go_bin="$(command -v go || true)"
  [ -n "$go_bin" ] || { [ -x /usr/local/go/bin/go ] && go_bin=/usr/local/go/bin/go; }
  [ -n "$go_bin" ] || die "the Temporal CLI is missing and Go is not installed to build it.
  Install one of:
    - Go (https://go.dev/dl/), then re-run this command (it runs: go install github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION)
    - the Temporal CLI itself (https://docs.temporal.io/cli#install) and put \`temporal\` on PATH"
  mkdir -p "$BIN_DIR"
  say "building the Temporal CLI $TEMPORAL_CLI_VERSION with Go into $BIN_DIR (first run only, a few minutes)"
  if ! CGO_ENABLED=0 GOBIN="$BIN_DIR" "$go_bin" install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" >&2; then
    say "retrying without the Go checksum database (it may be unreachable from here)"
    CGO_ENABLED=0 GOBIN="$BIN_DIR" GOSUMDB=off "$go_bin" install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" >&2 \
      || die "could not build the Temporal CLI; see the Go output above"
  fi
  echo "$BIN_DIR/temporal"
}

health() {
  "$(ensure)" operator cluster health --address "$1" 2>/dev/null | grep -q SERVING
}

start() {
  local port=$1 ui_port=$2 db_file=$3 dir=$4 codec_url=${5:-} bin
  bin="$(ensure)"
  port_in_use "$port" && die "port $port is taken, so the Temporal dev server cannot start there (set TEMPORAL_PORT, or stop what listens on it)"
  if [ "$ui_port" != 0 ] && port_in_use "$ui_port"; then
    die "port $ui_port (Temporal Web UI) is taken (set TEMPORAL_UI_PORT, or stop what listens on it)"
  fi
  mkdir -p "$dir" "$(dirname "$db_file")"
  local ui_args=(--ui-port "$ui_port")
  [ -n "$codec_url" ] && ui_args+=(--ui-codec-endpoint "$codec_url")
  [ "$ui_port" = 0 ] && ui_args=(--headless)
  # The dev server gets its own session so Ctrl-C in a terminal reaches it only through our trap.
  setsid "$bin" server start-dev --ip 127.0.0.1 --port "$port" "${ui_args[@]}" \
    --db-filename "$db_file" --log-level warn >"$dir/temporal.log" 2>&1 &
  echo $! >"$dir/temporal.pid"
  if ! wait_for 60 "Temporal" health "127.0.0.1:$port"; then
    tail -20 "$dir/temporal.log" >&2
    stop "$dir"
    die "the Temporal dev server did not become healthy on 127.0.0.1:$port within 60 s (log above)"
  fi
  say "Temporal dev server ready on 127.0.0.1:$port$([ "$ui_port" != 0 ] && echo ", Web UI http://localhost:$ui_port")"
}

stop() {
  local dir=$1 pid
  [ -f "$dir/temporal.pid" ] || return 0
  pid="$(cat "$dir/temporal.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    wait_for 20 "Temporal to stop" bash -c "! kill -0 $pid" || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/temporal.pid"
}

cmd=${1:-}; shift || true
case "$cmd" in
  ensure) ensure ;;
  start) start "$@" ;;
  stop) stop "$@" ;;
  health) health "$@" ;;
  *) die "usage: temporal.sh ensure | start PORT UI_PORT DB_FILE DIR | stop DIR | health ADDRESS" ;;
esac
