"""Keys do not depend on load order: the same articles loaded in two orders export the same graph."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from graph.connect import open_store
from graph.export import node_link
from graph.settings import Settings
from graph.store import GraphStore
from loaders.facts import Document
from loaders.pipeline import load_items
from loaders.read import document_key

TEXTS = [
    "Rector of Naryn State University Temirov A.K. received a delegation of Hubei University on May 3. "
    "The Embassy of Kyrgyzstan in China helped to organise the visit.",
    "Temirov A.K., rector of Naryn State University, visited Hubei University on June 9. "
    "He met the staff of the Embassy of China in Kyrgyzstan.",
    "Vice-Rector Hubei University Mr. Gao Peng said that Naryn State University named after S. Naamatov "
    "and Hubei University opened the Centre for Mountain Ecology together.",
]


@pytest.fixture
def second_store(server_store: GraphStore, settings: Settings) -> Iterator[GraphStore]:
    """A second graph on the session's server, deleted after the test."""
    graph_store = open_store(settings, graph_name=f"t_{uuid.uuid4().hex[:12]}")
    yield graph_store
    try:
        graph_store.command("GRAPH.DELETE", graph_store.graph_name)  # type: ignore[attr-defined]
    finally:
        graph_store.close()


def make_documents(texts: list[str]) -> list[Document]:
    return [
        Document(key=document_key(t), text=t, source_id=f"a{TEXTS.index(t)}", published="2024-06-10") for t in texts
    ]


def test_two_load_orders_give_the_same_export(store: GraphStore, second_store: GraphStore, settings: Settings) -> None:
    load_items(store, make_documents(TEXTS), settings=settings)
    load_items(second_store, make_documents(TEXTS[::-1]), settings=settings)
    first, second = node_link(store), node_link(second_store)
    keys = {n["id"] for n in first["nodes"]}
    assert "ak_temirov" in keys
    assert len([k for k in keys if k.startswith("embassy")]) == 2  # of Kyrgyzstan in China, of China in Kyrgyzstan
    assert keys == {n["id"] for n in second["nodes"]}
    assert first["nodes"] == second["nodes"]  # keys, names, aliases
    assert _facts(first) == _facts(second)


def _facts(graph: dict[str, list[dict[str, object]]]) -> list[tuple[object, ...]]:
    """Each link by its ends, type and sources (a property two sources state differently is the writer's)."""
    return sorted((ln["source"], ln["type"], ln["target"], str(ln.get("sources"))) for ln in graph["links"])
