"""Concrete joint programmes ("2+2 joint undergraduate program in International e-commerce", "double-degree
programme in Petroleum Engineering", "joint training program of the Luban Workshop") and what owns them.

A programme counts only when the article describes a concrete one: a joint/double-degree/N+N marker
right before "program(me)" and either a field or owner tail ("in X", "in the field of X", "of the Y",
"according to the 2+2 scheme ...") or a degree scheme of its own ("2+2", "double-degree"). Plural
"joint educational programs" are a topic, not a programme.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.agreement_parts import main_pair

if TYPE_CHECKING:
    from loaders.relations import Context

_SCHEME = r"[“\"«]?\d\s?\+\s?\d[”\"»]?"
_MOD = (
    rf"(?:{_SCHEME}|(?i:double|dual|joint|twin)[- ]degree|(?i:joint|double|dual|undergraduate|graduate|postgraduate"
    r"|bachelor['’]?s?|master['’]?s?|masters|doctoral|ph\.?d\.?|degree|educational|education|training|academic"
    r"|international|diploma|specialist|vocational|cooperative|co-operative)|[A-Z][a-z]+[-–][A-Z][a-z]+)"
)
PROGRAM = re.compile(rf"(?<![\w+])(?:{_MOD}\s+){{1,5}}(?i:program|programme)(?![\w-])")
CONCRETE = re.compile(rf"{_SCHEME}|\b(?i:joint|double|dual|twin)\b")
SCHEME_TAIL = re.compile(rf"\s+(?:according to|under|on|in line with) the {_SCHEME} (?:scheme|model|format|formula)\b")
FIELD_TAIL = re.compile(
    r"\s+(?:in the (?:fields?|areas?|specialt(?:y|ies)|direction|specialization) of|in|on|of(?: the)?)\s+"
)
WORD = re.compile(r"[\w'’+-]+")
STOP = {"with", "between", "at", "by", "which", "that", "who", "for", "to", "from", "under", "since", "starting",
        "was", "were", "is", "are", "will", "would", "has", "have", "had", "as", "within", "among", "through",
        "via", "during", "after", "before", "in", "on", "this", "next", "each", "every", "the", "a", "an",
        "students"}  # fmt: skip
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}  # fmt: skip
MAX_FIELD_WORDS = 8
QUOTED_TAIL = re.compile(
    r"\s+(?:in (?:the (?:direction|field|specialty) (?:of )?)?)?[“\"«][A-Z][^”\"»]{2,60}[”\"»]", re.IGNORECASE
)
"""'double-degree programme "Geoinformatics"', '... programme in "Water Resources and Water Use"'."""
NOT_YET = re.compile(
    r"\b(?:plan\w*\s+to|hop(?:e|es|ed|ing)\s+(?:to|of)|expected to|agreed to prepare|discuss\w*|propos\w*|intend\w*|"
    r"would like to|is to be signed)\b",
    re.IGNORECASE,
)
"""A programme only planned, hoped for or discussed is not yet a programme (GOLD_FORMAT: a concrete one)."""
TO_BE_AGREED = re.compile(r"\b(?:agreed to (?:sign|conclude)|will sign)\b", re.IGNORECASE)
"""'agreed to sign an agreement on a double diploma programme': the programme too is still to come (a unit to be
created by such an agreement is annotated all the same)."""


def find_programs(text: str) -> list[tuple[int, int]]:
    """Where one sentence names concrete programmes: (start, end) of each name as printed."""
    found: list[tuple[int, int]] = []
    for match in PROGRAM.finditer(text):
        before = text[: match.start()]
        if not CONCRETE.search(match.group()) or NOT_YET.search(before) or TO_BE_AGREED.search(before):
            continue
        end = _tail_end(text, match.end())
        if end == match.end():
            continue
        found.append((match.start(), end))
    return found


def _tail_end(text: str, at: int) -> int:
    """Where the programme's name ends: after its scheme and its field or owner, if printed."""
    end = at
    scheme = SCHEME_TAIL.match(text, end)
    if scheme:
        end = scheme.end()
    quoted = QUOTED_TAIL.match(text, end)
    if quoted:
        return quoted.end()
    field = FIELD_TAIL.match(text, end)
    if field is None:
        return end
    words = _field_words(text, field.end(), owner=field.group().strip().startswith("of"))
    return words or end


def _field_words(text: str, at: int, *, owner: bool) -> int:
    """The end of a field phrase ('International electronic commerce', 'the Luban Workshop'), 0 if none."""
    end, count, position = 0, 0, at
    while count < MAX_FIELD_WORDS:
        word = WORD.match(text, position)
        if word is None:
            break
        lowered = word.group().lower()
        if (count and lowered in STOP) or lowered in MONTHS or re.fullmatch(r"(?:19|20)\d\d", lowered):
            break
        titled = WORD.match(text, at) is not None and text[at : at + 1].isupper()
        if lowered == "and" and not _and_continues(text, word.end(), titled=titled):
            break
        if count == 0 and (lowered in STOP - {"the"} or (owner and not word.group()[:1].isupper())):
            return 0
        if lowered != "and":
            end = word.end()
        count += 1
        gap = re.match(r"[ ]", text[word.end() : word.end() + 1])
        if gap is None:
            break
        position = word.end() + 1
    return end


def _and_continues(text: str, at: int, *, titled: bool) -> bool:
    """'and' inside a field ('Oil and Gas Engineering', 'signal and image processing'), not before a clause nor,
    after a capitalised field, before a lower-case item ('in Animal Science and Veterinary Medicine and joint
    research on ...')."""
    following = WORD.match(text, at + 1)
    if following is None:
        return False
    word = following.group()
    if titled and not word[:1].isupper():
        return False
    return word[:1].isupper() or not (word.endswith("ed") or word.lower() in STOP | {"also", "then", "plan", "agreed"})


def program_parents(context: Context, orgs: list[str]) -> list[str]:
    """Who runs a joint programme: the organisations its sentence names, else the document's two sides."""
    parents = list(orgs)
    if len(parents) < 2:
        parents += [p for p in recent_pair(context) or main_pair(context) if p not in parents]
    return parents


def recent_pair(context: Context) -> list[str]:
    """The two organisations the article last said cooperate ('the rectors of the two universities agreed ...')."""
    return list(context.last_pair)
