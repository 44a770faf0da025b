"""What durability costs: write throughput of the embedded store under appendfsync everysec vs always.

Both policies survive `kill -9` of the server (tests/graph/test_embedded.py); `always` also survives a
power cut, at the price measured here: batched upserts (what `coopgraph load` does) and single-row writes
(what an analyst's judgement or an API write does).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from graph.connect import open_store
from graph.settings import load_settings
from graph.upsert import upsert_nodes

ROWS = 20_000
BATCH = 1_000
SINGLE_WRITES = 500


def measure(policy: str) -> tuple[float, float]:
    """Batched rows/s and single writes/s on a fresh embedded store with one fsync policy."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(load_settings(data_dir=Path(tmp), falkordb_fsync=policy))
        try:
            rows = [{"key": f"u{i:06d}", "props": {"name": f"University {i}", "country": "KZ"}} for i in range(ROWS)]
            start = time.perf_counter()
            upsert_nodes(store, label="University", rows=rows, batch_size=BATCH)
            batched = ROWS / (time.perf_counter() - start)
            start = time.perf_counter()
            for i in range(SINGLE_WRITES):
                store.write("MERGE (n:Entity {key: $k}) SET n.touched = $i", {"k": f"u{i:06d}", "i": i})
            single = SINGLE_WRITES / (time.perf_counter() - start)
        finally:
            store.close()
    return batched, single


def main() -> None:
    """Print both policies side by side."""
    print(f"{'policy':10} {'batched upserts rows/s':>24} {'single writes/s':>16}")
    for policy in ("everysec", "always"):
        batched, single = measure(policy)
        print(f"{policy:10} {batched:24,.0f} {single:16,.0f}")


if __name__ == "__main__":
    main()
