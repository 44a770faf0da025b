"""Report metric timings on generated tie networks: `python -m bench report_metrics`.

Prints, per size and engine, the seconds compute_metrics takes (degree, betweenness exact or sampled,
CA–CN brokerage, PageRank, Louvain) and the whole report built from an in-memory snapshot.
"""

from __future__ import annotations

import random
import time

from reports.build import build_from_snapshot, render
from reports.metrics import compute_metrics
from reports.snapshot import Fact, Scope, Snapshot, tie_network

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


def main() -> None:
    """Time each size and engine."""
    print(f"{'nodes':>7} {'ties':>8} {'engine':<9} {'betweenness':<12} {'metrics s':>10} {'report s':>9}")
    for nodes, ties, engines in SIZES:
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


if __name__ == "__main__":
    main()
