"""What changes above the size thresholds: Leiden for communities, brokerage computed in a second process."""

from __future__ import annotations

import pytest

from graph.store import GraphStore
from reports import metrics as metrics_module
from reports.metrics import compute_metrics
from reports.snapshot import load_snapshot, tie_network
from tests.reports.small_graphs import build_star, build_two_cliques


@pytest.fixture
def as_if_large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every network counts as large (the thresholds are 20k organisations)."""
    monkeypatch.setattr(metrics_module, "LOUVAIN_MAX_NODES", 0)
    monkeypatch.setattr(metrics_module, "PARALLEL_MIN_NODES", 0)


def test_brokerage_from_the_second_process_is_the_hand_computed_one(store: GraphStore, as_if_large: None) -> None:
    build_star(store)
    snapshot = load_snapshot(store)
    m = compute_metrics(snapshot, tie_network(snapshot), engine="igraph").nodes
    assert m["kz_hub"].brokerage == pytest.approx(2) and m["cn_a"].brokerage == pytest.approx(2)
    assert m["kg_x"].brokerage == 0
    assert m["kz_hub"].betweenness == pytest.approx(5 / 6)


def test_leiden_finds_the_two_cliques_and_says_so(store: GraphStore, as_if_large: None) -> None:
    build_two_cliques(store)
    snapshot = load_snapshot(store)
    m = compute_metrics(snapshot, tie_network(snapshot), engine="igraph")
    assert sorted(sorted(c) for c in m.communities) == [["c1", "c2", "c3"], ["k1", "k2", "k3"]]
    assert m.modularity == pytest.approx(5 / 14)
    assert m.method["communities"].startswith("Leiden (modularity")


def test_small_networks_keep_louvain(store: GraphStore) -> None:
    build_two_cliques(store)
    snapshot = load_snapshot(store)
    assert compute_metrics(snapshot, tie_network(snapshot), engine="igraph").method["communities"].startswith("Louvain")
