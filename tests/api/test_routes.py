"""The HTTP API through TestClient on the fixture graph: answers, refs by name, errors in one shape."""

from __future__ import annotations

from fastapi.testclient import TestClient

D = "doc_00000000000000a"


def error_of(response: object) -> dict:
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == {"type", "message", "details"}
    return body["error"]


def test_partners_by_name_with_filters(client: TestClient) -> None:
    response = client.get("/entities/Xinjiang University/partners")
    assert response.status_code == 200
    assert [p["key"] for p in response.json()] == ["kaznu", "kstu", "auezov_sku"]
    assert [p["key"] for p in client.get("/entities/XJU/partners", params={"country": "kg"}).json()] == ["kstu"]
    bri = client.get("/entities/xju/partners", params={"initiative": "Belt and Road Initiative"}).json()
    assert [p["key"] for p in bri] == ["kaznu", "kstu"]


def test_ref_ambiguous_is_409_with_candidates(client: TestClient) -> None:
    response = client.get("/entities/TSU")
    assert response.status_code == 409
    error = error_of(response)
    assert error["type"] == "ambiguous"
    assert {c["key"] for c in error["details"]["candidates"]} == {"tsuc", "turkmen_state_university"}


def test_unknown_ref_is_404_with_suggestions(client: TestClient) -> None:
    response = client.get("/entities/Xinjiang Universty/partners")
    assert response.status_code == 404
    error = error_of(response)
    assert "did you mean 'Xinjiang University'" in error["message"]
    assert error["details"]["suggestions"][0]["key"] == "xju"


def test_profile_officials_documents(client: TestClient) -> None:
    profile = client.get("/entities/KazNU").json()
    assert profile["key"] == "kaznu" and profile["counts"]["documents"] == 4
    officials = client.get("/entities/kstu/officials").json()
    assert [(o["name"], o["title"]) for o in officials] == [("Mukhtar Dzhumaliev", "Rector")]
    docs = client.get("/entities/kaznu/documents", params={"limit": 2}).json()
    assert [d["key"] for d in docs] == [D + "6", D + "2"]


def test_entity_search_and_listing(client: TestClient) -> None:
    found = client.get("/entities", params={"q": "xinjang universty"}).json()
    assert found["items"][0]["key"] == "xju"
    miss = client.get("/entities", params={"q": "Tashkent technical univ", "type": "University"}).json()
    assert miss["items"][0]["key"] == "tashkent_tu"
    people = client.get("/entities", params={"type": "Person", "limit": 2, "offset": 1}).json()
    assert [p["key"] for p in people["items"]] == ["galimkair_mutanov", "mukhtar_dzhumaliev"]


def test_agreements_events_paths_countries(client: TestClient) -> None:
    agreements = client.get("/agreements", params={"country_a": "KZ", "country_b": "CN", "year": 2024}).json()
    assert [a["key"] for a in agreements] == ["agr_enu_heu_2024"]
    events = client.get("/events", params={"org": "KazNU", "kind": "visit"}).json()
    assert [e["date"] for e in events] == ["2023-05-18", "2024-01-27"]
    paths = client.get("/paths", params={"from": "M. Auezov South Kazakhstan University", "to": "KSTU"}).json()
    assert paths["source"]["key"] == "auezov_sku" and paths["paths"][0]["hops"] == 2
    assert client.get("/paths", params={"from": "kaznu", "to": "heu", "max_hops": 3}).json()["paths"] == []
    pair = client.get("/countries/kz/cn").json()
    assert pair["agreements_per_year"] == {"2023": 1, "2024": 1, "2025": 1}
    assert [r["key"] for r in pair["institutions"]["KZ"]] == ["kaznu", "enu", "auezov_sku"]
    assert (pair["pairs"][0]["a_key"], pair["pairs"][0]["b_key"]) == ("kaznu", "xju")


def test_initiatives_facts_documents(client: TestClient) -> None:
    members = client.get("/initiatives/Luban Workshop/members", params={"role": "partner"}).json()
    assert [m["key"] for m in members] == ["tianjin_vocational"]
    ties = client.get("/initiatives/BRI/ties").json()
    assert [(t["a_key"], t["b_key"]) for t in ties] == [("kaznu", "xju"), ("kstu", "xju")]
    facts = client.get("/facts", params={"a": "KazNU", "b": "XJU", "type": "COOPERATES_WITH"}).json()
    assert [f["document"] for f in facts] == [D + "1", D + "2"]
    document = client.get(f"/documents/{D}5").json()
    assert document["title"] == "Luban Workshop opens in Tashkent"
    assert error_of(client.get("/documents/doc_nope"))["type"] == "not_found"


def test_catalogue_endpoints(client: TestClient) -> None:
    listing = {q["name"]: q for q in client.get("/queries").json()}
    assert "partners_of" in listing
    assert {
        "name": "limit",
        "type": "int",
        "required": False,
        "default": 50,
        "declaration": "limit: int[1..500] = 50",
    } in listing["partners_of"]["params"]
    got = client.get("/queries/partners_of", params={"ref": "Xinjiang University", "limit": 1}).json()
    assert got["columns"][0] == "key" and [r["key"] for r in got["rows"]] == ["kaznu"]
    posted = client.post("/queries/agreements", json={"params": {"kind": "contract"}}).json()
    assert [r["key"] for r in posted["rows"]] == ["agr_tstu_luban_2022"]


def test_bad_input_is_a_4xx_in_one_shape(client: TestClient) -> None:
    cases = [
        ("/entities?limit=501", 422),
        ("/entities?offset=-1", 422),
        ("/entities?country=Kazakhstan", 422),
        ("/entities?type=Spaceship", 422),
        ("/paths?from=kaznu&to=heu&max_hops=9", 422),
        ("/paths?from=kaznu&to=KazNU", 422),
        ("/countries/KZZ/CN", 422),
        ("/queries/partners_of?ref=xju&limit=x", 422),
        ("/queries/partners_of?ref=xju&bogus=1", 422),
        ("/queries/partners_of", 422),
        ("/queries/nope", 404),
        ("/no/such/path", 404),
    ]
    for url, status in cases:
        response = client.get(url)
        assert response.status_code == status, url
        assert error_of(response)["message"], url
    assert client.post("/queries/partners_of", json={"params": {"ref": {"a": {"b": 1}}}}).status_code == 422
    assert client.post("/queries/partners_of", json={"params": {"ref": ["x"] * 51}}).status_code == 422


def test_injection_payloads_are_inert(client: TestClient) -> None:
    for payload in ["xju'}) MATCH (n) DETACH DELETE n //", "' OR 1=1 --", "`Entity`", "$ref", "\\u0027"]:
        response = client.get("/queries/partners_of", params={"ref": payload})
        assert response.status_code == 404  # no entity has that name
        assert client.get("/entities", params={"q": payload}).status_code in (200, 422)
    assert len(client.get("/entities/xju/partners").json()) == 3


def test_health_and_security_headers(client: TestClient) -> None:
    response = client.get("/health")
    assert response.json() == {"status": "ok", "engine": "falkordb"}
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == "frame-ancestors 'none'"
    assert "access-control-allow-origin" not in client.get("/health", headers={"Origin": "http://evil"}).headers
