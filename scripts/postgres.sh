#!/usr/bin/env bash
# PostgreSQL for `npm start` and `npm test`.
#   postgres.sh ensure [test]  → prints a server URL without database name, e.g. postgres://postgres@127.0.0.1:5432
#       1. DATABASE_URL (or TEST_DATABASE_URL with `test`) when set — its database part is dropped;
#       2. else 127.0.0.1:5432 when it answers (unless ROLECALL_PG=private);
#       3. else a private cluster under $ROLECALL_DATA_DIR/postgres (initdb + pg_ctl on port $ROLECALL_PG_PORT,
#          default 54329), installing Debian's `postgresql` first when running as root with apt-get.
#   postgres.sh private-running → exit 0 when the private cluster is running
#   postgres.sh stop            → stops the private cluster (never a server we did not start)
# Safe to re-run: an existing cluster is reused, a running one is left alone.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_DIR="$ROLECALL_DATA_DIR/postgres"
PG_PORT="${ROLECALL_PG_PORT:-54329}"

strip_db() { node -e 'const u = new URL(process.argv[1]); u.pathname = ""; console.log(u.toString().replace(/\/$/, ""))' "$1"; }

pg_bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

# initdb and the server refuse to run as root, so as root we run them as the `postgres` user.
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

private_running() {
  local bin; bin="$(pg_bin_dir)" || return 1
  [ -f "$PG_DIR/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1
}

start_private() {
  local bin
  if ! bin="$(pg_bin_dir)"; then
    apt_install postgresql || die "PostgreSQL is neither reachable on 127.0.0.1:5432 nor installed.
  Either set DATABASE_URL to a server you have, or install PostgreSQL's server binaries
  (Debian/Ubuntu: sudo apt-get install postgresql) and re-run."
    bin="$(pg_bin_dir)" || die "PostgreSQL was installed but initdb was not found"
  fi
  mkdir -p "$PG_DIR"
  if is_root; then
    # The server runs as `postgres`: it must be able to pass through the data dir (which may be
    # 0700, it also holds the vault key file) to reach its own cluster directory.
    chmod o+x "$ROLECALL_DATA_DIR"
    chown postgres "$PG_DIR" && chmod 700 "$PG_DIR"
  fi
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    say "creating a private PostgreSQL cluster in $PG_DIR"
    as_pg "$bin/initdb" -D "$PG_DIR" --username=postgres --auth=trust --encoding=UTF8 >/dev/null
  fi
  if ! private_running; then
    port_in_use "$PG_PORT" && die "port $PG_PORT is taken, so the private PostgreSQL cannot start (set ROLECALL_PG_PORT)"
    say "starting the private PostgreSQL on 127.0.0.1:$PG_PORT"
    as_pg "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null \
      || { tail -20 "$PG_DIR/server.log" >&2; die "the private PostgreSQL did not start (log above)"; }
  fi
  echo "postgres://postgres@127.0.0.1:$PG_PORT"
}

ensure() {
  local var=DATABASE_URL
  [ "${1:-}" = test ] && var=TEST_DATABASE_URL
  if [ -n "${!var:-}" ]; then strip_db "${!var}"; return; fi
  if [ "${ROLECALL_PG:-}" != private ] && port_in_use 5432; then echo "postgres://postgres@127.0.0.1:5432"; return; fi
  start_private
}

stop_private() {
  local bin; bin="$(pg_bin_dir)" || return 0
  private_running && as_pg "$bin/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null && say "stopped the private PostgreSQL"
  return 0
}

cmd=${1:-}; shift || true
case "$cmd" in
  ensure) ensure "$@" ;;
  private-running) private_running ;;
  stop) stop_private ;;
  *) die "usage: postgres.sh ensure [test] | private-running | stop" ;;
esac
