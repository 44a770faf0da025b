"""Relations read off the sentences of one document, following GOLD_FORMAT's conventions.

Sentence by sentence, in order, so the state the genre relies on is known: whose delegation is
travelling ("the delegation visited ..."), who hosts it, which university "the university" is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from loaders.affiliations import GENERIC_UNI, lift_offices, read_affiliations, salient_university
from loaders.agreements import read_agreement
from loaders.branches import branch_parts, branches_without_host
from loaders.cooperation import founders_before, read_cooperation
from loaders.dates import find_dates, year_of
from loaders.delegations import DELEGATES, note_delegation
from loaders.events import read_events
from loaders.facts import Candidate, Document, Relation
from loaders.initiatives import read_involvement
from loaders.mentions import Mention
from loaders.places import read_places
from loaders.programs import NOT_YET, program_parents
from loaders.sentences import Sentence
from loaders.unit_founders import (
    agreed_units,
    announced_founders,
    listed_owner,
    named_host,
    unit_founders,
    where_clause,
)
from loaders.unit_parents import clause_parents
from loaders.visit_cities import host_by_partner
from loaders.visits import read_visits

ORG_LABELS = {"University", "Organization"}
JOINT_UNIT = re.compile(r"jointly (?:establish|creat|open|run|buil[dt]|set up|found)\w*|co-establish|co-found|co-buil|"
                        r"in partnership with|opened jointly|established by|(?:created|established|set up|founded|"
                        r"opened|launched|inaugurated)(?: [\w'’.-]+){0,10}? together with", re.IGNORECASE)  # fmt: skip
GENERIC_AT = re.compile(r"\b(?:at|by|in) (?:the|our) (?:university|institute)\b", re.IGNORECASE)
"""'the China Center was established at the university together with X': the university meant is a founder."""
ON_THE_PART = re.compile(r"^\W*(?:On|From) the (?:part|side) of\s+(?:the\s+)?", re.IGNORECASE)
CLAUSE_SPLIT = re.compile(r",\s+and\s+|;\s*")
OF_TAIL = re.compile(r"\s+of\s+(?:the\s+)?")
LIST_CUT = re.compile(r";\s*|\n\s*[-•–]\s+|:\s*\n")
CLAUSE_CUT = re.compile(
    r",\s+and\s+(?=[^,;]{0,120}\b(?:signed|agreed|concluded|launched|opened|established|will)\b)", re.IGNORECASE
)
"""'X and Y signed an agreement on A, and X and Z signed a memorandum on B': A's and B's parties differ."""


@dataclass
class Context:
    """What relation rules need about one document, and the state carried from sentence to sentence."""

    document: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    candidates: list[Candidate]
    publisher: Candidate | None
    delegation: str | None = None
    delegates: list[str] = field(default_factory=list)
    """Every organisation a joint delegation is made of ('the delegation, consisting of X, Y and Z')."""
    host: str | None = None
    venue: str | None = None
    """The organisation a ceremony or opening the document reports was held at."""
    unit_hosts: dict[str, str | None] = field(default_factory=dict)
    """The host of the visit under way when each unit was first named (its owner if nobody else is named)."""
    carried: str | None = None
    """The initiative whose participant list a sentence cut short at an initial goes on naming."""
    relations: list[Relation] = field(default_factory=list)
    last_pair: list[str] = field(default_factory=list)
    """The two organisations the text last said cooperate (even when it had said so before)."""
    seen: set[tuple[str, str, str]] = field(default_factory=set)
    _index: dict[str, Candidate] = field(default_factory=dict)

    def id_of(self, mention: Mention) -> str | None:
        """The candidate a mention belongs to."""
        return f"e{mention.group}" if mention.group is not None else None

    def label(self, local_id: str | None) -> str | None:
        """The label of a candidate."""
        found = self._by_id().get(local_id or "")
        return found.label if found else None

    def candidate(self, local_id: str) -> Candidate:
        """The candidate with this id."""
        return self._by_id()[local_id]

    def _by_id(self) -> dict[str, Candidate]:
        """Candidates by local id, rebuilt when rules add candidates (agreements, ministries)."""
        if len(self._index) != len(self.candidates):
            self._index = {c.local_id: c for c in self.candidates}
        return self._index

    def add(self, kind: str, a: str | None, b: str | None, evidence: str, **props: object) -> None:
        """Add a relation once per (type, a, b); COOPERATES_WITH is read undirected."""
        if not a or not b or a == b:
            return
        if kind == "COOPERATES_WITH":
            self.last_pair = [a, b]
        key = (kind, *sorted((a, b))) if kind == "COOPERATES_WITH" else (kind, a, b)
        if key in self.seen:
            return
        self.seen.add(key)  # type: ignore[arg-type]
        self.relations.append(Relation(kind, a, b, evidence, {k: v for k, v in props.items() if v is not None}))

    def root(self, local: str | None) -> str | None:
        """Follow PART_OF from a unit to the organisation at the top."""
        seen = set()
        while local and self.label(local) == "Lab" and local not in seen:
            seen.add(local)
            local = next((r.b for r in self.relations if r.type == "PART_OF" and r.a == local), None)
        return local

    def date_in(self, text: str) -> str | None:
        """The first date a sentence states (day-and-month dates take the publication year)."""
        dates = find_dates(text, year=self.year)
        return dates[0].value if dates else None

    @property
    def year(self) -> int | None:
        """The publication year, for day-and-month dates."""
        return year_of(self.document.published)


def read_relations(context: Context) -> list[Relation]:
    """All relations of the document."""
    for number, sentence in enumerate(context.sentences):
        in_sentence = [m for m in context.mentions if m.sentence == number and m.group is not None]
        _read_sentence(context, sentence, in_sentence)
    _units_without_parent(context)
    branches_without_host(context, _top_university(context))
    read_events(context)
    read_places(context)
    _lift_to_roots(context)
    lift_offices(context)
    return context.relations


def _lift_to_roots(context: Context) -> None:
    """A unit inside a unit belongs to the organisation at the top (the gold's convention)."""
    for relation in context.relations:
        if relation.type == "PART_OF" and context.label(relation.b) == "Lab":
            relation.b = context.root(relation.b) or relation.b
    context.relations[:] = [r for r in context.relations if not (r.type == "PART_OF" and r.a == r.b)]


def _read_sentence(context: Context, sentence: Sentence, mentions: list[Mention]) -> None:
    """Every rule on one sentence, delegation/host state first."""
    text = sentence.text
    orgs = _orgs(context, mentions, text)
    note_delegation(context, text, mentions)
    read_affiliations(context, text, mentions)
    _part_of(context, text, mentions)
    unit_founders(context, text, mentions)
    branch_parts(context, text, mentions)
    visited = read_visits(context, text, mentions)
    parties = read_agreement(context, text, orgs, visited)
    host_by_partner(context, text, parties)
    _programs(context, text, mentions, orgs if len(orgs) > 1 or not parties else parties)
    agreed_units(context, text, mentions, parties)
    read_cooperation(context, text, mentions, parties, visited)
    read_involvement(context, text, mentions, list(dict.fromkeys(orgs + parties)))
    for mention in mentions:
        if mention.kind != "person" and context.label(context.id_of(mention)) == "Lab":
            context.unit_hosts.setdefault(context.id_of(mention) or "", context.host)


def _orgs(context: Context, mentions: list[Mention], text: str = "") -> list[str]:
    """The universities and organisations a sentence names, in order, each once (not the parent a name's
    'of the Y' tail names: 'the Institute of X of the Ministry of Y and Z signed' has two parties)."""
    named = [m for m in mentions if m.kind != "branch" and context.label(context.id_of(m)) in ORG_LABELS]
    ids = [context.id_of(m) for i, m in enumerate(named) if not (i and _tail_of(text, named[i - 1], m))]
    return list(dict.fromkeys(i for i in ids if i))


def _tail_of(text: str, owner: Mention, mention: Mention) -> bool:
    """'Institute of International Relations of the Ministry of ...': the second names the first's parent."""
    return bool(text) and bool(OF_TAIL.fullmatch(text[owner.end : mention.start]))


def _part_of(context: Context, text: str, mentions: list[Mention]) -> None:
    """PART_OF from 'X of/at <org>', from org names inside unit names, and from 'jointly established by'."""
    for mention in mentions:
        local = context.id_of(mention)
        if context.label(local) != "Lab" or not mention.org or _only_planned(context, local):
            continue
        parents = _named_parents(context, mention, mentions) + listed_owner(context, text, mention, mentions)
        if not parents:
            parents = [p for p in [named_host(context, mention, mentions) or _side_of(context, text, mentions)] if p]
        clause = where_clause(context, text, mentions, _clause(text, mention.start), mention.start)
        if JOINT_UNIT.search(text[clause[0] : clause[1]]):
            founders = [o for o in _orgs(context, _within(mentions, clause)) if o != local]
            if GENERIC_AT.search(text[clause[0] : clause[1]]):
                founders += [u for u in [salient_university(context, mention)] if u and u not in founders]
            for a, b in combinations(founders if not parents else [], 2):
                context.add("COOPERATES_WITH", a, b, text)  # a unit run jointly: its founders cooperate
            parents += founders
        parents += clause_parents(context, text, mention, mentions)
        parents = parents or founders_before(context, text, mentions, mention.start)
        parents = parents or announced_founders(context, mention)
        members = DELEGATES.search(text)
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


def _only_planned(context: Context, local: str | None) -> bool:
    """A unit the text only plans or proposes ('plan to sign an agreement on the creation of a joint lab'); what
    a sentence discusses after naming the unit ('the laboratories of X, where internships were discussed') is no
    plan for it, nor is what an earlier clause discussed."""
    said = [context.sentences[m.sentence].text[: m.start] for m in context.mentions if context.id_of(m) == local]
    return bool(said) and all(NOT_YET.search(CLAUSE_SPLIT.split(text)[-1]) for text in said)


def _programs(context: Context, text: str, mentions: list[Mention], orgs: list[str]) -> None:
    """PART_OF from a joint programme to the organisations that run it."""
    for mention in mentions:
        if mention.kind == "program":
            item = _list_item(text, mention.start)
            local = [o for o in orgs if any(context.id_of(m) == o and item[0] <= m.start < item[1] for m in mentions)]
            listed = LIST_CUT.search(text) and local
            clause = _orgs(context, _within(mentions, _clause(text, mention.start)))
            in_clause = clause if CLAUSE_CUT.search(text) and len(clause) > 1 else orgs
            for parent in local if listed else program_parents(context, in_clause):
                context.add("PART_OF", context.id_of(mention), parent, text)


def _clause(text: str, at: int) -> tuple[int, int]:
    """The clause of a sentence an offset is in, where ', and' starts a clause with its own verb."""
    cuts = [0, *(m.start() for m in CLAUSE_CUT.finditer(text)), len(text)]
    return max(c for c in cuts if c <= at), min(c for c in cuts if c > at)


def _within(mentions: list[Mention], span: tuple[int, int]) -> list[Mention]:
    """The mentions inside a span of the sentence."""
    return [m for m in mentions if span[0] <= m.start < span[1]]


def _list_item(text: str, at: int) -> tuple[int, int]:
    """The bullet or ';'-item of a sentence an offset is in (the whole sentence when it is no list)."""
    cuts = [0, *(m.end() for m in LIST_CUT.finditer(text)), len(text)]
    start = max(c for c in cuts if c <= at)
    return start, min(c for c in cuts if c > at) if any(c > at for c in cuts) else len(text)


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


def _top_university(context: Context) -> str | None:
    """The university the document names most (branches aside)."""
    counts = Counter(
        context.id_of(m)
        for m in context.mentions
        if m.kind != "branch" and context.label(context.id_of(m)) == "University"
    )
    return counts.most_common(1)[0][0] if counts else None


def _units_without_parent(context: Context) -> None:
    """A unit nobody is named as owning belongs to the visit's host, else the most-named university."""
    owned = {r.a for r in context.relations if r.type == "PART_OF"}
    top = _top_university(context)
    for candidate in context.candidates:
        if candidate.label != "Lab" or candidate.local_id in owned or _only_planned(context, candidate.local_id):
            continue
        owner = context.unit_hosts.get(candidate.local_id) or top or context.host
        first = next((m for m in context.mentions if context.id_of(m) == candidate.local_id), None)
        evidence = context.sentences[first.sentence].text if first else ""
        context.add("PART_OF", candidate.local_id, context.root(owner), evidence)
