"""Shortest cooperation path at a given distance: the bidirectional search (GET /paths) against the
catalogue's variable-length query, on an existing store, with the distances checked by an independent BFS.

    COOPGRAPH_DATA_DIR=DIR python -m bench.paths GRAPH.json [PAIRS] [--catalogue]

GRAPH.json is the node-link file the store was imported from (`python -m bench.generate graph M ...` then
`coopgraph import`); it gives the pairs: PAIRS (default 100) random pairs spread over distances 1-4, plus
pairs 4 apart asked with max_hops=3 (the whole search, then nothing) and pairs with an isolated end. Prints
p50/p99/max ms per group and overall, and the embedded server's CPU seconds per search. `--catalogue`
also times the catalogue query on the same pairs (about a second each at M).
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Any

from bench.memory import process_cpu_s
from bench.queries import percentile
from graph.connect import open_store
from graph.falkordb_store import FalkorDBStore
from graph.node_link_import import read_node_link
from graph.settings import get_settings
from graph.store import GraphStore
from queries.catalog import load_catalog
from queries.paths import find_paths

PATH_TYPES = {"COOPERATES_WITH", "VISITED", "PARTY_TO", "PART_OF", "INVOLVED_IN", "AFFILIATED_WITH"}
ORG_LABELS = ("University", "Organization", "Lab")

Pair = tuple[str, str, int, str]
"""source, target, max_hops, group."""


def adjacency(data: dict[str, Any]) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Undirected neighbours by fact relationships (Initiatives left out), and each node's label."""
    labels = {n["id"]: n.get("label", "") for n in data["nodes"]}
    near: dict[str, set[str]] = defaultdict(set)
    for link in data["links"]:
        a, b = link["source"], link["target"]
        if link.get("type") in PATH_TYPES and "Initiative" not in (labels[a], labels[b]):
            near[a].add(b)
            near[b].add(a)
    return near, labels


def distances(near: dict[str, set[str]], start: str, upto: int) -> dict[str, int]:
    """Breadth-first distances from one node, up to `upto`."""
    seen, queue = {start: 0}, deque([start])
    while queue:
        key = queue.popleft()
        if seen[key] < upto:
            for other in near[key]:
                if other not in seen:
                    seen[other] = seen[key] + 1
                    queue.append(other)
    return seen


def pick_pairs(data: dict[str, Any], count: int, rng: random.Random) -> list[Pair]:
    """Pairs at distances 1-4, pairs 4 apart asked within 3 hops, pairs with an isolated end."""
    near, labels = adjacency(data)
    orgs = sorted(k for k, lb in labels.items() if lb in ORG_LABELS and near[k])
    isolated = sorted(k for k, lb in labels.items() if lb != "Document" and not near[k])
    per, pairs = count // 5, list[Pair]()
    for hops in (1, 2, 3, 4):
        while len([p for p in pairs if p[3] == f"distance {hops}"]) < per:
            source = rng.choice(orgs)
            at = sorted(k for k, d in distances(near, source, hops).items() if d == hops)
            if at:
                pairs.append((source, rng.choice(at), 4, f"distance {hops}"))
    pairs += [(s, t, 3, "none within 3 (4 apart)") for s, t, _, g in pairs if g == "distance 4"][: per // 2]
    pairs += [(rng.choice(orgs), rng.choice(isolated), 4, "isolated end") for _ in range(per // 2)] if isolated else []
    return pairs


def time_pairs(store: GraphStore, pairs: list[Pair], search: Any) -> dict[str, list[float]]:
    """Milliseconds per search, by group and overall."""
    times: dict[str, list[float]] = defaultdict(list)
    for source, target, max_hops, group in pairs:
        started = time.perf_counter()
        search(source, target, max_hops)
        ms = (time.perf_counter() - started) * 1000
        times[group].append(ms)
        times["all"].append(ms)
    return times


def show(label: str, times: dict[str, list[float]], *, server: float, client: float) -> None:
    """p50, p99 and max per group; server and client CPU per search (wall times vary with the machine's load)."""
    n = len(times["all"])
    print(f"{label}: CPU per search: server {server / n * 1000:.1f} ms, client {client / n * 1000:.1f} ms; {load()}")
    print(f"  {'group':28} {'n':>4} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for group, values in sorted(times.items()):
        p50, p99 = percentile(values, 50), percentile(values, 99)
        print(f"  {group:28} {len(values):4} {p50:8.1f} {p99:8.1f} {max(values):8.1f}")


def load() -> str:
    """The load average, to read wall-clock figures by."""
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def check(store: GraphStore, pairs: list[Pair], near: dict[str, set[str]]) -> int:
    """Searches whose hop count differs from the independent BFS's distance (0 expected)."""
    wrong = 0
    for source, target, max_hops, _group in pairs:
        truth = distances(near, source, max_hops).get(target)
        found = find_paths(store, source=source, target=target, max_hops=max_hops)
        if (found[0]["hops"] if found else None) != truth:
            wrong += 1
            print(f"  MISMATCH {source} -> {target} (max {max_hops}): BFS {truth}, search {found[:1]}")
    return wrong


def main() -> None:
    """Pick pairs, check them, time the search (and the catalogue query when asked)."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = read_node_link(Path(args[0]))
    pairs = pick_pairs(data, int(args[1]) if len(args) > 1 else 100, random.Random(17))
    near, _labels = adjacency(data)
    del data
    store = open_store(get_settings())
    pid = store.server.pid() if isinstance(store, FalkorDBStore) and store.server else None
    try:
        print(f"{len(pairs)} pairs; distance mismatches: {check(store, pairs, near)}")
        runs: dict[str, Any] = {
            "bidirectional search": lambda s, t, h: find_paths(store, source=s, target=t, max_hops=h),
        }
        if "--catalogue" in sys.argv:
            catalog = load_catalog()
            runs["catalogue cooperation_path"] = lambda s, t, h: catalog.run(
                store, "cooperation_path", {"source": s, "target": t, "max_hops": h}
            )
        for label, search in runs.items():
            cpu, mine = process_cpu_s(pid) if pid else float("nan"), time.process_time()
            times = time_pairs(store, pairs, search)
            server = (process_cpu_s(pid) if pid else float("nan")) - cpu
            show(label, times, server=server, client=time.process_time() - mine)
    finally:
        store.close()


if __name__ == "__main__":
    main()
