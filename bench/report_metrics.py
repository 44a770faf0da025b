"""Report metric timings on generated tie networks: `python -m bench report_metrics`.

Prints, per size and engine, the seconds compute_metrics takes (degree, betweenness exact or sampled,
CA–CN brokerage, PageRank, Louvain) and the whole report built from an in-memory snapshot. Then the
whole `coopgraph report` on a generated graph imported into an embedded store (COOPGRAPH_BENCH_SIZE: S
quick, M the target: ≤ 60 s on 2 cores), split into reading the snapshot, metrics and the rest (wall, CPU
and server CPU seconds: the machine is shared), beside FalkorDB's own `algo.pageRank` and `algo.betweenness`.

    COOPGRAPH_DATA_DIR=/path/with/M python -m bench.report_metrics --store    # stages only, no import
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bench.config import bench_size
from bench.generate import graph
from bench.memory import peak_rss_mb, process_cpu_s
from graph.connect import open_store
from graph.errors import CoopgraphError
from graph.falkordb_store import FalkorDBStore
from graph.heap import paused_gc
from graph.node_link_import import import_node_link
from graph.settings import load_settings
from graph.store import GraphStore
from reports.build import build_from_snapshot, render
from reports.metrics import compute_metrics
from reports.snapshot import Fact, Scope, Snapshot, load_snapshot, tie_network

T = TypeVar("T")
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
            print(f"report on {size} ({counts['nodes']:,} nodes, {counts['links']:,} links)", flush=True)
            report_stages(store)
            time_algorithms(store)
        finally:
            store.close()


def report_stages(store: GraphStore) -> None:
    """The report's read, build (metrics included) and render, each in wall, client CPU and server CPU seconds."""
    server = store.server.pid() if isinstance(store, FalkorDBStore) and store.server else None
    snapshot = _stage("read (graph.snapshot)", server, lambda: load_snapshot(store))
    ties = tie_network(snapshot)
    with paused_gc():
        result = _stage("metrics", server, lambda: compute_metrics(snapshot, ties))
    built = _stage("build (metrics included)", server, lambda: build_from_snapshot(snapshot, Scope()))
    _stage("render", server, lambda: render(built, "html"))
    print(
        f"{len(ties):,} ties, {result.method['library']}, betweenness {result.method['betweenness']}, communities "
        f"{result.method['communities']}; peak RSS {peak_rss_mb():,.0f} MB (target: M <= 60 s end to end)",
        flush=True,
    )


def _stage(name: str, server: int | None, work: Callable[[], T]) -> T:
    """Run one stage and print its wall, CPU (this process and its children) and server CPU seconds."""
    cpu, server_cpu, started = _cpu_s(), process_cpu_s(server) if server else float("nan"), time.perf_counter()
    out = work()
    took, cpu = time.perf_counter() - started, _cpu_s() - cpu
    server_cpu = (process_cpu_s(server) if server else float("nan")) - server_cpu
    print(f"  {name:<26} {took:6.1f} s wall, {cpu:6.1f} s CPU, server {server_cpu:5.1f} s CPU", flush=True)
    return out


def _cpu_s() -> float:
    """CPU seconds of this process and of its finished children (the brokerage process)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


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
    """Time each size and engine, then a whole report on an imported graph (`--store`: the stages only, on the
    store COOPGRAPH_DATA_DIR already holds, e.g. M imported once with `coopgraph import`)."""
    if "--store" in sys.argv:
        store = open_store(load_settings())
        try:
            report_stages(store)
        finally:
            store.close()
        return
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
