"""Graph upserts: coopgraph's batched UNWIND vs one query per row vs the raw engine from a bare script.

Targets on 2 cores: ≥ 50,000 rows/s and ≥ 0.7 × the raw engine (same machine, same run).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from falkordb import FalkorDB

from graph.connect import open_store
from graph.falkordb_store import FalkorDBStore
from graph.settings import load_settings
from graph.upsert import upsert_facts, upsert_nodes

NODES = 50_000
LINKS = 100_000
BATCH = 5_000
PER_ROW_SAMPLE = 2_000


def node_rows(prefix: str) -> list[dict[str, object]]:
    """Rows of University nodes with a name and country."""
    return [{"key": f"{prefix}{i:07d}", "props": {"name": f"University {i}", "country": "KZ"}} for i in range(NODES)]


def fact_rows(prefix: str) -> list[dict[str, object]]:
    """Cooperation facts between those nodes, each with one source and its evidence."""
    return [
        {
            "a": f"{prefix}{i % NODES:07d}",
            "b": f"{prefix}{(i * 7 + 1) % NODES:07d}",
            "sources": [f"doc_{i % 997}"],
            "evidence": ["They cooperate."],
            "props": {},
            "merge": {},
        }
        for i in range(LINKS)
        if i % NODES != (i * 7 + 1) % NODES
    ]


def timed(action) -> float:  # type: ignore[no-untyped-def]
    """Seconds one call takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def raw_engine(socket: str) -> tuple[float, float]:
    """Rows/s of a bare falkordb-client script doing the same MERGEs (the engine's own limit)."""
    graph = FalkorDB(unix_socket_path=socket).select_graph("raw")
    graph.query("CREATE INDEX FOR (n:U) ON (n.key)")
    nodes = [{"key": f"r{i:07d}", "name": f"University {i}", "country": "KZ"} for i in range(NODES)]
    links = [
        {"a": f"r{i % NODES:07d}", "b": f"r{(i * 7 + 1) % NODES:07d}", "s": f"doc_{i % 997}"} for i in range(LINKS)
    ]
    node_q = "UNWIND $rows AS row MERGE (n:U {key: row.key}) SET n.name = row.name, n.country = row.country"
    link_q = (
        "UNWIND $rows AS row MATCH (a:U {key: row.a}) MATCH (b:U {key: row.b}) "
        "MERGE (a)-[r:C]->(b) SET r.sources = [row.s]"
    )
    t_nodes = sum(
        timed(lambda c=c: graph.query(node_q, {"rows": nodes[c : c + BATCH]})) for c in range(0, NODES, BATCH)
    )
    t_links = sum(
        timed(lambda c=c: graph.query(link_q, {"rows": links[c : c + BATCH]})) for c in range(0, LINKS, BATCH)
    )
    return NODES / t_nodes, LINKS / t_links


def main() -> None:
    """Print rows/s for each way of writing."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(load_settings(data_dir=Path(tmp)))
        assert isinstance(store, FalkorDBStore) and store.server is not None
        try:
            nodes, links = node_rows("u"), fact_rows("u")
            t_nodes = timed(lambda: upsert_nodes(store, label="University", rows=nodes, batch_size=BATCH))
            t_links = timed(lambda: upsert_facts(store, rel_type="COOPERATES_WITH", rows=links, batch_size=BATCH))
            sample = node_rows("p")[:PER_ROW_SAMPLE]
            t_per_row = timed(lambda: [upsert_nodes(store, label="University", rows=[r]) for r in sample])
            raw_nodes, raw_links = raw_engine(str(store.server.paths.socket))
        finally:
            store.close()
    print(f"{'writer':28} {'nodes rows/s':>14} {'facts rows/s':>14}")
    print(f"{'coopgraph batched UNWIND':28} {NODES / t_nodes:14,.0f} {len(links) / t_links:14,.0f}")
    print(f"{'coopgraph one query per row':28} {PER_ROW_SAMPLE / t_per_row:14,.0f} {'':>14}")
    print(f"{'raw engine (bare script)':28} {raw_nodes:14,.0f} {raw_links:14,.0f}")
    print(f"ratio to raw engine: nodes {NODES / t_nodes / raw_nodes:.2f}, facts {len(links) / t_links / raw_links:.2f}")


if __name__ == "__main__":
    main()
