"""End to end: a real `coopgraph serve` subprocess on a free loopback port, over real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.fixtures import GRAPH_JSON

pytestmark = pytest.mark.slow
API_KEY = "e2e-key-abcdef"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`coopgraph serve` on a fixture graph in its own data directory; yields its base URL."""
    env = {
        **os.environ,
        "COOPGRAPH_DATA_DIR": str(tmp_path_factory.mktemp("e2e")),
        "COOPGRAPH_API_KEY": API_KEY,
        "COOPGRAPH_GRAPH_NAME": "e2e",
    }
    exe = [sys.executable, "-m", "api.cli"]
    subprocess.run([*exe, "import", str(GRAPH_JSON)], env=env, check=True, capture_output=True, timeout=60)
    port = free_port()
    log = Path(env["COOPGRAPH_DATA_DIR"]) / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([*exe, "serve", "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail(f"server did not start: {log.read_text()}")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_partners_over_http(server: str) -> None:
    response = httpx.get(f"{server}/entities/Xinjiang%20University/partners", timeout=10)
    assert response.status_code == 200
    assert [p["key"] for p in response.json()] == ["kaznu", "kstu", "auezov_sku"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_errors_over_http(server: str) -> None:
    response = httpx.get(f"{server}/entities/TSU", timeout=10)
    assert response.status_code == 409 and response.json()["error"]["type"] == "ambiguous"
    assert httpx.get(f"{server}/entities?limit=100000", timeout=10).status_code == 422


def test_openapi_and_keyed_write_over_http(server: str) -> None:
    spec = httpx.get(f"{server}/openapi.json", timeout=10).json()
    assert "/entities/{ref}/partners" in spec["paths"]
    assert httpx.post(f"{server}/documents", json=[{"text": "x"}], timeout=10).status_code == 401
    loaded = httpx.post(
        f"{server}/documents",
        json=[{"text": "Lanzhou University and Tajik National University signed a memorandum on 3 March 2024."}],
        headers={"X-API-Key": API_KEY},
        timeout=60,
    )
    assert loaded.status_code == 200 and loaded.json()["new"] == 1
