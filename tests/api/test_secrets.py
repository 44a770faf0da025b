"""Secrets never show: not in error messages, not in responses, not in logs (passwords in URLs, API keys)."""

from __future__ import annotations

import logging
import socket
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from graph.connect import open_store
from graph.errors import StoreUnavailable
from graph.settings import Settings, load_settings, redact_url
from graph.store import GraphStore
from tests.cli import run_cli

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "pw-Zq83-never-shown"
API_KEY = "key-Xv91-never-shown"
WRONG_KEYS = ["key-Xv91-never-show", "key-Xv91-never-shownX", "' OR 1=1 --", "x" * 5000]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def coopgraph(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`coopgraph ...` with only these settings in its environment."""
    return run_cli(None, *args, env=env, timeout=60)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (f"redis://:{PASSWORD}@db:6379", "redis://:***@db:6379"),
        (f"rediss://analyst:{PASSWORD}@db:6380/0", "rediss://analyst:***@db:6380/0"),
        (f"unix:///run/f.sock?db=0&password={PASSWORD}", "unix:///run/f.sock?db=0&password=***"),
        ("neo4j://db:7687", "neo4j://db:7687"),
    ],
)
def test_urls_are_shown_without_their_passwords(url: str, shown: str) -> None:
    assert redact_url(url).replace("unix:/run", "unix:///run") == shown


@pytest.mark.parametrize(
    "env",
    [
        {"NEO4J_URI": f"http://neo4j:{PASSWORD}@db:7474"},
        {"COOPGRAPH_FALKORDB_URL": f"http://:{PASSWORD}@db:6379"},
        {"COOPGRAPH_FALKORDB_URL": "redis://:{PASSWORD}@127.0.0.1:{port}"},
        {"NEO4J_URI": f"bolt://neo4j:{PASSWORD}@127.0.0.1:7687", "NEO4J_PASSWORD": PASSWORD},
    ],
)
def test_cli_errors_never_show_the_password(env: dict[str, str], tmp_path: Path) -> None:
    port = str(closed_port())
    filled = {k: v.replace("{PASSWORD}", PASSWORD).replace("{port}", port) for k, v in env.items()}
    done = coopgraph({**filled, "COOPGRAPH_DATA_DIR": str(tmp_path)}, "info")
    assert done.returncode in (2, 3), done.stderr
    assert "Traceback" not in done.stderr
    assert PASSWORD not in done.stdout + done.stderr


def test_existing_falkordb_url_is_honoured_and_unreachable_is_503_class(settings: Settings) -> None:
    port = closed_port()
    unreachable = settings.model_copy(update={"falkordb_url": f"redis://:{PASSWORD}@127.0.0.1:{port}"})
    with pytest.raises(StoreUnavailable) as caught:
        open_store(unreachable)
    assert f"127.0.0.1:{port}" in caught.value.message and PASSWORD not in caught.value.message


def test_api_keys_never_appear_in_responses_or_logs(
    store: GraphStore, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    keyed = settings.model_copy(update={"api_key": SecretStr(API_KEY)})
    caplog.set_level(logging.DEBUG)
    bodies = []
    with TestClient(create_app(keyed, store=store), raise_server_exceptions=False) as client:
        for key in WRONG_KEYS:
            response = client.post("/documents", json=[{"text": "x"}], headers={"X-API-Key": key})
            assert response.status_code == 403
            bodies.append(response.text + str(response.headers))
        bodies.append(client.post("/documents", json=[{"text": "x"}]).text)
        bodies.append(client.get("/openapi.json").text + client.get("/health").text)
    shown = "\n".join(bodies) + caplog.text
    assert API_KEY not in shown
    assert not any(key in shown for key in WRONG_KEYS[:2])


def test_settings_never_print_secrets(tmp_path: Path) -> None:
    key_file = tmp_path / "key"
    key_file.write_text(API_KEY)
    settings = load_settings(api_key_file=key_file, neo4j_password=PASSWORD)
    assert API_KEY not in repr(settings) and PASSWORD not in repr(settings)
    assert API_KEY not in str(settings.model_dump()) and PASSWORD not in settings.model_dump_json()
