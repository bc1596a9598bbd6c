# Sourced by the scripts: create .env on first use (random local secrets, never committed),
# load it, then the defaults of .env.defaults (the one table of them: ports, limits, paths...).
# Values already in the environment win over .env, and .env over the table.
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
# The table (same rules as scripts/env_defaults.py): a key not set, or empty, gets the table's
# value, in which ${NAME} is NAME's value so far and ${PROJECT_DIR} this checkout.
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ''|\#*) continue ;; esac
  key=${line%%=*} value=${line#*=} expanded=""
  if [ -n "${!key:-}" ]; then export "$key"; continue; fi
  while [[ $value =~ ^([^$]*)\$\{([A-Za-z_][A-Za-z0-9_]*)\}(.*)$ ]]; do
    name=${BASH_REMATCH[2]}
    if [ "$name" = PROJECT_DIR ]; then expanded+="${BASH_REMATCH[1]}$PWD"
    else expanded+="${BASH_REMATCH[1]}${!name:-}"; fi
    value=${BASH_REMATCH[3]}
  done
  export "$key=$expanded$value"
done < .env.defaults
unset key value line name expanded
mkdir -p "$(dirname "$TRACKER_DB")"
