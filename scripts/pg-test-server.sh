#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests: its own cluster in a temp folder, on 127.0.0.1 and a
# free port, with a password role that may create databases (the test suite clones a template
# database per test file). Durability is off (fsync, synchronous_commit): it is for tests only.
#
#   eval "$(scripts/pg-test-server.sh start)"    # exports DATABASE_URL and FORECOURT_PG_DIR
#   npm test                                     # now runs on PostgreSQL
#   scripts/pg-test-server.sh stop "$FORECOURT_PG_DIR"
#
# `start` prints only the two `export` lines on stdout (progress and errors go to stderr), so it
# is safe to eval. It uses Debian's /usr/lib/postgresql/<highest version>/bin, or PG_BIN if set,
# or the bindir `pg_config` reports. PostgreSQL refuses to run as root, so as root the cluster is
# created and run as the `postgres` user (via runuser); as anyone else it runs as that user.
set -euo pipefail

PG_USER_NAME=forecourt
PG_DB_NAME=forecourt

log() { printf 'pg-test-server: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    printf '%s\n' "$PG_BIN"
    return
  fi
  local best='' dir ver best_ver=0
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" ]] || continue
    ver=$(basename "$(dirname "$dir")")
    ver=${ver%%.*}
    if [[ "$ver" =~ ^[0-9]+$ ]] && ((ver > best_ver)); then
      best_ver=$ver
      best=$dir
    fi
  done
  if [[ -z "$best" ]] && command -v pg_config >/dev/null 2>&1; then
    best=$(pg_config --bindir)
  fi
  [[ -n "$best" && -x "$best/initdb" ]] || die "no PostgreSQL server binaries found (install Debian's 'postgresql' or set PG_BIN)"
  printf '%s\n' "$best"
}

# Runs a command as the user that owns the cluster.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e '
    const s = require("node:net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
  '
}

# Globals, not locals: the EXIT trap that cleans up a failed start runs after cmd_start returns.
dir=''
started=0

cmd_start() {
  local bin port password attempt
  bin=$(find_bin)
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server as"
  fi

  dir=$(mktemp -d "${TMPDIR:-/tmp}/forecourt-pg.XXXXXX")
  # Clean up our folder if anything below fails before we hand it over.
  trap 'if [[ $started -eq 0 ]]; then cmd_stop "$dir" >/dev/null 2>&1 || rm -rf "$dir"; fi' EXIT
  mkdir -p "$dir/data" "$dir/sock"
  chmod 700 "$dir"
  if [[ $EUID -eq 0 ]]; then chown -R postgres: "$dir"; fi

  password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  # The superuser `postgres` has no password and may connect only over the private Unix socket;
  # TCP connections must authenticate with a password, as against a real server.
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --encoding=UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  # A free port can be taken between finding it and binding it: retry a few times.
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 -s \
      -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c timezone=UTC" \
      >&2; then
      started=1
      break
    fi
    log "start on port $port failed (attempt $attempt):"
    tail -n 5 "$dir/server.log" >&2 || true
  done
  [[ $started -eq 1 ]] || die "could not start PostgreSQL; log: $dir/server.log"

  if ! as_owner "$bin/psql" -X -q -h "$dir/sock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "create role $PG_USER_NAME login createdb password '$password'" \
    -c "create database $PG_DB_NAME owner $PG_USER_NAME" >&2; then
    started=0
    die "could not create the role and database"
  fi

  printf '%s\n' "$port" >"$dir/port"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir"
  printf "export DATABASE_URL='postgres://%s:%s@127.0.0.1:%s/%s'\n" "$PG_USER_NAME" "$password" "$port" "$PG_DB_NAME"
  printf "export FORECOURT_PG_DIR='%s'\n" "$dir"
}

cmd_stop() {
  local dir=${1:-${FORECOURT_PG_DIR:-}} bin
  [[ -n "$dir" ]] || die "usage: $0 stop DIR (the FORECOURT_PG_DIR that start printed)"
  # Refuse anything that is not one of our folders: this command ends in `rm -rf`.
  [[ "$(basename "$dir")" == forecourt-pg.* && -d "$dir/data" ]] || die "$dir is not a folder made by '$0 start'"
  bin=$(find_bin)
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" stop -D "$dir/data" -m fast -w -t 30 -s >&2 ||
      as_owner "$bin/pg_ctl" stop -D "$dir/data" -m immediate -w -t 30 -s >&2 || true
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop "${2:-}" ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
