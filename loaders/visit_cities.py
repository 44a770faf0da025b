"""Visits placed by a city: 'a delegation of X stayed in Tashkent', 'a visit of a X delegation to Kaifeng'."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.gazetteer import COUNTRY_NAMES, country_of, is_place

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

ORG_LABELS = {"University", "Organization"}
STAYED = re.compile(
    r"\b(?:(?:stayed|was|were|arrived|has been|had been)\s+(?:also\s+)?in|visited)\s+([A-Z][\w'’-]+)"
    r"(?!\s+(?:University|Institute))"
)
"""'A delegation of X ... stayed in / was in / arrived in / visited Tashkent from 19 to 23 March': a visit to that
city."""
WHOSE = re.compile(r"\bwhose delegations?\b", re.I)
DELEGATION_TO = re.compile(
    r"\bvisit of (?:an?|the|its|their)\s+(?P<who>[^.;]{0,80}?)\s*delegation\s+"
    r"(?:(?:of|from)\s+(?P<whose>[^.;]{0,80}?)\s+)?to\s+(?P<city>[A-Z][\w'’-]+)"
)
"""'during a visit of a X delegation to Kaifeng': X visited the organisation the article places in Kaifeng."""
DURING_VISIT = re.compile(
    r"^\W*(?:During|In the course of|Within the framework of) (?:the|this) (?:visit|trip)\b", re.I
)
IN_CITY = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:in|from)\s+([A-Z][\w'’-]+)")


def travelling(context: Context) -> list[str]:
    """The travelling side: every member of a joint delegation, else the one delegation."""
    if context.delegation in context.delegates:
        return list(context.delegates)
    return [context.delegation] if context.delegation else []


def stayed_in_city(context: Context, text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """'A delegation of X stayed in Tashkent': X visits the university the article is about in that country."""
    match = STAYED.search(text)
    if match is None or not is_place(match.group(1)) or not re.search(r"\bdelegations?\b", text, re.I):
        return []
    whose = WHOSE.search(text)
    if whose:
        before = [context.id_of(m) for m in mentions if m.end <= whose.start()]
        visitors = [v for v in dict.fromkeys(before) if v and context.label(v) in ORG_LABELS]
    else:
        visitors = travelling(context) or _arriving_person_org(context, mentions, match.start())
    host = _main_university(context, match.group(1), exclude=set(visitors))
    return [(v, host) for v in visitors if v] if host else []


def _main_university(context: Context, city: str, *, exclude: set[str | None]) -> str | None:
    """The university the article names most of those in a city's country (or named after the city)."""
    iso = country_of(city)
    counts: dict[str, int] = {}
    for mention in context.mentions:
        local = context.id_of(mention)
        found = context.candidate(local) if local and context.label(local) == "University" else None
        if local is None or found is None or local in exclude or found.props.get("branch"):
            continue
        if (iso and found.country == iso) or any(city in n.split() for n in found.names):
            counts[local] = counts.get(local, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    publisher = context.publisher.local_id if context.publisher and context.publisher.label == "University" else None
    if not ranked and publisher not in exclude:
        return publisher  # 'arrived in Wuhan' on the page of a university whose city the text does not print
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def delegation_to_city(context: Context, text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """'during a visit of a X delegation to Kaifeng' (told in passing): X visited the one organisation the article
    names in that city ('Y in Kaifeng', or a name with the city in it). The document's sides stay as they are."""
    match = DELEGATION_TO.search(text)
    if match is None or not is_place(match.group("city")):
        return []
    spans = [match.span(group) for group in ("who", "whose") if match.group(group)]
    inside = [m for m in mentions if any(start <= m.start < end for start, end in spans)]
    visitor = next((context.id_of(m) for m in inside if context.label(context.id_of(m)) in ORG_LABELS), None)
    visitor = visitor or context.delegation
    hosts = [h for h in in_city(context, match.group("city")) if h != visitor]
    if not hosts:  # 'the visit of the X delegation to Almaty': the document's other side, if it is of that country
        iso = country_of(match.group("city"))
        hosts = [s for s in dict.fromkeys([context.delegation, context.host]) if s and s != visitor]
        hosts = [h for h in hosts if iso and context.candidate(h).country == iso]
    return [(visitor, hosts[0])] if visitor and len(hosts) == 1 else []


def in_city(context: Context, city: str) -> list[str]:
    """The organisations the article places in a city ('X in Kaifeng', 'X (Kaifeng)', named after it) or in a
    country ('to China': the article's one Chinese organisation)."""
    if city in COUNTRY_NAMES:
        there = [c.local_id for c in context.candidates if c.label in ORG_LABELS and c.country == country_of(city)]
        sides = [s for s in dict.fromkeys([context.delegation, context.host]) if s in there]
        return sides if len(sides) == 1 else there  # 'to China': the document's Chinese side, if it has one
    found = [c.local_id for c in context.candidates if c.label in ORG_LABELS and any(city in n for n in c.names)]
    for mention in context.mentions:
        local = context.id_of(mention)
        placed = IN_CITY.match(context.sentences[mention.sentence].text, mention.end)
        if context.label(local) in ORG_LABELS and placed and placed.group(1) == city:
            found.append(local or "")
    return list(dict.fromkeys(found))


def _arriving_person_org(context: Context, mentions: list[Mention], at: int) -> list[str]:
    """'President of LZU Y, who arrived in Bishkek with a delegation': the organisation of the person who arrived."""
    people = [context.id_of(m) for m in mentions if m.person and m.end <= at]
    orgs = [r.b for r in context.relations if r.type == "AFFILIATED_WITH" and people and r.a == people[-1]]
    return [o for o in orgs[:1] if context.label(o) in ORG_LABELS]


def host_by_partner(context: Context, text: str, parties: list[str]) -> None:
    """'A delegation of X visited Nukus. During the visit, a memorandum was signed with Y': a visit whose host
    went unnamed was a visit to the partner of what was done during it (a university's, when a university
    travels: not the company that joined in)."""
    if context.host or not context.delegation or not DURING_VISIT.match(text):
        return
    kinds = {"University"} if context.label(context.delegation) == "University" else ORG_LABELS
    partners = [p for p in parties if p != context.delegation and context.label(p) in kinds]
    if len(partners) == 1:
        context.host = partners[0]
        context.add("VISITED", context.delegation, partners[0], text)
