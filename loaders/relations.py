"""Relations read off the sentences of one document, following GOLD_FORMAT's conventions.

Sentence by sentence, in order, so the state the genre relies on is known: whose delegation is
travelling ("the delegation visited ..."), who hosts it, which university "the university" is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from loaders.affiliations import lift_offices, read_affiliations
from loaders.agreements import read_agreement
from loaders.branches import branch_parts, branches_without_host
from loaders.cooperation import read_cooperation
from loaders.dates import year_of
from loaders.delegations import note_delegation
from loaders.events import read_events
from loaders.facts import Candidate, Document, Relation
from loaders.initiatives import read_involvement
from loaders.mentions import Mention
from loaders.places import read_places
from loaders.programs import program_parents
from loaders.sentences import Sentence
from loaders.unit_founders import agreed_units, unit_founders
from loaders.unit_parts import CLAUSE_CUT, clause_at, only_planned, orgs_of, part_of, within
from loaders.visit_cities import host_by_partner
from loaders.visits import read_visits

ORG_LABELS = {"University", "Organization"}
LIST_CUT = re.compile(r";\s*|\n\s*[-•–]\s+|:\s*\n")


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
    orgs = orgs_of(context, mentions, text)
    note_delegation(context, text, mentions)
    read_affiliations(context, text, mentions)
    part_of(context, text, mentions)
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


def _programs(context: Context, text: str, mentions: list[Mention], orgs: list[str]) -> None:
    """PART_OF from a joint programme to the organisations that run it."""
    for mention in mentions:
        if mention.kind == "program":
            item = _list_item(text, mention.start)
            local = [o for o in orgs if any(context.id_of(m) == o and item[0] <= m.start < item[1] for m in mentions)]
            listed = LIST_CUT.search(text) and local
            clause = orgs_of(context, within(mentions, clause_at(text, mention.start)))
            in_clause = clause if CLAUSE_CUT.search(text) and len(clause) > 1 else orgs
            for parent in local if listed else program_parents(context, in_clause):
                context.add("PART_OF", context.id_of(mention), parent, text)


def _list_item(text: str, at: int) -> tuple[int, int]:
    """The bullet or ';'-item of a sentence an offset is in (the whole sentence when it is no list)."""
    cuts = [0, *(m.end() for m in LIST_CUT.finditer(text)), len(text)]
    start = max(c for c in cuts if c <= at)
    return start, min(c for c in cuts if c > at) if any(c > at for c in cuts) else len(text)


def _top_university(context: Context) -> str | None:
    """The university the document names most (branches aside)."""
    counts = Counter(
        context.id_of(m)
        for m in context.mentions
        if m.kind != "branch" and context.label(context.id_of(m)) == "University"
    )
    return counts.most_common(1)[0][0] if counts else None


def _units_without_parent(context: Context) -> None:
    """A unit nobody is named as owning belongs to the visit's host, else the publishing university (its own
    page), else the most-named university."""
    owned = {r.a for r in context.relations if r.type == "PART_OF"}
    top = _top_university(context)
    for candidate in context.candidates:
        if candidate.label != "Lab" or candidate.local_id in owned or only_planned(context, candidate.local_id):
            continue
        own = context.publisher.local_id if context.publisher and context.publisher.label == "University" else None
        owner = context.unit_hosts.get(candidate.local_id) or own or top or context.host
        first = next((m for m in context.mentions if context.id_of(m) == candidate.local_id), None)
        evidence = context.sentences[first.sentence].text if first else ""
        context.add("PART_OF", candidate.local_id, context.root(owner), evidence)
