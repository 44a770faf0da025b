"""GraphStore.read_rows (rows as lists, compact reply decoded by us) and graph.snapshot.read_graph."""

from __future__ import annotations

import gc

from graph.export import node_link
from graph.heap import paused_gc
from graph.snapshot import document_details, read_graph
from graph.store import GraphStore
from tests.graph.factories import build_small_graph

VALUES = (
    "RETURN 'a' AS s, 'é✓' AS u, 1 AS i, -7 AS neg, 1.5 AS f, true AS t, false AS no, null AS nothing, "
    "['x', 2, null, [true]] AS nested, [] AS empty, "
    "{k: 1, l: ['m'], d: date('2024-02-01'), n: {`é`: null}} AS map, date('2024-01-31') AS day, [{a: 'b'}] AS maps"
)


def test_read_rows_gives_the_values_read_gives(store: GraphStore) -> None:
    [row] = store.read_rows(VALUES)
    [mapped] = store.read(VALUES)
    assert row == list(mapped.values())
    assert row[:10] == ["a", "é✓", 1, -7, 1.5, True, False, None, ["x", 2, None, [True]], []]
    assert row[10] == {"k": 1, "l": ["m"], "d": "2024-02-01", "n": {"é": None}} and row[11] == "2024-01-31"
    assert row[12] == [{"a": "b"}]


def test_read_rows_of_nothing_and_of_nodes(store: GraphStore) -> None:
    build_small_graph(store)
    assert store.read_rows("MATCH (n:Nothing) RETURN n.key") == []
    [[props]] = store.read_rows("MATCH (n:Entity {key: 'xinjiang_university'}) RETURN n")
    assert props["name"] == "Xinjiang University" and "University" in props["_labels"]


def test_read_graph_projects_what_the_export_holds(store: GraphStore) -> None:
    build_small_graph(store)
    rows = read_graph(store, keep_evidence=lambda text: "says so" in text)
    exported = node_link(store)
    entities = {n["id"]: n for n in exported["nodes"] if n["label"] != "Document"}
    assert set(rows.nodes) == set(entities)
    for key, node in rows.nodes.items():
        assert node == {k: v for k, v in entities[key].items() if k in ("label", *node)}
        assert node.get("country") == entities[key].get("country")
    links = [link for link in exported["links"] if link["type"] != "MENTIONED_IN"]
    assert sorted((t, s, o, sorted(src), d) for t, s, o, src, d, _ in rows.facts) == sorted(
        (x["type"], x["source"], x["target"], x["sources"], x.get("date")) for x in links
    )
    kept = [(t, s, o, sorted(ev)) for t, s, o, _, _, ev in rows.facts if ev is not None]
    assert kept == [("COOPERATES_WITH", "kaznu", "xinjiang_university", ["A says so.", "B says so."])]
    assert {d["id"] for d in exported["nodes"] if d["label"] == "Document"} == set(rows.documents)


def test_document_details_reads_only_the_asked_documents(store: GraphStore) -> None:
    build_small_graph(store)
    assert document_details(store, ["doc_a", "doc_a"]) == {
        "doc_a": {"title": "A", "source_id": "a", "published": "2024-02-01"}
    }


def test_paused_gc_restores_the_collector() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
