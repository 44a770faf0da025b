"""Writes sent in order from one background thread while the caller builds the next batch.

A bulk write is otherwise the client and the server taking turns: Python builds and renders a batch while
the server idles, then waits while the server writes it. Here the caller builds each batch and does the
client's work on it (`GraphStore.prepare_write`: FalkorDB's inlined parameters), and one thread sends them,
in the order given, while the caller goes on. No read may run until the pipeline is closed (it could
overtake a queued write): the batched upserts (`graph.upsert.send_all`) close it before they return.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any

from graph.store import GraphStore

_DONE = None


class WritePipeline:
    """Run `store.write` calls on one thread, in order, at most `depth` ahead of the caller."""

    def __init__(self, store: GraphStore, *, depth: int = 2) -> None:
        self.store = store
        self._queue: queue.Queue[Callable[[], object] | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._send, name="coopgraph-writes", daemon=True)
        self._thread.start()

    def write(self, cypher: str, params: Mapping[str, Any] | None = None) -> None:
        """Prepare one write and queue it (blocking while `depth` wait); an earlier failed write is raised here."""
        self._raise_failure()
        self._queue.put(self.store.prepare_write(cypher, params))

    def close(self) -> None:
        """Wait until every queued write is done; raise the first that failed."""
        self._finish()
        self._raise_failure()

    def abandon(self) -> None:
        """Drop the writes not yet sent and wait for the one running (the caller is failing anyway)."""
        self._stop.set()
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._finish()

    def _finish(self) -> None:
        """Send the end marker after the queued writes and wait for the sending thread to stop."""
        if self._thread.is_alive():
            self._queue.put(_DONE)
            self._thread.join()

    def __enter__(self) -> WritePipeline:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:
            self.abandon()

    def _send(self) -> None:
        """The sending thread: one write after another until the end marker; after a failure, drain."""
        while (item := self._queue.get()) is not _DONE:
            if self._error is not None or self._stop.is_set():
                continue
            try:
                item()
            except BaseException as exc:  # handed to the caller's thread and raised there
                self._error = exc

    def _raise_failure(self) -> None:
        """Raise, in the caller's thread, the error a write met in the sending thread."""
        if self._error is not None:
            raise self._error
