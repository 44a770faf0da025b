"""Take a document back out of the graph: its sources leave every fact, facts it alone stated go.

Used when an edited article replaces its earlier version (same id or url, new text): a fact also stated
elsewhere keeps its other sources, and an entity no remaining document names is removed.
"""

from __future__ import annotations

from graph.store import GraphStore
from graph.upsert import refresh_aliases

MENTIONED_KEYS = "MATCH (e:Entity)-[:MENTIONED_IN]->(:Document {key: $doc}) RETURN e.key AS key"

DROP_SOURCE = (
    "MATCH (e:Entity)-[:MENTIONED_IN]->(:Document {key: $doc}) "
    "MATCH (e)-[r]-() WHERE $doc IN r.sources "
    "WITH DISTINCT r "
    "WITH r, [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] <> $doc] AS keep "
    "SET r.evidence = [i IN keep | r.evidence[i]], r.sources = [i IN keep | r.sources[i]]"
)

DELETE_UNSOURCED = (
    "MATCH (e:Entity)-[:MENTIONED_IN]->(:Document {key: $doc}) "
    "MATCH (e)-[r]-() WHERE r.sources IS NOT NULL AND size(r.sources) = 0 "
    "WITH DISTINCT r DELETE r"
)

DELETE_DOCUMENT = "MATCH (d:Document {key: $doc}) DETACH DELETE d"

DELETE_ORPHANS = (
    "UNWIND $keys AS k MATCH (e:Entity {key: k}) WHERE NOT (e)-[:MENTIONED_IN]->(:Document) DETACH DELETE e"
)


def retract_document(store: GraphStore, *, doc_key: str) -> list[str]:
    """Remove one document and what only it supported; return the keys of entities that remain touched."""
    keys = [row["key"] for row in store.read(MENTIONED_KEYS, {"doc": doc_key})]
    store.write(DROP_SOURCE, {"doc": doc_key})
    store.write(DELETE_UNSOURCED, {"doc": doc_key})
    store.write(DELETE_DOCUMENT, {"doc": doc_key})
    store.write(DELETE_ORPHANS, {"keys": keys})
    remaining = [
        row["key"]
        for row in store.read("UNWIND $keys AS k MATCH (e:Entity {key: k}) RETURN e.key AS key", {"keys": keys})
    ]
    refresh_aliases(store, keys=remaining)
    return remaining


def neo4j_statements() -> list[tuple[str, str]]:
    """The statements of this module, for the offline Neo4j linter."""
    return [
        ("retract:mentioned", MENTIONED_KEYS),
        ("retract:drop_source", DROP_SOURCE),
        ("retract:delete_unsourced", DELETE_UNSOURCED),
        ("retract:delete_document", DELETE_DOCUMENT),
        ("retract:delete_orphans", DELETE_ORPHANS),
    ]
