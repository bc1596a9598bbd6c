# Sourced by scripts/scale/*.sh and read by tests/scale: ports, paths and secrets of the local
# scale-out topology (docs/production.md). Everything listens on 127.0.0.1 only.
# Values already in the environment win.
SCALE_DIR="${SCALE_DIR:-$PWD/var/scale}"
export SCALE_DIR
mkdir -p "$SCALE_DIR/logs"
export SCALE_NGINX_PORT="${SCALE_NGINX_PORT:-8090}"
export SCALE_RASA_PORTS="${SCALE_RASA_PORTS:-5105 5106}"
export SCALE_ACTION_PORT="${SCALE_ACTION_PORT:-5155}"
export PG_HOST="${PG_HOST:-127.0.0.1}"
export PG_PORT="${PG_PORT:-5433}"
export PG_DB="${PG_DB:-rasa}"
export PG_USER="${PG_USER:-rasa}"
export REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
export REDIS_PORT="${REDIS_PORT:-6380}"
export REDIS_DB="${REDIS_DB:-1}"
# The replicas call the action server directly (one here; several go behind a load balancer).
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://127.0.0.1:${SCALE_ACTION_PORT}/webhook}"
# A ticket of a replica killed mid-turn blocks its conversation until it expires (Rasa's default
# 60 s). Turns take well under a second here, so 20 s is still far above any real turn.
export TICKET_LOCK_LIFETIME="${TICKET_LOCK_LIFETIME:-20}"

# Generated secrets: var/ is git-ignored; the file is readable by its owner only.
SCALE_SECRETS="$SCALE_DIR/secrets.env"
if [ ! -f "$SCALE_SECRETS" ]; then
  ( umask 077
    gen() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
    { echo "PG_PASSWORD=$(gen)"; echo "REDIS_PASSWORD=$(gen)"; } > "$SCALE_SECRETS" )
fi
while IFS='=' read -r key value; do
  case "$key" in ''|\#*) continue ;; esac
  [ -z "${!key+x}" ] && export "$key=$value"
done < "$SCALE_SECRETS"

# The project's defaults (.env with the channel secrets, then .env.defaults: limits, quieter
# tools, ...).
source scripts/env.sh
export PYTHONPATH="$PWD"

export PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
# PostgreSQL refuses to run as root. As root it runs as the postgres user, which may not be
# able to enter the checkout (a clone under a 0700 folder from mktemp -d, say): its cluster and
# log then live in a folder of its own under /tmp, one per checkout (PG_HOME).
if [ "$(id -u)" -eq 0 ]; then
  PG_HOME="${PG_HOME:-/tmp/vertebro-scale-pg-$(printf %s "$SCALE_DIR" | sha1sum | cut -c1-12)}"
else
  PG_HOME="${PG_HOME:-$SCALE_DIR}"
fi
export PG_HOME
export PG_DATA="$PG_HOME/pg"
export PG_LOG="$PG_HOME/postgres.log"
# Run a command as the postgres user when we are root, from a folder it can enter.
as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
