"""GET /paths on the fixture graph: shortest chains by name or key, ties, bounds and errors in one shape."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def get_paths(client: TestClient, **params: Any) -> Any:
    response = client.get("/paths", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_paths_by_name_with_the_ends_named(client: TestClient) -> None:
    body = get_paths(client, **{"from": "M. Auezov South Kazakhstan University", "to": "KSTU"})
    assert (body["source"]["key"], body["target"]["key"], body["max_hops"]) == ("auezov_sku", "kstu", 4)
    assert [[n["key"] for n in p["nodes"]] for p in body["paths"]] == [["auezov_sku", "xju", "kstu"]] * 2
    link = body["paths"][0]["links"][0]
    assert set(link) == {"type", "source", "target", "date", "sources", "evidence"}
    assert (link["type"], link["source"], link["target"], link["date"]) == (
        "VISITED",
        "auezov_sku",
        "xju",
        "2025-02-10",
    )


def test_ties_and_limit(client: TestClient) -> None:
    routes = {"kaznu,evt_eurasia_expo_2024,kstu", "kaznu,xju,kstu"}
    two = get_paths(client, **{"from": "kaznu", "to": "kstu", "limit": 2})["paths"]
    assert {",".join(n["key"] for n in p["nodes"]) for p in two} == routes
    every = get_paths(client, **{"from": "kaznu", "to": "kstu", "limit": 20})["paths"]
    assert len(every) == 7 and {p["hops"] for p in every} == {2}


def test_nothing_within_max_hops_and_no_initiative_shortcut(client: TestClient) -> None:
    assert [p["hops"] for p in get_paths(client, **{"from": "kaznu", "to": "heu"})["paths"]] == [4] * 5
    assert get_paths(client, **{"from": "kaznu", "to": "heu", "max_hops": 3})["paths"] == []
    assert get_paths(client, **{"from": "tnu", "to": "tashkent_tu"})["paths"] == []


def test_errors(client: TestClient) -> None:
    unknown = client.get("/paths", params={"from": "kaznu", "to": "Atlantis Polytechnic of Nowhere"})
    assert unknown.status_code == 404 and unknown.json()["error"]["type"] == "not_found"
    same = client.get("/paths", params={"from": "kaznu", "to": "KazNU"})
    assert same.status_code == 422 and "same entity" in same.json()["error"]["message"]
    assert client.get("/paths", params={"from": "kaznu", "to": "heu", "max_hops": 5}).status_code == 422
    assert client.get("/paths", params={"from": "kaznu", "to": "heu", "limit": 21}).status_code == 422
