"""`coopgraph report` and GET /reports write the same report, with errors as one line or one JSON shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from graph.settings import Settings
from graph.store import GraphStore
from tests.reports.small_graphs import build_star


@pytest.fixture
def cli_env(store: GraphStore, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> GraphStore:
    """Point the CLI's settings at the test's graph."""
    from graph.settings import get_settings

    monkeypatch.setenv("COOPGRAPH_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("COOPGRAPH_GRAPH_NAME", store.graph_name)  # type: ignore[attr-defined]
    get_settings.cache_clear()
    return store


def test_cli_writes_html_and_markdown(cli_env: GraphStore, tmp_path: Path) -> None:
    from api.cli import app

    build_star(cli_env)
    result = CliRunner().invoke(app, ["report", "--country", "KZ", "-o", str(tmp_path / "kz.md")])
    assert result.exit_code == 0, result.output
    assert "ties of KZ" in result.output and "networkx" in result.output
    text = (tmp_path / "kz.md").read_text()
    assert text.startswith("# Central Asia–China academic cooperation")
    assert "[^1]: *Title doc_1*. Pub, 2024-03-01. https://example.org/doc_1" in text
    result = CliRunner().invoke(app, ["report", "--since", "2020", "-o", str(tmp_path / "all.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "all.html").read_text().startswith("<!DOCTYPE html>")


def test_cli_refuses_a_bad_format(cli_env: GraphStore, tmp_path: Path) -> None:
    from api.cli import app

    result = CliRunner().invoke(app, ["report", "--format", "pdf", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code != 0
    assert not (tmp_path / "x.pdf").exists()


def test_api_serves_html_and_markdown(store: GraphStore, settings: Settings) -> None:
    from api.app import create_app

    build_star(store)
    with TestClient(create_app(settings, store=store)) as client:
        html = client.get("/reports", params={"country": "KZ"})
        md = client.get("/reports", params={"entity": "kz_hub", "since": 2020, "format": "md"})
        unknown = client.get("/reports", params={"entity": "nobody"})
        bad = client.get("/reports", params={"scope": "country"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in html.headers["content-security-policy"]
    assert ">Risk context</h2>" in html.text
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert "Scope: **ties of Kz Hub, from 2020 on**" in md.text
    assert unknown.status_code == 404 and unknown.json()["error"]["type"] == "not_found"
    assert bad.status_code in (400, 422) and "error" in bad.json()
