"""PART_OF read off one sentence: a unit's own 'of/at X', its founders, the side it is named on, the host."""

from __future__ import annotations

import re
from itertools import combinations
from typing import TYPE_CHECKING

from loaders.affiliations import GENERIC_UNI, salient_university
from loaders.cooperation import founders_before
from loaders.delegations import DELEGATES
from loaders.programs import NOT_YET
from loaders.unit_founders import agreed_with, announced_founders, listed_owner, named_host, where_clause
from loaders.unit_parents import clause_parents

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

ORG_LABELS = {"University", "Organization"}
JOINT_UNIT = re.compile(r"jointly (?:establish|creat|open|run|buil[dt]|set up|found)\w*|co-establish|co-found|co-buil|"
                        r"in partnership with|opened jointly|established by|(?:created|established|set up|founded|"
                        r"opened|launched|inaugurated)(?: [\w'’.-]+){0,10}? together with", re.IGNORECASE)  # fmt: skip
GENERIC_AT = re.compile(r"\b(?:at|by|in) (?:the|our) (?:university|institute)\b", re.IGNORECASE)
"""'the China Center was established at the university together with X': the university meant is a founder."""
ON_THE_PART = re.compile(r"^\W*(?:On|From) the (?:part|side) of\s+(?:the\s+)?", re.IGNORECASE)
CLAUSE_SPLIT = re.compile(r",\s+and\s+|;\s*")
OF_TAIL = re.compile(r"\s+of\s+(?:the\s+)?")
MEMBERS = re.compile(r"\bdelegation\b[^.;]{0,160}?\b(?:and\s+)?included\b", re.I)
"""'The delegation was headed by X and included the Dean of the School of Y': the school is the delegation's."""
CLAUSE_CUT = re.compile(
    r",\s+and\s+(?=[^,;]{0,120}\b(?:signed|agreed|concluded|launched|opened|established|will)\b)|"
    r",?\s+and\s+that\s+",
    re.IGNORECASE,
)
"""'X and Y signed an agreement on A, and X and Z signed a memorandum on B': A's and B's parties differ; so do
those of two reported clauses ('It was announced that X and Y agreed to open A and that a memorandum ...')."""


def part_of(context: Context, text: str, mentions: list[Mention]) -> None:
    """PART_OF from 'X of/at <org>', from org names inside unit names, and from 'jointly established by'."""
    for mention in mentions:
        local = context.id_of(mention)
        if context.label(local) != "Lab" or not mention.org or only_planned(context, local):
            continue
        parents = _named_parents(context, mention, mentions) + listed_owner(context, text, mention, mentions)
        if not parents:
            parents = [p for p in [named_host(context, mention, mentions) or _side_of(context, text, mentions)] if p]
        clause = where_clause(context, text, mentions, clause_at(text, mention.start), mention.start)
        if JOINT_UNIT.search(text[clause[0] : clause[1]]):
            founders = [o for o in orgs_of(context, within(mentions, clause)) if o != local]
            if GENERIC_AT.search(text[clause[0] : clause[1]]):
                founders += [u for u in [salient_university(context, mention)] if u and u not in founders]
            for a, b in combinations(founders if not parents else [], 2):
                context.add("COOPERATES_WITH", a, b, text)  # a unit run jointly: its founders cooperate
            parents += founders
        parents += clause_parents(context, text, mention, mentions)
        parents = parents or founders_before(context, text, mentions, mention.start)
        parents = parents or announced_founders(context, mention) or agreed_with(context, text, mentions, mention)
        members = DELEGATES.search(text) or MEMBERS.search(text)
        if (
            not parents
            and members
            and members.end() <= mention.start
            and context.label(context.delegation) in ORG_LABELS
        ):
            parents = [context.delegation or ""]  # 'the delegation included deans of the School of X'
        if not parents and GENERIC_UNI.search(text):
            parents = [p for p in [salient_university(context, mention)] if p]
        if not parents and context.host and not any(r.type == "PART_OF" and r.a == local for r in context.relations):
            parents = [context.host]
        for parent in dict.fromkeys(parents):
            context.add("PART_OF", local, parent, text)


def _side_of(context: Context, text: str, mentions: list[Mention]) -> str | None:
    """'On the part of X the programme will be implemented by the School of Y': Y is X's."""
    side = ON_THE_PART.match(text)
    named = next((m for m in mentions if side and m.start == side.end()), None)
    local = context.id_of(named) if named else None
    return local if context.label(local) in ORG_LABELS else None


def only_planned(context: Context, local: str | None) -> bool:
    """A unit the text only plans or proposes ('plan to sign an agreement on the creation of a joint lab'); what
    a sentence discusses after naming the unit ('the laboratories of X, where internships were discussed') is no
    plan for it, nor is what an earlier clause discussed."""
    said = [context.sentences[m.sentence].text[: m.start] for m in context.mentions if context.id_of(m) == local]
    return bool(said) and all(NOT_YET.search(CLAUSE_SPLIT.split(text)[-1]) for text in said)


def _named_parents(context: Context, mention: Mention, mentions: list[Mention]) -> list[str]:
    """Organisations named by the unit's own 'of/at X' tail, or inside its name ('ZTE Corporation ...')."""
    parents: list[str] = []
    if mention.org and mention.org.parent_at is not None:
        parent = next((m for m in mentions if m.start == mention.org.parent_at), None)
        if parent is not None and context.id_of(parent):
            parents.append(context.id_of(parent) or "")
    for other in context.candidates:
        if other.label == "Organization" and any(
            n in mention.text and n != mention.text and len(n) > 2 for n in other.names
        ):
            parents.append(other.local_id)
    return parents


def orgs_of(context: Context, mentions: list[Mention], text: str = "") -> list[str]:
    """The universities and organisations a sentence names, in order, each once (not the parent a name's
    'of the Y' tail names: 'the Institute of X of the Ministry of Y and Z signed' has two parties)."""
    named = [m for m in mentions if m.kind != "branch" and context.label(context.id_of(m)) in ORG_LABELS]
    ids = [context.id_of(m) for i, m in enumerate(named) if not (i and _tail_of(text, named[i - 1], m))]
    return list(dict.fromkeys(i for i in ids if i))


def _tail_of(text: str, owner: Mention, mention: Mention) -> bool:
    """'Institute of International Relations of the Ministry of ...': the second names the first's parent."""
    return bool(text) and bool(OF_TAIL.fullmatch(text[owner.end : mention.start]))


def clause_at(text: str, at: int) -> tuple[int, int]:
    """The clause of a sentence an offset is in, where ', and' starts a clause with its own verb."""
    cuts = [0, *(m.start() for m in CLAUSE_CUT.finditer(text)), len(text)]
    return max(c for c in cuts if c <= at), min(c for c in cuts if c > at)


def within(mentions: list[Mention], span: tuple[int, int]) -> list[Mention]:
    """The mentions inside a span of the sentence."""
    return [m for m in mentions if span[0] <= m.start < span[1]]
