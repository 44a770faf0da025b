"""A graph for the view tests: the shared fixture graph plus an entity whose names carry markup."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.connect import open_store
from graph.node_link_import import import_node_link, read_node_link
from graph.settings import Settings
from graph.store import GraphStore

HERE = Path(__file__).resolve().parent
FIXTURE_GRAPH = HERE.parent / "fixtures" / "graph.json"
XSS_GRAPH = HERE / "xss_graph.json"
XSS_NAME = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def viz_store(server_store: GraphStore, settings: Settings) -> Iterator[GraphStore]:
    """A store holding the fixture graph and the hostile entity, shared by a module's read-only tests."""
    store = open_store(settings, graph_name=f"viz_{uuid.uuid4().hex[:10]}")
    for path in (FIXTURE_GRAPH, XSS_GRAPH):
        import_node_link(store, read_node_link(path))
    yield store
    try:
        store.command("GRAPH.DELETE", store.graph_name)  # type: ignore[attr-defined]
    finally:
        store.close()


def synthetic_subgraph(n_nodes: int, n_links: int, *, seed: int = 1) -> dict:
    """A node-link subgraph of universities in the six countries, linked at random (a fixed seed)."""
    import random

    rng = random.Random(seed)
    countries = ["KZ", "KG", "UZ", "TJ", "TM", "CN", "RU"]
    nodes = [
        {"id": f"u{i:05d}", "label": "University", "name": f"University {i}", "country": countries[i % 7]}
        for i in range(n_nodes)
    ]
    links = []
    for j in range(n_links):
        a = rng.randrange(n_nodes)
        b = rng.randrange(n_nodes - 1)
        b = b if b < a else b + 1
        links.append(
            {
                "source": nodes[a]["id"],
                "target": nodes[b]["id"],
                "type": "COOPERATES_WITH",
                "sources": [f"doc_{j:016x}"] * (1 + j % 3),
                "evidence": ["They agreed."] * (1 + j % 3),
            }
        )
    return {"nodes": nodes, "links": links, "graph": {"title": "synthetic"}}
