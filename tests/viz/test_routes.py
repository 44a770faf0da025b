"""The view routes through FastAPI's TestClient on a real store: pages, data, exports, errors, headers."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore
from tests.viz.conftest import XSS_NAME


@pytest.fixture(scope="module")
def client(viz_store: GraphStore, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, store=viz_store)) as test_client:
        yield test_client


def test_home_page_has_a_strict_policy(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert "unsafe-inline" not in policy
    assert 'id="search"' in response.text


def test_static_files_are_served_and_nothing_else(client: TestClient) -> None:
    js = client.get("/viz/static/vis-network.min.js")
    assert js.status_code == 200
    assert js.headers["content-type"].startswith("text/javascript")
    assert client.get("/viz/static/..%2Fpage.py").status_code == 404
    assert client.get("/viz/static/secret.txt").json()["error"]["type"] == "not_found"


def test_entity_data_by_name_has_the_partners(client: TestClient) -> None:
    view = client.get("/viz/data/entities/Xinjiang University").json()
    ids = {n["id"] for n in view["nodes"]}
    assert {"xju", "kaznu", "kstu"} <= ids
    assert view["center"] == "xju"
    assert view["title"].startswith("Xinjiang University")
    assert any(n["label"] == XSS_NAME for n in view["nodes"])  # names travel as data, rendered as text


def test_filters_reach_the_query(client: TestClient) -> None:
    view = client.get("/viz/data/entities/xju", params={"country": ["KZ"], "type": "University"}).json()
    assert {n["id"] for n in view["nodes"]} == {"xju", "kaznu", "auezov_sku", "xss_university"}
    members = client.get("/viz/data/entities/xju", params={"initiative": "Belt and Road Initiative"}).json()
    assert "auezov_sku" not in {n["id"] for n in members["nodes"]}


@pytest.mark.parametrize(
    ("path", "status", "kind"),
    [
        ("/viz/data/entities/Xinjiang Universty", 404, "not_found"),
        ("/viz/data/entities/xju?country=KAZ", 422, "bad_request"),
        ("/viz/data/entities/xju?type=Planet", 422, "bad_request"),
        ("/viz/data/entities/xju?hops=3", 422, "bad_request"),
        ("/viz/data/entities/xju?limit=0", 422, "bad_request"),
        ("/viz/data/entities/xju?since=1200", 422, "bad_request"),
        ("/viz/data/entities/xju?initiative=kaznu", 422, "bad_request"),
        ("/viz/data/entities/xju?format=pdf", 422, "bad_request"),
        ("/viz/data/countries/KZ/China", 422, "bad_request"),
        ("/viz/entities/nowhere-at-all", 404, "not_found"),
    ],
)
def test_bad_requests_get_one_error_shape(client: TestClient, path: str, status: int, kind: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["error"]["type"] == kind


def test_unknown_name_suggests_the_right_one(client: TestClient) -> None:
    error = client.get("/viz/data/entities/Xinjiang Universty").json()["error"]
    assert "xju" in [s["key"] for s in error["details"]["suggestions"]]


def test_view_pages_render_with_export_links(client: TestClient) -> None:
    response = client.get("/viz/entities/xju", params={"hops": 2, "country": "KZ"})
    assert response.status_code == 200
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "/viz/data/entities/xju?hops=2&amp;country=KZ&amp;format=graphml" in response.text
    assert "<img src=x" not in response.text
    for path in ("/viz/countries/KZ/CN", "/viz/initiatives/Luban Workshop", "/viz/graph?limit=5"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert 'id="view-data"' in page.text


def test_whole_graph_says_what_it_left_out(client: TestClient) -> None:
    view = client.get("/viz/data/graph", params={"limit": 5}).json()
    assert len(view["nodes"]) == 5
    assert view["omitted"]["nodes"] > 0
    assert "left out" in view["omitted"]["message"]


def test_exports_of_a_view(client: TestClient) -> None:
    node_link = client.get("/viz/data/entities/xju", params={"format": "node-link"})
    assert node_link.headers["content-disposition"].startswith("attachment; filename=")
    data = json.loads(node_link.content)
    assert {"xju", "kaznu"} <= {n["id"] for n in data["nodes"]}
    graphml = client.get("/viz/data/entities/xju", params={"format": "graphml"})
    graph = nx.read_graphml(io.BytesIO(graphml.content))
    assert graph.nodes["xju"]["label"] == "Xinjiang University"
    archive = zipfile.ZipFile(io.BytesIO(client.get("/viz/data/countries/KZ/CN", params={"format": "csv"}).content))
    assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
    assert "kaznu" in archive.read("nodes.csv").decode()


def test_profile_and_suggestions(client: TestClient) -> None:
    profile = client.get("/viz/data/profile/Xinjiang University").json()
    assert {p["key"] for p in profile["partners"]} >= {"kaznu", "kstu"}
    results = client.get("/viz/data/suggest", params={"q": "xinjiang univ"}).json()["results"]
    assert results[0]["key"] == "xju"
    typo = client.get("/viz/data/suggest", params={"q": "Xinjiang Universty"}).json()["results"]
    assert "xju" in [r["key"] for r in typo]
    assert client.get("/viz/data/suggest", params={"q": "<>"}).json() == {"results": []}
