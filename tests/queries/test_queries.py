"""Every catalogue query on FalkorDB against the fixture graph, with the answers it must give."""

from __future__ import annotations

from typing import Any

import pytest

from graph.errors import BadRequest
from graph.store import GraphStore, Row
from queries.catalog import load_catalog

D = "doc_00000000000000a"  # fixture document keys: D + "1" ... D + "a"


def run(store: GraphStore, name: str, /, **params: Any) -> list[Row]:
    rows = load_catalog().run(store, name, params)
    for row in rows:
        assert list(row) == list(load_catalog().get(name).returns)
    return rows


def by_key(rows: list[Row], key: str = "key") -> dict[str, Row]:
    return {r[key]: r for r in rows}


def test_partners_of_xinjiang_university(fixture_store: GraphStore) -> None:
    rows = run(fixture_store, "partners_of", ref="xju")
    assert [r["key"] for r in rows] == ["kaznu", "kstu", "auezov_sku"]
    kaznu = rows[0]
    assert set(kaznu["how"]) == {"cooperation", "agreement", "visit", "joint lab"}
    assert (kaznu["first_date"], kaznu["last_date"], kaznu["ties"]) == ("2023-05-18", "2024-01-27", 5)
    assert sorted(kaznu["sources"]) == [D + "1", D + "2"]
    assert by_key(rows)["auezov_sku"]["first_date"] == "2025"


def test_partners_of_filters(fixture_store: GraphStore) -> None:
    assert [r["key"] for r in run(fixture_store, "partners_of", ref="xju", country="KG")] == ["kstu"]
    assert [r["key"] for r in run(fixture_store, "partners_of", ref="kaznu", type="Organization")] == ["cas"]
    since = run(fixture_store, "partners_of", ref="kaznu", since=2024)
    assert [r["key"] for r in since] == ["xju"] and set(since[0]["how"]) == {"cooperation", "visit"}
    assert [r["key"] for r in run(fixture_store, "partners_of", ref="kaznu", until=2022)] == ["cas", "lzu"]
    bri = run(fixture_store, "partners_of", ref="xju", initiative="belt_and_road")
    assert [r["key"] for r in bri] == ["kaznu", "kstu"]
    assert by_key(run(fixture_store, "partners_of", ref="kaznu"))["lzu"]["how"] == ["programme"]
    page = run(fixture_store, "partners_of", ref="xju", limit=1, offset=1)
    assert [r["key"] for r in page] == ["kstu"]


def test_partners_of_date_filters_count_only_the_ties_they_keep(fixture_store: GraphStore) -> None:
    until = by_key(run(fixture_store, "partners_of", ref="xju", until=2023))
    assert set(until) == {"kaznu", "kstu"}
    kaznu = until["kaznu"]  # the 2024 visit goes; the cooperation stays (one of its documents is from 2023)
    assert (kaznu["ties"], set(kaznu["how"])) == (4, {"cooperation", "agreement", "visit", "joint lab"})
    assert (kaznu["first_date"], kaznu["last_date"]) == ("2023-05-18", "2024-01-27")  # dates of the kept ties
    [xju] = run(fixture_store, "partners_of", ref="kaznu", since=2024, until=2024)
    assert (xju["key"], xju["ties"], xju["sources"]) == ("xju", 2, [D + "1", D + "2"])
    assert run(fixture_store, "partners_of", ref="xju", initiative="belt_and_road", since=2025) == []


def test_partners_of_pages_partition_the_ordered_list(fixture_store: GraphStore) -> None:
    full = run(fixture_store, "partners_of", ref="xju")
    order = [(-len(r["sources"]), -r["ties"], r["name"], r["key"]) for r in full]
    assert order == sorted(order)
    pages = [run(fixture_store, "partners_of", ref="xju", limit=1, offset=i) for i in range(len(full) + 1)]
    assert [row for page in pages for row in page] == full
    assert run(fixture_store, "partners_of", ref="no_such_key") == []


def test_officials_of(fixture_store: GraphStore) -> None:
    rows = run(fixture_store, "officials_of", ref="kstu")
    assert [(r["name"], r["title"], r["sources"]) for r in rows] == [("Mukhtar Dzhumaliev", "Rector", [D + "3"])]
    assert rows[0]["evidence"] == ["Rector Mukhtar Dzhumaliev visited Urumqi."]


def test_entity_profile(fixture_store: GraphStore) -> None:
    [row] = run(fixture_store, "entity_profile", ref="kaznu")
    assert row["type"] == "University" and row["country"] == "KZ" and row["city"] == "Almaty"
    assert "KazNU" in row["aliases"]
    assert {u["key"] for u in row["units"]} == {"kaznu_xju_ecology_lab", "confucius_institute_kaznu"}
    assert row["initiatives"] == [{"key": "belt_and_road", "name": "Belt and Road Initiative"}]
    assert row["counts"] == {"partners": 2, "agreements": 1, "visits": 2, "events": 1, "officials": 1, "documents": 4}
    [lab] = run(fixture_store, "entity_profile", ref="kaznu_xju_ecology_lab")
    assert {p["key"] for p in lab["parents"]} == {"kaznu", "xju"}
    [agreement] = run(fixture_store, "entity_profile", ref="agr_kaznu_xju_2023")
    assert (agreement["kind"], agreement["status"], agreement["topics"]) == (
        "memorandum",
        "signed",
        ["ecology", "student exchange"],
    )
    assert run(fixture_store, "entity_profile", ref="nobody") == []


def test_agreements(fixture_store: GraphStore) -> None:
    kz_cn = run(fixture_store, "agreements", country_a="KZ", country_b="CN")
    assert [r["key"] for r in kz_cn] == ["agr_auezov_xju_2025", "agr_enu_heu_2024", "agr_kaznu_xju_2023"]
    assert {p["key"] for p in kz_cn[2]["parties"]} == {"kaznu", "xju"} and kz_cn[2]["sources"] == [D + "1"]
    assert [r["key"] for r in run(fixture_store, "agreements", year=2023)] == [
        "agr_kstu_xju_2023",
        "agr_kaznu_xju_2023",
    ]
    assert [r["key"] for r in run(fixture_store, "agreements", kind="contract")] == ["agr_tstu_luban_2022"]
    assert [r["key"] for r in run(fixture_store, "agreements", status="planned")] == ["agr_auezov_xju_2025"]
    assert len(run(fixture_store, "agreements", party="xju")) == 3
    assert run(fixture_store, "agreements", country_a="KZ", country_b="KZ") == []


def test_events_timeline(fixture_store: GraphStore) -> None:
    rows = run(fixture_store, "events_timeline", org="kaznu")
    assert [(r["date"], r["kind"]) for r in rows] == [
        ("2023-05-18", "visit"),
        ("2024-01-27", "visit"),
        ("2024-06-26", "exhibition"),
    ]
    visit = rows[1]
    assert [(p["key"], p["role"]) for p in visit["participants"]] == [("xju", "visitor"), ("kaznu", "host")]
    assert visit["key"] is None and visit["sources"] == [D + "2"]
    assert rows[2]["key"] == "evt_eurasia_expo_2024" and rows[2]["sources"] == [D + "6"]
    kz_cn_2024 = run(fixture_store, "events_timeline", country_a="KZ", country_b="CN", since=2024, until=2024)
    assert [r["date"] for r in kz_cn_2024] == ["2024-01-27", "2024-03-12", "2024-06-26"]
    assert [r["key"] for r in run(fixture_store, "events_timeline", kind="conference")] == ["evt_bri_forum_2023"]


def test_initiative_members_and_ties(fixture_store: GraphStore) -> None:
    luban = run(fixture_store, "initiative_members", initiative="luban_workshop")
    assert [(r["key"], r["role"]) for r in luban] == [
        ("tnu", "host"),
        ("tashkent_tu", "host"),
        ("tianjin_vocational", "partner"),
    ]
    hosts = run(fixture_store, "initiative_members", initiative="luban_workshop", role="host", country="UZ")
    assert [r["key"] for r in hosts] == ["tashkent_tu"]
    assert {r["key"] for r in run(fixture_store, "initiative_members", initiative="belt_and_road")} == {
        "kaznu",
        "xju",
        "kstu",
    }
    ties = run(fixture_store, "initiative_ties", initiative="belt_and_road")
    assert [(t["a_key"], t["b_key"], sorted(t["how"]), t["sources"]) for t in ties] == [
        ("kaznu", "xju", ["cooperation", "visit"], [D + "2"]),
        ("kstu", "xju", ["cooperation", "visit"], [D + "3"]),
    ]


def test_cooperation_path(fixture_store: GraphStore) -> None:
    rows = run(fixture_store, "cooperation_path", source="auezov_sku", target="kstu")
    assert rows and all(r["hops"] == 2 for r in rows)
    assert all([n["key"] for n in r["nodes"]] == ["auezov_sku", "xju", "kstu"] for r in rows)
    link = rows[0]["links"][0]
    assert link["sources"] and link["evidence"] and link["type"] in {"VISITED", "PARTY_TO"}
    long_way = run(fixture_store, "cooperation_path", source="kaznu", target="heu")
    assert {r["hops"] for r in long_way} == {4}
    assert [n["key"] for n in long_way[0]["nodes"]][2:] == ["evt_bri_forum_2023", "enu", "heu"]
    assert run(fixture_store, "cooperation_path", source="kaznu", target="heu", max_hops=3) == []
    with pytest.raises(BadRequest):
        run(fixture_store, "cooperation_path", source="kaznu", target="heu", max_hops=9)


def test_paths_do_not_step_through_initiatives(fixture_store: GraphStore) -> None:
    # Both host a Luban Workshop (2 hops through the initiative); otherwise they are 6 hops apart.
    assert run(fixture_store, "cooperation_path", source="tnu", target="tashkent_tu") == []


def test_country_pair(fixture_store: GraphStore) -> None:
    rows = run(fixture_store, "country_pair", a="KZ", b="CN")
    assert [(r["a_key"], r["b_key"], r["ties"]) for r in rows] == [
        ("kaznu", "xju", 4),
        ("enu", "heu", 3),
        ("auezov_sku", "xju", 2),
        ("kaznu", "cas", 1),
    ]
    assert run(fixture_store, "country_pair", a="KZ", b="CN", since=2025)[0]["a_key"] == "auezov_sku"
    assert [(r["a_key"], r["b_key"]) for r in run(fixture_store, "country_pair", a="TJ", b="CN")] == [("tnu", "lzu")]


def test_search_is_typo_tolerant(fixture_store: GraphStore) -> None:
    keys = [r["key"] for r in run(fixture_store, "search", words="xinjang universty")]
    assert "xju" in keys and "xjau" in keys
    assert [r["key"] for r in run(fixture_store, "search", words="新疆大学")] == ["xju"]
    assert [r["key"] for r in run(fixture_store, "search", words="harbin", type="University")] == ["heu"]
    assert {r["key"] for r in run(fixture_store, "search", words="kaz", country="KZ", type="University")} == {
        "kaznu",
        "auezov_sku",
    }


def test_lookup_queries(fixture_store: GraphStore) -> None:
    assert [r["key"] for r in run(fixture_store, "entities", type="Person")] == [
        "bakhrom_rakhimov",
        "galimkair_mutanov",
        "mukhtar_dzhumaliev",
        "qian_jianping",
    ]
    assert len(run(fixture_store, "entities", country="TJ", type="University")) == 2
    named = run(fixture_store, "entities_named", name="tsu")
    assert {r["key"] for r in named} == {"tsuc", "turkmen_state_university"}
    assert run(fixture_store, "entities_named", name="xinjiang university")[0]["matched"] == "name"
    assert run(fixture_store, "entity_by_key", key="tsuc") == run(fixture_store, "entities_named", name="tsuc")[:1]
    assert run(fixture_store, "entity_by_key", key="xinjiang university") == []
    names = run(fixture_store, "entity_names", limit=10000)
    assert len(names) == 49 and names == sorted(names, key=lambda r: r["key"])
    assert run(fixture_store, "entity_names", after="xjau")[0]["key"] == "xju"


def test_provenance_of_entities_and_facts(fixture_store: GraphStore) -> None:
    docs = run(fixture_store, "entity_documents", ref="kaznu")
    assert [d["key"] for d in docs] == [D + "6", D + "2", D + "1", D + "a"]
    assert docs[1]["names"] == ["Al-Farabi KazNU", "KazNU"]
    facts = run(fixture_store, "fact_sources", a="kaznu", b="xju", type="VISITED")
    assert [(f["source"], f["target"], f["date"], f["document"]) for f in facts] == [
        ("kaznu", "xju", "2023-05-18", D + "1"),
        ("xju", "kaznu", "2024-01-27", D + "2"),
    ]
    assert facts[1]["evidence"].startswith("On 27 January 2024 a delegation")
    every = run(fixture_store, "fact_sources", a="xju", b="kaznu")
    assert {f["type"] for f in every} == {"COOPERATES_WITH", "VISITED"}
    [doc] = run(fixture_store, "document", key=D + "4")
    assert doc["published"] == "2024-03-12" and doc["publisher"] == "enu.kz"
    assert {e["key"] for e in doc["entities"]} == {"enu", "heu", "astana", "harbin"}


def test_injection_payloads_are_plain_values(fixture_store: GraphStore) -> None:
    for payload in ["xju'}) MATCH (n) DETACH DELETE n //", "\\' OR 1=1 --", "$ref", "`x`", "\n}) RETURN 1 //"]:
        assert run(fixture_store, "partners_of", ref=payload) == []
        assert run(fixture_store, "entities_named", name=payload) == []
    assert len(run(fixture_store, "partners_of", ref="xju")) == 3
