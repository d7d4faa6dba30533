"""Rules for the tail of a release: end marks ("###"), closings, contacts for the press."""

from __future__ import annotations

import re
from functools import cache

from feedsvc.readers import vocabulary
from feedsvc.readers.rules.words import ends_sentence

_END_MARK = re.compile(r"^(?:#(?:\s*#){2,}|\*(?:\s*\*){2,}|-30-|[-–—]\s*\d+\s*[-–—])$")


@cache
def _closing() -> re.Pattern:
    closings = vocabulary.phrase_pattern("closings")
    notes = vocabulary.phrase_pattern("notes")
    return re.compile(rf"^(?:#(?:\s*#){{2,}}|-30-|[-–—\s]*(?:{closings})[-–—\s.]*|(?:{notes})\W*)$", re.IGNORECASE)


def is_end_mark(text: str) -> bool:
    """A mark that may close a text or break it into sections: "###", "* * *", "-30-"."""
    return bool(_END_MARK.match(text.strip()))


def is_closing(text: str) -> bool:
    """A line after which the release is over: "ENDS", "-30-", "###", "Notes to editors", "Примечание для
    редакций"; what follows is for journalists, not readers."""
    return bool(_closing().match(text.strip()))


CONTACT_MAX_CHARS = 300


CONTACT_DATA_MAX_CHARS = 160


CONTACT_DATA_MAX_WORDS = 6


EMAIL_OR_PHONE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+\d[\d\s()\-]{6,}\d")


_LETTER_WORDS = re.compile(r"[^\W\d_]{2,}")


@cache
def _contact_label() -> re.Pattern:
    return re.compile(rf"^\W*(?:{vocabulary.phrase_pattern('contact_labels')})\s*:", re.IGNORECASE)


@cache
def _contact_label_bare() -> re.Pattern:
    return re.compile(rf"^\W*(?:{vocabulary.phrase_pattern('contact_labels')})\b", re.IGNORECASE)


def is_contact(text: str) -> bool:
    """A press-contact paragraph at the end ("Press contact: Anna Petrova, +7 495 000 00 00", an e-mail address
    with a name): contact data, not text."""
    if len(text) > CONTACT_MAX_CHARS:
        return False
    if _contact_label().match(text):
        return True
    if len(text) > CONTACT_DATA_MAX_CHARS or not EMAIL_OR_PHONE.search(text) or ends_sentence(text):
        return False
    return len(_LETTER_WORDS.findall(EMAIL_OR_PHONE.sub(" ", text))) <= CONTACT_DATA_MAX_WORDS


def is_contact_label_row(text: str) -> bool:
    """The label row of a contact table ("Press contact | Anna Petrova"), without a colon: contact data only when
    it stands right above other contact data."""
    return len(text) <= CONTACT_DATA_MAX_CHARS and bool(_contact_label_bare().match(text)) and not ends_sentence(text)
