"""Tokens of organisation names: words, initials and punctuation with offsets, and the head words.

A head word ("University", "Ministry", "Laboratory", "Forum"...) makes a name of one kind; `head_kind`
says which. Shared by orgs.py (names), org_spans.py (how far a name reaches) and people.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.gazetteer import MONTH_WORDS, STOP_CAPS

HEADS = {
    **dict.fromkeys(
        ["university", "universities", "universiteti", "polytechnic", "conservatory", "conservatoire"], "U"
    ),
    **dict.fromkeys(["institute", "college", "academy", "school"], "I"),
    **dict.fromkeys(
        [
            "ministry",
            "embassy",
            "consulate",
            "council",
            "committee",
            "corporation",
            "company",
            "group",
            "agency",
            "foundation",
            "bank",
            "administration",
            "government",
            "commission",
            "society",
            "union",
            "federation",
            "chamber",
            "parliament",
            "majilis",
            "mazhilis",
            "senate",
            "fund",
            "lyceum",
            "association",
            "organization",
            "organisation",
            "bureau",
            "corps",
            "concern",
            "oilfield",
            "zone",
            "headquarters",
            "akimat",
            "akimiat",
            "hokimiyat",
            "khokimiyat",
        ],
        "O",
    ),
    **dict.fromkeys(
        [
            "laboratory",
            "laboratories",
            "lab",
            "center",
            "centre",
            "department",
            "faculty",
            "faculties",
            "classroom",
            "office",
            "hospital",
        ],
        "L",
    ),
    **dict.fromkeys(["alliance", "consortium", "initiative", "network"], "N"),
    **dict.fromkeys(
        ["conference", "forum", "summit", "exhibition", "symposium", "seminar", "festival", "congress", "expo"], "E"
    ),
}
KIND_LABEL = {"U": "University", "O": "Organization", "L": "Lab", "N": "Initiative", "E": "Event"}
LOWERCASE_HEADS = {"embassy", "ministry", "consulate"}
PLURAL_HEADS = {"universities", "laboratories", "faculties"}
UNIVERSITY_MODS = {"state", "national", "vocational", "pedagogical", "medical", "polytechnic", "technical",
                   "technological", "normal", "agrarian", "agricultural", "teachers", "language", "linguistic",
                   "economic", "humanitarian", "university", "international"}  # fmt: skip
POSSESSIVES = frozenset({"'s", "’s"})
_UPPER = "[A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ]"
"""A capital letter, Turkmen, Uzbek and Kazakh Latin ones included ('Ö. Ataýewa', 'Ş. Orazow')."""
TOKEN = re.compile(rf"(?:{_UPPER}[a-z]?\.){{1,3}}(?![a-z])|[“”\"«»]|[^\W_][\w'’]*(?:[-–][^\W_][\w'’]*)*|[()&,;:–—-]|\S")
ABBR = re.compile(r"^[A-Z][A-Za-z]{0,6}[A-Z]$|^[A-Z]{2,8}$")
INITIALS = re.compile(rf"^(?:{_UPPER}[a-z]?\.){{1,3}}$")


@dataclass
class Token:
    """One token of a sentence with its character offsets."""

    text: str
    start: int
    end: int
    taken: bool = False

    @property
    def bare(self) -> str:
        """The word without a possessive 's (a plain property: Python 3.11's cached_property takes a lock per token)."""
        text = self.text
        return text[:-2] if text[-2:] in POSSESSIVES else text


def tokenize(text: str) -> list[Token]:
    """Words, initials, quotes and punctuation with offsets (fresh tokens: callers mark them `taken`)."""
    return [Token(word, start, end) for word, start, end in _spans(text)]


@lru_cache(maxsize=4096)
def _spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """The token spans of a text, kept: a sentence is tokenized by mentions, orgs, people and extract in turn."""
    return tuple([(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)])


def is_cap(token: Token) -> bool:
    """A capitalised word that can be part of a name."""
    word = token.text
    return word[:1].isupper() and word.lower() not in STOP_CAPS and word.lower() not in MONTH_WORDS


def head_kind(token: Token) -> str | None:
    """The kind of organisation a head word makes, if the token is one."""
    word = token.bare.lower()
    if word not in HEADS:
        return None
    if token.text[:1].isupper() or word in LOWERCASE_HEADS:
        return HEADS[word]
    return None
