"""Report metric timings on generated tie networks: `python -m bench report_metrics`.

Prints, per size and engine, the seconds compute_metrics takes (degree, betweenness exact or sampled,
CA–CN brokerage, PageRank, Louvain) and the whole report built from an in-memory snapshot. Then the
whole `coopgraph report` on a generated graph imported into an embedded store (COOPGRAPH_BENCH_SIZE: S
quick, M the target: ≤ 60 s on 2 cores), split into reading the snapshot, metrics and the rest, beside
FalkorDB's own `algo.pageRank` and `algo.betweenness` on the same store.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench.config import bench_size
from bench.generate import graph
from graph.connect import open_store
from graph.errors import CoopgraphError
from graph.node_link_import import import_node_link
from graph.settings import load_settings
from graph.store import GraphStore
from reports.build import build_from_snapshot, render
from reports.metrics import compute_metrics
from reports.snapshot import Fact, Scope, Snapshot, load_snapshot, tie_network

TIMEOUT_MS = 30_000
ALGORITHMS = {
    "algo.pageRank": "CALL algo.pageRank('Entity', 'COOPERATES_WITH') YIELD node, score RETURN count(node) AS n",
    "algo.betweenness (32 samples)": (
        "CALL algo.betweenness({nodeLabels: ['Entity'], relationshipTypes: ['COOPERATES_WITH']}) "
        "YIELD node, score RETURN count(node) AS n"
    ),
}

COUNTRIES = ["KZ", "KG", "UZ", "TJ", "TM", "CN", "CN", "CN", "RU"]
SIZES = [(1_000, 5_000, ("networkx", "igraph")), (5_000, 25_000, ("igraph",)), (50_000, 250_000, ("igraph",))]


def generate(nodes: int, ties: int, seed: int = 7) -> Snapshot:
    """A snapshot of `nodes` universities and about `ties` COOPERATES_WITH facts with preferential attachment."""
    rng = random.Random(seed)
    keys = [f"org_{i:06d}" for i in range(nodes)]
    node_map = {k: {"id": k, "label": "University", "name": k, "country": rng.choice(COUNTRIES)} for k in keys}
    documents = {
        f"doc_{i}": {"id": f"doc_{i}", "title": f"Doc {i}", "published": f"{2010 + i % 15}"} for i in range(500)
    }
    ends: list[str] = keys[:10]
    facts = []
    for i in range(ties):
        a = keys[i % nodes] if i < nodes else rng.choice(keys)
        b = rng.choice(ends)
        if a != b:
            sources = tuple(sorted({f"doc_{rng.randrange(500)}" for _ in range(rng.choice((1, 1, 2, 3)))}))
            facts.append(Fact("COOPERATES_WITH", min(a, b), max(a, b), sources, tuple("" for _ in sources)))
            ends.extend((a, b))
    return Snapshot(nodes=node_map, documents=documents, facts=facts)


def report_on_store(size: str) -> None:
    """`coopgraph report` (all, HTML) on a generated graph in a fresh store, and FalkorDB's algorithms."""
    with tempfile.TemporaryDirectory(prefix="cgr-") as tmp:
        store = open_store(load_settings(data_dir=Path(tmp)))
        try:
            counts = import_node_link(store, graph(size), batch_size=5_000)
            started = time.perf_counter()
            snapshot = load_snapshot(store)
            read_s = time.perf_counter() - started
            render(build_from_snapshot(snapshot, Scope()), "html")
            total = time.perf_counter() - started
            ties = tie_network(snapshot)
            started = time.perf_counter()
            result = compute_metrics(snapshot, ties)
            metrics_s = time.perf_counter() - started
            how = result.method["betweenness"].split(" ")[0]
            print(
                f"report on {size} ({counts['nodes']:,} nodes, {counts['links']:,} links; {len(ties):,} ties): "
                f"{total:.1f} s = read {read_s:.1f} s + build and render {total - read_s:.1f} s, of which metrics "
                f"{metrics_s:.1f} s ({result.method['library']}, betweenness {how}) (target: M <= 60 s)",
                flush=True,
            )
            time_algorithms(store)
        finally:
            store.close()


def time_algorithms(store: GraphStore) -> None:
    """FalkorDB's built-in algorithms on the same graph, for comparison (they run inside the server)."""
    for name, cypher in ALGORITHMS.items():
        try:
            started = time.perf_counter()
            store.read(cypher, timeout_ms=TIMEOUT_MS)
            took = time.perf_counter() - started
            print(f"FalkorDB {name}: {took:.1f} s", flush=True)
        except CoopgraphError as exc:
            print(f"FalkorDB {name}: failed ({exc.message})", flush=True)


def main() -> None:
    """Time each size and engine, then a whole report on an imported graph."""
    print(f"{'nodes':>7} {'ties':>8} {'engine':<9} {'betweenness':<12} {'metrics s':>10} {'report s':>9}")
    for nodes, ties, engines in SIZES if bench_size() != "S" else SIZES[:2]:
        snapshot = generate(nodes, ties)
        network = tie_network(snapshot)
        for engine in engines:
            started = time.perf_counter()
            result = compute_metrics(snapshot, network, engine=engine)
            metrics_s = time.perf_counter() - started
            started = time.perf_counter()
            render(build_from_snapshot(snapshot, Scope(), engine=engine), "html")
            report_s = time.perf_counter() - started
            how = result.method["betweenness"].split(" ")[0]
            print(f"{nodes:>7} {len(network):>8} {engine:<9} {how:<12} {metrics_s:>10.2f} {report_s:>9.2f}", flush=True)
    report_on_store(bench_size())


if __name__ == "__main__":
    main()
