"""Hostile input: `coopgraph load` of the whole hostile set beside good articles never crashes or hangs,
names every bad input with its reason, and leaves the good articles' graph exactly as a load of them alone."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.cli import run_cli
from tests.data.make_hostile import LOADED, LONG_NAME_CHARS, REJECTED, make_hostile

REPO = Path(__file__).resolve().parents[2]
GOOD = REPO / "samples" / "corpus"
TIME_LIMIT_S = 120
SUMMARY = re.compile(r"documents: (\d+) new, (\d+) unchanged, (\d+) replaced, (\d+) failed")
pytestmark = pytest.mark.slow


@dataclass
class Load:
    """What one `coopgraph load` printed, and the graph it left (node-link export)."""

    code: int
    stdout: str
    stderr: str
    graph: dict[str, Any]


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`coopgraph ...` on its own data directory, killed (and failed) if it runs past the time limit."""
    return run_cli(data_dir, *args, timeout=TIME_LIMIT_S)


def load_and_export(data_dir: Path, *paths: Path) -> Load:
    """Load `paths` into a fresh data directory and export the graph."""
    done = cli(data_dir, "load", "-q", *map(str, paths))
    exported = cli(data_dir, "export", "-o", str(data_dir / "graph.json"))
    assert exported.returncode == 0, exported.stderr
    graph = json.loads((data_dir / "graph.json").read_text(encoding="utf-8"))
    return Load(done.returncode, done.stdout, done.stderr, graph)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hostile(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> Load:
    return load_and_export(tmp_path_factory.mktemp("alone"), GOOD)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory, hostile: Path) -> Load:
    return load_and_export(tmp_path_factory.mktemp("mixed"), hostile, GOOD)


def skipped(load: Load, root: Path) -> dict[str, str]:
    """`skipped ORIGIN: REASON` lines of the load report, by origin relative to the hostile set."""
    lines = [line.removeprefix("skipped ") for line in load.stderr.splitlines() if line.startswith("skipped ")]
    return {origin.removeprefix(f"{root}/"): reason for origin, _, reason in (line.partition(": ") for line in lines)}


def nodes(graph: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {node["id"]: node for node in graph["nodes"]}


def links(graph: dict[str, Any]) -> dict[tuple[str, ...], dict[str, Any]]:
    return {(ln["source"], ln["target"], ln["type"], str(ln.get("date"))): ln for ln in graph["links"]}


def test_load_ends_with_a_report_not_a_crash(alone: Load, mixed: Load) -> None:
    assert alone.code == 0, alone.stderr
    assert mixed.code == 1, mixed.stderr  # 1: some documents were skipped
    assert "Traceback" not in mixed.stderr
    assert not [line for line in mixed.stderr.splitlines() if not line.startswith("skipped ")], mixed.stderr


def test_every_bad_input_is_named_with_its_reason(mixed: Load, hostile: Path) -> None:
    reasons = skipped(mixed, hostile)
    assert sorted(reasons) == sorted(REJECTED)
    for where, start in REJECTED.items():
        assert reasons[where].startswith(start), (where, reasons[where])


def test_every_good_record_of_the_hostile_set_loads(mixed: Load) -> None:
    counts = SUMMARY.search(mixed.stdout)
    assert counts is not None, mixed.stdout
    new, unchanged, replaced, failed = map(int, counts.groups())
    assert (new, unchanged, replaced, failed) == (
        len(list(GOOD.glob("*.json"))) + sum(LOADED.values()),
        1,
        0,
        len(REJECTED),
    )
    documents = [n for n in mixed.graph["nodes"] if n["label"] == "Document"]
    assert len(documents) == new


def test_good_articles_load_exactly_as_alone(alone: Load, mixed: Load) -> None:
    mixed_nodes, mixed_links = nodes(mixed.graph), links(mixed.graph)
    assert {k: mixed_nodes.get(k) for k in nodes(alone.graph)} == nodes(alone.graph)
    assert {k: mixed_links.get(k) for k in links(alone.graph)} == links(alone.graph)


def test_stored_text_is_clean_and_payloads_are_data(mixed: Load, hostile: Path) -> None:
    graph_nodes = mixed.graph["nodes"]
    names = [n.get("name") or "" for n in graph_nodes if n["label"] != "Document"]
    texts = [n["text"] for n in graph_nodes if n["label"] == "Document"]
    invisible = [
        s for s in names + texts if any(unicodedata.category(c) in ("Cc", "Cf") and c not in "\n\t\r" for c in s)
    ]
    assert invisible == []
    assert max(map(len, names)) <= 300 and LONG_NAME_CHARS > 300
    assert {"shandong_university", "turkmen_agricultural_university_named_after_s_a_niyazov"} <= set(nodes(mixed.graph))
    cypher = json.loads((hostile / "cypher_in_text.json").read_text())["text"]
    assert cypher in texts, "Cypher in an article is stored as text, verbatim"
    html = next(t for t in texts if "Samarkand State University signed" in t)
    assert "alert" not in html and "evil.example" not in html
    assert any("兰州大学" in t for t in texts) and any("Таджикский национальный" in t for t in texts)
