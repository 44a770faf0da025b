"""Report fixtures: a realistic graph from gold-annotated real articles, loaded once per test that asks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.node_link_import import import_node_link
from graph.store import GraphStore
from tests.conftest import CORPUS, REPO
from tests.reports.gold_graph import gold_node_link


def gold_paths() -> list[Path]:
    """The sample corpus shipped with the project, plus the shared dev articles when they are there."""
    return sorted((REPO / "samples" / "corpus").glob("*.json")) + sorted((CORPUS / "dev").glob("*.json"))


@pytest.fixture(scope="session")
def gold_data() -> dict[str, Any]:
    """Node-link data of the gold articles."""
    return gold_node_link(gold_paths())


@pytest.fixture
def gold_store(store: GraphStore, gold_data: dict[str, Any]) -> GraphStore:
    """The per-test store holding the gold graph."""
    import_node_link(store, gold_data)
    return store
