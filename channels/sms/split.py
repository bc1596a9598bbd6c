"""Replies cut at sentence or word boundaries into message bodies of at most 2 concatenated SMS
segments: MAX_MESSAGE_SEPTETS GSM-7 septets, or the same 2 segments of UCS-2 (134 characters)
for a body with a character outside GSM-7 (channels/sms/gsm.py `sms_length`)."""

import re
from typing import Iterable, List, Text

from channels.sms.gsm import sms_length

# 2 concatenated GSM-7 segments of 153 septets each.
MAX_MESSAGE_SEPTETS = 306

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _hard_cut(word: Text, limit: int) -> List[Text]:
    pieces, current = [], ""
    for char in word:
        if sms_length(current + char, limit) > limit:
            pieces.append(current)
            current = ""
        current += char
    return pieces + ([current] if current else [])


def _pack(units: List[Text], limit: int, separator: Text) -> List[Text]:
    """Greedily join units (each at most `limit`) with `separator` into chunks within `limit`."""
    chunks: List[Text] = []
    current = ""
    for unit in units:
        candidate = current + separator + unit if current else unit
        if sms_length(candidate, limit) <= limit:
            current = candidate
        else:
            if current:
                chunks.append(current)
            current = unit
    if current:
        chunks.append(current)
    return chunks


def _split_sentence(sentence: Text, limit: int) -> List[Text]:
    words: List[Text] = []
    for word in sentence.split():
        words.extend(_hard_cut(word, limit) if sms_length(word, limit) > limit else [word])
    return _pack(words, limit, " ")


def split_text(text: Text, limit: int = MAX_MESSAGE_SEPTETS) -> List[Text]:
    """One paragraph as pieces of at most `limit` septets, cut between sentences if possible,
    else between words; a single word longer than `limit` is cut."""
    text = text.strip()
    if not text:
        return []
    if sms_length(text, limit) <= limit:
        return [text]
    sentences: List[Text] = []
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        if not sentence:
            continue
        sentences.extend(
            _split_sentence(sentence, limit) if sms_length(sentence, limit) > limit else [sentence]
        )
    return _pack(sentences, limit, " ")


def split_for_sms(paragraphs: Iterable[Text], limit: int = MAX_MESSAGE_SEPTETS) -> List[Text]:
    """Paragraphs as few message bodies as possible, each at most `limit` GSM-7 septets.
    Paragraphs are joined with a line break; a long paragraph is split cleanly."""
    pieces: List[Text] = []
    for paragraph in paragraphs:
        pieces.extend(split_text(paragraph, limit))
    return _pack(pieces, limit, "\n")
