"""Extraction in worker processes: the same graph as a load in one process, bad documents skipped alone,
no worker left behind."""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from bench.generate import articles
from graph.embedded import EmbeddedServer
from graph.errors import DocumentRejected
from graph.export import node_link
from graph.heap import GEN0_THRESHOLD
from graph.settings import Settings, load_settings
from graph.store import GraphStore
from loaders.context import warm_extraction, with_publisher
from loaders.extract import extract
from loaders.facts import Document, Extraction
from loaders.parallel import Extractor, extract_one
from loaders.pipeline import load_paths
from tests.cli import start_cli
from tests.loaders.test_crash import documents_loaded

CRASH = "CRASH-THE-WORKER"
FAIL = "FAIL-IN-THE-WORKER"


def crash_or_fail(document: Document) -> Document:
    """A `prepare` step that kills its process on one marker and raises on another (a rule's bug)."""
    if CRASH in document.text:
        os._exit(3)
    if FAIL in document.text:
        raise ValueError("a rule tripped")
    return document


def no_warm_up() -> None:
    """Nothing to warm: the tests' documents are tiny."""


def make_documents(count: int, markers: dict[int, str] | None = None) -> list[Document]:
    """Generated articles as documents, some with a marker text at their end."""
    documents = []
    for number, record in enumerate(articles(count)):
        text = f"{record['text']} {(markers or {}).get(number, '')}".strip()
        documents.append(Document(key=f"doc_{number:04d}", text=text, source_id=str(record["id"])))
    return documents


def settled_children(seconds: float = 10) -> list[multiprocessing.process.BaseProcess]:
    """This process's children once stopped workers are reaped (on a busy machine that takes a moment)."""
    deadline = time.monotonic() + seconds
    while (children := multiprocessing.active_children()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return children


def write_corpus(folder: Path, count: int) -> Path:
    """Generated articles as one JSONL file."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(record) for record in articles(count)]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_workers_give_the_extractions_one_process_gives() -> None:
    documents = make_documents(40)
    with Extractor(workers=2, prepare=with_publisher, warm=warm_extraction, min_documents=1) as extractor:
        extractor.submit(documents)
        assert len(multiprocessing.active_children()) == 2
        found = [extractor.extraction(d) for d in documents]
    one_process = [extract_one(d, with_publisher) for d in documents]
    assert found == one_process
    assert all(isinstance(e, Extraction) and e.text_context is not None for e in one_process)
    assert [e.candidates for e in one_process] == [extract(with_publisher(d)).candidates for d in documents]  # type: ignore[union-attr]
    assert settled_children() == []


def test_a_document_that_kills_its_worker_is_skipped_alone() -> None:
    documents = make_documents(30, {7: CRASH, 12: FAIL})
    outcomes: dict[int, str] = {}
    with Extractor(workers=2, prepare=crash_or_fail, warm=no_warm_up, min_documents=1) as extractor:
        extractor.submit(documents[:20])
        extractor.submit(documents[20:])
        for number, document in enumerate(documents):
            try:
                outcomes[number] = extractor.extraction(document).document.key
            except DocumentRejected as exc:
                outcomes[number] = exc.message
    assert outcomes[7] == "extraction crashed its worker process"
    assert outcomes[12] == "extraction failed (ValueError: a rule tripped)"
    assert {n: k for n, k in outcomes.items() if n not in {7, 12}} == {
        n: d.key for n, d in enumerate(documents) if n not in {7, 12}
    }
    assert settled_children() == []


def test_a_handful_of_documents_starts_no_worker() -> None:
    documents = make_documents(5)
    assert settled_children() == []
    with Extractor(workers=2, prepare=with_publisher, warm=warm_extraction) as extractor:
        extractor.submit(documents)
        assert multiprocessing.active_children() == []
        assert extractor.extraction(documents[3]) == extract_one(documents[3], with_publisher)


def heap_state(document: Document) -> Document:
    """A `prepare` step that reports its worker's collector (as a failure: the one message a worker sends)."""
    raise ValueError(f"gen0={gc.get_threshold()[0]} frozen={gc.get_freeze_count() > 0}")


@pytest.mark.usefixtures("unfrozen")
def test_workers_and_the_loader_start_from_a_settled_heap() -> None:
    documents = make_documents(2)
    assert gc.get_freeze_count() == 0
    with Extractor(workers=1, prepare=heap_state, warm=no_warm_up, min_documents=1) as extractor:
        extractor.submit(documents)
        assert gc.get_threshold()[0] == GEN0_THRESHOLD
        assert gc.get_freeze_count() > 10_000  # modules, spaCy's and this test process's objects
        with pytest.raises(DocumentRejected, match=f"gen0={GEN0_THRESHOLD} frozen=True"):
            extractor.extraction(documents[0])
    assert settled_children() == []


def interrupted_load(documents: list[Document]) -> None:
    """Extract a few documents, then Ctrl-C while the workers are busy with the rest."""
    with Extractor(workers=2, prepare=with_publisher, warm=warm_extraction, min_documents=1) as extractor:
        extractor.submit(documents)
        extractor.extraction(documents[0])
        raise KeyboardInterrupt


def test_an_error_in_the_loader_stops_the_workers() -> None:
    with pytest.raises(KeyboardInterrupt):
        interrupted_load(make_documents(60))
    assert settled_children() == []


@pytest.mark.slow
def test_a_load_with_workers_writes_the_graph_one_process_writes(
    store: GraphStore, settings: Settings, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "articles", 300)
    alone = load_paths(store, [corpus], settings=settings.model_copy(update={"load_workers": 0}))
    sequential = node_link(store)
    store.clear()
    pooled = load_paths(store, [corpus], settings=settings.model_copy(update={"load_workers": 2}))
    assert (pooled.new, pooled.failed, pooled.entities_added) == (alone.new, 0, alone.entities_added)
    assert json.dumps(node_link(store), sort_keys=True) == json.dumps(sequential, sort_keys=True)


def children_of(pid: int) -> set[int]:
    """The processes a process has started (Linux /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def alive(pid: int) -> bool:
    """Whether a process still runs (a zombie waiting to be reaped does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_load_leaves_no_worker(sig: signal.Signals, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "articles", 1200)
    data_dir = tmp_path / "d"
    proc = start_cli(data_dir, "load", "-q", str(corpus))
    try:
        deadline = time.monotonic() + 180
        while documents_loaded(data_dir) < 64 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = {p for p in children_of(proc.pid) if b"redis-server" not in Path(f"/proc/{p}/cmdline").read_bytes()}
        assert proc.poll() is None and len(workers) == Settings.model_fields["load_workers"].get_default(
            call_default_factory=True
        )
        proc.send_signal(sig)
        proc.wait(timeout=60)
        deadline = time.monotonic() + 30
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = {pid: Path(f"/proc/{pid}/cmdline").read_bytes()[:200] for pid in workers if alive(pid)}
        assert not left, f"still running after the load ended: {left}"
    finally:
        proc.kill()
        proc.wait()
        EmbeddedServer(load_settings(data_dir=data_dir)).stop()
