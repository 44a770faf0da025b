"""The subgraphs views show, read from a real embedded FalkorDB holding the fixture graph."""

from __future__ import annotations

from graph.store import GraphStore
from viz.profile import entity_profile
from viz.subgraph import Filters, country_pair, ego_network, in_years, initiative_network, whole_graph


def keys(subgraph: dict) -> set[str]:
    return {n["id"] for n in subgraph["nodes"]}


def test_ego_network_of_xinjiang_university_holds_its_partners_and_facts(viz_store: GraphStore) -> None:
    sub = ego_network(viz_store, key="xju", name="Xinjiang University", hops=1, filters=Filters(), limit=500)
    found = keys(sub)
    assert {"xju", "kaznu", "kstu", "auezov_sku", "qian_jianping", "agr_kaznu_xju_2023", "belt_and_road"} <= found
    assert not found & {"urumqi", "china", "doc_00000000000000a1"}  # no places or documents
    assert "enu" not in found  # two hops away
    coop = next(
        ln
        for ln in sub["links"]
        if ln["type"] == "COOPERATES_WITH" and {ln["source"], ln["target"]} == {"kaznu", "xju"}
    )
    assert coop["sources"] == ["doc_00000000000000a1", "doc_00000000000000a2"]
    assert len(coop["evidence"]) == 2
    assert all(ln["source"] in found and ln["target"] in found for ln in sub["links"])
    assert sub["graph"]["center"] == "xju"


def test_two_hops_reach_the_partners_partners(viz_store: GraphStore) -> None:
    sub = ego_network(viz_store, key="xju", name="XJU", hops=2, filters=Filters(), limit=500)
    assert {"cas", "galimkair_mutanov", "enu", "tashkent_tu"} <= keys(sub)


def test_filters_narrow_the_ego_network(viz_store: GraphStore) -> None:
    kz = ego_network(viz_store, key="xju", name="XJU", hops=1, filters=Filters(countries=["KZ"]), limit=500)
    assert {"kaznu", "auezov_sku"} <= keys(kz)
    assert "kstu" not in keys(kz)
    unis = ego_network(viz_store, key="xju", name="XJU", hops=1, filters=Filters(types=["University"]), limit=500)
    assert keys(unis) == {"xju", "kaznu", "kstu", "auezov_sku", "xss_university"}
    recent = ego_network(viz_store, key="xju", name="XJU", hops=1, filters=Filters(since=2024), limit=500)
    assert "agr_kaznu_xju_2023" not in keys(recent)
    assert "agr_auezov_xju_2025" in keys(recent)
    assert all(in_years(ln.get("date"), Filters(since=2024)) for ln in recent["links"])
    bri = ego_network(viz_store, key="xju", name="XJU", hops=1, filters=Filters(initiative="belt_and_road"), limit=500)
    assert {"kaznu", "kstu"} <= keys(bri)
    assert "auezov_sku" not in keys(bri)


def test_ego_limit_keeps_the_centre_and_counts_the_rest(viz_store: GraphStore) -> None:
    sub = ego_network(viz_store, key="xju", name="XJU", hops=1, filters=Filters(), limit=3)
    assert len(sub["nodes"]) == 3
    assert "xju" in keys(sub)
    assert sub["graph"]["total_nodes"] > 3


def test_country_pair_kz_cn(viz_store: GraphStore) -> None:
    sub = country_pair(viz_store, a="KZ", b="CN", filters=Filters(), limit=500)
    assert {"kaznu", "xju", "enu", "heu", "agr_kaznu_xju_2023", "cas"} <= keys(sub)
    assert "kstu" not in keys(sub)  # Kyrgyz


def test_initiative_members(viz_store: GraphStore) -> None:
    sub = initiative_network(viz_store, key="luban_workshop", name="Luban Workshop", filters=Filters(), limit=500)
    assert keys(sub) == {"luban_workshop", "tashkent_tu", "tianjin_vocational", "tnu"}
    roles = {ln["source"]: ln.get("role") for ln in sub["links"] if ln["type"] == "INVOLVED_IN"}
    assert roles["tashkent_tu"] == "host"


def test_whole_graph_keeps_the_best_connected_and_knows_the_totals(viz_store: GraphStore) -> None:
    sub = whole_graph(viz_store, filters=Filters(), limit=5)
    assert len(sub["nodes"]) == 5
    assert {"xju", "kaznu"} <= keys(sub)
    assert sub["graph"]["total_nodes"] > 25
    assert sub["graph"]["total_links"] > len(sub["links"])
    everything = whole_graph(viz_store, filters=Filters(), limit=5000)
    assert everything["graph"]["total_nodes"] == len(everything["nodes"])
    assert not keys(everything) & {"almaty", "china"}


def test_profile_lists_officials_partners_agreements_and_visits_with_sources(viz_store: GraphStore) -> None:
    profile = entity_profile(viz_store, key="xju")
    assert profile["name"] == "Xinjiang University"
    assert profile["country"] == "CN"
    assert "XJU" in profile["aliases"]
    assert [(o["name"], o["title"]) for o in profile["officials"]] == [("Qian Jianping", "Vice-President")]
    partners = {p["key"]: p for p in profile["partners"]}
    assert {"kaznu", "kstu"} <= set(partners)
    assert partners["kaznu"]["sources"]
    assert {a["key"] for a in profile["agreements"]} >= {"agr_kaznu_xju_2023", "agr_kstu_xju_2023"}
    assert any(e["kind"] == "visit" and e["date"] == "2023-05-18" for e in profile["events"])
    assert profile["documents"]["doc_00000000000000a1"]["title"]
