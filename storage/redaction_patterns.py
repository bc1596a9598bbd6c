"""The patterns storage/redaction.py looks for identifiers with: Presidio's date, e-mail and SSN
recognizers (used as plain PatternRecognizers, see redaction.py for why), written-out dates,
record numbers, street addresses and the cue phrases before a name. Compiled once, at import."""

import re

from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import (
    DateRecognizer,
    EmailRecognizer,
    UsSsnRecognizer,
)

# ---------------------------------------------------------------------- Presidio recognizers
# "mm/yy" is left out: it matches pain scores ("my pain is 8/10") and is rarely a birth date.
_DATE_PATTERNS = [p for p in DateRecognizer.PATTERNS if p.name != "mm/yy or m/yy"] + [
    Pattern("mm-dd-yy", r"\b(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])-\d{2}\b", 0.5),
    Pattern("mm.dd.yyyy", r"\b(0?[1-9]|1[0-2])\.(0?[1-9]|[12][0-9]|3[01])\.(\d{4}|\d{2})\b", 0.5),
]
_DATES = PatternRecognizer(supported_entity="DATE_TIME", patterns=_DATE_PATTERNS, name="date")
_EMAILS = PatternRecognizer(
    supported_entity="EMAIL_ADDRESS", patterns=EmailRecognizer.PATTERNS, name="email"
)
_SSNS = UsSsnRecognizer()

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
# Dates written out: "March 14, 1941", "Mar. 14th", "14 March 1941", "the 14th of March".
WRITTEN_DATE = re.compile(
    rf"\b{_MONTH}\.?\s+{_DAY}\b(?:,?\s+(?:19|20)\d{{2}}\b)?"
    rf"|\b{_DAY}\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+(?:19|20)\d{{2}}\b)?"
    rf"|\b{_MONTH}\.?,?\s+(?:19|20)\d{{2}}\b",
    re.I,
)

# ---------------------------------------------------------------------- record numbers
_ID_CUE = (
    r"(?:mrn|med(?:ical)?\s+rec(?:ord)?(?:\s+(?:number|no|num))?|record\s+(?:number|no|num)"
    r"|chart\s+(?:number|no)|patient\s+(?:id|number|no)|member\s+(?:id|number|no)"
    r"|policy\s+(?:id|number|no)|insurance\s+(?:id|number|no)|group\s+(?:number|no)"
    r"|account\s+(?:number|no)|acct|claim\s+(?:number|no)|case\s+(?:number|no)"
    r"|confirmation\s+(?:number|no|code)|ssn|social\s+security(?:\s+(?:number|no))?"
    r"|social|medicare(?:\s+(?:id|number|no))?|medicaid(?:\s+(?:id|number|no))?"
    r"|subscriber\s+id|id(?:\s+(?:number|no))?)"
)
CUED_ID = re.compile(
    rf"\b{_ID_CUE}\.?\s*(?:#|:|is|=)?\s*(?:#\s*)?"
    r"(?P<id>(?=[A-Za-z0-9-]*\d)[A-Za-z0-9](?:[A-Za-z0-9]|[- ](?=[A-Za-z0-9]*\d)){3,20})",
    re.I,
)
# Without a cue: a run of 6 or more digits (possibly with dashes), or letters with 5+ digits.
BARE_ID = re.compile(r"\b(?:\d[- ]?){5,}\d\b|\b[A-Za-z]{1,4}-?\d{5,}\b")

# ---------------------------------------------------------------------- street addresses
_STREET_TYPE = (
    r"(?:street|st|avenue|ave|av|road|rd|drive|dr|lane|ln|boulevard|blvd|court|ct|"
    r"way|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|"
    r"square|sq|alley|row|crescent|loop|path|pike)"
)
STREET_ADDRESS = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?\s+(?:[NSEW]\.?\s+|north\s+|south\s+|east\s+|west\s+)?"
    rf"(?:[A-Za-z0-9'-]+\.?\s+){{0,3}}{_STREET_TYPE}\b\.?"
    r"(?:,?\s*(?:apt|apartment|unit|suite|ste|#)\.?\s*#?\s*[A-Za-z0-9-]+)?"
    # City, state and ZIP only when capitalised (case-sensitive here): ", Chicago, IL 60640".
    r"(?-i:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:,?\s*(?:[A-Z]{2}|Illinois|Indiana|Wisconsin))?"
    r"(?:\s+\d{5}(?:-\d{4})?)?)?"
    r"|\bp\.?\s?o\.?\s+box\s+\d+\b",
    re.I,
)
# "I live at ..." / "my address is ...": up to the end of the clause, or a comma that starts
# another one (", my cell is ...").
_ADDRESS_CHAR = (
    r"(?!,\s*(?:my|and|i|i'm|im|dob|mrn|phone|cell|email|call|text|when|what|how"
    r"|can|do|is|will|should|thanks)\b)[^.;!?\n]"
)
CUED_ADDRESS = re.compile(
    r"\b(?:i\s+live\s+(?:at|on)|my\s+(?:home\s+|street\s+|mailing\s+)?address\s+is"
    r"|address\s*:|i'?m\s+at|we\s+live\s+(?:at|on))\s+(?P<address>(?:{c})*\d(?:{c})*)".format(
        c=_ADDRESS_CHAR
    ),
    re.I,
)

# ---------------------------------------------------------------------- names
# After these, the next words are a name even in lower case (unless they are known words).
_STRONG_NAME_CUE = (
    r"my\s+name\s+is|my\s+name'?s|name\s*:|name\s+is|call\s+me|patient\s*:"
    r"|patient\s+name\s+is|patient\s+is|signed\s*,?|this\s+is|it'?s"
    r"|my\s+(?:wife|husband|mother|mom|mum|father|dad|son|daughter|sister"
    r"|brother|partner|aunt|uncle|grandmother|grandfather|friend|neighbor"
    r"|caregiver|spouse)(?:'?s\s+name\s+is|,)?"
    r"|(?:thanks|thank\s+you|regards|best|sincerely|cheers|love)\s*[,!.]"
)
# A signature on its own line: "\n- Ann".
_SIGNATURE_CUE = r"(?:^|\n)[ \t]*[-~\u2013\u2014]+"
# "I'm"/"I am": only a capitalised word that is not a known word counts as a name.
_WEAK_NAME_CUE = r"i'?m|i\s+am|im"
# Letters of any script ("Lucía", "Siobhán"); apostrophes and hyphens inside.
_NAME_WORD = r"[^\W\d_][^\W\d_'\u2019-]*(?:['\u2019-][^\W\d_]+)*"
# Lower-case particles inside a family name: "Van der Berg", "de la Cruz".
_PARTICLE = r"(?:van|von|der|den|de|la|le|del|della|da|di|du|dos|bin|al|el|ter)"
NAME_CUES = re.compile(
    rf"(?:(?P<strong>\b(?:{_STRONG_NAME_CUE})|{_SIGNATURE_CUE})|(?P<weak>\b(?:{_WEAK_NAME_CUE})))"
    rf"\s*(?<=\s|-|~|\u2013|\u2014)(?P<name>{_NAME_WORD}(?:\s+(?:[A-Z]\.\s*)?{_NAME_WORD}){{0,3}})",
    re.I,
)
# Salutations and titles that precede a name: "Mrs. Olsen", "Dr Patel".
TITLED_NAME = re.compile(
    rf"\b(?:mr|mrs|ms|miss|mx)\.?\s+(?P<name>[A-Z]{_NAME_WORD}"
    rf"(?:\s+[A-Z]{_NAME_WORD})?)"
)
# Words that follow a cue but are not names, beyond the trained vocabulary.
NOT_NAMES = set(
    """
a an the and or but so if of to in on at by for from with about as is are was be been am not no
yes ok okay just still also really very too here there back home calling writing texting asking
wondering checking getting going having taking trying looking hoping feeling doing being worried
scared nervous afraid anxious confused sure glad happy sorry fine good great well better worse
sick tired new old ready done due booked scheduled allergic diabetic pregnant over under after
before because since that this these those what when where which who why how your my his her
their our its me him them us it he she they we you i im i'm okay sir madam hi hello hey dear
tomorrow today tonight monday tuesday wednesday thursday friday saturday sunday week weeks month
months year years day days hour hours minute minutes morning afternoon evening night next last
one two three four five six seven eight nine ten about around almost only supposed having had
dr doctor nurse patient mom dad wife husband son daughter calling re regarding concerning
""".split()
)
