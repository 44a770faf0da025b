"""Crash consistency: a load killed half-way, then run again, gives the graph a clean load gives."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from bench.generate import articles
from graph.connect import open_store
from graph.embedded import EmbeddedServer
from graph.export import node_link
from graph.settings import load_settings
from tests.cli import start_cli

COUNT = 400  # enough that a load is still running when the test has seen its first batch land


def cli(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    """Start `coopgraph ...` on a data directory."""
    return start_cli(data_dir, *args)


def documents_loaded(data_dir: Path) -> int:
    """Complete documents in the store right now (0 while the server is not up yet)."""
    settings = load_settings(data_dir=data_dir)
    if not EmbeddedServer(settings).status()["running"]:
        return 0
    store = open_store(settings)
    try:
        return int(store.read("MATCH (d:Document) WHERE d._complete RETURN count(d) AS n")[0]["n"])
    finally:
        store.close()


def exported(data_dir: Path) -> dict[str, object]:
    """The node-link export of a data directory's graph."""
    store = open_store(load_settings(data_dir=data_dir))
    try:
        return node_link(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Synthetic articles, one JSON file each, so documents load in many batches."""
    folder = tmp_path_factory.mktemp("articles")
    for record in articles(COUNT):
        (folder / f"{record['id']}.json").write_text(json.dumps(record))
    return folder


@pytest.fixture(scope="module")
def clean_export(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The graph of one uninterrupted load."""
    data_dir = tmp_path_factory.mktemp("clean")
    done = cli(data_dir, "load", "-q", str(corpus))
    assert done.wait(timeout=300) == 0, done.stderr.read() if done.stderr else ""
    return exported(data_dir)


def wait_for_progress(data_dir: Path, proc: subprocess.Popen[str], minimum: int) -> None:
    """Wait until some documents are loaded (and not all), failing if the load ends first."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail("the load finished before it could be interrupted")
        if documents_loaded(data_dir) >= minimum:
            return
        time.sleep(0.05)
    pytest.fail("no progress")


@pytest.mark.slow
def test_kill_9_of_the_loader_then_reload(corpus: Path, clean_export: dict[str, object], tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    proc = cli(data_dir, "load", "-q", str(corpus))
    try:
        wait_for_progress(data_dir, proc, 64)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert 0 < documents_loaded(data_dir) < COUNT
        again = cli(data_dir, "load", "-q", str(corpus))
        assert again.wait(timeout=300) == 0
        assert exported(data_dir) == clean_export
    finally:  # the killed loader could not stop the server it started; the reload used it and left it running
        EmbeddedServer(load_settings(data_dir=data_dir)).stop()


@pytest.mark.slow
def test_kill_9_of_the_server_then_reload(corpus: Path, clean_export: dict[str, object], tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    proc = cli(data_dir, "load", "-q", str(corpus))
    wait_for_progress(data_dir, proc, 64)
    pid = EmbeddedServer(load_settings(data_dir=data_dir)).pid()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    code = proc.wait(timeout=300)
    assert code in (0, 1, 3), "the loader ends with a clear error (or recovers), never hangs"
    again = cli(data_dir, "load", "-q", str(corpus))
    assert again.wait(timeout=300) == 0, again.stderr.read() if again.stderr else ""
    assert exported(data_dir) == clean_export
