"""read_ahead: pages read on two threads, handed over in order; a failed read is raised where it is used."""

from __future__ import annotations

import threading
import time

import pytest

from graph.errors import QueryFailed
from graph.read_ahead import read_ahead
from graph.store import GraphStore


def test_results_come_in_order_while_later_reads_run() -> None:
    running: set[int] = set()
    overlapped: list[bool] = []

    def read(n: int) -> int:
        running.add(n)
        time.sleep(0.02 * (5 - n % 5))  # earlier items take longer: a pool without ordering would reorder
        overlapped.append(len(running) > 1)
        running.discard(n)
        return n * n

    assert list(read_ahead(read, range(12))) == [n * n for n in range(12)]
    assert any(overlapped)


def test_a_failed_read_is_raised_in_order_and_the_rest_are_dropped() -> None:
    started: list[int] = []

    def read(n: int) -> int:
        started.append(n)
        if n == 3:
            raise QueryFailed("page 3 failed")
        return n

    got: list[int] = []
    with pytest.raises(QueryFailed, match="page 3"):
        got.extend(read_ahead(read, range(100)))
    assert got == [0, 1, 2]
    assert max(started) <= 3 + 2  # at most `ahead` reads beyond the failed one were started
    assert not [t for t in threading.enumerate() if t.name.startswith("coopgraph-read")]


def test_pages_of_a_real_store(store: GraphStore) -> None:
    store.write("UNWIND range(0, 49) AS i CREATE (:Probe {n: i})")
    pages = [list(range(start, start + 10)) for start in range(0, 50, 10)]

    def read(page: list[int]) -> list[int]:
        return [
            r[0]
            for r in store.read_rows("UNWIND $ns AS n MATCH (p:Probe {n: n}) RETURN p.n ORDER BY p.n", {"ns": page})
        ]

    assert list(read_ahead(read, pages)) == pages
