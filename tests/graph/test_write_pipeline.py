"""WritePipeline: queued writes land in the order given, and a failed one is raised in the caller's thread."""

from __future__ import annotations

import itertools
import threading

import pytest

from graph.errors import QueryFailed
from graph.export import node_link
from graph.falkordb_store import MAX_KEY_BYTES
from graph.store import GraphStore
from graph.upsert import upsert_facts, upsert_nodes
from graph.write_pipeline import WritePipeline
from tests.graph.factories import make_fact


def _values(store: GraphStore) -> list[int]:
    return [r["v"] for r in store.read("MATCH (n:Probe) RETURN n.v AS v ORDER BY n.seq")]


def _pipeline_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "coopgraph-writes"]


def test_writes_land_in_order(store: GraphStore) -> None:
    with WritePipeline(store, depth=2) as writer:
        writer.write("CREATE (:Probe {seq: 0, v: 0})")
        for i in range(1, 40):  # each write reads what the one before it wrote
            writer.write(
                "MATCH (n:Probe {seq: $prev}) CREATE (:Probe {seq: $seq, v: n.v + $seq})", {"prev": i - 1, "seq": i}
            )
    assert _values(store) == [i * (i + 1) // 2 for i in range(40)]
    assert _pipeline_threads() == []


def _write_after_failure(writer: WritePipeline) -> None:
    """Queue writes after a failing one: a write() raises once the failure is known, else close() does."""
    for seq in range(3, 50):
        writer.write("CREATE (:Probe {seq: $seq, v: 1})", {"seq": seq})
    writer.close()


def test_a_failed_write_is_raised_and_later_writes_are_not_sent(store: GraphStore) -> None:
    writer = WritePipeline(store, depth=1)
    writer.write("CREATE (:Probe {seq: 1, v: 1})")
    writer.write("CREATE (:Probe {seq: 2, v: 1 +})")  # a syntax error the server reports
    with pytest.raises(QueryFailed, match="FalkorDB rejected the query"):
        _write_after_failure(writer)
    writer.abandon()
    assert _pipeline_threads() == []
    assert _values(store) == [1]  # the first write landed; none queued after the failure was sent


def _import_a_long_key(store: GraphStore) -> None:
    with WritePipeline(store) as writer:
        writer.write("CREATE (:Probe {seq: 1, v: 1})")
        writer.write(
            "UNWIND $rows AS row CREATE (:Probe {key: row.key})", {"rows": [{"key": "x" * (MAX_KEY_BYTES + 1)}]}
        )


def test_a_write_refused_before_sending_raises_at_once(store: GraphStore) -> None:
    with pytest.raises(QueryFailed, match="refused a key"):
        _import_a_long_key(store)
    assert _pipeline_threads() == []
    assert store.read("MATCH (n:Probe) WHERE n.key IS NOT NULL RETURN count(n) AS n") == [{"n": 0}]


def _fail_while_writing(store: GraphStore) -> None:
    with WritePipeline(store) as writer:
        writer.write("CREATE (:Probe {seq: 1, v: 1})")
        raise KeyError("the caller failed")


def test_leaving_with_an_error_stops_the_sending_thread(store: GraphStore) -> None:
    with pytest.raises(KeyError):
        _fail_while_writing(store)
    assert _pipeline_threads() == []


def _many_batches(store: GraphStore, batch_size: int) -> None:
    """Forty universities and their visits (dated and undated: three statements a batch) in small batches."""
    keys = [f"u{i:02d}" for i in range(40)]
    upsert_nodes(
        store, label="University", rows=[{"key": k, "props": {"name": k.upper()}} for k in keys], batch_size=batch_size
    )
    visits = [
        make_fact(a, b, source=f"doc_{i % 3}", visit=True, date=None if i % 2 else "2024-05-01")
        for i, (a, b) in enumerate(itertools.pairwise(keys))
    ]
    upsert_facts(store, rel_type="VISITED", rows=visits + visits[:7], batch_size=batch_size)


def test_upserts_in_many_batches_write_what_one_batch_writes(store: GraphStore) -> None:
    _many_batches(store, 1000)
    one_batch = node_link(store)
    store.clear()
    _many_batches(store, 3)  # 14 node batches, 13 fact batches: sent through a WritePipeline
    assert node_link(store) == one_batch
    assert len(one_batch["links"]) == 39
    assert _pipeline_threads() == []
