"""Backups: `coopgraph db backup` of a running store then `db restore` gives back that graph exactly;
`export` + `import` of a generated graph of a few thousand nodes is exact."""

from __future__ import annotations

import subprocess
import tarfile
import uuid
from pathlib import Path

import pytest

import bench.generate
from graph.backup import backup_store, restore_store
from graph.connect import open_store
from graph.errors import UsageError
from graph.export import node_link
from graph.node_link_import import import_node_link
from graph.settings import Settings, load_settings
from graph.store import GraphStore
from tests.cli import run_cli
from tests.fixtures import load_fixture_graph

EXTRA = "MERGE (n:Entity:University {key: 'written_after_the_backup', name: 'After'})"


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`coopgraph ...` on a data directory."""
    return run_cli(data_dir, *args)


@pytest.mark.slow
def test_backup_while_running_then_restore_gives_the_graph_back(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "a")
    (settings.data_dir).mkdir()
    settings.judgements_path.write_text('{"kind": "merge", "a": "x", "b": "y"}\n')
    store = open_store(settings)
    try:
        load_fixture_graph(store)
        before = node_link(store)
        archive = tmp_path / "backups" / "coopgraph.tar.gz"
        done = cli(settings.data_dir, "db", "backup", str(archive))  # the server runs: this process uses it
        assert done.returncode == 0, done.stderr
        store.write(EXTRA)
        settings.judgements_path.write_text("")
        restored = restore_store(settings=settings, path=archive)
        assert restored["restarted"] is True
        assert node_link(store) == before, "the write after the backup is gone, the rest is back"
        assert settings.judgements_path.read_text().startswith('{"kind": "merge"')
        assert (Path(str(restored["previous_files"])) / "falkordb").is_dir(), "the replaced files are kept"
    finally:
        store.close()
    elsewhere = load_settings(data_dir=tmp_path / "b")
    restore_store(settings=elsewhere, path=archive)  # no server running there: files only
    other = open_store(elsewhere)
    try:
        assert node_link(other) == before
    finally:
        other.close()


def test_restore_refuses_what_is_not_a_backup(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "d")
    (tmp_path / "x.tar.gz").write_bytes(b"not an archive")
    with pytest.raises(UsageError, match="not a coopgraph backup"):
        restore_store(settings=settings, path=tmp_path / "x.tar.gz")
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as archive:
        (tmp_path / "f").write_text("x")
        archive.add(tmp_path / "f", arcname="falkordb/appendonlydir/ok")
        archive.add(tmp_path / "f", arcname="../outside")
    with pytest.raises(UsageError, match="not a coopgraph backup"):
        restore_store(settings=settings, path=evil)
    assert not (tmp_path / "outside").exists()
    with pytest.raises(UsageError, match="no embedded store"):
        backup_store(settings=settings, path=tmp_path / "b.tar.gz")


@pytest.mark.slow
def test_export_then_import_of_a_generated_graph_is_exact(store: GraphStore, settings: Settings) -> None:
    bench.generate.SIZES["T3k"] = (3_000, 12_000)
    try:
        data = bench.generate.graph("T3k")
    finally:
        bench.generate.SIZES.pop("T3k")
    import_node_link(store, data, batch_size=2_000)
    exported = node_link(store)
    assert (len(exported["nodes"]), len(exported["links"])) == (len(data["nodes"]), len(data["links"]))
    by_id = {node["id"]: node for node in exported["nodes"]}
    assert all(by_id[node["id"]] == dict(sorted(node.items())) | {"id": node["id"]} for node in data["nodes"])
    again = open_store(settings, graph_name=f"t_{uuid.uuid4().hex[:12]}")
    try:
        import_node_link(again, exported, batch_size=2_000)
        assert node_link(again) == exported
    finally:
        again.command("GRAPH.DELETE", again.graph_name)  # type: ignore[attr-defined]
        again.close()
