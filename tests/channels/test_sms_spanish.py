"""SMS in Spanish (issue 14): Spanish keywords answered in Spanish, numbered choices in
Spanish, and accented replies sized as UCS-2 (70 characters a segment, 67 concatenated)."""

import pytest

from channels.sms.channel import SmsInput, reply_language
from channels.sms.gsm import is_gsm, sms_length, to_sms, ucs2_length
from channels.sms.keywords import REPLIES, keyword, keyword_language
from channels.sms.menus import choice_title, render_messages
from channels.sms.split import MAX_MESSAGE_SEPTETS, split_for_sms
from channels.sms.state import ConversationStore
from tests.channels.test_sms import SECRET, TOKEN, URL, bodies, post

SPANISH_ANSWER = (
    "La recuperación dura de 4 a 6 horas. Puede irse a casa el mismo día de su "
    "procedimiento. Debería sentir alivio del dolor a las pocas horas del "
    "procedimiento. Su radiólogo programará una cita de seguimiento de 1 a 2 "
    "semanas después de su procedimiento. Es para ver cómo sigue usted."
)


@pytest.mark.parametrize(
    "text,kind",
    [
        ("ALTO", "stop"),
        ("parar", "stop"),
        ("Cancelar", "stop"),
        ("BAJA", "stop"),
        ("no me manden más mensajes", "stop"),
        ("ya no quiero recibir mensajes", "stop"),
        ("dejen de enviarme mensajes", "stop"),
        ("COMENZAR", "start"),
        ("AYUDA", "help"),
        ("sí", "start_if_opted_out"),
        ("STOP", "stop"),
        ("HELP", "help"),
    ],
)
def test_spanish_keywords_are_keywords(text, kind):
    assert keyword(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "alto dolor de espalda",
        "¿cancelar mi cita?",
        "ayuda con la preparación",
        "no me manden la factura",
    ],
)
def test_longer_messages_are_questions_not_keywords(text):
    assert keyword(text) is None


def test_a_keyword_is_answered_in_its_language():
    assert keyword_language("ALTO") == "es" and keyword_language("STOP") == "en"
    assert keyword_language("no me manden más mensajes") == "es"


def fresh_channel():
    return SmsInput(TOKEN, URL, SECRET, phone="847.570.2160", store=ConversationStore())


class SpanishBot:
    def __init__(self):
        self.received = []

    async def __call__(self, message):
        self.received.append(message)
        await message.output_channel.send_response(
            message.sender_id,
            {
                "text": "¡Hola! Puedo responder a sus preguntas sobre su vertebroplastia.",
                "buttons": [
                    {"title": "¿Qué es?", "payload": "/ask_what_is"},
                    {"title": "¿Cómo me preparo?", "payload": "/ask_prepare"},
                ],
            },
        )


async def test_alto_opts_out_in_spanish_and_nothing_is_sent_until_comenzar():
    channel, bot = fresh_channel(), SpanishBot()
    _, document = await post(channel, bot, "ALTO")
    assert bodies(document) == [REPLIES["es"]["stop"].replace("á", "a")]
    assert is_gsm(bodies(document)[0])  # folded: one GSM-7 segment, not UCS-2
    _, document = await post(channel, bot, "¿cuánto dura la recuperación?")
    assert bodies(document) == [] and bot.received == []
    _, document = await post(channel, bot, "AYUDA")
    assert bodies(document) == []  # after an opt-out, nothing until START
    _, document = await post(channel, bot, "COMENZAR")
    assert "Se suscribio de nuevo" in bodies(document)[0]
    _, document = await post(channel, bot, "AYUDA")
    assert "847.570.2160" in bodies(document)[0] and "ALTO" in bodies(document)[0]


async def test_numbered_choices_in_spanish():
    channel, bot = fresh_channel(), SpanishBot()
    _, document = await post(channel, bot, "hola")
    [body] = bodies(document)
    assert "Responda 1 para Qué es, 2 para Cómo me preparo." in body
    _, document = await post(channel, bot, "2")
    assert bot.received[-1].text == "/ask_prepare"


def test_english_choices_stay_english():
    paragraphs, _ = render_messages(
        [{"text": "Hello!", "buttons": [{"title": "What is it?", "payload": "/ask_what_is"}]}]
    )
    assert paragraphs[-1] == "Reply 1 for What is it."
    assert reply_language([{"text": "Recovery takes 4 to 6 hours. You can go home."}]) == "en"
    assert reply_language([{"text": SPANISH_ANSWER}]) == "es"


def test_spanish_keeps_its_accents_and_is_sized_as_ucs2():
    text = to_sms(SPANISH_ANSWER)
    assert "recuperación" in text and not is_gsm(text)
    pieces = split_for_sms([text])
    assert len(pieces) > 1 and "".join(pieces).replace(" ", "") == text.replace(" ", "")
    for piece in pieces:
        assert ucs2_length(piece) <= 2 * 67  # two concatenated UCS-2 segments
        assert sms_length(piece, MAX_MESSAGE_SEPTETS) <= MAX_MESSAGE_SEPTETS
    # The same text folded to GSM-7 would fit in fewer, longer bodies: sizing follows the
    # alphabet the phone will use.
    assert sms_length("a" * 134, MAX_MESSAGE_SEPTETS) == 134
    assert sms_length("á" * 134, MAX_MESSAGE_SEPTETS) == MAX_MESSAGE_SEPTETS
    assert sms_length("á" * 135, MAX_MESSAGE_SEPTETS) > MAX_MESSAGE_SEPTETS


def test_a_title_loses_its_opening_question_mark():
    assert choice_title("¿Qué es?") == "Qué es"
    assert choice_title("¡Hola!") == "Hola"


def test_english_punctuation_is_still_replaced():
    assert to_sms("It\u2019s done \u2013 go home\u2026") == "It's done - go home..."
    assert is_gsm(to_sms("It\u2019s done \u2013 go home\u2026"))
