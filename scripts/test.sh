#!/usr/bin/env bash
# Every test, in order: data validation, held-out NLU accuracy, test stories, then pytest
# (unit tests, content guards and end-to-end tests against the real servers).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
VENV=.venv
MODEL=models/vertebro.tar.gz
mkdir -p results

echo "== rasa data validate"
$VENV/bin/python -m vertebro data validate --fail-on-warnings > results/validate.log 2>&1 \
  || { tail -30 results/validate.log; exit 1; }
echo "no errors, no warnings"

echo "== held-out NLU test set (rasa test nlu)"
$VENV/bin/python -m vertebro test nlu --nlu tests/nlu/test_nlu.yml --model $MODEL --out results/nlu \
  > results/nlu.log 2>&1 || { tail -30 results/nlu.log; exit 1; }
$VENV/bin/python scripts/nlu_report.py results/nlu

echo "== test stories (rasa test core --fail-on-prediction-errors)"
$VENV/bin/python -m vertebro test core --stories tests/test_stories.yml --model $MODEL --out results/core \
  --fail-on-prediction-errors > results/core.log 2>&1 || { tail -30 results/core.log; exit 1; }
grep -h "Correct:" results/core.log | tail -1 | sed 's/.*INFO *//'

echo "== pytest"
exec $VENV/bin/python -m pytest "$@"
