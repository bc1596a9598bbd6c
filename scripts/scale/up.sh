#!/usr/bin/env bash
# Start the local scale-out topology on 127.0.0.1 (docs/production.md): PostgreSQL (a private
# cluster in var/scale/pg), Redis (lock store, no persistence), one action server, the Rasa
# replicas of SCALE_RASA_PORTS and nginx in front. Starts only what is not already running, so it
# also brings back a single replica that died. Stop everything with scripts/scale/down.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/scale/env.sh
VENV=.venv
MODEL=models/vertebro.tar.gz
LOGS="$SCALE_DIR/logs"

running() { [ -f "$1" ] && kill -0 "$(head -1 "$1")" 2>/dev/null; }
need() { command -v "$1" >/dev/null || { echo "missing: $1 ($2)" >&2; exit 1; }; }
need redis-server "apt-get install -y redis-server"
need nginx "apt-get install -y nginx-light"
[ -x "$PG_BIN/initdb" ] || { echo "missing: PostgreSQL (apt-get install -y postgresql)" >&2; exit 1; }
[ -f "$MODEL" ] || { echo "missing: $MODEL (make train)" >&2; exit 1; }

# --- PostgreSQL: a private cluster owned by the postgres user, TCP on loopback only ----------
if [ ! -f "$PG_DATA/PG_VERSION" ]; then
  mkdir -p "$PG_DATA"; chmod 700 "$PG_HOME" "$PG_DATA"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_HOME" "$PG_DATA"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
    -E UTF8 >"$LOGS/initdb.log"
fi
if ! running "$PG_DATA/postmaster.pid"; then
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DATA -c max_connections=100" >/dev/null
fi
# The role and database of the tracker store (password from var/scale/secrets.env).
as_pg "$PG_BIN/psql" -h "$PG_DATA" -p "$PG_PORT" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1 \
  -v user="$PG_USER" -v pw="$PG_PASSWORD" -v db="$PG_DB" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'user') WHERE NOT EXISTS
  (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
ALTER ROLE :"user" PASSWORD :'pw';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user') WHERE NOT EXISTS
  (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
echo "postgres  127.0.0.1:$PG_PORT  db $PG_DB"

# --- Redis: lock store only, nothing saved to disk ------------------------------------------
if ! running "$SCALE_DIR/redis.pid"; then
  ( umask 077; cat > "$SCALE_DIR/redis.conf" <<CONF
bind 127.0.0.1
port $REDIS_PORT
protected-mode yes
requirepass $REDIS_PASSWORD
save ""
appendonly no
daemonize yes
dir $SCALE_DIR
pidfile $SCALE_DIR/redis.pid
logfile $LOGS/redis.log
CONF
  )
  redis-server "$SCALE_DIR/redis.conf"
  for _ in $(seq 1 50); do running "$SCALE_DIR/redis.pid" && break; sleep 0.1; done
fi
echo "redis     127.0.0.1:$REDIS_PORT"

# --- Action server and Rasa replicas ---------------------------------------------------------
spawn() {  # name pidfile command...: a background process in its own session, log in logs/
  local name=$1 pidfile=$2; shift 2
  setsid "$@" >"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
}
wait_http() {  # url pidfile name
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "$1" && return 0
    running "$2" || { echo "$3 exited; see $LOGS/$3.log" >&2; tail -20 "$LOGS/$3.log" >&2; return 1; }
    sleep 1
  done
  echo "$3 did not answer at $1" >&2; return 1
}

started=()
if ! running "$SCALE_DIR/actions.pid"; then
  SANIC_HOST=127.0.0.1 spawn actions "$SCALE_DIR/actions.pid" \
    $VENV/bin/python -m logconf rasa run actions --actions actions --port "$SCALE_ACTION_PORT"
  started+=("http://127.0.0.1:$SCALE_ACTION_PORT/health $SCALE_DIR/actions.pid actions")
fi
for port in $SCALE_RASA_PORTS; do
  if ! running "$SCALE_DIR/rasa-$port.pid"; then
    spawn "rasa-$port" "$SCALE_DIR/rasa-$port.pid" \
      $VENV/bin/python -m vertebro run --model "$MODEL" --endpoints endpoints.scale.yml \
      --credentials credentials.yml --port "$port" --interface 127.0.0.1 \
      --cors ${CORS_ORIGINS//,/ }
    started+=("http://127.0.0.1:$port/ $SCALE_DIR/rasa-$port.pid rasa-$port")
  fi
done
for entry in "${started[@]}"; do wait_http $entry; done
echo "actions   127.0.0.1:$SCALE_ACTION_PORT"
for port in $SCALE_RASA_PORTS; do echo "rasa      127.0.0.1:$port"; done

# --- nginx -------------------------------------------------------------------------------------
servers=""
for port in $SCALE_RASA_PORTS; do
  servers+="        server 127.0.0.1:$port max_fails=3 fail_timeout=10s;"$'\n'
done
mkdir -p "$SCALE_DIR/nginx-tmp"
awk -v servers="$servers" -v dir="$SCALE_DIR" -v port="$SCALE_NGINX_PORT" '
  /@RASA_SERVERS@/ { printf "%s", servers; next }
  { gsub(/@SCALE_DIR@/, dir); gsub(/@SCALE_NGINX_PORT@/, port); print }
' scripts/scale/nginx.conf.template > "$SCALE_DIR/nginx.conf"
nginx -t -q -c "$SCALE_DIR/nginx.conf" -p "$SCALE_DIR/" 2>>"$LOGS/nginx-error.log" || {
  tail -5 "$LOGS/nginx-error.log" >&2; exit 1; }
if running "$SCALE_DIR/nginx.pid"; then
  nginx -c "$SCALE_DIR/nginx.conf" -p "$SCALE_DIR/" -s reload 2>>"$LOGS/nginx-error.log"
else
  nginx -c "$SCALE_DIR/nginx.conf" -p "$SCALE_DIR/"
fi
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$SCALE_NGINX_PORT/" && break; sleep 0.2; done
echo "nginx     http://127.0.0.1:$SCALE_NGINX_PORT/webhooks/rest/webhook (send X-Conversation-Id)"
echo "rate limit per sender per minute in the replicas: $RATE_LIMIT_PER_MINUTE" \
  | tee "$SCALE_DIR/rate_limit"
