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


def raw_engine(socket: str, *, same_schema: bool) -> tuple[float, float]:
    """Rows/s of a bare falkordb-client script doing the same MERGEs (the engine's own limit).

    Bare: one range index on the key. Same schema: coopgraph's indexes too (the key's unique constraint on
    Entity, the full-text index on name and search_text) and both labels in the MERGE.
    """
    name = "raw_same" if same_schema else "raw"
    db = FalkorDB(unix_socket_path=socket)
    graph = db.select_graph(name)
    end, label = ("Entity", "Entity:University") if same_schema else ("U", "U")
    graph.query(f"CREATE INDEX FOR (n:{end}) ON (n.key)")
    if same_schema:
        db.connection.execute_command(
            "GRAPH.CONSTRAINT", "CREATE", name, "UNIQUE", "NODE", "Entity", "PROPERTIES", "1", "key"
        )
        graph.query("CALL db.idx.fulltext.createNodeIndex('Entity', 'name', 'search_text')")
    nodes = [{"key": f"r{i:07d}", "name": f"University {i}", "country": "KZ"} for i in range(NODES)]
    links = [
        {"a": f"r{i % NODES:07d}", "b": f"r{(i * 7 + 1) % NODES:07d}", "s": f"doc_{i % 997}"} for i in range(LINKS)
    ]
    node_q = f"UNWIND $rows AS row MERGE (n:{label} {{key: row.key}}) SET n.name = row.name, n.country = row.country"
    link_q = (
        f"UNWIND $rows AS row MATCH (a:{end} {{key: row.a}}) MATCH (b:{end} {{key: row.b}}) "
        "MERGE (a)-[r:C]->(b) SET r.sources = [row.s]"
    )
    t_nodes = sum(
        timed(lambda c=c: graph.query(node_q, {"rows": nodes[c : c + BATCH]})) for c in range(0, NODES, BATCH)
    )
    t_links = sum(
        timed(lambda c=c: graph.query(link_q, {"rows": links[c : c + BATCH]})) for c in range(0, LINKS, BATCH)
    )
    return NODES / t_nodes, LINKS / t_links


def per_row(store: FalkorDBStore, rows: list[dict[str, object]]) -> None:
    """One upsert query per row."""
    for row in rows:
        upsert_nodes(store, label="University", rows=[row])


def main() -> None:
    """Print rows/s for each way of writing."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(load_settings(data_dir=Path(tmp)))
        assert isinstance(store, FalkorDBStore) and store.server is not None
        try:
            nodes, links = node_rows("u"), fact_rows("u")
            t_nodes = timed(lambda: upsert_nodes(store, label="University", rows=nodes, batch_size=BATCH))
            t_links = timed(lambda: upsert_facts(store, rel_type="COOPERATES_WITH", rows=links, batch_size=BATCH))
            t_per_row = timed(lambda: per_row(store, node_rows("p")[:PER_ROW_SAMPLE]))
            socket = str(store.server.paths.socket)
            raw = {same: raw_engine(socket, same_schema=same) for same in (False, True)}
        finally:
            store.close()
    ours = (NODES / t_nodes, len(links) / t_links)
    print(f"{'writer (batch ' + str(BATCH) + ')':34} {'nodes rows/s':>14} {'facts rows/s':>14}")
    print(f"{'coopgraph batched UNWIND':34} {ours[0]:14,.0f} {ours[1]:14,.0f}")
    print(f"{'coopgraph one query per row':34} {PER_ROW_SAMPLE / t_per_row:14,.0f} {'':>14}")
    for same, label in ((False, "raw engine, key index only"), (True, "raw engine, coopgraph's indexes")):
        print(f"{label:34} {raw[same][0]:14,.0f} {raw[same][1]:14,.0f}")
        print(f"{'  coopgraph / this':34} {ours[0] / raw[same][0]:14.2f} {ours[1] / raw[same][1]:14.2f}")


if __name__ == "__main__":
    main()
