"""Founders of a unit told apart from its name: 'The Institute was opened in 2007 by X together with Y', or
'A joint laboratory was opened at X together with Y. The Z Joint Laboratory ...'."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.affiliations import GENERIC_UNIT
from loaders.agreement_parts import KIND, sentence_of
from loaders.cooperation import SUPPORT
from loaders.generic_terms import PAIR_NOUNS
from loaders.programs import recent_pair

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

ORG_LABELS = {"University", "Organization"}
FOUNDED = re.compile(
    r"\b(?:opened|created|established|founded|set up|launched|built)\b[^.;]{0,60}?"
    r"\b(?:by|together with|jointly with|in partnership with)\b",
    re.IGNORECASE,
)
ANNOUNCED = re.compile(
    r"\b(?:an?|the)\s+(?:new\s+)?(?:[\w-]+\s+){0,2}?joint\s+(laboratory|lab|cent(?:re|er)|institute)\b"
    r"[^.;]{0,120}?\b(?:opened|established|launched|created|set up|inaugurated)\b",
    re.IGNORECASE,
)
"""'A joint laboratory on X was opened at Y together with Z': the unit the next sentence names."""
ESTABLISHING = re.compile(
    r"\b(?:establish\w*|creat\w*|open\w*|set(?:ting)? up|found(?:ing|ation)|launch\w*)\s+(?:of\s+)?(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
"""'the Agreement on the Establishment of the X Joint Research Center': X is the signatories' unit."""
OWNED_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+)(?:(?P<its>its)\s+|the\s+)?", re.I)
"""'visited X, its First Hospital and the Y Center': units listed after their organisation with 'its'."""
AGREED_WITH = re.compile(
    r"\b(?:agreed|arranged|decided)\s+with\s+(?:the\s+)?"
    r"(?=[^.;]{0,120}?\bto\s+(?:open|establish|create|set up|launch))",
    re.IGNORECASE,
)
"""'X agreed with Y to open a joint centre': the centre is X's and Y's."""
AT_TAIL = re.compile(r"\s+(?:at|of)\s+(?:the\s+)?")
WHERE = re.compile(r",\s+where\b", re.IGNORECASE)
BY_BOTH = re.compile(rf"\bby (?:the two|both) (?:{PAIR_NOUNS})\b", re.I)
TOGETHER = re.compile(r"\b(?:together with|jointly with|in partnership with|in cooperation with|and)\b", re.I)


def unit_founders(context: Context, text: str, mentions: list[Mention]) -> None:
    """'The Institute was opened in 2007 by X together with Y (with the support of Z)', 'The laboratory was set up
    in 2016 by the two institutions': the unit the text last named with that word belongs to X and Y."""
    opens = GENERIC_UNIT.match(text)
    if not opens or not FOUNDED.search(text) or (mentions and mentions[0].start < opens.end()):
        return
    number = mentions[0].sentence if mentions else sentence_of(context, text)
    word = opens.group(1)[:3].lower()
    units = [
        context.id_of(m)
        for m in context.mentions
        if m.sentence < number and context.label(context.id_of(m)) == "Lab" and word in m.text.lower()
    ]
    support = SUPPORT.search(text)
    doers = [m for m in mentions if (support is None or m.start < support.start()) and m.kind != "branch"]
    founders = list(dict.fromkeys(i for m in doers if context.label(i := context.id_of(m)) in ORG_LABELS and i))
    if not founders and BY_BOTH.search(text):
        founders = recent_pair(context)
    for org in founders if units else []:
        context.add("PART_OF", units[-1], org, text)


def announced_founders(context: Context, unit: Mention) -> list[str]:
    """'A joint laboratory ... was opened at X together with Y.' then 'The Z Joint Laboratory for ...': the
    organisations of the sentence that announced an unnamed joint unit of that kind, just before."""
    for number in range(unit.sentence - 1, max(-1, unit.sentence - 3), -1):
        text = context.sentences[number].text
        announced = ANNOUNCED.search(text)
        if announced is None or announced.group(1)[:3].lower() not in unit.text.lower():
            continue
        said = [m for m in context.mentions if m.sentence == number and m.group is not None]
        if any(context.label(context.id_of(m)) == "Lab" for m in said) or not TOGETHER.search(text, announced.end()):
            return []
        orgs = [context.id_of(m) for m in said if context.label(context.id_of(m)) in ORG_LABELS]
        found = [o for o in dict.fromkeys(orgs) if o]
        return found if len(found) > 1 else []
    return []


def agreed_units(context: Context, text: str, mentions: list[Mention], parties: list[str]) -> None:
    """'X and Y signed the Agreement on the Establishment of the Z Center': Z belongs to every signatory."""
    document = KIND.search(text)
    after = [m for m in mentions if document and len(parties) > 1 and m.start > document.end()]
    for mention in after:
        local = context.id_of(mention)
        if context.label(local) != "Lab" or not ESTABLISHING.search(text[max(0, mention.start - 40) : mention.start]):
            continue
        host = named_host(context, mention, mentions)
        for party in [host] if host else parties:
            context.add("PART_OF", local, party, text)


def named_host(context: Context, unit: Mention, mentions: list[Mention]) -> str | None:
    """'the Kyrgyz-Chinese Faculty at OshSU', 'a Chinese language department at X': the unit's name (or the words
    right after it) say whose it is."""
    at = unit.org.parent_at if unit.org else None
    tail = AT_TAIL.match(context.sentences[unit.sentence].text, unit.end)
    at = tail.end() if at is None and tail else at
    parent = next((m for m in mentions if at is not None and m.start == at), None)
    local = context.id_of(parent) if parent else None
    return local if context.label(local) in ORG_LABELS else None


def listed_owner(context: Context, text: str, unit: Mention, mentions: list[Mention]) -> list[str]:
    """'X, its Y and the Z': the organisation at the head of a list its units are listed after with 'its'."""
    before = [m for m in mentions if m.end <= unit.start and m.kind != "person"]
    at, owned = unit.start, False
    for mention in reversed(before):
        gap = OWNED_LIST.fullmatch(text[mention.end : at])
        if gap is None:
            return []
        owned = owned or bool(gap.group("its"))
        local = context.id_of(mention)
        if context.label(local) in ORG_LABELS:
            return [local] if owned and local else []
        at = mention.start
    return []


def where_clause(
    context: Context, text: str, mentions: list[Mention], clause: tuple[int, int], at: int
) -> tuple[int, int]:
    """'The delegation of X visited Y, where the Z Institute works, established together with W': the clause of
    a unit after ', where' starts at the organisation the 'where' refers to."""
    where = list(WHERE.finditer(text, clause[0], at))
    if not where:
        return clause
    orgs = [m for m in mentions if m.end <= where[-1].start() and context.label(context.id_of(m)) in ORG_LABELS]
    return (orgs[-1].start if orgs else where[-1].end()), clause[1]


def agreed_with(context: Context, text: str, mentions: list[Mention], unit: Mention) -> list[str]:
    """'KazNU also agreed with XU to open a joint research center': the one who agreed and the one agreed with."""
    agreed = AGREED_WITH.search(text, 0, unit.start)
    if agreed is None:
        return []
    orgs = [m for m in mentions if m.end <= unit.start and context.label(context.id_of(m)) in ORG_LABELS]
    subject = [context.id_of(m) for m in orgs if m.end <= agreed.start()][-1:]
    partner = [context.id_of(m) for m in orgs if m.start == agreed.end()]
    return [i for i in subject + partner if i] if subject and partner else []
