"""The compliance keywords, as carriers and Twilio treat them: STOP and its synonyms (and a
plain "stop texting me") opt out, START opts back in, HELP gets the help text. The replies are
here too; `{phone}` is the scheduling line."""
import re
from typing import Optional, Text

# The industry-standard words, plus REVOKE and OPTOUT, which Twilio also treats as opt-outs.
STOP_KEYWORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"}
START_KEYWORDS = {"START", "UNSTOP"}
# "yes" is also an ordinary answer to the bot ("Is there anything else?"), so it only counts as
# an opt-in keyword for a sender who has opted out.
START_IF_OPTED_OUT_KEYWORDS = {"YES"}
HELP_KEYWORDS = {"HELP", "INFO"}
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
    r")\s*(?:please)?\s*[.!]*\s*$", re.I)

STOP_REPLY = ("You are unsubscribed from the vertebroplasty assistant and will get no more "
              "messages. Reply START to resubscribe.")
START_REPLY = ("You are resubscribed to the vertebroplasty assistant. Ask a question about your "
               "procedure, reply HELP for help or STOP to stop.")
HELP_REPLY = ("Vertebroplasty assistant: answers about your procedure. For scheduling or "
              "questions, call {phone}. Reply STOP to stop.")


def keyword(text: Optional[Text]) -> Optional[Text]:
    """The compliance keyword in a message, if the whole message is one: "stop", "start",
    "start_if_opted_out" or "help" (case-insensitive, surrounding spaces and a closing . or !
    ignored)."""
    word = (text or "").strip().rstrip(".!").strip().upper()
    if word in STOP_KEYWORDS or OPT_OUT_REQUEST.match(text or ""):
        return "stop"
    if word in START_KEYWORDS:
        return "start"
    if word in START_IF_OPTED_OUT_KEYWORDS:
        return "start_if_opted_out"
    if word in HELP_KEYWORDS:
        return "help"
    return None
