"""Operations endpoints on each Rasa server, for the IT team (docs/production.md):

- GET /webhooks/ops/ready: 200 {"status": "ready", "checks": {...}} when the model is loaded
  and the tracker store, the lock store (when it is Redis) and the action server answer; 503
  {"status": "not ready", "failed": [...], "checks": {...}} naming what failed. `GET /` stays
  the liveness check. Each check says only "ok" or the error's type, never a URL or secret.
- GET /webhooks/ops/metrics: Prometheus text format (channels/metrics.py).

Registered in credentials.yml as `channels.ops.OpsInput` (an input channel only for its routes).
nginx does not pass /webhooks/ops/ on its public listener (scripts/scale/nginx.conf.template):
Prometheus and the orchestrator's probes reach each replica directly.
"""

import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

import aiohttp
import sqlalchemy as sa
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.lock_store import RedisLockStore
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import metrics

logger = logging.getLogger(__name__)

CHECK_TIMEOUT_SECONDS = 2.0
OK = "ok"


def check_model(agent: Any) -> Text:
    if agent is None or not agent.is_ready() or getattr(agent, "processor", None) is None:
        return "not loaded"
    return OK


def check_tracker_store(agent: Any) -> Text:
    store = getattr(agent, "tracker_store", None)
    inner = getattr(store, "_tracker_store", store)
    engine = getattr(inner, "engine", None)
    if engine is None:
        return OK if store is not None else "missing"
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as error:
        return type(error).__name__
    return OK


def check_lock_store(agent: Any) -> Optional[Text]:
    """None when the lock store is Rasa's in-memory one (nothing to check)."""
    lock_store = getattr(agent, "lock_store", None)
    if not isinstance(lock_store, RedisLockStore):
        return None
    try:
        lock_store.red.ping()
    except Exception as error:
        return type(error).__name__
    return OK


def health_url(action_url: Text) -> Text:
    """rasa-sdk's health endpoint beside its webhook: .../webhook -> .../health."""
    base = action_url.rstrip("/")
    if base.endswith("/webhook"):
        base = base[: -len("/webhook")]
    return base + "/health"


async def check_action_server(agent: Any) -> Optional[Text]:
    endpoint = getattr(agent, "action_endpoint", None)
    url = getattr(endpoint, "url", None)
    if not url:
        return None
    try:
        timeout = aiohttp.ClientTimeout(total=CHECK_TIMEOUT_SECONDS)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async with session.get(health_url(url)) as reply:
                return OK if reply.status == 200 else f"HTTP {reply.status}"
    except (aiohttp.ClientError, asyncio.TimeoutError) as error:
        return type(error).__name__


async def readiness(agent: Any) -> Dict[Text, Any]:
    model = check_model(agent)
    checks: Dict[Text, Text] = {"model": model}
    if agent is not None:
        checks["tracker_store"] = check_tracker_store(agent)
        lock = check_lock_store(agent)
        if lock is not None:
            checks["lock_store"] = lock
        action = await check_action_server(agent)
        if action is not None:
            checks["action_server"] = action
    failed = sorted(name for name, result in checks.items() if result != OK)
    return {"status": "not ready" if failed else "ready", "failed": failed, "checks": checks}


class OpsInput(InputChannel):
    """Not a chat channel: /webhooks/ops/ready and /webhooks/ops/metrics."""

    @classmethod
    def name(cls) -> Text:
        return "ops"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        metrics.count_action_errors()
        ops = Blueprint("ops_webhook", __name__)

        @ops.route("/ready", methods=["GET"])
        async def ready(request: Request) -> HTTPResponse:
            result = await readiness(getattr(request.app.ctx, "agent", None))
            if result["failed"]:
                logger.warning("not ready: %s", ", ".join(result["failed"]))
            return response.json(result, status=503 if result["failed"] else 200)

        @ops.route("/metrics", methods=["GET"])
        async def metrics_text(_: Request) -> HTTPResponse:
            return response.raw(metrics.exposition(), content_type=metrics.CONTENT_TYPE)

        return ops
