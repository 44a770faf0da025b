"""Graph upserts: coopgraph's batched UNWIND vs one query per row vs the raw engine from a bare script.

Targets on 2 cores: ≥ 50,000 rows/s and ≥ 0.7 × the raw engine (same machine, same run). Two raw figures:
- bare: the smallest MERGE on a label with one range index on the key (the engine's ceiling);
- same statements: coopgraph's schema (Entity key index and unique constraint, the full-text index) and
  coopgraph's exact Cypher, sent with the falkordb client from a bare script: what coopgraph's own Python
  (row preparation, parameter rendering, result handling) costs on top of the engine.
Rows/s are wall-clock; "per server CPU s" divides by the CPU the redis-server used, which holds steady on a
shared, busy machine where wall-clock figures swing.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from falkordb import FalkorDB

from bench.memory import process_cpu_s
from graph.connect import open_store
from graph.falkordb_store import FalkorDBStore
from graph.schema import ensure_schema
from graph.settings import load_settings
from graph.upsert import fact_upsert_cypher, fold_fact_rows, node_upsert_cypher, upsert_facts, upsert_nodes

NODES = 50_000
LINKS = 100_000
BATCH = 5_000
PER_ROW_SAMPLE = 2_000


class Meter:
    """Wall seconds and server CPU seconds of the calls made through it."""

    def __init__(self, server_pid: int) -> None:
        self.pid = server_pid

    def __call__(self, action: Callable[[], Any]) -> tuple[float, float]:
        cpu, start = process_cpu_s(self.pid), time.perf_counter()
        action()
        return time.perf_counter() - start, process_cpu_s(self.pid) - cpu


def node_rows(prefix: str) -> list[dict[str, Any]]:
    """Rows of University nodes with a name, a country and search text."""
    return [
        {"key": f"{prefix}{i:07d}", "props": {"name": f"University {i}", "country": "KZ", "search_text": f"U {i}"}}
        for i in range(NODES)
    ]


def fact_rows(prefix: str) -> list[dict[str, Any]]:
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


def in_batches(query: Callable[[str, dict[str, Any]], Any], cypher: str, rows: list[Any]) -> None:
    """Send rows in BATCH-sized UNWIND statements."""
    for start in range(0, len(rows), BATCH):
        query(cypher, {"rows": rows[start : start + BATCH]})


def raw_bare(db: FalkorDB, meter: Meter) -> tuple[tuple[float, float], tuple[float, float]]:
    """The smallest MERGEs on one indexed label."""
    graph = db.select_graph("raw_bare")
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
    return meter(lambda: in_batches(graph.query, node_q, nodes)), meter(lambda: in_batches(graph.query, link_q, links))


def raw_same(db: FalkorDB, store: FalkorDBStore, meter: Meter) -> tuple[tuple[float, float], tuple[float, float]]:
    """coopgraph's schema and statements through the bare client, rows prepared beforehand."""
    graph_store = FalkorDBStore(store.settings, graph_name="raw_same")
    try:
        ensure_schema(graph_store)
    finally:
        graph_store.close()
    graph = db.select_graph("raw_same")
    nodes = [{**r["props"], "key": r["key"]} for r in node_rows("s")]
    links = fold_fact_rows(fact_rows("s"))
    node_q, link_q = node_upsert_cypher("University"), fact_upsert_cypher("COOPERATES_WITH")
    return meter(lambda: in_batches(graph.query, node_q, nodes)), meter(lambda: in_batches(graph.query, link_q, links))


def one_by_one(store: FalkorDBStore, rows: list[dict[str, Any]]) -> None:
    """One upsert query per row."""
    for row in rows:
        upsert_nodes(store, label="University", rows=[row])


def main() -> None:
    """Print rows/s for each way of writing."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(load_settings(data_dir=Path(tmp)))
        assert isinstance(store, FalkorDBStore) and store.server is not None
        meter = Meter(store.server.pid() or 0)
        try:
            nodes, links = node_rows("u"), fact_rows("u")
            ours = (
                meter(lambda: upsert_nodes(store, label="University", rows=nodes, batch_size=BATCH)),
                meter(lambda: upsert_facts(store, rel_type="COOPERATES_WITH", rows=links, batch_size=BATCH)),
            )
            sample = node_rows("p")[:PER_ROW_SAMPLE]
            per_row = meter(lambda: one_by_one(store, sample))
            db = FalkorDB(unix_socket_path=str(store.server.paths.socket))
            raws = {
                "raw engine, bare MERGE, one index": raw_bare(db, meter),
                "raw engine, coopgraph's statements": raw_same(db, store, meter),
            }
        finally:
            store.close()
    counts = (NODES, len(links))
    print(
        f"{'writer (batch ' + str(BATCH) + ')':36} {'nodes rows/s':>13} {'per srv CPU s':>14} {'facts rows/s':>13} "
        f"{'per srv CPU s':>14}"
    )
    line(f"{'coopgraph batched UNWIND':36}", ours, counts)
    print(f"{'coopgraph one query per row':36} {PER_ROW_SAMPLE / per_row[0]:13,.0f}")
    for label, raw in raws.items():
        line(f"{label:36}", raw, counts)
        print(
            f"{'  coopgraph / this (wall, CPU)':36} {ratio(ours[0], raw[0], 0):>13} {ratio(ours[0], raw[0], 1):>14} "
            f"{ratio(ours[1], raw[1], 0):>13} {ratio(ours[1], raw[1], 1):>14}"
        )


def line(label: str, figures: tuple[tuple[float, float], ...], counts: tuple[int, int]) -> None:
    """Rows per wall second and per server CPU second, for nodes and facts."""
    cells = [f"{n / wall:13,.0f} {n / cpu:14,.0f}" for n, (wall, cpu) in zip(counts, figures, strict=True)]
    print(label, " ".join(cells))


def ratio(ours: tuple[float, float], raw: tuple[float, float], which: int) -> str:
    """How coopgraph's rate compares with the raw one (rates are inverse to seconds)."""
    return f"{raw[which] / ours[which]:.2f}"


if __name__ == "__main__":
    main()
