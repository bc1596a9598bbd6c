# Sourced by the scripts: create .env on first use (random local secrets, never committed),
# load it, and set defaults. Values already in the environment win over .env.
if [ ! -f .env ]; then
  secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
  {
    cat .env.example
    echo "TWILIO_AUTH_TOKEN=$(secret)"
    echo "SMS_SENDER_SECRET=$(secret)"
  } > .env
  chmod 600 .env
  echo "Created .env with random local secrets for the SMS channel (git-ignored; replace"
  echo "TWILIO_AUTH_TOKEN with your Twilio auth token and set SMS_WEBHOOK_URL in production)."
fi
while IFS='=' read -r key value; do
  case "$key" in ''|\#*) continue ;; esac
  [ -z "${!key+x}" ] && export "$key=$value"
done < .env
# Rasa and the action server listen on loopback only, unless LISTEN_ADDRESS opens them (e.g.
# 0.0.0.0 on a host whose only way in is nginx; never on a shared network without it).
export LISTEN_ADDRESS="${LISTEN_ADDRESS:-127.0.0.1}"
export RASA_PORT="${RASA_PORT:-5005}"
export ACTION_PORT="${ACTION_PORT:-5055}"
export WEB_PORT="${WEB_PORT:-8080}"
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://localhost:${ACTION_PORT}/webhook}"
export SMS_WEBHOOK_URL="${SMS_WEBHOOK_URL:-http://localhost:${RASA_PORT}/webhooks/sms/webhook}"
export CORS_ORIGINS="${CORS_ORIGINS:-http://localhost:${WEB_PORT}}"
# Bad input and abuse (channels/validation.py, channels/rate_limit.py): largest JSON body of the
# REST and kiosk webhooks, messages per minute and burst per conversation (0 per minute: off),
# and Sanic's own limit on any request body (its default is 100 MB), refused with 413 before
# any handler runs. It also applies to the action server (Sanic too), whose requests carry the
# conversation since the session start (about 3 KB a turn): 2 MiB leaves room for ~600 turns.
export MAX_BODY_BYTES="${MAX_BODY_BYTES:-65536}"
export RATE_LIMIT_PER_MINUTE="${RATE_LIMIT_PER_MINUTE:-30}"
export RATE_LIMIT_BURST="${RATE_LIMIT_BURST:-10}"
export SANIC_REQUEST_MAX_SIZE="${SANIC_REQUEST_MAX_SIZE:-2097152}"
# Server logs (scripts/run.sh): the dictConfig file `python -m logconf` applies (one JSON object
# a line, identifiers redacted). TensorFlow's C++ library writes to stderr itself, not through
# Python's logging: only its fatal errors.
export LOGGING_CONFIG="${LOGGING_CONFIG:-$PWD/logging.yml}"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-3}"
export TRACKER_DB="${TRACKER_DB:-$PWD/var/tracker.db}"
mkdir -p "$(dirname "$TRACKER_DB")"
