"""Write what documents say into the graph, each fact with the document as its source.

The Document node is written last with a completion mark: a load killed half-way leaves no complete
Document, so loading the same file again redoes (idempotently) what was half-written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from graph.absorb import absorb_entity
from graph.schema import DOCUMENT
from graph.store import GraphStore, Row
from graph.upsert import refresh_aliases, upsert_facts, upsert_mentions, upsert_nodes
from loaders.facts import Document, Entity, Extraction, Resolution

Status = Literal["new", "unchanged", "replaced"]

DOCUMENT_STATE = (
    "UNWIND $docs AS doc "
    "OPTIONAL MATCH (same:Document {key: doc.key}) "
    "OPTIONAL MATCH (old:Document {source_id: doc.source_id}) WHERE old.key <> doc.key "
    "RETURN doc.key AS key, same._complete AS complete, collect(old.key) AS replaces"
)
EXISTING_NODES = (
    "UNWIND $keys AS k MATCH (n:Entity {key: k}) "
    "RETURN n.key AS key, labels(n) AS labels, n.titles AS titles, n.topics AS topics"
)
LIST_PROPERTIES = ("titles", "topics")
"""Node properties every article adds to (a person's titles, an agreement's topics): none replaces another's."""
MARK_COMPLETE = "UNWIND $keys AS k MATCH (d:Document {key: k}) SET d._complete = true"


@dataclass
class DocumentPlan:
    """One document ready to write: what it says, resolved to graph keys."""

    document: Document
    extraction: Extraction
    resolution: Resolution


@dataclass
class WriteRows:
    """The rows of a batch of documents, grouped by what writes them."""

    nodes: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    facts: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    mentions: list[Row] = field(default_factory=list)
    entity_keys: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)


def document_states(store: GraphStore, documents: Sequence[Document]) -> dict[str, tuple[Status, list[str]]]:
    """For each document: new, unchanged (same text fully loaded) or replaced (older versions' keys)."""
    params = [{"key": d.key, "source_id": d.source_id or d.key} for d in documents]
    states: dict[str, tuple[Status, list[str]]] = {}
    for row in store.read(DOCUMENT_STATE, {"docs": params}):
        if row["complete"]:
            states[row["key"]] = ("unchanged", [])
        elif row["replaces"]:
            states[row["key"]] = ("replaced", sorted(set(row["replaces"])))
        else:
            states[row["key"]] = ("new", [])
    return states


def document_props(document: Document) -> dict[str, Any]:
    """The Document node's properties (bookkeeping like load times stays out: the graph is a function of inputs)."""
    return {
        "source_id": document.source_id or document.key,
        "url": document.url,
        "title": document.title,
        "published": document.published,
        "publisher": document.publisher,
        "language": document.language,
        "text": document.text,
    }


def entity_props(entity: Entity) -> dict[str, Any]:
    """An entity node's properties: name, place, and its type-specific ones."""
    return {"name": entity.name, "country": entity.country, "city": entity.city, **entity.props}


def collect_rows(plans: Sequence[DocumentPlan], *, labels: dict[str, str] | None = None) -> WriteRows:
    """Turn resolved documents into node, mention and fact rows.

    `labels` gives the type a key already has; a key keeps it (and a key new to the batch keeps the first
    type seen), since a node's key is unique across all entity types.
    """
    rows = WriteRows(labels=dict(labels or {}))
    for plan in plans:
        _collect_one(plan, rows)
    return rows


def _collect_one(plan: DocumentPlan, rows: WriteRows) -> None:
    """Add one document's rows."""
    doc_key = plan.document.key
    entities = plan.resolution.entities
    rows.nodes[DOCUMENT].append({"key": doc_key, "props": document_props(plan.document)})
    names: dict[str, set[str]] = defaultdict(set)
    for candidate in plan.extraction.candidates:
        entity = entities.get(candidate.local_id)
        if entity is None:
            continue
        label = rows.labels.setdefault(entity.key, entity.label)
        rows.nodes[label].append({"key": entity.key, "props": entity_props(entity)})
        names[entity.key].update(n for n in candidate.names if n)
        rows.entity_keys.add(entity.key)
    rows.mentions += [{"key": k, "document": doc_key, "names": sorted(v)} for k, v in sorted(names.items())]
    for relation in plan.extraction.relations:
        a, b = entities.get(relation.a), entities.get(relation.b)
        if a is None or b is None or a.key == b.key:
            continue
        rows.facts[relation.type].append(
            fact_row(relation.type, a.key, b.key, doc_key=doc_key, evidence=relation.evidence, props=relation.props)
        )


def fact_row(rel_type: str, a: str, b: str, *, doc_key: str, evidence: str, props: dict[str, Any]) -> Row:
    """One fact row; cooperation is symmetric, so it is stored from the smaller key to the larger."""
    if rel_type == "COOPERATES_WITH" and b < a:
        a, b = b, a
    merge = {"date": props.get("date")} if rel_type == "VISITED" else {}
    rest = {k: v for k, v in props.items() if k not in merge}
    return {"a": a, "b": b, "sources": [doc_key], "evidence": [evidence], "props": rest, "merge": merge}


def write_plans(store: GraphStore, plans: Sequence[DocumentPlan], *, batch_size: int = 1000) -> WriteRows:
    """Write a batch of resolved documents: entities, documents, mentions, facts, nodes a document shows to be
    another (folded into it), then completion marks."""
    keys = sorted({e.key for p in plans for e in p.resolution.entities.values()})
    existing = existing_nodes(store, keys)
    rows = collect_rows(plans, labels={k: label for k, (label, _) in existing.items()})
    for label, node_rows in sorted(rows.nodes.items()):
        merged = _merge_node_rows(node_rows, known={k: lists for k, (_, lists) in existing.items()})
        upsert_nodes(store, label=label, rows=merged, batch_size=batch_size)
    upsert_mentions(store, rows=rows.mentions, batch_size=batch_size)
    for rel_type, fact_rows in sorted(rows.facts.items()):
        upsert_facts(store, rel_type=rel_type, rows=fact_rows, batch_size=batch_size)
    for plan in plans:
        for drop, keep in sorted(plan.resolution.absorbed.items()):
            absorb_entity(store, drop=drop, keep=keep)
    refresh_aliases(store, keys=rows.entity_keys, batch_size=batch_size)
    store.write(MARK_COMPLETE, {"keys": [p.document.key for p in plans]})
    return rows


def existing_nodes(store: GraphStore, keys: Sequence[str]) -> dict[str, tuple[str, dict[str, list[Any]]]]:
    """The type label each of these keys already has in the graph, and its list properties."""
    rows = store.read(EXISTING_NODES, {"keys": list(keys)}) if keys else []
    return {
        r["key"]: (
            next(lb for lb in sorted(r["labels"]) if lb != "Entity"),
            {name: list(r[name]) for name in LIST_PROPERTIES if r.get(name)},
        )
        for r in rows
        if len(r["labels"]) > 1
    }


def _merge_node_rows(rows: list[Row], *, known: dict[str, dict[str, list[Any]]] | None = None) -> list[Row]:
    """One row per key: later documents add properties, never erase them with nulls; list properties gather
    every document's values, the graph's included."""
    merged: dict[str, Row] = {}
    for row in rows:
        target = merged.setdefault(row["key"], {"key": row["key"], "props": dict((known or {}).get(row["key"], {}))})
        for name, value in row["props"].items():
            if name in LIST_PROPERTIES and isinstance(value, list):
                target["props"][name] = distinct_values([*target["props"].get(name, []), *value])
            elif value is not None:
                target["props"][name] = value
    return list(merged.values())


def distinct_values(values: list[Any]) -> list[Any]:
    """Each value once, spellings differing only in case or spacing as one (the same one in any load order)."""
    groups: dict[str, list[str]] = {}
    for value in values:
        text = str(value)
        groups.setdefault(" ".join(text.casefold().split()), []).append(text)
    return sorted(min(group) for group in groups.values())


def neo4j_statements() -> list[tuple[str, str]]:
    """The statements of this module, for the offline Neo4j linter."""
    return [
        ("write:document_state", DOCUMENT_STATE),
        ("write:existing_nodes", EXISTING_NODES),
        ("write:mark_complete", MARK_COMPLETE),
    ]
