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
export RASA_PORT="${RASA_PORT:-5005}"
export ACTION_PORT="${ACTION_PORT:-5055}"
export WEB_PORT="${WEB_PORT:-8080}"
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://localhost:${ACTION_PORT}/webhook}"
export SMS_WEBHOOK_URL="${SMS_WEBHOOK_URL:-http://localhost:${RASA_PORT}/webhooks/sms/webhook}"
export CORS_ORIGINS="${CORS_ORIGINS:-http://localhost:${WEB_PORT}}"
export TRACKER_DB="${TRACKER_DB:-$PWD/var/tracker.db}"
mkdir -p "$(dirname "$TRACKER_DB")"
