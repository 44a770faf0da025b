"""Reads many callers share: identical concurrent calls run once, and the answer is kept SHARED_TTL seconds.

For the whole-graph summaries every visitor asks the same way (`/countries/KZ/CN`, agreements of a
country pair): at M a country pair reads 160k ties (1-3 s of a FalkorDB thread), and 32 clients asking
for it at once queued every other request behind copies of the same query.

    rows = shared(store, ("country_pair", params), lambda: run_query(store, "country_pair", **params))

Answers are kept per store, at most MAX_ENTRIES of them (least recently used go first), and dropped by
`forget_shared(store)`, which `queries.lookup.forget_names` calls after every write of this process.
A write by another process shows after SHARED_TTL seconds at most, as names do (NAMES_TTL).
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from graph.store import Row

SHARED_TTL = 30.0
MAX_ENTRIES = 256


@dataclass
class _Entry:
    """One answer: being computed (`done` unset) or computed at `at`."""

    done: threading.Event = field(default_factory=threading.Event)
    rows: list[Row] = field(default_factory=list)
    error: BaseException | None = None
    at: float = 0.0


_entries: weakref.WeakKeyDictionary[Any, OrderedDict[Hashable, _Entry]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def shared(store: Any, key: Hashable, compute: Callable[[], list[Row]], *, ttl: float = SHARED_TTL) -> list[Row]:
    """The rows `compute` gives for `key` on this store: computed once for concurrent callers, then reused
    for `ttl` seconds. Each caller gets its own row dicts (nested values are shared: read them only)."""
    entry, leader = _claim(store, key, ttl)
    if leader:
        try:
            entry.rows = compute()
        except BaseException as exc:
            entry.error = exc
            _drop(store, key, entry)
            raise
        finally:
            entry.at = time.monotonic()
            entry.done.set()
    else:
        entry.done.wait()
        if entry.error is not None:
            raise entry.error
    return [dict(row) for row in entry.rows]


def _claim(store: Any, key: Hashable, ttl: float) -> tuple[_Entry, bool]:
    """The entry to read (running or fresh), or a new one this caller must fill (True)."""
    with _lock:
        entries = _entries.setdefault(store, OrderedDict())
        entry = entries.get(key)
        if entry is not None and (not entry.done.is_set() or time.monotonic() - entry.at < ttl):
            entries.move_to_end(key)
            return entry, False
        entry = entries[key] = _Entry()
        entries.move_to_end(key)
        while len(entries) > MAX_ENTRIES:
            entries.popitem(last=False)
        return entry, True


def _drop(store: Any, key: Hashable, entry: _Entry) -> None:
    """Forget a failed answer (the next caller tries again), unless a newer one replaced it."""
    with _lock:
        entries = _entries.get(store)
        if entries is not None and entries.get(key) is entry:
            del entries[key]


def forget_shared(store: Any) -> None:
    """Drop every kept answer of a store (after a write)."""
    with _lock:
        _entries.pop(store, None)


def params_key(name: str, params: dict[str, Any]) -> tuple[Hashable, ...]:
    """A hashable key for a named query and its parameters (lists become tuples)."""
    return (name, *sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
