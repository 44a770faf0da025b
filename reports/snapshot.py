"""The graph as one in-memory snapshot for a report, narrowed to a scope and a start year.

    load_snapshot(store)            whole graph via graph.snapshot.read_graph (projected rows; evidence only
                                    where it names the Belt and Road; titles and URLs when footnoted)
      └─ narrow(snapshot, scope)    facts dated before `since` dropped, then ties touching the scope kept
           └─ tie_network(...)      organisation–organisation ties, each with the facts and documents behind it

A *tie* joins two organisations (University, Organization, Lab) that the graph says cooperate
(COOPERATES_WITH), visited one another (VISITED), are parties to one Agreement (PARTY_TO both), or where
one is part of the other (PART_OF). A tie's sources are the Documents stating any of those facts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import combinations
from typing import Any, NamedTuple

from graph.errors import Ambiguous, BadRequest, NotFound
from graph.export import node_link
from graph.schema import DOCUMENT, ORGANISATION_LABELS
from graph.snapshot import document_details, read_graph
from graph.store import GraphStore

CENTRAL_ASIA: tuple[str, ...] = ("KZ", "KG", "TJ", "TM", "UZ")
CHINA = "CN"
TIE_TYPES = ("COOPERATES_WITH", "VISITED", "PART_OF")
BELT_AND_ROAD = re.compile(r"belt\s+and\s+road|one\s+belt|silk\s+road|\bBRI\b", re.IGNORECASE)
"""The Belt and Road Initiative (or its other names) in a name or an evidence sentence; read from the store, a
fact keeps its evidence only when a sentence matches (the Initiatives section quotes those)."""

DocumentDetails = Callable[[list[str]], dict[str, dict[str, Any]]]


class Fact(NamedTuple):
    """One fact relationship with the Documents that state it, the sentence each states it in, and its date.

    A tuple, not a dataclass: a report on 1M facts makes 1M of them (a frozen dataclass took 2 s more).
    `evidence` is empty when read from the store and the sentences do not name the Belt and Road.
    """

    type: str
    source: str
    target: str
    sources: tuple[str, ...]
    evidence: tuple[str, ...] = ()
    date: str | None = None


@dataclass(frozen=True)
class Scope:
    """What a report covers: everything, one country's ties, or one entity's; optionally from a year on."""

    kind: str = "all"
    value: str | None = None
    since: int | None = None

    @property
    def label(self) -> str:
        """How the report names its scope ("all ties", "ties of KZ", "ties of kaznu", "…since 2020")."""
        what = "all ties" if self.kind == "all" else f"ties of {self.value}"
        return f"{what}, from {self.since} on" if self.since else what


@dataclass
class Snapshot:
    """Nodes by key (with their `label`), Documents by key, and fact relationships."""

    nodes: dict[str, dict[str, Any]]
    documents: dict[str, dict[str, Any]]
    facts: list[Fact]
    dropped_undated: int = 0
    inferred_country: dict[str, str] = field(default_factory=dict)
    """Countries of units without one of their own (labs, branches), taken from the one they are PART_OF."""
    details: DocumentDetails | None = None
    """Reads title, URL and source id of cited Documents when `documents` holds only dates and publishers."""

    def name(self, key: str) -> str:
        """Display name of a node (its key when it has none)."""
        return str(self.nodes.get(key, {}).get("name") or key)

    def country(self, key: str) -> str:
        """ISO country of a node (a unit's parent's when it has none), or "?" when the graph does not say."""
        return self.countries.get(key, "?")

    def is_org(self, key: str) -> bool:
        """Whether a node is an organisation (University, Organization, Lab)."""
        return key in self.organisations

    @cached_property
    def countries(self) -> dict[str, str]:
        """Every node's country as `country` says it, computed once (tables ask millions of times at M)."""
        inferred = self.inferred_country
        return {k: str(n.get("country") or inferred.get(k) or "?") for k, n in self.nodes.items()}

    @cached_property
    def organisations(self) -> frozenset[str]:
        """Keys of the organisations (University, Organization, Lab)."""
        return frozenset(k for k, n in self.nodes.items() if n.get("label") in ORGANISATION_LABELS)

    @cached_property
    def document_years(self) -> dict[str, int]:
        """Publication year of every dated Document."""
        return {k: y for k, d in self.documents.items() if (y := year_of(d.get("published"))) is not None}

    def document_records(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        """The given Documents with title and URL (read from the store now when the snapshot lacks them)."""
        fetched = self.details(keys) if self.details is not None else {}
        return {k: {**self.documents.get(k, {}), **fetched.get(k, {})} for k in keys}


@dataclass(slots=True)
class Tie:
    """Two organisations and every fact that links them (read undirected; `a` < `b`)."""

    a: str
    b: str
    facts: list[Fact] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    year: int | None = None

    @property
    def weight(self) -> int:
        """Independent sources: the number of distinct Documents stating any fact of the tie."""
        return len(self.sources)


def year_of(value: object) -> int | None:
    """The year of an ISO date string (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), None when there is none."""
    text = str(value or "")[:4]
    return int(text) if len(text) == 4 and text.isdigit() else None


def from_node_link(data: dict[str, Any]) -> Snapshot:
    """A snapshot from node-link JSON as `graph.export.node_link` writes it."""
    nodes: dict[str, dict[str, Any]] = {}
    documents: dict[str, dict[str, Any]] = {}
    for node in data["nodes"]:
        (documents if node["label"] == DOCUMENT else nodes)[node["id"]] = node
    facts = [
        Fact(
            type=link["type"],
            source=link["source"],
            target=link["target"],
            sources=tuple(link.get("sources") or ()),
            evidence=tuple(link.get("evidence") or ()),
            date=link.get("date"),
        )
        for link in data["links"]
        if link["type"] != "MENTIONED_IN"
    ]
    return Snapshot(nodes=nodes, documents=documents, facts=facts, inferred_country=parent_countries(nodes, facts))


def parent_countries(nodes: dict[str, dict[str, Any]], facts: list[Fact]) -> dict[str, str]:
    """For units with no country of their own: the country of the organisations they are PART_OF, if only one."""
    found: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        if fact.type != "PART_OF":
            continue
        parent = nodes.get(fact.target, {}).get("country")
        if parent and not nodes.get(fact.source, {}).get("country"):
            found[fact.source].add(str(parent))
    return {key: next(iter(c)) for key, c in found.items() if len(c) == 1}


def load_snapshot(store: GraphStore) -> Snapshot:
    """Read the whole graph from the store as projected rows (graph.snapshot); footnote details on demand."""
    rows = read_graph(store, keep_evidence=BELT_AND_ROAD.search)
    facts = [
        Fact(kind, source, target, tuple(sources), (), date)
        if evidence is None
        else _with_evidence(Fact(kind, source, target, tuple(sources), tuple(evidence), date))
        for kind, source, target, sources, date, evidence in rows.facts
    ]
    return Snapshot(
        nodes=rows.nodes,
        documents=rows.documents,
        facts=facts,
        inferred_country=parent_countries(rows.nodes, facts),
        details=lambda keys: document_details(store, keys),
    )


def _with_evidence(fact: Fact) -> Fact:
    """Sources sorted with their sentences kept aligned, as graph.export writes them (a table quotes the first)."""
    if len(fact.sources) != len(fact.evidence):
        return fact._replace(sources=tuple(sorted(fact.sources, key=str)))
    pairs = sorted(zip(fact.sources, fact.evidence, strict=True), key=lambda p: str(p[0]))
    return fact._replace(sources=tuple(p[0] for p in pairs), evidence=tuple(p[1] for p in pairs))


def load_exported_snapshot(store: GraphStore) -> Snapshot:
    """Read the whole graph through graph.export (every property of everything): the reference `load_snapshot`
    must agree with, and what an export file gives."""
    return from_node_link(node_link(store))


def fact_year(snapshot: Snapshot, fact: Fact) -> int | None:
    """When a fact happened: its own date, its Agreement's date, else its earliest dated source."""
    own = year_of(fact.date) if fact.date is not None else None
    if own is None and fact.type == "PARTY_TO":
        own = year_of(snapshot.nodes.get(fact.target, {}).get("date"))
    if own is not None:
        return own
    years = snapshot.document_years
    return min((years[s] for s in fact.sources if s in years), default=None)


def tie_network(snapshot: Snapshot) -> dict[tuple[str, str], Tie]:
    """Every organisation–organisation tie, keyed by its sorted pair of keys."""
    ties: dict[tuple[str, str], Tie] = {}
    orgs, years = snapshot.organisations, snapshot.document_years
    for fact, a, b, sources in _tie_facts(snapshot):
        if a == b or a not in orgs or b not in orgs:
            continue
        pair = (a, b) if a < b else (b, a)
        tie = ties.get(pair)
        if tie is None:
            tie = ties[pair] = Tie(*pair)
        tie.facts.append(fact)
        tie.sources.update(sources)
        if fact.date is None and fact.type != "PARTY_TO" and len(fact.sources) == 1:
            year = years.get(fact.sources[0])  # fact_year's answer, the common case made cheap
        else:
            year = fact_year(snapshot, fact)
        if year is not None and (tie.year is None or year < tie.year):
            tie.year = year
    return ties


def _tie_facts(snapshot: Snapshot) -> list[tuple[Fact, str, str, tuple[str, ...] | set[str]]]:
    """(fact, org, org, documents) for direct ties and for pairs of parties to one Agreement."""
    out: list[tuple[Fact, str, str, tuple[str, ...] | set[str]]] = [
        (f, f.source, f.target, f.sources) for f in snapshot.facts if f.type in TIE_TYPES
    ]
    parties: dict[str, list[Fact]] = defaultdict(list)
    for fact in snapshot.facts:
        if fact.type == "PARTY_TO":
            parties[fact.target].append(fact)
    for group in parties.values():
        for one, other in combinations(sorted(group, key=lambda f: f.source), 2):
            both = set(one.sources) & set(other.sources)
            out.append((one, one.source, other.source, both or set(one.sources) | set(other.sources)))
    return out


def resolve_ref(snapshot: Snapshot, ref: str) -> str:
    """The key of the entity a key, name or alias denotes; NotFound or Ambiguous otherwise."""
    if ref in snapshot.nodes:
        return ref
    from loaders.names import normalise

    wanted = normalise(ref)
    hits = sorted(
        key
        for key, node in snapshot.nodes.items()
        if wanted in {normalise(n) for n in [node.get("name") or "", *(node.get("aliases") or [])]}
    )
    if not hits:
        raise NotFound(f"no entity is called {ref!r}")
    if len(hits) > 1:
        raise Ambiguous(f"{ref!r} names {len(hits)} entities: {', '.join(hits[:10])}", details={"keys": hits})
    return hits[0]


def core_of(snapshot: Snapshot, scope: Scope) -> set[str] | None:
    """The nodes a scope is about (None: everything); an entity that is no organisation brings its orgs."""
    if scope.kind == "all":
        return None
    if scope.kind == "country":
        code = (scope.value or "").upper()
        if len(code) != 2 or not code.isalpha():
            raise BadRequest(f"country must be an ISO 3166-1 alpha-2 code such as KZ: got {scope.value!r}")
        return {k for k, n in snapshot.nodes.items() if n.get("country") == code and snapshot.is_org(k)}
    if scope.kind == "entity":
        key = resolve_ref(snapshot, scope.value or "")
        if snapshot.is_org(key):
            return {key}
        linked = {f.source for f in snapshot.facts if f.target == key} | {
            f.target for f in snapshot.facts if f.source == key
        }
        return {key} | {k for k in linked if snapshot.is_org(k)}
    raise BadRequest(f"unknown scope {scope.kind!r}: use all, country or entity")


def narrow(snapshot: Snapshot, scope: Scope) -> Snapshot:
    """The facts a report on `scope` rests on: dated from `since` on, touching the scope's organisations."""
    facts, undated = snapshot.facts, 0
    if scope.since is not None:
        years = [(f, fact_year(snapshot, f)) for f in facts]
        undated = sum(1 for _, y in years if y is None)
        facts = [f for f, y in years if y is not None and y >= scope.since]
    dated = replace(snapshot, facts=facts, dropped_undated=undated)
    core = core_of(snapshot, scope)
    if core is None:
        return dated
    ties = tie_network(dated)
    kept_ties = {t.a for t in ties.values() if t.b in core} | {t.b for t in ties.values() if t.a in core}
    reach = core | kept_ties
    agreements = {f.target for f in facts if f.type == "PARTY_TO" and f.source in core}
    kept = [
        f
        for f in facts
        if (f.type in TIE_TYPES and (f.source in core or f.target in core))
        or (f.type == "PARTY_TO" and f.target in agreements)
        or (f.type not in TIE_TYPES and f.type != "PARTY_TO" and (f.source in reach or f.target in reach))
    ]
    return replace(dated, facts=kept)


def nodes_in(snapshot: Snapshot) -> set[str]:
    """Keys of the nodes the snapshot's facts touch."""
    return {f.source for f in snapshot.facts} | {f.target for f in snapshot.facts}


def cited_documents(snapshot: Snapshot) -> set[str]:
    """Keys of the Documents that state at least one of the snapshot's facts and exist in the graph."""
    return {s for f in snapshot.facts for s in f.sources if s in snapshot.documents}
