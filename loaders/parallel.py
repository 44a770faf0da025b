"""Extraction in worker processes: one document's extraction depends on no other document.

The loading process submits documents ahead of time and collects their extractions in document order,
so it can resolve and write while workers extract the next ones. Workers are forked once per load, after
spaCy and the registry are warm in the loading process, so none pays their start-up cost again; a load of a
handful of documents extracts in-process and starts no workers. A document whose extraction fails, or that
kills its worker, is reported like any bad input and the others go on. Leaving the pool (normally, on an
error or on Ctrl-C) ends its workers; a worker also dies with the loading process (Linux).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from types import TracebackType

from graph.errors import DocumentRejected
from graph.heap import settle_heap
from loaders.extractors import Extract
from loaders.facts import Document, Extraction

POOL_MIN_DOCUMENTS = 128
"""Fewer documents than this in one load are extracted in-process: a pool is not worth its start."""
CHUNK_DOCUMENTS = 8
"""Documents sent to a worker in one message (fewer messages; a chunk still fails document by document)."""
PR_SET_PDEATHSIG = 1

Prepare = Callable[[Document], Document]
Outcome = Extraction | str
"""An extraction, or the reason the document could not be extracted."""


def extract_one(document: Document, prepare: Prepare, extract: Extract | None = None) -> Outcome:
    """One document's extraction, or why it failed (the same reasons, in-process or in a worker)."""
    from loaders.doc_context import DocumentContext
    from loaders.extract import extract as rules
    from loaders.registry import Registry

    try:
        extraction = (extract or rules)(prepare(document))
        if not isinstance(extraction, Extraction) or extraction.document.key != document.key:
            return f"the extractor returned {type(extraction).__name__}, not this document's Extraction"
        extraction.text_context = DocumentContext.read_text(extraction, registry=Registry.load())
        return extraction
    except DocumentRejected as exc:
        return exc.message
    except Exception as exc:  # one article's extraction bug must not stop the load
        return f"extraction failed ({type(exc).__name__}: {exc})"


def _extract_chunk(documents: list[Document], prepare: Prepare, extract: Extract | None) -> list[Outcome]:
    """A worker's job: extract a few documents, each on its own."""
    return [extract_one(d, prepare, extract) for d in documents]


def _start_worker(warm: Callable[[], None]) -> None:
    """Worker start-up: leave Ctrl-C to the loading process, die with it, warm what extraction uses."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    warm()
    settle_heap()  # a spawned worker warmed just now; a forked one adds what warm() had left to build


@dataclass
class Pending:
    """Documents submitted together, and where their extractions will come from."""

    documents: list[Document]
    pool: ProcessPoolExecutor | None = None
    """None: extracted in-process when collected."""
    future: Future[list[Outcome]] | None = None
    outcomes: list[Outcome] | None = None


@dataclass
class Extractor:
    """Extracts documents in worker processes (or in-process), handing results back in submission order."""

    workers: int
    prepare: Prepare
    """What a document needs before extraction (its publisher resolved); a picklable callable."""
    warm: Callable[[], None]
    """Loads what extraction uses (spaCy, word lists, registry), before workers fork and in each spawned one."""
    min_documents: int = POOL_MIN_DOCUMENTS
    extract: Extract | None = None
    """The extractor (`loaders.extractors`); None: the rule extractor. A module-level function, so picklable."""
    _pool: ProcessPoolExecutor | None = None
    _solo: ProcessPoolExecutor | None = None
    """A one-worker pool where the documents of a chunk whose worker died are retried one by one."""
    _submitted: int = 0
    _where: dict[Document, Pending] = field(default_factory=dict)
    _undispatched: list[Pending] = field(default_factory=list)

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close(abort=exc is not None)

    def submit(self, documents: list[Document]) -> None:
        """Start extracting these documents (a document already waiting is not submitted again).

        Until the load has submitted `min_documents`, chunks wait to be extracted in-process; once it has,
        the pool starts and takes every chunk not yet collected.
        """
        fresh = [d for d in dict.fromkeys(documents) if d not in self._where]
        self._submitted += len(fresh)
        for start in range(0, len(fresh), CHUNK_DOCUMENTS):
            pending = Pending(fresh[start : start + CHUNK_DOCUMENTS])
            self._where.update((d, pending) for d in pending.documents)
            self._undispatched.append(pending)
        if self.workers >= 1 and self._submitted >= self.min_documents:
            for pending in self._undispatched:
                if pending.outcomes is None:
                    self._dispatch(pending)
            self._undispatched.clear()

    def extraction(self, document: Document) -> Extraction:
        """The document's extraction (waiting for its worker if need be); DocumentRejected if it failed."""
        pending = self._where.pop(document, None)
        if pending is None:
            outcome = extract_one(document, self.prepare, self.extract)
        else:
            outcome = self._outcomes(pending)[pending.documents.index(document)]
        if isinstance(outcome, str):
            raise DocumentRejected(outcome, details={"origin": document.origin or document.key, "reason": outcome})
        return outcome

    def close(self, *, abort: bool = False) -> None:
        """End the workers: let them finish their chunk, or, after an error or Ctrl-C, stop them at once."""
        self._where.clear()
        self._undispatched.clear()
        pools = [p for p in (self._pool, self._solo) if p is not None]
        self._pool = self._solo = None
        for pool in pools:
            _end(pool, abort=abort)

    # ------------------------------------------------------------ internals

    def _dispatch(self, pending: Pending) -> None:
        """Send a chunk to the pool (a new one if the last one broke; in-process if that breaks too)."""
        for _ in range(2):
            pool = self._pool = self._pool or self._new_pool(self.workers)
            try:
                future = pool.submit(_extract_chunk, pending.documents, self.prepare, self.extract)
                pending.pool, pending.future = pool, future
                return
            except BrokenProcessPool:  # a worker died since the last submit: its chunks are retried alone
                self._drop_pool(pool)

    def _drop_pool(self, pool: ProcessPoolExecutor) -> None:
        """Forget a pool one of whose workers died (the executor has already stopped the others)."""
        _end(pool, abort=True)
        if self._pool is pool:
            self._pool = None

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        """A pool forked after warming (so workers start warm); spawned, and warmed each, where fork is unsafe.

        The warm heap is settled first (`graph.heap`): the loading process's collector time fell from 9.0 to
        2.1 s in a load of 10,000 articles, and forked workers share the frozen pages.
        """
        self.warm()
        settle_heap()
        fork = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork" if fork else "spawn"),
            initializer=_start_worker,
            initargs=(self.warm,),
        )

    def _outcomes(self, pending: Pending) -> list[Outcome]:
        """A chunk's outcomes; when its worker died, each of its documents is retried alone to find the culprit."""
        if pending.outcomes is not None:
            return pending.outcomes
        if pending.future is None:
            pending.outcomes = [extract_one(d, self.prepare, self.extract) for d in pending.documents]
            return pending.outcomes
        try:
            pending.outcomes = pending.future.result()
        except BrokenProcessPool:
            if pending.pool is not None:
                self._drop_pool(pending.pool)  # later chunks go to a new pool
            pending.outcomes = [self._alone(d) for d in pending.documents]
        return pending.outcomes

    def _alone(self, document: Document) -> Outcome:
        """Extract one document in a one-worker pool of its own: if that worker dies, this document killed it."""
        self._solo = self._solo or self._new_pool(1)
        try:
            return self._solo.submit(_extract_chunk, [document], self.prepare, self.extract).result()[0]
        except BrokenProcessPool:
            _end(self._solo, abort=True)
            self._solo = None
            return "extraction crashed its worker process"


def _end(pool: ProcessPoolExecutor, *, abort: bool) -> None:
    """Shut a pool down; on abort, cancel what is queued and terminate its workers instead of waiting."""
    if not abort:
        pool.shutdown(wait=True)
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way before Python 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():  # a worker stuck past SIGTERM (a busy machine, a C extension) is not left behind
            process.kill()
            process.join()
