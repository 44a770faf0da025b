"""The whole load: read → extract → resolve → write, against a real store, as `coopgraph load` runs it."""

from __future__ import annotations

import json
from pathlib import Path

from graph.export import node_link
from graph.settings import Settings
from graph.store import GraphStore
from loaders.pipeline import load_paths
from tests.cli import run_cli

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples" / "corpus"


def write_article(path: Path, *, text: str, ident: str = "a1", title: str = "News") -> Path:
    """A JSON article record as analysts feed them."""
    path.write_text(json.dumps({"id": ident, "title": title, "url": f"https://example.kz/{ident}", "text": text}))
    return path


ARTICLE = (
    "On March 3, 2024, a delegation of Al-Farabi Kazakh National University (KazNU) visited Xinjiang University "
    "in Urumqi. The parties signed a memorandum of understanding on joint research. "
    "KazNU Rector Zhanseit Tuimebayev met Xinjiang University Vice-Rector Jin Gang."
)


def test_sample_corpus_loads_and_reloading_changes_nothing(store: GraphStore, settings: Settings) -> None:
    summary = load_paths(store, [SAMPLES], settings=settings)
    assert (summary.new, summary.failed) == (5, 0)
    assert summary.entities_added > 30 and summary.relations_added > 30
    first = node_link(store)
    again = load_paths(store, [SAMPLES], settings=settings)
    assert (again.new, again.unchanged, again.entities_added, again.relations_added) == (0, 5, 0, 0)
    assert node_link(store) == first
    keys = {n["id"] for n in first["nodes"]}
    assert {"xinjiang_university", "kaznu"} <= keys or any("xinjiang" in k for k in keys)


def test_every_fact_has_sources_that_are_documents(store: GraphStore, settings: Settings) -> None:
    load_paths(store, [SAMPLES], settings=settings)
    data = node_link(store)
    documents = {n["id"] for n in data["nodes"] if n["label"] == "Document"}
    facts = [link for link in data["links"] if link["type"] != "MENTIONED_IN"]
    assert facts
    for link in facts:
        assert link["sources"], link
        assert set(link["sources"]) <= documents
        assert len(link["evidence"]) == len(link["sources"])


def test_edited_article_replaces_its_facts(store: GraphStore, settings: Settings, tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.json", text=ARTICLE)
    load_paths(store, [path], settings=settings)
    names = {n.get("name") for n in node_link(store)["nodes"]}
    assert any("Jin Gang" in (n or "") for n in names)
    write_article(path, text=ARTICLE.replace(" Xinjiang University Vice-Rector Jin Gang", " the guests"))
    summary = load_paths(store, [path], settings=settings)
    assert (summary.new, summary.replaced) == (0, 1)
    data = node_link(store)
    assert not any("Jin Gang" in (n.get("name") or "") for n in data["nodes"]), "only the old version named him"
    assert len([n for n in data["nodes"] if n["label"] == "Document"]) == 1


def test_bad_files_are_reported_and_the_rest_loads(store: GraphStore, settings: Settings, tmp_path: Path) -> None:
    write_article(tmp_path / "good.json", text=ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "broken.json").write_text('{"text": "unterminated')
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    summary = load_paths(store, [tmp_path], settings=settings)
    assert summary.new == 1
    failed = {Path(origin).name for origin, _ in summary.failures}
    assert failed == {"empty.txt", "broken.json", "binary.txt"}
    assert all(reason for _, reason in summary.failures)


def test_cli_load_exit_codes_and_summary(tmp_path: Path) -> None:
    good = write_article(tmp_path / "good.json", text=ARTICLE)
    ok = run_cli(tmp_path / "d", "load", str(good))
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("documents: 1 new, 0 unchanged, 0 replaced, 0 failed")
    (tmp_path / "bad.json").write_text("[1, 2")
    some_bad = run_cli(tmp_path / "d", "load", str(good), str(tmp_path / "bad.json"))
    assert some_bad.returncode == 1
    assert "bad.json" in some_bad.stderr and "1 unchanged" in some_bad.stdout
    from_stdin = run_cli(tmp_path / "d", "load", "-", stdin=json.dumps({"id": "s1", "text": ARTICLE + " Again."}))
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert "1 new" in from_stdin.stdout


def test_cli_evaluate_prints_summary(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "d", "evaluate", str(SAMPLES))
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("summary: entity_f1=")
    entity_f1 = float(last.split("entity_f1=")[1].split()[0])
    assert entity_f1 > 0.8
