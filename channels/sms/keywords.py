"""The compliance keywords, as carriers and Twilio treat them: STOP and its synonyms (and a
plain "stop texting me") opt out, START opts back in, HELP gets the help text; in Spanish too
(ALTO, PARAR, CANCELAR, BAJA, "no me manden más mensajes"; COMENZAR; AYUDA), answered in the
keyword's language. The replies are here too; `{phone}` is the scheduling line. The Spanish
replies await review by a medical translator (docs/translation-review.md)."""

import re
from typing import Optional, Text

# The industry-standard words, plus REVOKE and OPTOUT, which Twilio also treats as opt-outs.
STOP_KEYWORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"}
START_KEYWORDS = {"START", "UNSTOP"}
# "yes" is also an ordinary answer to the bot ("Is there anything else?"), so it only counts as
# an opt-in keyword for a sender who has opted out.
START_IF_OPTED_OUT_KEYWORDS = {"YES", "SI", "SÍ"}
# Spanish (issue 14). Twilio's own keyword handling knows the English words only: with its
# Advanced Opt-Out on, add these there too (docs/sms.md).
SPANISH_STOP_KEYWORDS = {"ALTO", "PARAR", "CANCELAR", "BAJA"}
SPANISH_START_KEYWORDS = {"COMENZAR"}
SPANISH_HELP_KEYWORDS = {"AYUDA"}
STOP_KEYWORDS = STOP_KEYWORDS | SPANISH_STOP_KEYWORDS
START_KEYWORDS = START_KEYWORDS | SPANISH_START_KEYWORDS
HELP_KEYWORDS = {"HELP", "INFO"} | SPANISH_HELP_KEYWORDS
# Plain requests to stop, as a whole message: "stop texting me", "please don't text me again",
# "unsubscribe me", "remove me from this list", "no more texts".
OPT_OUT_REQUEST = re.compile(
    r"^\s*(?:please\s+)?(?:"
    r"(?:stop|quit|cease)\s+(?:texting|messaging|sending|contacting|txting|texing)(?:\s+(?:me|us))?"
    r"(?:\s+(?:messages|texts))?(?:\s+(?:now|please|again|anymore|any\s+more))*"
    r"|(?:do\s+not|don'?t|dont)\s+(?:text|message|contact|txt)\s+(?:me|us)"
    r"(?:\s+(?:again|anymore|any\s+more|please))*"
    r"|(?:unsubscribe|opt\s*out|remove)\s+me(?:\s+from\s+(?:this|the|your)\s+(?:list|texts|messages))?"
    r"|no\s+more\s+(?:texts|messages|txts)(?:\s+please)?"
    r")\s*(?:please)?\s*[.!]*\s*$",
    re.I,
)

STOP_REPLY = (
    "You are unsubscribed from the vertebroplasty assistant and will get no more "
    "messages. Reply START to resubscribe."
)
START_REPLY = (
    "You are resubscribed to the vertebroplasty assistant. Ask a question about your "
    "procedure, reply HELP for help or STOP to stop."
)
HELP_REPLY = (
    "Vertebroplasty assistant: answers about your procedure. For scheduling or "
    "questions, call {phone}. Reply STOP to stop."
)
SPANISH_WORDS = (
    SPANISH_STOP_KEYWORDS | SPANISH_START_KEYWORDS | SPANISH_HELP_KEYWORDS | {"SI", "SÍ"}
)
# Plain Spanish requests to stop, as a whole message.
SPANISH_OPT_OUT_REQUEST = re.compile(
    r"^\s*(?:por\s+favor\s+)?(?:"
    r"(?:ya\s+)?no\s+(?:me\s+)?(?:manden|envien|envíen|escriban|mande|envie|envíe|escriba)"
    r"(?:\s+(?:mas|más))?(?:\s+(?:mensajes|textos))?(?:\s+(?:mas|más))?"
    r"|(?:ya\s+)?no\s+quiero\s+(?:recibir\s+)?(?:mas\s+|más\s+)?(?:mensajes|textos)"
    r"|(?:dejen|deje)\s+de\s+(?:enviarme|mandarme|escribirme)(?:\s+mensajes)?"
    r"|(?:quiero\s+)?darme\s+de\s+baja"
    r")\s*(?:por\s+favor)?\s*[.!]*\s*$",
    re.I,
)
REPLIES = {
    "en": {"stop": STOP_REPLY, "start": START_REPLY, "help": HELP_REPLY},
    "es": {
        "stop": (
            "Se dio de baja del asistente de vertebroplastia. No recibirá más mensajes. "
            "Para volver a recibirlos, responda COMENZAR o START."
        ),
        "start": (
            "Se suscribió de nuevo al asistente de vertebroplastia. Haga una pregunta sobre "
            "su procedimiento. Responda AYUDA para ayuda o ALTO para parar."
        ),
        "help": (
            "Asistente de vertebroplastia: le da respuestas sobre su procedimiento. Si tiene "
            "preguntas o quiere una cita, llame al {phone}. Responda ALTO para parar."
        ),
    },
}


def keyword(text: Optional[Text]) -> Optional[Text]:
    """The compliance keyword in a message, if the whole message is one: "stop", "start",
    "start_if_opted_out" or "help" (case-insensitive, surrounding spaces and a closing . or !
    ignored)."""
    word = (text or "").strip().rstrip(".!").strip().upper()
    if (
        word in STOP_KEYWORDS
        or OPT_OUT_REQUEST.match(text or "")
        or SPANISH_OPT_OUT_REQUEST.match(text or "")
    ):
        return "stop"
    if word in START_KEYWORDS:
        return "start"
    if word in START_IF_OPTED_OUT_KEYWORDS:
        return "start_if_opted_out"
    if word in HELP_KEYWORDS:
        return "help"
    return None


def keyword_language(text: Optional[Text]) -> Text:
    """ "es" for a Spanish keyword or request, else "en": the language its reply is in."""
    word = (text or "").strip().rstrip(".!").strip().upper()
    if word in SPANISH_WORDS or SPANISH_OPT_OUT_REQUEST.match(text or ""):
        return "es"
    return "en"


def reply(kind: Text, language: Text) -> Text:
    """The confirmation for `kind` ("stop", "start", "help") in `language`."""
    return REPLIES.get(language, REPLIES["en"])[kind]
