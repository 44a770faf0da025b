"""The whole graph as projected rows, for reports: what a whole-network figure needs, and no more.

    read_graph(store, keep_evidence=...)  → GraphRows
      entity keys                one query
      per page of PAGE keys      nodes: key, type label, name, aliases, country, date, status
                                 facts leaving them: type, source, target, sources, date, evidence
                                 (evidence kept only where `keep_evidence` says so: a report quotes a few)
      documents                  key, published, publisher
    document_details(store, keys)  title, url, source_id too, for the Documents a report cites

Rows come back as lists (`GraphStore.read_rows`), not property maps: reading the 100k-node / 1M-link
graph as maps with every evidence sentence (graph.export) spent most of its time decoding values no
figure uses. Pages go through the `Entity(key)` index. Evidence travels (filtering it in the server cost
more server CPU than sending it) but is dropped page by page unless kept. Python's cyclic garbage
collector is paused while the rows are made: it re-scanned the growing snapshot and took 80% of the time.
Each query is atomic; the pages are not one transaction, so a graph written to while it is read gives a
snapshot that may mix before and after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.export import type_label
from graph.heap import paused_gc
from graph.read_ahead import read_ahead
from graph.schema import FACT_TYPES
from graph.store import GraphStore

PAGE = 10_000
ENTITY_KEYS = "MATCH (n:Entity) RETURN n.key AS key"
NODES = (
    "UNWIND $keys AS k MATCH (n:Entity {key: k}) "
    "RETURN n.key, labels(n), n.name, n.aliases, n.country, n.date, n.status"
)
FACTS = (
    f"UNWIND $keys AS k MATCH (a:Entity {{key: k}})-[r:{'|'.join(FACT_TYPES)}]->(b) "
    "RETURN type(r), a.key, b.key, r.sources, r.date, r.evidence"
)
DOCUMENTS = "MATCH (d:Document) RETURN d.key, d.published, d.publisher"
DOCUMENT_DETAILS = (
    "UNWIND $keys AS k MATCH (d:Document {key: k}) "
    "RETURN d.key AS key, d.title AS title, d.url AS url, d.source_id AS source_id, "
    "d.published AS published, d.publisher AS publisher"
)
NODE_FIELDS = ("name", "aliases", "country", "date", "status")
"""Node properties a report reads; a node's dict holds only those it has (a report tells "no country" apart)."""


@dataclass
class GraphRows:
    """Entities by key (with `label`), Documents by key, and facts as
    (type, source, target, sources, date, evidence or None) tuples."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    facts: list[tuple[str, str, str, list[str], Any, list[str] | None]] = field(default_factory=list)


def read_graph(store: GraphStore, *, keep_evidence: Callable[[str], object] | None = None) -> GraphRows:
    """Every entity, fact and Document as projected rows; a fact's evidence only if `keep_evidence` takes it."""
    out = GraphRows()
    with paused_gc():
        for node_rows, fact_rows in read_ahead(lambda keys: _page_rows(store, keys), key_pages(store)):
            for key, labels, *values in node_rows:
                node = {name: v for name, v in zip(NODE_FIELDS, values, strict=True) if v is not None}
                node["label"] = type_label(labels)
                out.nodes[key] = node
            for kind, source, target, sources, date, evidence in fact_rows:
                kept = evidence if evidence and keep_evidence and keep_evidence("\n".join(evidence)) else None
                out.facts.append((kind, source, target, sources or [], date, kept))
        for key, published, publisher in store.read_rows(DOCUMENTS):
            out.documents[key] = {"published": published, "publisher": publisher}
    return out


def _page_rows(store: GraphStore, keys: list[str]) -> tuple[list[list[Any]], list[list[Any]]]:
    """The entities of one page of keys and the facts they state."""
    return store.read_rows(NODES, {"keys": keys}), store.read_rows(FACTS, {"keys": keys})


def key_pages(store: GraphStore) -> Iterator[list[str]]:
    """Every entity key in order, PAGE at a time."""
    keys = sorted(row[0] for row in store.read_rows(ENTITY_KEYS))
    for start in range(0, len(keys), PAGE):
        yield keys[start : start + PAGE]


def document_details(store: GraphStore, keys: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Title, url, source_id, published and publisher of the given Documents (the ones a report cites)."""
    out: dict[str, dict[str, Any]] = {}
    wanted = sorted(set(keys))
    for start in range(0, len(wanted), PAGE):
        for row in store.read(DOCUMENT_DETAILS, {"keys": wanted[start : start + PAGE]}):
            key = row.pop("key")
            out[key] = {k: v for k, v in row.items() if v is not None}
    return out


def neo4j_statements() -> list[tuple[str, str]]:
    """The statements of this module, for the offline Neo4j linter."""
    return [
        ("snapshot:entity_keys", ENTITY_KEYS),
        ("snapshot:nodes", NODES),
        ("snapshot:facts", FACTS),
        ("snapshot:documents", DOCUMENTS),
        ("snapshot:document_details", DOCUMENT_DETAILS),
    ]
