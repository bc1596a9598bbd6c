# Two commands do all set-up on a fresh machine:
#   make run    creates the Python 3.10 virtualenv, installs, builds the spaCy pipeline,
#               trains if data/config changed, starts the action server and Rasa.
#   make test   everything that checks the assistant (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
# `rasa` with the project's patches to Rasa internals applied first (vertebro/__main__.py).
RASA      := $(PY) -m vertebro
MODEL     := models/vertebro.tar.gz
SPACY_OK  := build/spacy/.installed
VENV_OK   := $(VENV)/.installed
WEB_OK    := web/node_modules/.package-lock.json
SUDO      := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
export PYTHONPATH := $(CURDIR)
# Environment defaults live in one table, .env.defaults (scripts/env.sh reads it for the scripts).
# Make reads it for its own commands (rasa train) and its help; the environment wins.
default = $(shell sed -n 's/^$(1)=//p' .env.defaults)
QUIET_TOOLS := TF_CPP_MIN_LOG_LEVEL RASA_TELEMETRY_ENABLED SQLALCHEMY_SILENCE_UBER_WARNING
$(foreach name,$(QUIET_TOOLS),$(eval export $(name) ?= $(call default,$(name))))

TRAIN_INPUTS := config.yml domain.yml $(shell find data -type f -name '*.yml' 2>/dev/null) $(SPACY_OK)

.PHONY: help setup browser run shell train test unit lint report retention forget bench clean scale-deps scale-up scale-down scale-test

help:
	@echo "make run    - set up everything and start the assistant (Rasa :$(call default,RASA_PORT), web page + kiosk :$(call default,WEB_PORT))"
	@echo "make test   - set up everything and run every test"
	@echo "make unit   - the fast tests only: no servers, no apt (tests/ without e2e, browser, scale)"
	@echo "make lint   - ruff check and ruff format --check (ruff pinned in requirements.txt)"
	@echo "make shell  - chat with the assistant in this terminal"
	@echo "make bench  - benchmark production against Rasa's default configuration"
	@echo "make report - questions the assistant could not answer (from the tracker store)"
	@echo "make retention - delete conversations and SMS choices older than RETENTION_DAYS (default $(call default,RETENTION_DAYS))"
	@echo "make forget SENDER=<id> | make forget PHONE=- - delete one patient's conversation"

$(VENV_OK): requirements.txt constraints.txt
	@py=$$(scripts/find_python310.sh) && echo "Using $$py" && \
	  { [ -x $(PY) ] || $$py -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip wheel
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(SPACY_OK): $(VENV_OK) scripts/build_spacy_pipeline.py data/spacy/medication_patterns.txt
	$(PY) scripts/build_spacy_pipeline.py
	touch $@

# Website widget + kiosk: rasa-webchat and axe-core exactly as in web/package-lock.json.
$(WEB_OK): web/package.json web/package-lock.json
	cd web && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Browser tests (tests/browser) use Debian's Chromium and chromedriver.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; }

setup: $(VENV_OK) $(SPACY_OK) $(WEB_OK)

# Retrains only when config, domain, data or the spaCy pipeline changed. --force because Rasa's
# cache fingerprints the spaCy model by name only, not by its contents.
$(MODEL): $(TRAIN_INPUTS) | $(VENV_OK)
	$(RASA) train --fixed-model-name vertebro --force
	touch $@

train: setup $(MODEL)

run: setup $(MODEL)
	scripts/run.sh

shell: setup $(MODEL)
	scripts/run.sh shell

# Every test: scripts/test.sh (validate, NLU, stories, pytest), then the scale-out fault tests
# (tests/scale: PostgreSQL, Redis, nginx, two replicas; about 2 minutes).
test: setup $(MODEL) browser scale-deps
	scripts/test.sh
	$(MAKE) --no-print-directory scale-test

# The inner loop: every test that needs no server (each test folder mirrors the code).
unit: setup $(MODEL)
	$(PY) -m pytest -q -m "not e2e" --ignore=tests/e2e --ignore=tests/browser

lint: $(VENV_OK)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

report: setup
	source scripts/env.sh && $(PY) scripts/report_unanswered.py

# Benchmark: production vs Rasa's default config, same data (bench/README.md); writes
# bench/results.md. Not part of `make test`.
bench: setup $(MODEL)
	source scripts/env.sh && $(PY) bench/run_bench.py

# Delete conversations, and SMS choices and rate-limit buckets, older than RETENTION_DAYS
# (default 90) from the tracker store's database; SMS opt-outs are kept (until START).
retention: setup
	source scripts/env.sh && $(PY) scripts/retention.py

# Delete one patient's conversation on request: SENDER=<conversation id>, or PHONE=<number as
# Twilio sends it, +1...> for SMS (hashed as the SMS channel does; PHONE=- reads it from stdin,
# keeping it out of the shell history). TRACKER_DB_URL=postgresql://... for the scaled store.
forget: setup
	@[ -n "$(SENDER)$(PHONE)" ] || { echo "usage: make forget SENDER=<id> | PHONE=<+1...|->"; exit 2; }
	@source scripts/env.sh && $(PY) scripts/forget.py $(if $(SENDER),--sender '$(SENDER)',--sms-number '$(PHONE)')

# Scale-out topology on loopback (docs/production.md): PostgreSQL, Redis, actions, 2 Rasa, nginx.
scale-deps:
	@command -v nginx >/dev/null && command -v redis-server >/dev/null && \
	  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update && $(SUDO) apt-get install -y postgresql nginx-light redis-server; }

scale-up: $(VENV_OK) $(SPACY_OK) $(MODEL) scale-deps
	scripts/scale/up.sh

scale-down:
	scripts/scale/down.sh

# Fresh topology with the per-sender rate limit off, tests/scale, then stops it (even on failure).
scale-test: $(VENV_OK) $(SPACY_OK) $(MODEL) scale-deps
	scripts/scale/down.sh >/dev/null
	RATE_LIMIT_PER_MINUTE=0 scripts/scale/up.sh
	$(PY) -m pytest -p no:cacheprovider -rxX tests/scale; rc=$$?; scripts/scale/down.sh; exit $$rc

clean:
	rm -rf build results .rasa models/*.tar.gz web/node_modules
