"""API abuse: oversized and hostile parameters are 4xx, injection is inert in every parameter, queries over
their time limit are 504, CORS is off unless configured, HTML pages carry a strict policy."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

import bench.generate
from api.app import create_app
from graph.connect import open_store
from graph.node_link_import import import_node_link
from graph.settings import Settings
from graph.store import GraphStore
from queries.catalog import load_catalog
from tests.api.conftest import API_KEY

INJECTIONS = [
    "xju'}) MATCH (n) DETACH DELETE n //",
    '"}) MATCH (n) DETACH DELETE n //',
    "kaznu` RETURN 1 UNION MATCH (n) DETACH DELETE n //",
    "$ref",
    "') CALL db.labels() YIELD label RETURN label //",
    "x\\' OR 1=1 --",
    "CYPHER ref='x' MATCH (n) DETACH DELETE n",
    "{{7*7}}<script>alert(1)</script>",
]
COUNT = "MATCH (n) RETURN count(n) AS nodes"
HTML_PAGES = ["/", "/viz/entities/kaznu", "/viz/countries/KZ/CN", "/viz/graph", "/reports"]


def error_of(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"} and {"type", "message", "details"} <= set(body["error"]), body
    return dict(body["error"])


@pytest.mark.parametrize(
    "url",
    [
        "/entities?limit=1000000000000",
        "/entities?limit=-5",
        "/entities?offset=99999999999999999999",
        "/entities/kaznu/partners?limit=501",
        "/paths?from=kaznu&to=xju&max_hops=1000000",
        "/paths?from=kaznu&to=xju&max_hops=-1",
        "/entities?q=" + "x" * 60_000,
        "/entities/" + "k" * 10_000,
        "/agreements?party=" + "p" * 301,
        "/queries/partners_of?ref=" + "r" * 301,
        "/queries/partners_of?ref=xju&limit=99999999999999999999999",
        "/queries/entity_names?limit=10001",
        "/queries/viz_graph_nodes?limit=5001",
        "/viz/data/graph?limit=100000000",
        "/viz/data/entities/kaznu?hops=99",
        "/viz/data/suggest?q=" + "s" * 5000,
        "/reports?entity=" + "e" * 301,
        "/reports?country=KAZ",
        "/queries/partners_of?" + "&".join(f"p{i}=1" for i in range(200)),
    ],
)
def test_oversized_and_out_of_range_parameters_are_4xx(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert 400 <= response.status_code < 500, (url[:80], response.status_code, response.text[:200])
    assert error_of(response)["message"]


def test_hostile_bodies_are_4xx(client: TestClient) -> None:
    deep = '{"params": {"ref": ' + "[" * 50_000 + "]" * 50_000 + "}}"
    cases = [
        deep,
        '{"params": {"ref": "xju"',
        '{"params": ' + "1" * 5000 + "}",
        '{"params": {"ref": "\\ud800"}}',
        '{"params": {' + ",".join(f'"p{i}": 1' for i in range(100)) + "}}",
    ]
    for body in cases:
        response = client.post("/queries/partners_of", content=body, headers={"Content-Type": "application/json"})
        assert 400 <= response.status_code < 500, (body[:60], response.status_code, response.text[:200])
        assert error_of(response)["message"]


def string_parameters(client: TestClient) -> Iterator[tuple[str, str, str]]:
    """(path template, parameter name, where) for every string parameter of every GET operation."""
    for path, item in client.get("/openapi.json").json()["paths"].items():
        for parameter in item.get("get", {}).get("parameters", []):
            schema = parameter.get("schema", {})
            kinds = {schema.get("type")} | {s.get("type") for s in schema.get("anyOf", [])}
            if "string" in kinds or "array" in kinds:
                yield path, parameter["name"], parameter["in"]


def test_injection_is_inert_in_every_parameter(client: TestClient, fixture_store: GraphStore) -> None:
    before = fixture_store.read(COUNT)
    tried = 0
    for path, name, where in string_parameters(client):
        for payload in INJECTIONS:
            url = re.sub(r"\{[^}]+\}", "kaznu", path)
            if where == "path":
                url = path.replace(
                    "{" + name + "}", payload.replace("/", "%2F").replace("?", "%3F").replace("#", "%23")
                )
                url = re.sub(r"\{[^}]+\}", "KZ" if "countries" in path else "kaznu", url)
                response = client.get(url)
            else:
                response = client.get(url, params={name: payload})
            tried += 1
            assert response.status_code < 500, (path, name, payload, response.text[:200])
    assert tried >= 40 * len(INJECTIONS)
    assert fixture_store.read(COUNT) == before


def test_injection_is_inert_in_every_catalogue_parameter(client: TestClient, fixture_store: GraphStore) -> None:
    before = fixture_store.read(COUNT)
    for query in load_catalog():
        if query.mode != "read":
            continue
        for param in query.params:
            for payload in INJECTIONS:
                values = {p.name: payload if p.name == param.name else "kaznu" for p in query.params if p.required}
                values[param.name] = payload
                for response in (
                    client.get(f"/queries/{query.name}", params=values),
                    client.post(f"/queries/{query.name}", json={"params": values}),
                ):
                    assert response.status_code < 500, (query.name, param.name, payload, response.text[:200])
                    if response.status_code == 200:
                        assert all(payload not in str(row.get("key")) for row in response.json()["rows"])
    assert fixture_store.read(COUNT) == before


def test_cors_is_off_by_default_and_only_for_listed_origins(fixture_store: GraphStore, settings: Settings) -> None:
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    with TestClient(create_app(settings, store=fixture_store)) as client:
        assert (
            "access-control-allow-origin"
            not in client.get("/health", headers={"Origin": "https://evil.example"}).headers
        )
        assert "access-control-allow-origin" not in client.options("/entities", headers=preflight).headers
    allowed = settings.model_copy(update={"cors_origins": ["https://analyst.example"]})
    with TestClient(create_app(allowed, store=fixture_store)) as client:
        ok = client.get("/health", headers={"Origin": "https://analyst.example"})
        assert ok.headers["access-control-allow-origin"] == "https://analyst.example"
        assert (
            "access-control-allow-origin"
            not in client.get("/health", headers={"Origin": "https://evil.example"}).headers
        )


@pytest.mark.parametrize("path", HTML_PAGES)
def test_html_pages_send_a_strict_policy(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    directives = dict([*d.strip().split(" ", 1), ""][:2] for d in policy.split(";") if d.strip())
    assert directives["frame-ancestors"] == "'none'"
    assert directives["default-src"] == "'none'"
    assert not re.search(r"https?:|\*|//", policy), policy
    assert "'unsafe-eval'" not in policy and "'unsafe-inline'" not in directives.get("script-src", "")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


@pytest.fixture(scope="module")
def big_store(server_store: GraphStore, settings: Settings) -> Iterator[GraphStore]:
    """A generated graph of 8,000 nodes and 40,000 links (imported without haste), read with a 100 ms limit."""
    name = f"big_{uuid.uuid4().hex[:8]}"
    loader = open_store(settings, graph_name=name)
    bench.generate.SIZES["T8k"] = (8_000, 40_000)
    try:
        import_node_link(loader, bench.generate.graph("T8k"), batch_size=5_000)
        fast = open_store(settings.model_copy(update={"query_timeout_ms": 100}), graph_name=name, schema=False)
        yield fast
        fast.close()
    finally:
        bench.generate.SIZES.pop("T8k")
        loader.command("GRAPH.DELETE", name)
        loader.close()


@pytest.mark.slow
def test_a_query_over_its_time_limit_is_504_in_the_error_shape(big_store: GraphStore, settings: Settings) -> None:
    with TestClient(create_app(settings, store=big_store), raise_server_exceptions=False) as client:
        for url in ("/queries/viz_graph_nodes?limit=5000", "/viz/data/graph?limit=1000"):
            response = client.get(url)
            assert response.status_code == 504, (url, response.status_code, response.text[:200])
            error = error_of(response)
            assert error["type"] == "query_timeout" and "100 ms" in error["message"]
        assert client.get("/health").status_code == 200, "the server answers after a timeout"


def test_a_lone_surrogate_in_an_article_is_a_422_not_a_500(write_client: TestClient) -> None:
    body = '[{"id": "s", "text": "Lanzhou University\\ud800 signed a memorandum with Termez State University."}]'
    headers = {"X-API-Key": API_KEY, "Content-Type": "application/json"}
    response = write_client.post("/documents", content=body, headers=headers)
    assert response.status_code == 422, response.text
    assert error_of(response)["details"][0]["type"] == "string_unicode"
