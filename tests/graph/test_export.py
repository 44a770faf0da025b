"""Export formats and the node-link round trip."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest

from graph.errors import BadRequest
from graph.export import export_graph, node_link
from graph.node_link_import import import_node_link, read_node_link
from graph.store import GraphStore
from tests.graph.factories import build_small_graph


def test_node_link_shape(store: GraphStore) -> None:
    build_small_graph(store)
    data = node_link(store)
    assert data["directed"] is True and data["multigraph"] is True and data["graph"] == {}
    xju = next(n for n in data["nodes"] if n["id"] == "xinjiang_university")
    assert xju == {
        "id": "xinjiang_university",
        "label": "University",
        "aliases": ["XJU", "Xinjiang University"],
        "city": "Urumqi",
        "country": "CN",
        "name": "Xinjiang University",
    }
    graph = nx.node_link_graph(data, edges="links")
    assert graph.number_of_nodes() == 5 and graph.number_of_edges() == 9


def test_export_import_export_is_identical(store: GraphStore, tmp_path: Path, settings, server_store) -> None:  # type: ignore[no-untyped-def]
    from graph.connect import open_store

    build_small_graph(store)
    first = tmp_path / "first.json"
    export_graph(store, fmt="node-link", path=first)
    other = open_store(settings, graph_name=f"{store.graph_name}_copy")  # type: ignore[attr-defined]
    try:
        import_node_link(other, read_node_link(first))
        second = tmp_path / "second.json"
        export_graph(other, fmt="node-link", path=second)
        assert second.read_bytes() == first.read_bytes()
        hits = other.read("CALL db.idx.fulltext.queryNodes('Entity', 'XJU') YIELD node RETURN node.key AS key")
        assert [h["key"] for h in hits] == ["xinjiang_university"]
    finally:
        other.command("GRAPH.DELETE", other.graph_name)  # type: ignore[attr-defined]
        other.close()


def test_graphml_reads_back_with_typed_attributes(store: GraphStore, tmp_path: Path) -> None:
    build_small_graph(store)
    path = tmp_path / "g.graphml"
    export_graph(store, fmt="graphml", path=path)
    graph = nx.read_graphml(path, force_multigraph=True)
    assert graph.nodes["kaznu"]["label"] == "Al-Farabi Kazakh National University"
    assert graph.nodes["kaznu"]["type"] == "University"
    weights = [d["weight"] for _, _, d in graph.edges(data=True) if d["type"] == "COOPERATES_WITH"]
    assert weights == [2] and isinstance(weights[0], int)
    assert '<key id="weight" for="edge" attr.name="weight" attr.type="long"' in path.read_text()


def test_csv_has_gephi_and_kumu_columns(store: GraphStore, tmp_path: Path) -> None:
    build_small_graph(store)
    export_graph(store, fmt="csv", path=tmp_path / "csv")
    nodes = list(csv.DictReader((tmp_path / "csv" / "nodes.csv").open()))
    edges = list(csv.DictReader((tmp_path / "csv" / "edges.csv").open()))
    assert {"Id", "Label", "Type"} <= set(nodes[0])
    assert {"Source", "Target", "From", "To", "Type", "Label", "Weight"} <= set(edges[0])
    coop = next(e for e in edges if e["Label"] == "COOPERATES_WITH")
    assert (coop["Source"], coop["Target"], coop["Weight"]) == ("kaznu", "xinjiang_university", "2")
    read = nx.parse_edgelist([f"{e['Source']} {e['Target']}" for e in edges], create_using=nx.MultiDiGraph)
    assert read.number_of_edges() == len(edges)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not readable"),
        ('{"nodes": 3}', "'nodes' list"),
        ('{"nodes": [{"id": "x", "label": "Spaceship"}]}', "'label' must be"),
        ('{"nodes": [{"id": "x", "label": "City", "p": {"a": 1}}]}', "scalar"),
        ('{"nodes": [], "links": [{"source": "a", "target": "b", "type": "LIKES"}]}', "'type' must be"),
    ],
)
def test_bad_node_link_is_rejected_with_reason(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(BadRequest, match=message):
        read_node_link(path)


def test_export_is_valid_json_file(store: GraphStore, tmp_path: Path) -> None:
    build_small_graph(store)
    path = tmp_path / "g.json"
    counts = export_graph(store, fmt="node-link", path=path)
    assert counts == {"nodes": 5, "links": 9}
    assert len(json.loads(path.read_text())["links"]) == 9
