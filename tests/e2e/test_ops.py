"""GET /webhooks/ops/ready and /webhooks/ops/metrics on the real server (channels/ops.py,
channels/metrics.py)."""

import re
import uuid

import pytest
import requests

pytestmark = pytest.mark.e2e


def metric(text: str, name: str, **labels) -> float:
    """The value of one sample of the exposition text (0 if absent)."""
    label_text = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    pattern = (
        rf"^{re.escape(name)}"
        + (rf"\{{{re.escape(label_text)}\}}" if labels else "")
        + r" ([0-9.e+-]+)$"
    )
    match = re.search(pattern, text, re.M)
    return float(match.group(1)) if match else 0.0


def test_ready_is_200_with_every_check_ok(servers):
    reply = requests.get(servers.url + "/webhooks/ops/ready", timeout=10)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["status"] == "ready" and body["failed"] == []
    assert body["checks"] == {"model": "ok", "tracker_store": "ok", "action_server": "ok"}


def test_metrics_count_turns_intents_and_escalations_without_text(servers):
    before = requests.get(servers.url + "/webhooks/ops/metrics", timeout=10).text
    sender = "metrics-" + uuid.uuid4().hex
    servers.ask("how long is recovery?", sender)
    servers.ask("my legs went numb and I can't feel them", "metrics-" + uuid.uuid4().hex)
    servers.ask("how much does it cost?", "metrics-" + uuid.uuid4().hex)
    reply = requests.get(servers.url + "/webhooks/ops/metrics", timeout=10)
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("text/plain")
    after = reply.text
    assert (
        metric(after, "vertebro_turns_total", channel="rest")
        >= metric(before, "vertebro_turns_total", channel="rest") + 3
    )
    assert metric(after, "vertebro_answers_total", intent="ask_recovery") >= 1
    assert (
        metric(after, "vertebro_safety_escalations_total", intent="red_flag", tier="emergency")
        >= metric(before, "vertebro_safety_escalations_total", intent="red_flag", tier="emergency")
        + 1
    )
    assert metric(after, "vertebro_out_of_scope_total") >= 1
    assert metric(after, "vertebro_turn_seconds_count") >= 3
    for tier in ("emergency", "crisis", "warning"):
        assert f'tier="{tier}"' in after
    assert sender not in after and "recovery?" not in after and "numb" not in after


def test_ops_routes_refuse_other_methods(servers):
    assert requests.post(servers.url + "/webhooks/ops/ready", timeout=10).status_code == 405
