"""Time large network views: server-side build (limit, style, layout) and time-to-interactive in Chromium.

    python -m bench views

Part 1, the page. For each size: a random graph of universities in seven countries, `build_view` (what
the server does per request), the page written as an offline file, and Debian's chromium opening it until
the network has drawn (`#network[data-state=ready]`). 20k-node graphs are cut to the 5,000 best-connected nodes, as the
server does, and the page says what it left out.

Part 2, the store: the 20k/80k graph in a temporary embedded FalkorDB, and the time the server takes to
read the whole-graph view (top 1,000 / 5,000 by degree) and a hub's 2-hop ego network, then build it.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.browser import CHROMIUM, CHROMIUM_ARGS
from viz.network import build_view
from viz.page import render_view
from viz.subgraph import MAX_LINKS, MAX_NODES

SIZES = ((1_000, 4_000), (5_000, 20_000), (20_000, 80_000))


def random_subgraph(n_nodes: int, n_links: int, seed: int = 7) -> dict[str, Any]:
    """Universities with skewed degrees (a few hubs), linked by cooperation facts with 1–3 sources."""
    rng = random.Random(seed)
    countries = ["KZ", "KG", "UZ", "TJ", "TM", "CN", "RU"]
    nodes = [
        {"id": f"u{i:06d}", "label": "University", "name": f"University number {i}", "country": countries[i % 7]}
        for i in range(n_nodes)
    ]
    links = []
    for j in range(n_links):
        a, b = int(n_nodes * rng.random() ** 2), rng.randrange(n_nodes)
        if a != b:
            n = 1 + j % 3
            links.append(
                {
                    "source": nodes[a]["id"],
                    "target": nodes[b]["id"],
                    "type": "COOPERATES_WITH",
                    "sources": [f"doc_{j:016x}"] * n,
                    "evidence": ["The universities signed an agreement."] * n,
                }
            )
    return {"nodes": nodes, "links": links, "graph": {"title": f"{n_nodes} nodes"}}


def time_in_browser(html: Path) -> tuple[float, int]:
    """Seconds from navigation to a drawn network, and the page's own draw time in ms."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 950})
        started = time.perf_counter()
        page.goto(html.as_uri())
        page.wait_for_selector("#network[data-state=ready]", timeout=120_000)
        seconds = time.perf_counter() - started
        ready_ms = int(page.get_attribute("#network", "data-ready-ms") or 0)
        browser.close()
    return seconds, ready_ms


def time_store_views() -> None:
    """Read views from a real store: the queries, the two-phase link read, the build."""
    from graph.connect import open_store
    from graph.node_link_import import import_node_link
    from graph.settings import load_settings
    from viz.subgraph import Filters, ego_network, whole_graph

    with tempfile.TemporaryDirectory(prefix="cgv-") as tmp:
        store = open_store(load_settings(data_dir=Path(tmp)), graph_name="bench_views")
        try:
            import_node_link(store, random_subgraph(20_000, 80_000), batch_size=5000)
            print(f"{'view of 20000/80000 in FalkorDB':>34} {'nodes/links':>12} {'read s':>7} {'build s':>8}")
            cases: list[tuple[str, Callable[[], dict[str, Any]]]] = [
                ("whole graph, top 1000", lambda: whole_graph(store, filters=Filters(), limit=1000)),
                ("whole graph, top 5000", lambda: whole_graph(store, filters=Filters(), limit=5000)),
                (
                    "hub, 2 hops",
                    lambda: ego_network(store, key="u000000", name="hub", hops=2, filters=Filters(), limit=5000),
                ),
            ]
            for label, read in cases:
                started = time.perf_counter()
                subgraph = read()
                read_s = time.perf_counter() - started
                view = build_view(subgraph, max_nodes=MAX_NODES, max_links=MAX_LINKS)
                build_s = time.perf_counter() - started - read_s
                shown = f"{len(view['nodes'])}/{len(view['edges'])}"
                print(f"{label:>34} {shown:>12} {read_s:>7.2f} {build_s:>8.2f}", flush=True)
        finally:
            store.close()


def main() -> None:
    """Print one line per size, then the store figures."""
    print(f"{'graph':>16} {'shown':>16} {'build s':>8} {'json MB':>8} {'page→ready s':>13} {'draw ms':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n_nodes, n_links in SIZES:
            subgraph = random_subgraph(n_nodes, n_links)
            started = time.perf_counter()
            view = build_view(subgraph, max_nodes=MAX_NODES, max_links=MAX_LINKS)
            build_s = time.perf_counter() - started
            size_mb = len(json.dumps(view)) / 1e6
            html = Path(tmp) / f"view-{n_nodes}.html"
            html.write_text(render_view(view, offline=True), encoding="utf-8")
            ready = time_in_browser(html) if CHROMIUM.exists() else (float("nan"), 0)
            shown = f"{len(view['nodes'])}/{len(view['edges'])}"
            print(
                f"{n_nodes:>7}/{len(subgraph['links']):<8} {shown:>16} {build_s:>8.2f} {size_mb:>8.1f} "
                f"{ready[0]:>13.2f} {ready[1]:>8}",
                flush=True,
            )
    time_store_views()


if __name__ == "__main__":
    main()
