"""Shared reads: identical concurrent calls run once, answers are kept for the TTL, bounded, and forgotten."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from graph.store import GraphStore, Row
from queries import shared_reads
from queries.catalog import load_catalog
from queries.lookup import forget_names
from queries.shared_reads import forget_shared, params_key, shared


class Owner:
    """Something answers are kept for (a store in the API)."""


def test_concurrent_identical_calls_run_once() -> None:
    owner, calls, release = Owner(), [], threading.Event()

    def compute() -> list[Row]:
        calls.append(1)
        release.wait(5)
        return [{"n": 1}]

    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(shared, owner, "k", compute) for _ in range(8)]
        while not calls:
            pass
        release.set()
        results = [f.result() for f in futures]
    assert len(calls) == 1
    assert results == [[{"n": 1}]] * 8
    results[0][0]["n"] = 2  # each caller has its own rows
    assert shared(owner, "k", compute) == [{"n": 1}] and len(calls) == 1


def test_answers_expire_and_are_forgotten() -> None:
    owner, calls = Owner(), []

    def compute() -> list[Row]:
        calls.append(1)
        return [{"n": len(calls)}]

    assert shared(owner, "k", compute) == [{"n": 1}]
    assert shared(owner, "k", compute) == [{"n": 1}]
    assert shared(owner, "k", compute, ttl=0) == [{"n": 2}]
    forget_shared(owner)
    assert shared(owner, "k", compute) == [{"n": 3}]
    assert shared(owner, "other", compute) == [{"n": 4}]


def test_a_failure_is_not_kept() -> None:
    owner, calls = Owner(), []

    def compute() -> list[Row]:
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("first call fails")
        return []

    with pytest.raises(ValueError):
        shared(owner, "k", compute)
    assert shared(owner, "k", compute) == [] and len(calls) == 2


def test_at_most_max_entries_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shared_reads, "MAX_ENTRIES", 3)
    owner = Owner()
    for n in range(5):
        shared(owner, n, lambda: [])
    assert list(shared_reads._entries[owner]) == [2, 3, 4]


def test_a_write_of_this_process_is_seen_at_once(store: GraphStore) -> None:
    """forget_names (called after every write) drops the kept answers of that store."""
    key = params_key("entities", {"type": "University", "country": "TM"})

    def read() -> list[Row]:
        return load_catalog().run(store, "entities", {"type": "University", "country": "TM"})

    before = shared(store, key, read)
    store.write("CREATE (:Entity:University {key: 'tm_new', name: 'New Turkmen University', country: 'TM'})")
    assert shared(store, key, read) == before
    forget_names(store)
    assert [r["key"] for r in shared(store, key, read)] == [*[r["key"] for r in before], "tm_new"]
