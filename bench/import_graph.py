"""`coopgraph import` of a generated graph (S: 1k nodes; M: 100k nodes / ~1M links): seconds and rows/s.

python -m bench.import_graph [S|M|L]      (default COOPGRAPH_BENCH_SIZE, S; target on 2 cores: M in ≤ 60 s)

Batches are COOPGRAPH_WRITE_BATCH_SIZE rows, as in `coopgraph import`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.config import SIZES, bench_size
from bench.generate import graph
from bench.memory import peak_rss_mb, process_cpu_s, process_rss_mb
from graph.connect import open_store
from graph.falkordb_store import FalkorDBStore
from graph.node_link_import import import_node_link
from graph.settings import load_settings


def main() -> None:
    """Generate, import into a fresh embedded store, print timings."""
    size = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in SIZES else bench_size()
    started = time.perf_counter()
    data = graph(size)
    generated = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(data_dir=Path(tmp))
        store = open_store(settings)
        try:
            server_pid = store.server.pid() if isinstance(store, FalkorDBStore) and store.server else None
            cpu = process_cpu_s(server_pid) if server_pid else float("nan")
            started = time.perf_counter()
            counts = import_node_link(store, data, batch_size=settings.write_batch_size)  # as `coopgraph import`
            took = time.perf_counter() - started
            cpu = (process_cpu_s(server_pid) if server_pid else float("nan")) - cpu
            server_mb = process_rss_mb(server_pid) if server_pid else float("nan")
        finally:
            store.close()
    rows = counts["nodes"] + counts["links"]
    print(
        f"size {size}: {counts['nodes']:,} nodes, {counts['links']:,} links (generated in {generated:.1f} s), "
        f"batches of {settings.write_batch_size:,} (COOPGRAPH_WRITE_BATCH_SIZE)"
    )
    print(f"import: {took:.1f} s, {rows / took:,.0f} rows/s (target: M in <= 60 s); redis-server CPU {cpu:.1f} s")
    print(f"peak RSS: importer {peak_rss_mb():,.0f} MB (with the generated graph); redis-server {server_mb:,.0f} MB")


if __name__ == "__main__":
    main()
