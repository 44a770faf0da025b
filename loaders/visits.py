"""Visits: VISITED (visitor → host, with the date the sentence states), read sentence by sentence.

The genre's shapes: "a delegation of X visited Y", "paid a working visit to Y", "arrived at Y", "was received
by Y", "held talks with the leadership of Y", and the other way round, "Y hosted/received/welcomed a
delegation from X". Who travels is remembered across sentences ("the delegation visited ..."); a visit
to a city or country ("the working visit of the X delegation to Urumqi") names no host by itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.gazetteer import is_place

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

ORG_LABELS = {"University", "Organization"}
VISIT = re.compile(
    r"\b(?:visit(?:ed|s|ing)?|paid an? (?:\w+ )?visit to|visit to|meeting (?:was held )?with|met with|"
    r"with the leadership of|arrived (?:at|in)|(?:was|were) received (?:by|at)|held talks with|"
    r"(?:was|were) hosted by|(?:was|were) welcomed (?:by|at)|attend(?:ed|s)? (?:the|an?) (?=[^.]{0,80}\bof\b))\b",
    re.IGNORECASE,
)
HOSTED = re.compile(
    r"\b(?:hosted|received|welcomed|greeted)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}delegations?\b"
    r"(?:\s+(?:of|from|led by)\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
PLANNED_VISIT = re.compile(r"\b(?:invit\w*|plan\w*|will|ready|expect\w*|hope\w*|intend\w*)\b[^.]{0,40}$", re.I)
PAST_INVITATION = re.compile(r"\b(?:was|were|had been)\s+invited\b[^.]{0,40}$", re.I)
TO_PLACE = re.compile(r"\b(?:to|in)\s+(?:the\s+)?([A-Z][\w'’-]+)")


def read_visits(context: Context, text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """VISITED pairs a sentence states (visitor → host); the first host becomes the document's host."""
    pairs = _hosted(context, text, mentions)
    match = VISIT.search(text)
    if not pairs and match and not _planned(text[: match.start()]):
        hosts = _hosts(context, text, mentions, match.end())
        pairs = [(v, h) for v in _visitors(context, text, mentions, match.start(), hosts) for h in hosts]
    date = context.date_in(text)
    pairs = [(v, h) for v, h in pairs if v and v != h and context.label(h) in ORG_LABELS]
    for visitor, host in pairs:
        context.add("VISITED", visitor, host, text, date=date)
        context.host = host
        context.delegation = context.delegation or visitor
    return pairs


def _planned(before: str) -> bool:
    """'will visit', 'invited ... to visit' (but 'was invited to attend' happened)."""
    return bool(PLANNED_VISIT.search(before)) and not PAST_INVITATION.search(before)


def _orgs_from(context: Context, mentions: list[Mention], at: int) -> list[Mention]:
    """Organisation and unit mentions from offset `at` on (branches aside)."""
    return [
        m
        for m in mentions
        if m.start >= at and m.kind != "branch" and context.label(context.id_of(m)) in ORG_LABELS | {"Lab"}
    ]


def _hosts(context: Context, text: str, mentions: list[Mention], at: int) -> list[str]:
    """The organisations visited: the list right after the verb (units count as their organisation)."""
    after = [m for m in _orgs_from(context, mentions, at) if context.id_of(m) != context.delegation]
    if after and _to_a_place(text[at : after[0].start]):
        return []
    listed = [
        m
        for i, m in enumerate(after)
        if i == 0 or re.fullmatch(r"[\s,]*(?:and\s+)?(?:the\s+)?", text[after[i - 1].end : m.start])
    ]
    listed = [m for i, m in enumerate(listed) if i == 0 or listed[i - 1] is after[i - 1]]
    return list(dict.fromkeys(h for h in (context.root(context.id_of(m)) for m in listed) if h))


def _to_a_place(between: str) -> bool:
    """'... delegation to Urumqi, memorandums were signed with X': the visit went to a place, not to X."""
    return any(is_place(m.group(1)) for m in TO_PLACE.finditer(between))


def _visitors(context: Context, text: str, mentions: list[Mention], at: int, hosts: list[str]) -> list[str]:
    """Who visits: the organisation named before the verb, a person's organisation, or the travelling one."""
    before = [context.id_of(m) for m in mentions if m.end <= at and m.kind != "branch"]
    visitors = [v for v in dict.fromkeys(before) if v and context.label(v) in ORG_LABELS and v not in hosts]
    if len(visitors) > 1 and not re.search(r"along with|together with", text):
        visitors = visitors[-1:]
    people = [m for m in mentions if m.end <= at and m.person]
    if not visitors and people:
        visitors = [r.b for r in context.relations if r.type == "AFFILIATED_WITH" and r.a == context.id_of(people[0])]
    if not visitors and context.delegation:
        visitors = [context.delegation]
    if not visitors and context.publisher and re.search(r"\bdelegation\b", text, re.I):
        visitors = [context.publisher.local_id]
    return visitors


def _hosted(context: Context, text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """'Y hosted a delegation from X': the host before the verb, the visitor after it."""
    match = HOSTED.search(text)
    if match is None:
        return []
    orgs = [m for m in mentions if m.kind != "branch" and context.label(context.id_of(m)) in ORG_LABELS]
    host = next((context.id_of(m) for m in reversed(orgs) if m.end <= match.start()), None)
    visitor = next((context.id_of(m) for m in orgs if m.start >= match.end()), None)
    if visitor is None and context.delegation != host:
        visitor = context.delegation
    return [(visitor, host)] if visitor and host else []
