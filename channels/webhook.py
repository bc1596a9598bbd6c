"""The blueprint every project channel serves under /webhooks/<channel>/: `GET /` (liveness,
as Rasa's own channels answer it) and `POST /webhook`, handled by the channel's `receive`."""

from typing import Awaitable, Callable, Text

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse


def webhook_blueprint(
    name: Text, receive: Callable[[Request], Awaitable[HTTPResponse]]
) -> Blueprint:
    """A blueprint called `name` with the health route and `receive` on POST /webhook."""
    blueprint = Blueprint(name, __name__)

    @blueprint.route("/", methods=["GET"])
    async def health(_: Request) -> HTTPResponse:
        return response.json({"status": "ok"})

    @blueprint.route("/webhook", methods=["POST"])
    async def webhook(request: Request) -> HTTPResponse:
        return await receive(request)

    return blueprint
