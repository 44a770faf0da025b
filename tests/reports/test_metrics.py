"""Metrics on hand-built graphs match values worked out by hand, with networkx and with igraph."""

from __future__ import annotations

import pytest

from graph.store import GraphStore
from graph.upsert import upsert_facts, upsert_nodes
from reports import metrics as metrics_module
from reports.metrics import compute_metrics, concentration, country_pairs
from reports.snapshot import load_snapshot, tie_network
from tests.graph.factories import make_fact
from tests.reports.small_graphs import add_documents, add_orgs, build_spread, build_star, build_two_cliques

ENGINES = ["networkx", "igraph"]


def metrics_of(store: GraphStore, engine: str):  # type: ignore[no-untyped-def]
    snapshot = load_snapshot(store)
    return compute_metrics(snapshot, tie_network(snapshot), engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_star_degrees_betweenness_and_brokerage(store: GraphStore, engine: str) -> None:
    build_star(store)
    m = metrics_of(store, engine).nodes
    assert {k: n.degree for k, n in m.items()} == {"kz_hub": 3, "cn_a": 2, "cn_b": 1, "cn_c": 1, "kg_x": 1}
    # hub–cn_a is stated by two documents, every other tie by one
    assert {k: n.weighted_degree for k, n in m.items()} == {"kz_hub": 4, "cn_a": 3, "cn_b": 1, "cn_c": 1, "kg_x": 1}
    # hub lies on a–b, a–c, b–c, kg–b, kg–c (5 of 6 pairs not involving it); cn_a on kg–hub, kg–b, kg–c (3 of 6)
    assert m["kz_hub"].betweenness == pytest.approx(5 / 6)
    assert m["cn_a"].betweenness == pytest.approx(3 / 6)
    assert m["cn_b"].betweenness == 0
    # Central Asian → Chinese pairs: only kg_x→cn_b and kg_x→cn_c pass through others (cn_a, then kz_hub)
    assert m["kz_hub"].brokerage == pytest.approx(2)
    assert m["cn_a"].brokerage == pytest.approx(2)
    assert m["kg_x"].brokerage == 0
    assert sum(n.pagerank for n in m.values()) == pytest.approx(1)
    assert max(m.values(), key=lambda n: n.pagerank).key == "kz_hub"


@pytest.mark.parametrize("engine", ENGINES)
def test_path_betweenness(store: GraphStore, engine: str) -> None:
    add_documents(store, "doc_1")
    add_orgs(store, kz="KZ", mid="RU", cn="CN")
    upsert_facts(
        store,
        rel_type="COOPERATES_WITH",
        rows=[
            make_fact("kz", "mid", source="doc_1"),
            make_fact("cn", "mid", source="doc_1"),
        ],
    )
    m = metrics_of(store, engine).nodes
    assert m["mid"].betweenness == pytest.approx(1.0)
    assert m["mid"].brokerage == pytest.approx(1.0)
    assert m["kz"].betweenness == m["cn"].betweenness == 0


def test_engines_agree_on_pagerank(store: GraphStore) -> None:
    build_star(store)
    nx_ranks = {k: n.pagerank for k, n in metrics_of(store, "networkx").nodes.items()}
    ig_ranks = {k: n.pagerank for k, n in metrics_of(store, "igraph").nodes.items()}
    assert nx_ranks == pytest.approx(ig_ranks)


@pytest.mark.parametrize("engine", ENGINES)
def test_louvain_finds_the_two_cliques(store: GraphStore, engine: str) -> None:
    build_two_cliques(store)
    m = metrics_of(store, engine)
    assert sorted(sorted(c) for c in m.communities) == [["c1", "c2", "c3"], ["k1", "k2", "k3"]]
    # each triangle: 3 of 7 ties inside, degree sum 7 of 14: Q = 2 × (3/7 − (7/14)²) = 5/14
    assert m.modularity == pytest.approx(5 / 14)


def test_concentration_and_hhi(store: GraphStore) -> None:
    build_spread(store)
    snapshot = load_snapshot(store)
    [kz] = concentration(snapshot, tie_network(snapshot))
    assert (kz.country, kz.ties, kz.partners) == ("KZ", 7, 6)
    assert kz.top[0] == ("cn1", 2)
    assert kz.top_share == pytest.approx(6 / 7)  # cn1 (2) + four partners with 1 each, of 7
    assert kz.hhi == pytest.approx(((2 / 7) ** 2 + 5 * (1 / 7) ** 2) * 10_000)  # 1,836.7


def test_concentration_of_a_star(store: GraphStore) -> None:
    build_star(store)
    snapshot = load_snapshot(store)
    by_country = {c.country: c for c in concentration(snapshot, tie_network(snapshot))}
    assert by_country["KZ"].hhi == pytest.approx(10_000 / 3)
    assert by_country["KG"].hhi == pytest.approx(10_000)
    assert by_country["KG"].top_share == 1


def test_country_pairs_are_symmetric(store: GraphStore) -> None:
    build_star(store)
    snapshot = load_snapshot(store)
    order, counts = country_pairs(snapshot, tie_network(snapshot))
    assert order == ["KZ", "KG", "CN"]
    assert counts[("KZ", "CN")] == counts[("CN", "KZ")] == 3
    assert counts[("KG", "CN")] == 1
    assert ("KZ", "KG") not in counts


def test_agreement_parties_are_tied(store: GraphStore) -> None:
    add_documents(store, "doc_1", "doc_2")
    add_orgs(store, kz="KZ", cn="CN")
    upsert_nodes(store, label="Agreement", rows=[{"key": "mou", "props": {"name": "MoU", "date": "2019-04"}}])
    upsert_facts(
        store,
        rel_type="PARTY_TO",
        rows=[
            make_fact("kz", "mou", source="doc_1"),
            make_fact("cn", "mou", source="doc_1"),
            make_fact("cn", "mou", source="doc_2"),
        ],
    )
    snapshot = load_snapshot(store)
    ties = tie_network(snapshot)
    assert list(ties) == [("cn", "kz")]
    assert ties[("cn", "kz")].sources == {"doc_1"}  # only doc_1 names both parties
    assert ties[("cn", "kz")].year == 2019


def test_large_networks_sample_betweenness(store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    build_star(store)
    monkeypatch.setattr(metrics_module, "NETWORKX_MAX_NODES", 2)
    monkeypatch.setattr(metrics_module, "EXACT_BETWEENNESS_MAX_NODES", 2)
    monkeypatch.setattr(metrics_module, "SAMPLE_SOURCES", 5)
    m = metrics_of(store, "auto")
    assert m.method["library"].startswith("igraph")
    assert m.method["betweenness"].startswith("sampled from 5")
    # sampling every node is exact again: the figures must not move
    assert m.nodes["kz_hub"].betweenness == pytest.approx(5 / 6)


def test_small_networks_use_networkx_exactly(store: GraphStore) -> None:
    build_star(store)
    m = metrics_of(store, "auto")
    assert m.method["library"].startswith("networkx")
    assert m.method["betweenness"].startswith("exact")
