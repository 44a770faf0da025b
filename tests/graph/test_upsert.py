"""Schema and batched writes: idempotent, sourced, and pinned to their exact Cypher."""

from __future__ import annotations

from graph.export import node_link
from graph.retract import retract_document
from graph.schema import ensure_schema
from graph.store import GraphStore
from graph.upsert import fact_upsert_cypher, node_upsert_cypher, upsert_facts
from tests.graph.factories import build_small_graph, make_fact


def test_node_upsert_cypher_is_pinned() -> None:
    assert node_upsert_cypher("University") == (
        "UNWIND $rows AS row MERGE (n:Entity:University {key: row.key}) SET n += row"
    )
    assert node_upsert_cypher("Document") == "UNWIND $rows AS row MERGE (n:Document {key: row.key}) SET n += row"


def test_fact_upsert_cypher_is_pinned() -> None:
    assert fact_upsert_cypher("VISITED") == (
        "UNWIND $rows AS row MATCH (a:Entity {key: row.a}) MATCH (b:Entity {key: row.b}) "
        "MERGE (a)-[r:VISITED {date: row.merge.date}]->(b) SET r += row.props, "
        "r.evidence = [i IN range(0, size(coalesce(r.sources, [])) - 1) "
        "WHERE NOT r.sources[i] IN row.sources | r.evidence[i]] + row.evidence, "
        "r.sources = [s IN coalesce(r.sources, []) WHERE NOT s IN row.sources] + row.sources"
    )


def test_schema_is_idempotent(store: GraphStore) -> None:
    before = store.read("CALL db.indexes() YIELD label, properties RETURN label, properties ORDER BY label")
    ensure_schema(store)
    ensure_schema(store)
    after = store.read("CALL db.indexes() YIELD label, properties RETURN label, properties ORDER BY label")
    assert after == before
    assert {"label": "Entity", "properties": ["key", "name", "search_text"]} in after


def test_loading_twice_changes_nothing(store: GraphStore) -> None:
    build_small_graph(store)
    first = node_link(store)
    build_small_graph(store)
    assert node_link(store) == first
    assert len(first["nodes"]) == 5
    types = sorted(link["type"] for link in first["links"])
    assert types == [
        "AFFILIATED_WITH",
        "COOPERATES_WITH",
        "MENTIONED_IN",
        "MENTIONED_IN",
        "MENTIONED_IN",
        "MENTIONED_IN",
        "MENTIONED_IN",
        "VISITED",
        "VISITED",
    ]


def test_sources_accumulate_with_aligned_evidence(store: GraphStore) -> None:
    build_small_graph(store)
    coop = next(link for link in node_link(store)["links"] if link["type"] == "COOPERATES_WITH")
    assert coop["sources"] == ["doc_a", "doc_b"]
    assert coop["evidence"] == ["A says so.", "B says so."]


def test_visits_on_different_dates_are_different_facts(store: GraphStore) -> None:
    build_small_graph(store)
    visits = [link for link in node_link(store)["links"] if link["type"] == "VISITED"]
    assert sorted((v.get("date") or "", tuple(v["sources"])) for v in visits) == [
        ("", ("doc_b",)),
        ("2024-01-27", ("doc_a",)),
    ]


def test_same_source_restated_replaces_its_evidence(store: GraphStore) -> None:
    build_small_graph(store)
    upsert_facts(
        store,
        rel_type="COOPERATES_WITH",
        rows=[
            make_fact("kaznu", "xinjiang_university", source="doc_a", evidence="A, edited."),
        ],
    )
    coop = next(link for link in node_link(store)["links"] if link["type"] == "COOPERATES_WITH")
    assert coop["sources"] == ["doc_a", "doc_b"]
    assert coop["evidence"] == ["A, edited.", "B says so."]


def test_aliases_are_every_name_documents_use(store: GraphStore) -> None:
    build_small_graph(store)
    kaznu = next(n for n in node_link(store)["nodes"] if n["id"] == "kaznu")
    assert kaznu["aliases"] == ["Al-Farabi KazNU", "Al-Farabi Kazakh National University", "KazNU"]
    hits = store.read("CALL db.idx.fulltext.queryNodes('Entity', 'KazNU') YIELD node RETURN node.key AS key")
    assert [h["key"] for h in hits] == ["kaznu"]


def test_retracting_a_document_keeps_facts_stated_elsewhere(store: GraphStore) -> None:
    build_small_graph(store)
    retract_document(store, doc_key="doc_b")
    data = node_link(store)
    keys = {n["id"] for n in data["nodes"]}
    assert keys == {"doc_a", "kaznu", "xinjiang_university"}, "jin_gang was named only by doc_b"
    coop = next(link for link in data["links"] if link["type"] == "COOPERATES_WITH")
    assert coop["sources"] == ["doc_a"] and coop["evidence"] == ["A says so."]
    assert [link.get("date") for link in data["links"] if link["type"] == "VISITED"] == ["2024-01-27"]
    kaznu = next(n for n in data["nodes"] if n["id"] == "kaznu")
    assert kaznu["aliases"] == ["Al-Farabi Kazakh National University", "KazNU"]
