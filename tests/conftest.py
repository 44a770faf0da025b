"""Shared fixtures: one real embedded FalkorDB server for the session, a fresh graph per test."""

from __future__ import annotations

import gc
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.connect import open_store
from graph.settings import Settings, get_settings, load_settings
from graph.store import GraphStore

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _fresh_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep the developer's own environment (NEO4J_URI, data dir) out of tests unless a test sets it."""
    keep_neo4j = bool(os.environ.get("COOPGRAPH_TEST_NEO4J"))
    for name in list(os.environ):
        if (name.startswith("COOPGRAPH_") and name != "COOPGRAPH_TEST_NEO4J") or (
            name.startswith("NEO4J_") and not keep_neo4j
        ):
            monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Start from the collector's defaults (a settled heap is process-wide: an earlier large load or app
    start-up in this process left it so); restore what was there afterwards."""
    thresholds = gc.get_threshold()
    gc.unfreeze()
    gc.set_threshold(700, 10, 10)
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data directory of the session's embedded FalkorDB server."""
    return tmp_path_factory.mktemp("coopgraph-data")


@pytest.fixture(scope="session")
def settings(data_dir: Path) -> Settings:
    """Settings pointing at the session's data directory and the embedded store."""
    return load_settings(data_dir=data_dir)


@pytest.fixture(scope="session")
def server_store(settings: Settings) -> Iterator[GraphStore]:
    """One embedded FalkorDB server (and connection) shared by the whole session."""
    store = open_store(settings, graph_name="session")
    yield store
    store.close()


@pytest.fixture
def store(server_store: GraphStore, settings: Settings) -> Iterator[GraphStore]:
    """A store on a graph of its own, with the schema, deleted after the test."""
    graph_store = open_store(settings, graph_name=f"t_{uuid.uuid4().hex[:12]}")
    yield graph_store
    settings.judgements_path.unlink(missing_ok=True)  # a test's judgements must not reach the next test
    try:
        graph_store.command("GRAPH.DELETE", graph_store.graph_name)  # type: ignore[attr-defined]
    finally:
        graph_store.close()
