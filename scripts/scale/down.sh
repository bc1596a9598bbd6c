#!/usr/bin/env bash
# Stop everything scripts/scale/up.sh started (by the pid files in var/scale). Data stay in
# $PG_DATA (scripts/scale/env.sh); `scripts/scale/down.sh --purge` also deletes var/scale and
# the PostgreSQL folder (database and secrets).
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/scale/env.sh >/dev/null

stop_pid() {  # pidfile name: TERM, then KILL after 20 s
  local pidfile=$1 name=$2 pid
  [ -f "$pidfile" ] || return 0
  pid=$(head -1 "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "stopped $name"
  fi
  rm -f "$pidfile"
}

[ -f "$SCALE_DIR/nginx.pid" ] && nginx -c "$SCALE_DIR/nginx.conf" -p "$SCALE_DIR/" -s quit \
  2>/dev/null && echo "stopped nginx"
for _ in $(seq 1 50); do [ -f "$SCALE_DIR/nginx.pid" ] || break; sleep 0.1; done
for pidfile in "$SCALE_DIR"/rasa-*.pid; do
  [ -e "$pidfile" ] && stop_pid "$pidfile" "$(basename "$pidfile" .pid)"
done
stop_pid "$SCALE_DIR/actions.pid" actions
stop_pid "$SCALE_DIR/redis.pid" redis
if [ -f "$PG_DATA/postmaster.pid" ]; then
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null && echo "stopped postgres"
fi
if [ "${1:-}" = "--purge" ]; then
  rm -rf "$SCALE_DIR" "$PG_HOME" && echo "deleted $SCALE_DIR and $PG_HOME"
fi
