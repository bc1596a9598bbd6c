"""The widget's socket.io channel: link buttons keep their URL; bad events are ignored."""

from typing import List

import pytest
from rasa.core.channels.channel import UserMessage

from actions.contact import call_button
from channels.socketio_channel import SocketIOInput, SocketIOOutput, allowed_origins
from storage.tracker_store import TrackerStoreUnavailable
from tests.helpers import apply_rasa_patches

apply_rasa_patches()  # as `python -m vertebro run` does (patch 5: the CORS headers)


class FakeSio:
    def __init__(self):
        self.emitted = []

    async def emit(self, event, data=None, room=None, **kwargs):
        self.emitted.append((event, data, room))


@pytest.fixture
def sio():
    return FakeSio()


async def test_call_button_is_sent_as_a_link(sio):
    output = SocketIOOutput(sio, "bot_uttered")
    await output.send_text_with_buttons("session-1", "Tap to call:", [call_button("847.570.2160")])
    [(event, message, room)] = sio.emitted
    assert (event, room) == ("bot_uttered", "session-1")
    # rasa-webchat 1.0.1 renders {type: web_url, url} as <a class="rw-reply" href=url>, and
    # treats a message as buttons only when it has exactly `text` and `buttons`/`quick_replies`.
    assert message == {
        "text": "Tap to call:",
        "buttons": [{"type": "web_url", "title": "Call 847.570.2160", "url": "tel:+18475702160"}],
    }


async def test_postback_buttons_stay_quick_replies(sio):
    output = SocketIOOutput(sio, "bot_uttered")
    await output.send_text_with_buttons(
        "s",
        "First part.\n\nPick one:",
        [
            {"title": "Recovery", "payload": "/ask_recovery"},
            {"title": "Call", "type": "web_url", "url": "tel:+18475702160", "payload": "x"},
        ],
    )
    messages = [data for _, data, _ in sio.emitted]
    assert messages == [
        {"text": "First part.", "quick_replies": []},
        {
            "text": "Pick one:",
            "quick_replies": [
                {"content_type": "text", "title": "Recovery", "payload": "/ask_recovery"},
                {"type": "web_url", "title": "Call", "url": "tel:+18475702160"},
            ],
        },
    ]


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "http://example.org", "data:text/html,x", None]
)
async def test_links_other_than_tel_or_https_are_not_sent_as_links(sio, url):
    output = SocketIOOutput(sio, "bot_uttered")
    await output.send_text_with_buttons(
        "s", "Text", [{"title": "Go", "type": "web_url", "url": url, "payload": "/greet"}]
    )
    [(_, message, _)] = sio.emitted
    assert message == {
        "text": "Text",
        "quick_replies": [{"content_type": "text", "title": "Go", "payload": "/greet"}],
    }


def make_channel():
    return SocketIOInput.from_credentials(
        {
            "user_message_evt": "user_uttered",
            "bot_message_evt": "bot_uttered",
            "session_persistence": True,
            "metadata_key": "customData",
        }
    )


async def deliver(data) -> List[UserMessage]:
    received: List[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)

    channel = make_channel()
    channel.blueprint(on_new_message)
    handler = channel.sio.handlers["/"]["user_uttered"]
    await handler("sid-1", data)
    return received


async def test_a_widget_message_reaches_the_bot_with_this_output_channel():
    [message] = await deliver(
        {
            "message": "how long is\x00 recovery",
            "session_id": "abc123",
            "customData": {"language": "en"},
        }
    )
    assert message.text == "how long is recovery"
    assert message.sender_id == "abc123"
    assert message.input_channel == "socketio"
    assert message.metadata == {"language": "en"}
    assert isinstance(message.output_channel, SocketIOOutput)


def test_channel_and_output_names_are_unchanged():
    channel = make_channel()
    assert channel.name() == "socketio"
    assert SocketIOOutput.name() == "socketio"
    channel.blueprint(lambda message: None)
    assert isinstance(channel.get_output_channel(), SocketIOOutput)


async def test_long_messages_are_cut():
    [message] = await deliver({"message": "a" * 5000, "session_id": "abc"})
    assert len(message.text) == 1000


@pytest.mark.parametrize(
    "data",
    [
        "just a string",
        None,
        {"message": "hi"},
        {"message": "hi", "session_id": ""},
        {"message": "hi", "session_id": "../../etc"},
        {"message": "hi", "session_id": 5},
        {"message": {"nested": 1}, "session_id": "abc"},
    ],
)
@pytest.mark.filterwarnings("ignore::UserWarning")
async def test_malformed_events_are_ignored(data):
    assert await deliver(data) == []


@pytest.mark.parametrize("metadata", ['{"language": "en"', "[1, 2]", 7])
async def test_bad_metadata_becomes_empty(metadata):
    [message] = await deliver({"message": "hi", "session_id": "abc", "customData": metadata})
    assert message.metadata == {}


@pytest.mark.parametrize(
    "env,expected",
    [
        ({"CORS_ORIGINS": "http://127.0.0.1:8081"}, ["http://127.0.0.1:8081"]),
        (
            {"CORS_ORIGINS": " https://a.example/ , https://b.example:8443,"},
            ["https://a.example", "https://b.example:8443"],
        ),
        ({"WEB_PORT": "9000"}, ["http://localhost:9000"]),
        ({}, ["http://localhost:8080"]),
        ({"CORS_ORIGINS": "*"}, "*"),
    ],
)
def test_allowed_origins_come_from_cors_origins(monkeypatch, env, expected):
    monkeypatch.delenv("CORS_ORIGINS", raising=False)
    monkeypatch.delenv("WEB_PORT", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert allowed_origins() == expected


def test_engineio_checks_the_origin_but_leaves_the_cors_headers_to_sanic_cors(monkeypatch):
    monkeypatch.setenv("CORS_ORIGINS", "http://127.0.0.1:8081")
    channel = make_channel()
    channel.blueprint(lambda message: None)
    eio = channel.sio.eio
    # [] (Rasa's value) would switch the Origin check off
    assert eio.cors_allowed_origins == ["http://127.0.0.1:8081"]
    environ = {
        "HTTP_ORIGIN": "http://127.0.0.1:8081",
        "REQUEST_METHOD": "GET",
        "wsgi.url_scheme": "http",
        "HTTP_HOST": "127.0.0.1:5005",
    }
    assert eio._cors_allowed_origins(environ) == ["http://127.0.0.1:8081"]
    assert eio._cors_headers(environ) == []


@pytest.mark.parametrize(
    "failure,expected",
    [
        (TrackerStoreUnavailable("OperationalError"), "can't answer right now"),
        (RuntimeError("boom"), "something went wrong"),
    ],
)
async def test_a_failed_turn_gets_an_apology_with_the_line_not_silence(failure, expected, phone):
    async def on_new_message(message: UserMessage) -> None:
        raise failure

    channel = make_channel()
    channel.blueprint(on_new_message)
    emitted = []

    async def emit(event, data=None, room=None, **kwargs):
        emitted.append((event, data, room))

    channel.sio.emit = emit
    await channel.sio.handlers["/"]["user_uttered"]("sid-1", {"message": "hi", "session_id": "abc"})
    [(event, data, room)] = emitted
    assert event == "bot_uttered" and room == "sid-1"
    assert expected in data["text"] and phone in data["text"]
