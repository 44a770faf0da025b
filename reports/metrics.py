"""Network metrics of the organisation tie network: who matters, how it clusters, how concentrated it is.

    compute_metrics(snapshot, ties)
      ├─ degree, weighted degree (sum of each tie's independent sources)
      ├─ betweenness (whole network, normalised) and CA–CN brokerage (Central Asian → Chinese shortest paths)
      ├─ PageRank (weighted by sources), Louvain communities (weighted, fixed seed; Leiden above 20k nodes)
      └─ method: which library, and whether betweenness was exact or sampled
    concentration(snapshot, ties)   share of each Central Asian country's ties held by its top 5 Chinese partners, HHI
    country_pairs(snapshot, ties)   ties between each pair of countries

networkx computes small networks; igraph (measured 40–60× faster, ../shared/ENGINES.md §6; 35× here on
1k organisations / 5k ties, `python -m bench report_metrics`) computes networks above `NETWORKX_MAX_NODES`.
Betweenness is exact up to `EXACT_BETWEENNESS_MAX_NODES` and estimated above it from `SAMPLE_SOURCES` random
source nodes (fixed seed), scaled to the whole network.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import version
from multiprocessing import get_context
from typing import Any, TypeVar

import igraph as ig
import networkx as nx

from reports.snapshot import CENTRAL_ASIA, CHINA, Snapshot, Tie

NETWORKX_MAX_NODES = 500
EXACT_BETWEENNESS_MAX_NODES = 20_000
SAMPLE_SOURCES = 256
LOUVAIN_MAX_NODES = 20_000
"""Above this, communities by Leiden on modularity (igraph): Louvain took 14 s of CPU at M (53k organisations,
800k ties), Leiden 3 s, and Leiden's communities are connected, which Louvain's need not be."""
LEIDEN_ITERATIONS = 2
"""igraph's default; iterating until stable had not finished after 400 s at M."""
PARALLEL_MIN_NODES = 20_000
"""Above this, CA–CN brokerage is computed in a second process beside the whole-network betweenness."""
T = TypeVar("T")
SEED = 42
DAMPING = 0.85


@dataclass
class NodeMetrics:
    """Every metric of one organisation."""

    key: str
    degree: int = 0
    weighted_degree: int = 0
    betweenness: float = 0.0
    brokerage: float = 0.0
    pagerank: float = 0.0
    community: int = -1


@dataclass
class Metrics:
    """Metrics by organisation, communities (largest first), modularity, and how they were computed."""

    nodes: dict[str, NodeMetrics]
    communities: list[list[str]] = field(default_factory=list)
    modularity: float = 0.0
    method: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Network:
    """The tie network as integer-indexed edges: node keys, (i, j, weight) and the two sides."""

    keys: list[str]
    edges: list[tuple[int, int, int]]
    central_asian: list[int]
    chinese: list[int]


def build_network(snapshot: Snapshot, ties: dict[tuple[str, str], Tie]) -> Network:
    """Index the organisations that have ties; weight = the tie's independent sources (at least 1)."""
    keys = sorted({k for pair in ties for k in pair})
    index = {k: i for i, k in enumerate(keys)}
    edges = [(index[a], index[b], len(t.sources) or 1) for (a, b), t in ties.items()]
    ca = [index[k] for k in keys if snapshot.country(k) in CENTRAL_ASIA]
    cn = [index[k] for k in keys if snapshot.country(k) == CHINA]
    return Network(keys=keys, edges=edges, central_asian=ca, chinese=cn)


def compute_metrics(snapshot: Snapshot, ties: dict[tuple[str, str], Tie], *, engine: str = "auto") -> Metrics:
    """All node metrics and communities; `engine` is auto (by size), networkx or igraph."""
    net = build_network(snapshot, ties)
    n = len(net.keys)
    use = engine if engine != "auto" else ("networkx" if n <= NETWORKX_MAX_NODES else "igraph")
    exact = n <= EXACT_BETWEENNESS_MAX_NODES
    metrics = _with_networkx(net, exact=exact) if use == "networkx" else _with_igraph(net, exact=exact)
    library = f"{use} {version('networkx' if use == 'networkx' else 'igraph')}"
    sampled = f"sampled from {min(SAMPLE_SOURCES, n)} random source nodes (seed {SEED}), scaled to all {n}"
    metrics.method = {
        "library": library,
        "nodes": str(n),
        "ties": str(len(net.edges)),
        "betweenness": "exact (all shortest paths)" if exact else sampled,
        "communities": f"{_community_method(use, n)}, weighted by sources, seed {SEED}, "
        f"modularity {metrics.modularity:.3f}",
        "pagerank": f"weighted by sources, damping {DAMPING}, igraph PRPACK solver",
    }
    return metrics


def _community_method(library: str, n: int) -> str:
    """Which community algorithm ran (see LOUVAIN_MAX_NODES)."""
    return (
        f"Leiden (modularity, {LEIDEN_ITERATIONS} iterations)"
        if library == "igraph" and n > LOUVAIN_MAX_NODES
        else "Louvain"
    )


def _base(net: Network) -> dict[str, NodeMetrics]:
    """Degree and weighted degree straight from the edge list."""
    out = {k: NodeMetrics(key=k) for k in net.keys}
    for i, j, w in net.edges:
        for k in (net.keys[i], net.keys[j]):
            out[k].degree += 1
            out[k].weighted_degree += w
    return out


def _base_igraph(net: Network, graph: ig.Graph, weights: list[int]) -> dict[str, NodeMetrics]:
    """Degree and weighted degree from igraph (the same figures as `_base`, without a Python loop per tie)."""
    degrees, strengths = graph.degree(), graph.strength(weights=weights) if weights else [0] * len(net.keys)
    return {
        k: NodeMetrics(key=k, degree=int(d), weighted_degree=int(w))
        for k, d, w in zip(net.keys, degrees, strengths, strict=True)
    }


def _sample(population: Sequence[int], exact: bool) -> tuple[list[int], float]:
    """Sources for betweenness (all of them, or a seeded sample) and the factor that scales them up."""
    if exact or len(population) <= SAMPLE_SOURCES:
        return list(population), 1.0
    chosen = random.Random(SEED).sample(list(population), SAMPLE_SOURCES)  # noqa: S311 (sampling, not secrets)
    return chosen, len(population) / SAMPLE_SOURCES


def _with_networkx(net: Network, *, exact: bool) -> Metrics:
    """Metrics with networkx (small networks)."""
    graph = nx.Graph()
    graph.add_nodes_from(range(len(net.keys)))
    graph.add_weighted_edges_from(net.edges)
    out = _base(net)
    n = len(net.keys)
    k = None if exact or n <= SAMPLE_SOURCES else SAMPLE_SOURCES
    between = nx.betweenness_centrality(graph, k=k, seed=SEED, normalized=True)
    sources, scale = _sample(net.central_asian, exact)
    broker = nx.betweenness_centrality_subset(graph, sources, net.chinese, normalized=False)
    rank = _pagerank(net)
    groups = nx.community.louvain_communities(graph, weight="weight", seed=SEED) if n else []
    communities = _ordered([[net.keys[i] for i in g] for g in groups], out)
    for i, key in enumerate(net.keys):
        node = out[key]
        node.betweenness, node.pagerank = between[i], rank[i]
        node.brokerage = 2 * broker[i] * scale  # networkx halves undirected subset counts
    modularity = nx.community.modularity(graph, groups, weight="weight") if net.edges else 0.0
    return _finish(out, communities, modularity)


def _with_igraph(net: Network, *, exact: bool) -> Metrics:
    """Metrics with igraph (large networks)."""
    n = len(net.keys)
    graph = ig.Graph(n=n, edges=[(i, j) for i, j, _ in net.edges], directed=False)
    weights = [w for _, _, w in net.edges]
    out = _base_igraph(net, graph, weights)
    sources, scale = _sample(range(n), exact)
    ca, ca_scale = _sample(net.central_asian, exact)
    args = (n, graph.get_edgelist(), ca, net.chinese)
    with _in_background(n > PARALLEL_MIN_NODES, subset_betweenness, *args) as brokerage:
        raw = graph.betweenness(directed=False, sources=sources, targets=None) if n else []
        rank = graph.pagerank(directed=False, damping=DAMPING, weights=weights) if n else []
        clustering = _igraph_communities(graph, weights) if n else None
        broker = brokerage()
    pairs = (n - 1) * (n - 2) / 2 or 1.0
    groups = [list(c) for c in clustering] if clustering is not None else []
    communities = _ordered([[net.keys[i] for i in g] for g in groups], out)
    for i, key in enumerate(net.keys):
        node = out[key]
        node.betweenness = raw[i] * scale / pairs if n > 2 else 0.0
        node.brokerage = 2 * broker[i] * ca_scale  # igraph halves undirected subset counts
        node.pagerank = rank[i]
    modularity = graph.modularity(clustering.membership, weights=weights) if clustering and net.edges else 0.0
    return _finish(out, communities, modularity)


def subset_betweenness(n: int, edges: list[tuple[int, int]], sources: list[int], targets: list[int]) -> list[float]:
    """Shortest paths from `sources` to `targets` through each node (unnormalised, igraph halves undirected)."""
    if not (n and sources and targets):
        return [0.0] * n
    graph = ig.Graph(n=n, edges=edges, directed=False)
    return list(graph.betweenness(directed=False, sources=sources, targets=targets))


@contextmanager
def _in_background(enabled: bool, work: Callable[..., T], *args: Any) -> Iterator[Callable[[], T]]:
    """`work(*args)` in a spawned process while the caller computes the rest (a second core), else inline.

    igraph holds the GIL, so a thread would not help; spawn, not fork, because the API server has threads.
    """
    if not enabled:
        yield lambda: work(*args)
        return
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        future = pool.submit(work, *args)
        yield future.result


def _igraph_communities(graph: ig.Graph, weights: list[int]) -> ig.VertexClustering:
    """Louvain (multilevel) up to LOUVAIN_MAX_NODES, Leiden on modularity above it; seeded."""
    state = random.getstate()
    random.seed(SEED)  # igraph draws from Python's `random`
    try:
        if graph.vcount() > LOUVAIN_MAX_NODES:
            return graph.community_leiden(
                objective_function="modularity", weights=weights, n_iterations=LEIDEN_ITERATIONS
            )
        return graph.community_multilevel(weights=weights)
    finally:
        random.setstate(state)


def _pagerank(net: Network) -> list[float]:
    """PageRank with igraph's PRPACK solver at every size (networkx's needs scipy, which we do not ship)."""
    if not net.keys:
        return []
    graph = ig.Graph(n=len(net.keys), edges=[(i, j) for i, j, _ in net.edges], directed=False)
    return list(graph.pagerank(directed=False, damping=DAMPING, weights=[w for _, _, w in net.edges]))


def _ordered(groups: list[list[str]], nodes: dict[str, NodeMetrics]) -> list[list[str]]:
    """Communities largest first, members by weighted degree then key, so numbering is stable."""
    ranked = [sorted(g, key=lambda k: (-nodes[k].weighted_degree, k)) for g in groups]
    return sorted(ranked, key=lambda g: (-len(g), g[0] if g else ""))


def _finish(out: dict[str, NodeMetrics], communities: list[list[str]], modularity: float) -> Metrics:
    """Number the communities on the nodes and wrap everything up."""
    for number, group in enumerate(communities, start=1):
        for key in group:
            out[key].community = number
    return Metrics(nodes=out, communities=communities, modularity=float(modularity))


@dataclass
class Concentration:
    """How one Central Asian country's ties with China are spread over Chinese partners."""

    country: str
    ties: int
    partners: int
    top: list[tuple[str, int]]
    top_share: float
    hhi: float


def concentration(snapshot: Snapshot, ties: dict[tuple[str, str], Tie], *, top: int = 5) -> list[Concentration]:
    """For each Central Asian country: ties to Chinese partners, share held by the top `top`, HHI (0–10,000).

    A tie counts once per pair of organisations; a Chinese partner's share is its ties with the country's
    organisations over all of the country's ties with Chinese organisations.
    """
    by_country: dict[str, Counter[str]] = defaultdict(Counter)
    country_of = snapshot.country
    for a, b in ties:
        ca, cb = country_of(a), country_of(b)
        if ca in CENTRAL_ASIA and cb == CHINA:
            by_country[ca][b] += 1
        if cb in CENTRAL_ASIA and ca == CHINA:
            by_country[cb][a] += 1
    out = []
    for country in CENTRAL_ASIA:
        counts = by_country.get(country)
        if not counts:
            continue
        total = sum(counts.values())
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        share_top = sum(c for _, c in ranked[:top]) / total
        hhi = sum((c / total) ** 2 for c in counts.values()) * 10_000
        out.append(Concentration(country, total, len(counts), ranked[:top], share_top, hhi))
    return out


def country_pairs(snapshot: Snapshot, ties: dict[tuple[str, str], Tie]) -> tuple[list[str], dict[tuple[str, str], int]]:
    """Countries (Central Asia first, then China, then the rest) and ties per unordered pair, both ways."""
    pairs: Counter[tuple[str, str]] = Counter((snapshot.country(a), snapshot.country(b)) for a, b in ties)
    counts: Counter[tuple[str, str]] = Counter()
    for (a, b), n in pairs.items():
        counts[(a, b)] += n
        if a != b:
            counts[(b, a)] += n
    present = {c for pair in counts for c in pair}
    order = [c for c in (*CENTRAL_ASIA, CHINA) if c in present]
    order += sorted(present - set(order), key=lambda c: (c == "?", c))
    return order, dict(counts)
