"""Buttons as numbered choices: "Reply 1 for <title>, 2 for <title>.", and a reply of just "1"
mapped back to that button's payload. Buttons that are not intents (tel: links...) are dropped:
the number is already in the text on this channel."""

from typing import Any, Dict, Iterable, List, Optional, Text, Tuple

from channels.choices import is_intent_payload
from channels.sms.gsm import to_gsm
from channels.sms.plain_text import sms_text

# "Reply 1 for A, 2 for B." in the reply's language (the Spanish awaits review).
CHOICE_WORDS = {"en": ("Reply", "for"), "es": ("Responda", "para")}


def choice_title(title: Any) -> Text:
    """A button title as it reads inside "Reply 1 for <title>, ...": no closing ?/./!, no
    opening ¿¡."""
    return sms_text(str(title or "")).replace("\n", " ").strip().rstrip("?.!,;: ").lstrip("¿¡")


def choices_line(titles: List[Text], first_number: int = 1, language: Text = "en") -> Text:
    """ "Reply 1 for A, 2 for B." numbered from `first_number`."""
    reply_word, for_word = CHOICE_WORDS.get(language, CHOICE_WORDS["en"])
    parts = [f"{number} {for_word} {title}" for number, title in enumerate(titles, first_number)]
    return f"{reply_word} " + ", ".join(parts) + "."


def render_messages(
    messages: Iterable[Dict[Text, Any]], language: Text = "en"
) -> Tuple[List[Text], List[Text]]:
    """The bot's messages of one turn as SMS paragraphs, and the payloads of the choices offered.

    Buttons are numbered across the whole turn; only buttons with an intent payload are kept.
    Images and attachments are sent as their URL; custom JSON is not sent.
    """
    paragraphs: List[Text] = []
    payloads: List[Text] = []
    for message in messages:
        text = sms_text(message.get("text") or "")
        if text:
            paragraphs.append(text)
        for key in ("image", "attachment"):
            if isinstance(message.get(key), str) and message[key].strip():
                paragraphs.append(to_gsm(message[key].strip()))
        titles = []
        for button in message.get("buttons") or []:
            if not isinstance(button, dict) or not is_intent_payload(button.get("payload")):
                continue
            title = choice_title(button.get("title"))
            if title:
                titles.append(title)
                payloads.append(button["payload"].strip())
        if titles:
            paragraphs.append(choices_line(titles, len(payloads) - len(titles) + 1, language))
    return paragraphs, payloads


def chosen_payload(text: Optional[Text], payloads: List[Text]) -> Optional[Text]:
    """The payload of the numbered choice a reply picks ("1" -> payloads[0]), if it picks one."""
    value = (text or "").strip()
    if not value.isdigit() or not value.isascii():
        return None
    number = int(value)
    if 1 <= number <= len(payloads):
        return payloads[number - 1]
    return None
