"""Where a person works when the title names no organisation: the delegation they lead, or the body the
sentence named with the title's head word ('Director of the Department')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.gazetteer import NATIONALITIES, country_of, is_chinese_name

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

ORG_LABELS = {"University", "Organization"}
LED_BY = re.compile(
    r"\bdelegations?\b[^.;]{0,120}?\b(?:(?:led|headed)\s+by|under\s+the\s+(?:leadership|guidance)\s+of)\s+"
    r"[^.;]{0,90}$",
    re.IGNORECASE,
)
"""'a delegation of X (city) headed by the Party Secretary of the university Y': Y leads X's delegation."""
DELEGATION_HEAD = re.compile(r"\bdelegation\s+(?:of|from)\s+(?:the\s+)?$|^\s*(?:['’]s\s+)?delegation\b", re.I)
BARE_MINISTER = re.compile(r"(?:(?:first\s+)?(?:deputy|vice)[- ]?)?minister", re.IGNORECASE)
GENERIC_HEAD = re.compile(
    r"\bof\s+(?:the\s+)?(department|ministry|institute|cent(?:er|re)|academy|committee|council|agency|laboratory)$",
    re.IGNORECASE,
)
"""A title that names its body by the head word alone ('Director of the Department')."""
AT_PLACE = re.compile(r"\b(?:talks|met|meetings?|negotiations|received)\s+(?:at|in)\s+(?:the\s+)?$", re.IGNORECASE)
WITH_TITLE = re.compile(r"\s*(?:\([^()]{0,20}\))?\s+with\s+(?:the\s+|its\s+)?", re.IGNORECASE)
"""'held talks at X (ABBR) with Party Secretary A': A, printed with a bare title, is X's."""
OUR = re.compile(r"\bour\s+$", re.IGNORECASE)
"""'our Chairman of the Board – Rector, Professor X': the speaker's (the publisher's, the interviewee's) body."""
SIDE = re.compile(r"\b(?:from|on|for)\s+the\s+(\w+)\s+side\b", re.IGNORECASE)


def delegation_led(context: Context, text: str, person: Mention, mentions: list[Mention]) -> list[str]:
    """'the delegation of X headed by Minister Y', 'X delegation led by its rector Y': Y works for X."""
    span = person.person.title_span if person.person else None
    starts = min(person.start, span[0]) if span else person.start
    led = LED_BY.search(text[:starts])
    if led is None:
        return []
    for mention in reversed([m for m in mentions if m.end <= starts and m.kind != "person"]):
        local = context.id_of(mention)
        if context.label(local) not in ORG_LABELS:
            continue
        head = DELEGATION_HEAD.search(text[max(0, mention.start - 20) : mention.start])
        tail = DELEGATION_HEAD.match(text[mention.end : mention.end + 16])
        return [local] if local and (head or tail) else []
    return []


def head_named(context: Context, person: Mention, mentions: list[Mention]) -> list[str]:
    """'At the Department of Education of X ... Director of the Department Y', 'the Institute of Cotton Research,
    where the vice director of institute Y': the body the sentence named with the title's head word."""
    head = GENERIC_HEAD.search(person.person.title or "") if person.person else None
    if head is None:
        return []
    word = head.group(1).lower()
    named = [
        context.id_of(m)
        for m in mentions
        if m.end <= person.start
        and m.kind != "person"
        and m.text.lower().startswith(word)
        and context.label(context.id_of(m)) in ORG_LABELS | {"Lab"}
    ]
    return [i for i in named[-1:] if i]


def bare_minister(context: Context, person: Mention, title: str) -> list[str]:
    """'The project was supported by the Ministry of X. Deputy minister Y said ...': a minister's title that names
    no ministry is of the ministry named first in that sentence (before the name) or the one before it."""
    if not BARE_MINISTER.fullmatch(title):
        return []
    for number in (person.sentence, person.sentence - 1):
        said = [
            context.id_of(m)
            for m in context.mentions
            if m.sentence == number and (number < person.sentence or m.end <= person.start) and "Ministry" in m.text
        ]
        if said:
            return [i for i in said[:1] if i and context.label(i) in ORG_LABELS and _compatriot(context, i, person)]
    return []


def _compatriot(context: Context, ministry: str, person: Mention) -> bool:
    """A Chinese name for a Chinese ministry, another name for another country's (or one whose country is unknown)."""
    country = context.candidate(ministry).country
    chinese = is_chinese_name(person.text.split())
    return country is None or (country == "CN") == chinese


def side_university(context: Context, text: str, person: Mention) -> str | None:
    """'From the Turkmen side, the meeting was attended by the rector of the university X ...; from the Chinese
    side – ...': a person listed after a side's name works for the one university of that country."""
    span = person.person.title_span if person.person else None
    starts = min(person.start, span[0]) if span else person.start
    sides = list(SIDE.finditer(text, 0, starts))
    if not sides or sides[-1].group(1).lower() not in NATIONALITIES:
        return None
    iso = country_of(sides[-1].group(1))
    same = [c.local_id for c in context.candidates if c.label == "University" and c.country == iso]
    same = [c for c in same if not context.candidate(c).props.get("branch")]
    return same[0] if same else None  # the first named: the side's university the article is about


def our_organisation(context: Context) -> str | None:
    """Who 'our' is: the publisher, else the organisation of the first person the text introduced with one (an
    interview's guest: 'The Astana Times spoke with X, KMU Vice-Rector ...')."""
    if context.publisher:
        return context.publisher.local_id
    first = next((r for r in context.relations if r.type == "AFFILIATED_WITH"), None)
    return context.root(first.b) if first else None


def met_at(context: Context, text: str, person: Mention, mentions: list[Mention]) -> list[str]:
    """'held talks at X with Party Secretary A and President B': the body the talks were held at is A's."""
    span = person.person.title_span if person.person else None
    starts = min(person.start, span[0]) if span else person.start
    before = [m for m in mentions if m.end <= starts and m.kind != "person"]
    if not before or not WITH_TITLE.fullmatch(text[before[-1].end : starts]):
        return []
    local = context.id_of(before[-1])
    at = AT_PLACE.search(text[: before[-1].start])
    return [local] if at and local and context.label(local) in ORG_LABELS else []
