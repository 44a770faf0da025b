"""The bidirectional path search on the fixture graph, against shortest paths worked out by hand."""

from __future__ import annotations

import time
from typing import Any

import pytest

from graph.errors import BadRequest, QueryTimeout
from graph.store import GraphStore, Row
from queries import paths
from queries.catalog import load_catalog
from queries.paths import Budget, find_paths

D = "doc_00000000000000a"


def keys(path: Row) -> list[str]:
    return [n["key"] for n in path["nodes"]]


def steps(path: Row) -> list[tuple[str, str, str]]:
    return [(link["type"], link["source"], link["target"]) for link in path["links"]]


def catalogue(store: GraphStore, **params: Any) -> list[Row]:
    """The catalogue's Cypher itself (Catalog.run answers cooperation_path with the search under test)."""
    query = load_catalog().get("cooperation_path")
    return store.read(query.cypher_for(store.dialect), query.bind(params))


def test_neighbours_are_one_hop_with_each_fact_between_them(fixture_store: GraphStore) -> None:
    paths = find_paths(fixture_store, source="enu", target="heu")
    assert [p["hops"] for p in paths] == [1, 1]
    assert [steps(p) for p in paths] == [
        [("COOPERATES_WITH", "enu", "heu")],
        [("VISITED", "heu", "enu")],
    ]
    assert paths[1]["links"][0]["date"] == "2024-03-12"
    assert paths[0]["nodes"] == [
        {"key": "enu", "name": "L.N. Gumilyov Eurasian National University", "type": "University"},
        {"key": "heu", "name": "Harbin Engineering University", "type": "University"},
    ]


def test_two_hops_through_xju_with_sources_and_evidence(fixture_store: GraphStore) -> None:
    paths = find_paths(fixture_store, source="auezov_sku", target="kstu", limit=20)
    assert paths and {p["hops"] for p in paths} == {2}
    assert all(keys(p) == ["auezov_sku", "xju", "kstu"] for p in paths)
    # auezov→xju: one visit; xju–kstu: cooperation, a visit: 2 chains
    assert sorted(steps(p)[1][0] for p in paths) == ["COOPERATES_WITH", "VISITED"]
    first = paths[0]["links"][0]
    assert (first["type"], first["date"], first["sources"]) == ("VISITED", "2025-02-10", [D + "8"])
    assert first["evidence"] and len(first["evidence"]) == len(first["sources"])


def test_four_hops_through_an_event_and_nothing_within_three(fixture_store: GraphStore) -> None:
    paths = find_paths(fixture_store, source="kaznu", target="heu", limit=20)
    assert {p["hops"] for p in paths} == {4}
    assert {tuple(keys(p)) for p in paths} == {("kaznu", "xju", "evt_bri_forum_2023", "enu", "heu")}
    assert len(paths) == 3 * 2  # kaznu–xju: cooperation + 2 visits; enu–heu: cooperation + a visit
    assert len({tuple(steps(p)) for p in paths}) == 6
    assert find_paths(fixture_store, source="kaznu", target="heu", max_hops=3) == []


def test_paths_pass_through_programmes_and_people(fixture_store: GraphStore) -> None:
    via_programme = find_paths(fixture_store, source="kaznu", target="tnu")
    assert [keys(p) for p in via_programme] == [["kaznu", "confucius_institute_kaznu", "lzu", "tnu"]] * 2
    assert [steps(p) for p in via_programme] == [
        [("PART_OF", "confucius_institute_kaznu", "kaznu"), ("PART_OF", "confucius_institute_kaznu", "lzu"), last]
        for last in [("COOPERATES_WITH", "lzu", "tnu"), ("VISITED", "tnu", "lzu")]
    ]
    people = find_paths(fixture_store, source="galimkair_mutanov", target="qian_jianping", limit=1)
    assert [keys(p) for p in people] == [["galimkair_mutanov", "kaznu", "xju", "qian_jianping"]]


def test_ties_give_every_shortest_route_before_second_choices_of_facts(fixture_store: GraphStore) -> None:
    paths = find_paths(fixture_store, source="kaznu", target="kstu", limit=20)
    routes = [keys(p) for p in paths]
    assert {tuple(r) for r in routes} == {("kaznu", "evt_eurasia_expo_2024", "kstu"), ("kaznu", "xju", "kstu")}
    assert {tuple(r) for r in routes[:2]} == {("kaznu", "evt_eurasia_expo_2024", "kstu"), ("kaznu", "xju", "kstu")}
    assert len(paths) == 1 + 3 * 2  # the event: one way; via xju: 3 facts with kaznu × 2 with kstu
    two = find_paths(fixture_store, source="kaznu", target="kstu", limit=2)
    assert {tuple(keys(p)) for p in two} == {("kaznu", "evt_eurasia_expo_2024", "kstu"), ("kaznu", "xju", "kstu")}


def test_initiatives_are_not_stepping_stones_nor_ends(fixture_store: GraphStore) -> None:
    # Both host a Luban Workshop (2 hops through the initiative); otherwise they are 6 hops apart.
    assert find_paths(fixture_store, source="tnu", target="tashkent_tu") == []
    assert find_paths(fixture_store, source="kaznu", target="belt_and_road") == []
    assert find_paths(fixture_store, source="luban_workshop", target="tnu") == []


def test_unknown_keys_and_bad_bounds(fixture_store: GraphStore) -> None:
    assert find_paths(fixture_store, source="kaznu", target="no_such_key") == []
    with pytest.raises(BadRequest):
        find_paths(fixture_store, source="kaznu", target="kaznu")
    with pytest.raises(BadRequest):
        find_paths(fixture_store, source="kaznu", target="heu", max_hops=5)
    with pytest.raises(BadRequest):
        find_paths(fixture_store, source="kaznu", target="heu", limit=0)


def test_a_search_over_its_row_budget_stops_with_a_timeout(fixture_store: GraphStore) -> None:
    with pytest.raises(QueryTimeout) as info:
        find_paths(fixture_store, source="kaznu", target="heu", row_budget=5)
    assert info.value.details["reason"] == "rows"
    assert find_paths(fixture_store, source="kaznu", target="heu", row_budget=200)


def test_a_frontier_too_wide_or_a_search_out_of_time_stops_with_a_timeout(
    fixture_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(QueryTimeout) as info:
        Budget(rows=10, deadline=time.monotonic() - 0.001).remaining_ms()
    assert info.value.details["reason"] == "time"
    monkeypatch.setattr(paths, "MAX_FRONTIER", 2)  # the first hop expands both ends at once
    assert find_paths(fixture_store, source="kaznu", target="heu")
    monkeypatch.setattr(paths, "MAX_FRONTIER", 1)
    with pytest.raises(QueryTimeout) as info:
        find_paths(fixture_store, source="enu", target="heu")
    assert info.value.details["reason"] == "frontier"


@pytest.mark.parametrize(
    ("source", "target", "max_hops"),
    [
        ("auezov_sku", "kstu", 4),
        ("kaznu", "heu", 4),
        ("kaznu", "heu", 3),
        ("kaznu", "kstu", 4),
        ("kaznu", "tnu", 4),
        ("tnu", "tashkent_tu", 4),
        ("enu", "heu", 1),
        ("cas", "qian_jianping", 4),
        ("auezov_sku", "kstu", 1),
        ("auezov_sku", "kstu", 2),
        ("kaznu", "tnu", 2),
        ("kaznu", "xju", 4),
        ("xju", "kaznu", 1),
        ("heu", "kaznu", 4),
    ],
)
def test_same_shortest_paths_as_the_catalogue_query(
    fixture_store: GraphStore, source: str, target: str, max_hops: int
) -> None:
    def chains(rows: list[Row]) -> set[tuple[int, tuple[str, ...], tuple[tuple[str, str, str], ...]]]:
        return {(r["hops"], tuple(keys(r)), tuple(steps(r))) for r in rows}

    found = find_paths(fixture_store, source=source, target=target, max_hops=max_hops, limit=20)
    assert chains(found) == chains(catalogue(fixture_store, source=source, target=target, max_hops=max_hops, limit=20))
