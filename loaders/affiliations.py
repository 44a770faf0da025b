"""AFFILIATED_WITH: the organisation a person's printed title names, or the side of the visit they are on.

Genre forms: "Rector of X Y", "Y, vice-president of X", "Dean of the Faculty of Z of X Y" (the faculty),
"X, whose Dean Y", "Ambassador of China to Kazakhstan Y" / "Consul General of X in Z Y" (the embassy or
consulate the article names), "Party Secretary of X Mr. A and the President B" (B of X too), "Vice President Y
met with the delegation" (the host). Offices such as an international department stand for their university.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.affiliation_cues import (
    OUR,
    bare_minister,
    delegation_led,
    head_named,
    met_at,
    our_organisation,
    side_university,
)
from loaders.cooperation import is_official
from loaders.coref import abbreviates
from loaders.gazetteer import GOVERNMENT_TITLES, country_of
from loaders.generic_terms import UNIT_WORDS
from loaders.official_titles import ministry_of, mission_of

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

ORG_LABELS = {"University", "Organization"}
GENERIC_UNI = re.compile(r"\b(?:the|our)\s+(?:university|institute)\b|^(?:University|university['’]s)\b")
OFFICE = re.compile(
    r"\binternational (?:cooperation|relations|affairs|exchanges?|department|office)|\bdepartment of international\b|"
    r"\bforeign affairs\b|\bexternal relations\b|\b(?:rector's|president's) office\b",
    re.IGNORECASE,
)
"""A unit that is an office of its university: its head is the university's ('Head of the International Department')."""
MISSION_TITLE = re.compile(r"\b(?:ambassador|consul|charg[ée]|envoy)\b", re.IGNORECASE)
WHOSE = re.compile(r",?\s*whose\s+$", re.IGNORECASE)
RECEIVES = re.compile(
    r"^\s*(?:also\s+|warmly\s+|cordially\s+)?(?:met with|received|welcomed|greeted|hosted)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:delegation|guests|visitors)\b",
    re.IGNORECASE,
)
"""'Vice President Y met with the delegation': Y is on the host's side."""
ATTENDS = re.compile(
    r"(?:[^.;]|(?<=Dr)\.|(?<=Mr)\.|(?<=Ms)\.|(?<=Mrs)\.|(?<=Prof)\.)*?"
    r"\b(?:attended|took part in|participated in|(?:was|were) present at|joined) (?:the|this) "
    r"(?:meeting|talks|negotiations)\b",
    re.IGNORECASE,
)
"""'Vice President X, Dean Y and the heads of ... attended the meeting': the host's people at the table."""
RECEIVED_BY = re.compile(
    r"\b(?:(?:received|welcomed|greeted|hosted)\s+by|met with|(?:meetings?|talks) (?:(?:was|were) )?held with|"
    r"(?:a |the )?meeting with)\s+(?:the\s+)?(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"\b(?:the|our)\s+(?:university|institute)['’]s\s+$", re.IGNORECASE)
"""'... had a meeting with the university's first vice-rector – X': the university in question."""
TAIL = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:from|of)\s+(?:the\s+)?|\s*\(\s*(?:the\s+)?")
"""After a name: 'from/of <organisation>', or '(<organisation>)'."""
UNIT_HEAD = re.compile(
    r"(?:^|[.;]\s*)\W*(?:(?:its|the)\s+)?(?P<title>head|director|leader|chief|manager)(?:\s+of\s+the\s+"
    rf"(?P<unit>{UNIT_WORDS}))?\s*(?:,|\bis\b|\bwas\b|\bwill be\b)"
    r"(?:[^.;]|(?<=Dr)\.|(?<=Mr)\.|(?<=Ms)\.|(?<=Mrs)\.|(?<=Prof)\.){0,120}$",
    re.IGNORECASE,
)
ITS_HEAD = re.compile(
    r"(?:^|[.;]\s*)\W*Its\s+(?P<title>head|director|leader|chief|manager|rector|president)(?P<unit>(?!))?\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$",
    re.IGNORECASE,
)
"""'Its director X said ...': the head of what the last sentence was about."""
GENERIC_UNIT = re.compile(
    rf"^\W*(?:the|this|our)\s+(?:[\w-]+\s+){{0,2}}?({UNIT_WORDS})\b",
    re.IGNORECASE,
)
"""A sentence that opens with the head of the unit just named: 'Its head, ... X', 'The director of the lab is X'."""
REPRESENTED = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:was|were|is|are)\s+represented\s+by\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,4}?",
    re.IGNORECASE,
)
JOINED = re.compile(r"^\s*,?\s*(?:and|as well as)\s+(?:the\s+)?$", re.IGNORECASE)


def read_affiliations(context: Context, text: str, mentions: list[Mention]) -> None:
    """AFFILIATED_WITH from the title printed next to each person; titles kept on the person."""
    explicit_orgs: dict[int, str] = {}
    for mention in mentions:
        if mention.person is None:
            continue
        person = context.candidate(context.id_of(mention) or "")
        title = mention.person.title
        titles = person.props.setdefault("titles", [])
        if title and title not in titles:
            titles.append(title)
        orgs, explicit = _title_orgs(context, text, mention, mentions) if title else ([], False)
        if not explicit:
            tail = _tail_org(context, text, mention, mentions) or _represented(context, text, mention, mentions)
            tail = tail or ([] if title else delegation_led(context, text, mention, mentions))
            orgs, explicit = (tail, True) if tail else (orgs, explicit)
        if not explicit and title:
            joined, explicit = _joined_title_org(text, mention, mentions, explicit_orgs)
            orgs = joined or orgs
        if orgs and explicit:
            explicit_orgs[mention.start] = orgs[-1]
        head = _unit_head(context, text, mention)
        if head:
            context.add("AFFILIATED_WITH", person.local_id, head[0], text, title=head[1])
        known = any(r.type == "AFFILIATED_WITH" and r.a == person.local_id for r in context.relations)
        for org in orgs if explicit or not known else []:
            context.add("AFFILIATED_WITH", person.local_id, org, text, title=title)


def _unit_head(context: Context, text: str, person: Mention) -> tuple[str, str] | None:
    """'Its head, candidate of sciences X, said', 'Director of the laboratory is professor ... X': the head of the
    unit the text last named (a unit whose name has that word: 'laboratory'), or of the last sentence's subject."""
    said = UNIT_HEAD.search(text[: person.start]) or ITS_HEAD.search(text[: person.start])
    if said is None:
        return None
    word = said.group("unit") or _generic_subject(context, person.sentence)
    named = [
        m
        for m in context.mentions
        if (m.sentence, m.start) < (person.sentence, said.start())
        and context.label(context.id_of(m)) in ORG_LABELS | {"Lab"}
    ]
    kinds = {"Lab"} if said.group("unit") else ORG_LABELS | {"Lab"}  # 'The ... Center will ...' may be a body
    if word:
        named = [m for m in named if word[:3].lower() in m.text.lower() and context.label(context.id_of(m)) in kinds]
    elif named:
        named = [m for m in named if m.sentence == named[-1].sentence][:1]  # 'its': the last sentence's subject
    local = context.id_of(named[-1]) if named else None
    return (local, said.group("title")) if local else None


def _generic_subject(context: Context, number: int) -> str | None:
    """'The Joint Laboratory will be based at ...': the unit word a sentence opens with ('laboratory')."""
    previous = context.sentences[number - 1].text if number else ""
    opens = GENERIC_UNIT.match(previous)
    return opens.group(1) if opens else None


def _title_orgs(context: Context, text: str, person: Mention, mentions: list[Mention]) -> tuple[list[str], bool]:
    """Where a person works (and whether the title names it): named in the title, or the side they are on."""
    span = person.person.title_span if person.person else None
    title = (person.person.title or "") if person.person else ""
    named = _named_in_title(context, text, person, mentions) if span else []
    leads = [] if named else delegation_led(context, text, person, mentions) or head_named(context, person, mentions)
    leads = leads or ([] if named else met_at(context, text, person, mentions))
    if leads:
        return leads, True
    if span and not named and (GENERIC_UNI.search(text[span[0] : span[1]]) or POSSESSIVE.search(text[: span[0]])):
        receiving = context.host if context.host and _receives(text, person) else None
        side = side_university(context, text, person)
        named = [u for u in [side or receiving or salient_university(context, person)] if u]
    if span and not named and OUR.search(text[: span[0]]):
        named = [u for u in [our_organisation(context)] if u]
    ministry = re.match(r"(?:\w+\s+)?(?:Deputy\s+|Vice[- ])?Minister (of .+)$", title, re.IGNORECASE)
    if not named and ministry:
        named = [ministry_of(context, ministry.group(1), text)]
    mission = mission_of(context, title) if MISSION_TITLE.search(title) else None
    if named or MISSION_TITLE.search(title):
        return named or [m for m in [mission] if m], True
    office = _office_in_title(context, person, mentions)
    if office and not (context.host and _receives(text, person)):
        return [office], True  # lifted to the office's university once PART_OF is known (lift_offices)
    words = {w.lower() for w in re.findall(r"[\w-]+", title)}
    if words & GOVERNMENT_TITLES or country_of(title):
        return bare_minister(context, person, title), True
    receiving = context.host if context.host and _receives(text, person) else None
    if listed := side_university(context, text, person) or receiving:
        return [listed], False
    side = context.delegation or (context.publisher.local_id if context.publisher else None)
    return ([], False) if side is None or is_official(context, side) else ([side], False)


def _tail_org(context: Context, text: str, person: Mention, mentions: list[Mention]) -> list[str]:
    """'Professor Wang Tao from Hubei University', 'Wang Lei of the School of Mines', 'Wang Tao (Hubei
    University)': the unit or organisation named right after the name."""
    tail = TAIL.match(text, person.end)
    if tail is None:
        return []
    named = next((m for m in mentions if m.start == tail.end() and m.kind != "person"), None)
    if named and tail.group().rstrip().endswith("(") and not text[named.end :].lstrip().startswith(")"):
        return []  # '(<organisation>, city)' or a longer aside: not the person's organisation alone
    local = context.id_of(named) if named else None
    return [local] if local and context.label(local) in ORG_LABELS | {"Lab"} else []


def _represented(context: Context, text: str, person: Mention, mentions: list[Mention]) -> list[str]:
    """'The Embassy of China was represented by the counsellor X': X works for the organisation represented."""
    span = person.person.title_span if person.person else None
    starts = min(person.start, span[0]) if span else person.start
    before = [m for m in mentions if m.end <= starts and m.kind != "person"]
    if not before or not REPRESENTED.fullmatch(text[before[-1].end : starts]):
        return []
    local = context.id_of(before[-1])
    return [local] if local and context.label(local) in ORG_LABELS | {"Lab"} else []


def _office_in_title(context: Context, person: Mention, mentions: list[Mention]) -> str | None:
    """'Head of the Department of International Cooperation': the office the title names."""
    span = person.person.title_span if person.person else None
    inside = [m for m in mentions if span and span[0] <= m.start < span[1] and m.kind != "person"]
    offices = [context.id_of(m) for m in inside if context.label(context.id_of(m)) == "Lab" and OFFICE.search(m.text)]
    return offices[-1] if offices else None


def lift_offices(context: Context) -> None:
    """A person heading an office works for the office's university (the gold's convention): once every
    PART_OF is read, AFFILIATED_WITH to an office moves to the organisation at its top (or goes)."""
    for relation in context.relations:
        if relation.type == "AFFILIATED_WITH" and _is_office(context, relation.b):
            relation.b = context.root(relation.b) or relation.b
    context.relations[:] = [
        r for r in context.relations if not (r.type == "AFFILIATED_WITH" and _is_office(context, r.b))
    ]


def _is_office(context: Context, local: str) -> bool:
    """A unit named as an international (or similar) office."""
    return context.label(local) == "Lab" and any(OFFICE.search(n) for n in context.candidate(local).names)


def _receives(text: str, person: Mention) -> bool:
    """The person is on the receiving side: 'received by [title] X', 'X met with the delegation'."""
    span = person.person.title_span if person.person else None
    starts = min(person.start, span[0]) if span else person.start
    cue = bool(person.person and person.person.host_cue)
    after = text[person.end :]
    return cue or bool(RECEIVED_BY.search(text[:starts]) or RECEIVES.match(after) or ATTENDS.match(after))


def _named_in_title(context: Context, text: str, person: Mention, mentions: list[Mention]) -> list[str]:
    """The unit and organisation the title names ('Dean of the Faculty of Law of X' → both; an office →
    only its university), or the one just before 'whose' ('the School of Law, whose Dean Y')."""
    span = person.person.title_span if person.person else None
    if span is None:
        return []
    inside = [m for m in mentions if span[0] <= m.start < span[1] and m.kind != "person"]
    named = [context.id_of(m) for m in inside if context.label(context.id_of(m)) in ORG_LABELS]
    units = [context.id_of(m) for m in inside if context.label(context.id_of(m)) == "Lab" and not OFFICE.search(m.text)]
    if not units and not named:
        open_acronyms = [
            m
            for m in context.mentions
            if m.sentence == person.sentence
            and m.kind == "acronym"
            and m.group is None
            and span[0] <= m.start < span[1]
        ]
        named = [_spelled_out(context, text, m) for m in open_acronyms]
    if units or any(named):
        return [i for i in dict.fromkeys([*units[-1:], *named[-1:]]) if i]
    before = [m for m in mentions if m.end <= span[0] and m.kind != "person"]
    if before and WHOSE.fullmatch(text[before[-1].end : span[0]]):
        return [i for i in [context.id_of(before[-1])] if i]
    return []


def _spelled_out(context: Context, text: str, acronym: Mention) -> str | None:
    """An acronym coreference left open ('rector of Magtymguly TSU'): the one organisation it abbreviates whose
    name has the word printed before it."""
    fits = [
        c for c in context.candidates if c.label in ORG_LABELS and any(abbreviates(acronym.text, n) for n in c.names)
    ]
    word = re.search(r"([A-Z][\w'’-]+)\s+$", text[: acronym.start])
    if len(fits) > 1 and word:
        fits = [c for c in fits if any(word.group(1) in n for n in c.names)]
    return fits[0].local_id if len(fits) == 1 else None


def _joined_title_org(
    text: str, person: Mention, mentions: list[Mention], explicit_orgs: dict[int, str]
) -> tuple[list[str], bool]:
    """'Party Secretary of X Mr. A and the President B': a bare title joined to a named one shares its organisation."""
    span = person.person.title_span if person.person else None
    starts = min(person.start, span[0]) if span else person.start
    before = [m for m in mentions if m.person and m.end <= starts]
    if not before or before[-1].start not in explicit_orgs or not JOINED.match(text[before[-1].end : starts]):
        return [], False
    return [explicit_orgs[before[-1].start]], True


def salient_university(context: Context, at: Mention) -> str | None:
    """The university last named before a mention, not the travelling one: what 'the university' means."""
    named = [
        context.id_of(m)
        for m in context.mentions
        if (m.sentence, m.start) < (at.sentence, at.start) and context.label(context.id_of(m)) == "University"
    ]
    named = [n for n in named if n != context.delegation] or named
    if context.venue in named and context.label(context.venue) == "University":
        return context.venue  # 'opened at X together with Y. ... the building of the university': X
    return named[-1] if named else None
