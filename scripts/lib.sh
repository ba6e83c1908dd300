#!/usr/bin/env bash
# Shared helpers for the environment scripts. Sourced, never run.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Everything the product keeps between runs (Postgres cluster, Temporal db, vault key file).
ROLECALL_DATA_DIR="${ROLECALL_DATA_DIR:-$ROOT_DIR/.rolecall}"
# Tools we build or download live outside the repo so a clean clone reuses them.
ROLECALL_CACHE_DIR="${ROLECALL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/rolecall}"
export ROLECALL_DATA_DIR ROLECALL_CACHE_DIR

say() { printf '[rolecall] %s\n' "$*" >&2; }
die() { printf '[rolecall] error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

# port_in_use PORT → status 0 when something listens on 127.0.0.1:PORT.
port_in_use() {
  node -e '
    const s = require("net").connect({ host: "127.0.0.1", port: +process.argv[1] });
    s.on("connect", () => { s.destroy(); process.exit(0); });
    s.on("error", () => process.exit(1));
  ' "$1"
}

# free_port → prints a TCP port nobody listens on right now.
free_port() {
  node -e '
    const srv = require("net").createServer();
    srv.listen(0, "127.0.0.1", () => { console.log(srv.address().port); srv.close(); });
  '
}

# wait_for TIMEOUT_SECONDS DESCRIPTION COMMAND... → polls COMMAND until it succeeds.
wait_for() {
  local timeout=$1 what=$2; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
}

apt_install() {
  is_root && command -v apt-get >/dev/null || return 1
  say "installing Debian packages: $*"
  # Another install (a parallel test run, the machine's own updates) may hold dpkg's lock: wait for it.
  local wait=(-o DPkg::Lock::Timeout=600)
  DEBIAN_FRONTEND=noninteractive apt-get "${wait[@]}" install -y --no-install-recommends "$@" >&2 \
    || { apt-get "${wait[@]}" update >&2 && DEBIAN_FRONTEND=noninteractive apt-get "${wait[@]}" install -y --no-install-recommends "$@" >&2; }
}
