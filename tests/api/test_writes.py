"""POST /documents: the API key (401 missing, 403 wrong, writes off without one), then a real load."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore
from tests.api.conftest import API_KEY

ARTICLE = {
    "id": "kaznu-xju-2024",
    "url": "https://www.kaznu.kz/en/news/2024/xju",
    "title": "KazNU and Xinjiang University sign memorandum",
    "published": "2024-05-02",
    "text": "Al-Farabi Kazakh National University and Xinjiang University signed a memorandum of understanding "
    "on academic cooperation in Almaty on 2 May 2024.",
}


def test_writes_are_off_without_a_configured_key(store: GraphStore, settings: Settings) -> None:
    with TestClient(create_app(settings, store=store)) as client:
        response = client.post("/documents", json=[ARTICLE], headers={"X-API-Key": "anything"})
    assert response.status_code == 403
    assert "COOPGRAPH_API_KEY" in response.json()["error"]["message"]


def test_missing_key_is_401_and_wrong_key_is_403(write_client: TestClient) -> None:
    assert write_client.post("/documents", json=[ARTICLE]).status_code == 401
    assert write_client.post("/documents", json=[ARTICLE], headers={"X-API-Key": "nope"}).status_code == 403


def test_load_with_key_then_read_back(write_client: TestClient) -> None:
    headers = {"X-API-Key": API_KEY}
    response = write_client.post("/documents", json=[ARTICLE, {"text": "   "}], headers=headers)
    assert response.status_code == 200, response.text
    result = response.json()
    assert (result["new"], result["failed"]) == (1, 1)
    assert result["entities_added"] >= 2
    again = write_client.post("/documents", json=[ARTICLE], headers=headers).json()
    assert again["unchanged"] == 1
    found = write_client.get("/entities", params={"q": "Xinjiang University"}).json()
    assert any("Xinjiang" in (item["name"] or "") for item in found["items"])


def test_body_bounds(write_client: TestClient) -> None:
    headers = {"X-API-Key": API_KEY}
    assert write_client.post("/documents", json=[], headers=headers).status_code == 422
    assert write_client.post("/documents", json=[{"text": "x"}] * 101, headers=headers).status_code == 422
