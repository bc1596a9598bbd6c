#!/usr/bin/env bash
# Start the action server and the Rasa server (REST + socket.io), or a terminal chat with `shell`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
VENV=.venv

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
# HUP too: closing the terminal must stop every server started here (bash runs no EXIT trap
# on a signal it does not handle).
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# LISTEN_ADDRESS (default 127.0.0.1, scripts/env.sh): where Rasa and the action server listen.
# rasa-sdk has no interface flag; it reads SANIC_HOST.
# Rasa and the action server run through `python -m logconf`: logs are one JSON object a line on
# stderr, with identifiers redacted (logging.yml, LOGGING_CONFIG; docs/operations.md "Logs").
SANIC_HOST="$LISTEN_ADDRESS" $VENV/bin/python -m logconf \
  rasa run actions --actions actions --port "$ACTION_PORT" &
pids+=($!)

if [ "${1:-}" = "shell" ]; then
  $VENV/bin/python -m vertebro shell --model models/vertebro.tar.gz --endpoints endpoints.yml &
  pids+=($!)
  wait "$!"
  exit 0
fi

$VENV/bin/python -m vertebro run --model models/vertebro.tar.gz --endpoints endpoints.yml \
  --credentials credentials.yml --interface "$LISTEN_ADDRESS" --port "$RASA_PORT" \
  --cors ${CORS_ORIGINS//,/ } &
pids+=($!)

$VENV/bin/python scripts/serve_web.py &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fs "http://localhost:$RASA_PORT/" >/dev/null 2>&1 && break
  sleep 1
done

cat <<MSG

The assistant is running:
  REST:      curl -s -XPOST http://localhost:$RASA_PORT/webhooks/rest/webhook \\
               -H 'Content-Type: application/json' -d '{"sender":"me","message":"how long is recovery?"}'
  website:   http://localhost:$WEB_PORT/        (demo page with the chat widget)
  kiosk:     http://localhost:$WEB_PORT/kiosk/  (chromium --kiosk --incognito http://localhost:$WEB_PORT/kiosk/)
  SMS:       $SMS_WEBHOOK_URL (Twilio Messaging webhook, see docs/sms.md)
  actions:   http://localhost:$ACTION_PORT/webhook
Press Ctrl-C to stop.
MSG
wait -n
