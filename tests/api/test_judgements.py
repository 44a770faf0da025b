"""Analyst judgements through the API: key required, stored, applied to the graph at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore
from tests.api.conftest import API_KEY

KAZNU = {
    "id": "a",
    "text": "Al-Farabi Kazakh National University (KazNU) signed a memorandum with Xinjiang University.",
}
SHORT = {
    "id": "b",
    "text": "A delegation of KazNU visited Lanzhou University. KazNU and Lanzhou University agreed to cooperate.",
}


@pytest.fixture
def client(store: GraphStore, settings: Settings, tmp_path: Path) -> Iterator[TestClient]:
    """A keyed app whose judgements live in a private directory."""
    own = settings.model_copy(update={"api_key": SecretStr(API_KEY), "data_dir": tmp_path})
    with TestClient(create_app(own, store=store)) as test_client:
        yield test_client


def keys(client: TestClient) -> set[str]:
    """Every entity key in the graph."""
    return {item["key"] for item in client.get("/entities", params={"limit": 500}).json()["items"]}


def test_judgements_need_the_key(client: TestClient) -> None:
    body = {"kind": "rename", "a": "x", "name": "X"}
    assert client.post("/judgements", json=body).status_code == 401
    assert client.post("/judgements", json=body, headers={"X-API-Key": "wrong"}).status_code == 403


def test_unknown_key_is_404_and_bad_kind_422(client: TestClient) -> None:
    headers = {"X-API-Key": API_KEY}
    response = client.post("/judgements", json={"kind": "rename", "a": "nobody", "name": "N"}, headers=headers)
    assert response.status_code == 404
    assert client.post("/judgements", json={"kind": "explode", "a": "x"}, headers=headers).status_code == 422
    assert client.get("/judgements").json() == []


def test_rename_then_merge_are_applied_and_listed(client: TestClient) -> None:
    headers = {"X-API-Key": API_KEY}
    assert client.post("/documents", json=[KAZNU, SHORT], headers=headers).status_code == 200
    before = keys(client)
    universities = sorted(k for k in before if k in ("lanzhou_university", "xinjiang_university"))
    assert len(universities) == 2
    keep, drop = universities
    renamed = client.post("/judgements", json={"kind": "rename", "a": keep, "name": "Renamed U"}, headers=headers)
    assert renamed.status_code == 200, renamed.text
    assert client.get(f"/entities/{keep}").json()["name"] == "Renamed U"
    merged = client.post("/judgements", json={"kind": "merge", "a": keep, "b": drop}, headers=headers)
    assert merged.status_code == 200, merged.text
    assert merged.json()["documents_reloaded"] >= 1
    after = keys(client)
    assert drop not in after and keep in after
    assert [j["kind"] for j in client.get("/judgements").json()] == ["rename", "merge"]
