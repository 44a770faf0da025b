"""Subgraph → vis-network view: colours, shapes, widths, tooltips, limits, layouts."""

from __future__ import annotations

import json

from tests.viz.conftest import synthetic_subgraph
from viz.layout import PRECOMPUTE_ABOVE, compute_layout
from viz.network import (
    COUNTRIES,
    NO_COUNTRY,
    OTHER_COUNTRY,
    SHAPES,
    build_view,
    country_colour,
    edge_tooltip,
    edge_width,
    limit_subgraph,
    node_tooltip,
)


def small_subgraph() -> dict:
    return {
        "graph": {"title": "XJU", "center": "xju"},
        "nodes": [
            {"id": "xju", "label": "University", "name": "Xinjiang University", "country": "CN", "city": "Urumqi"},
            {"id": "kaznu", "label": "University", "name": "KazNU", "country": "KZ", "aliases": ["KazNU", "Al-Farabi"]},
            {"id": "p", "label": "Person", "name": "Qian Jianping", "titles": ["Vice-President"]},
            {"id": "agr", "label": "Agreement", "name": "MoU", "date": "2023-05-18", "kind": "memorandum"},
        ],
        "links": [
            {
                "source": "kaznu",
                "target": "xju",
                "type": "COOPERATES_WITH",
                "sources": ["doc_a", "doc_b"],
                "evidence": ["KazNU and XJU signed a memorandum.", "They met again."],
            },
            {"source": "p", "target": "xju", "type": "AFFILIATED_WITH", "title": "Vice-President", "sources": ["d"]},
            {"source": "xju", "target": "agr", "type": "PARTY_TO", "sources": ["doc_a"], "evidence": ["Signed."]},
            {"source": "kaznu", "target": "xju", "type": "VISITED", "date": "2023-05-18", "sources": ["doc_a"]},
        ],
    }


def test_each_central_asian_country_and_china_has_its_own_colour() -> None:
    colours = [country_colour(code) for code in ("KZ", "KG", "UZ", "TJ", "TM", "CN")]
    assert len(set(colours)) == 6
    assert country_colour("kz") == COUNTRIES["KZ"][1]
    assert country_colour("RU") == OTHER_COUNTRY[1]
    assert country_colour(None) == NO_COUNTRY[1]
    assert OTHER_COUNTRY[1] not in colours
    assert NO_COUNTRY[1] not in colours


def test_edge_width_grows_with_sources_and_is_capped() -> None:
    widths = [edge_width(n) for n in (0, 1, 2, 4, 8, 1000)]
    assert widths[0] == widths[1] == 1.0
    assert widths[1] < widths[2] < widths[3] < widths[4]
    assert widths[-1] == 10.0


def test_node_tooltip_is_plain_text_with_names_dates_and_titles() -> None:
    nodes = small_subgraph()["nodes"]
    assert node_tooltip(nodes[1]).splitlines() == ["KazNU", "University · KZ", "Also: Al-Farabi"]
    assert "Titles: Vice-President" in node_tooltip(nodes[2])
    assert "Date: 2023-05-18" in node_tooltip(nodes[3])


def test_edge_tooltip_carries_the_fact_its_date_and_each_evidence_sentence() -> None:
    sub = small_subgraph()
    names = {n["id"]: n["name"] for n in sub["nodes"]}
    text = edge_tooltip(sub["links"][0], names)
    assert text.splitlines()[0] == "KazNU — cooperates with — Xinjiang University"
    assert "Sources: 2" in text
    assert "“KazNU and XJU signed a memorandum.” [doc_a]" in text
    assert "“They met again.” [doc_b]" in text
    visit = edge_tooltip(sub["links"][3], names)
    assert "Date: 2023-05-18" in visit
    assert "(no sentence recorded)" in visit
    assert "Title: Vice-President" in edge_tooltip(sub["links"][1], names)


def test_build_view_styles_nodes_and_edges() -> None:
    view = build_view(small_subgraph())
    nodes = {n["id"]: n for n in view["nodes"]}
    assert nodes["xju"]["color"]["background"] == COUNTRIES["CN"][1]
    assert nodes["kaznu"]["color"]["background"] == COUNTRIES["KZ"][1]
    assert nodes["xju"]["borderWidth"] > nodes["kaznu"]["borderWidth"]  # the centre stands out
    assert nodes["p"]["shape"] == SHAPES["Person"]
    assert nodes["agr"]["shape"] == SHAPES["Agreement"]
    edges = {e["type"]: e for e in view["edges"]}
    assert edges["COOPERATES_WITH"]["width"] > edges["PARTY_TO"]["width"]
    assert edges["VISITED"]["arrows"] == "to"
    assert edges["COOPERATES_WITH"]["arrows"] == ""
    assert view["omitted"] is None
    assert view["layout"] == "physics"
    assert {t["type"] for t in view["legend"]["types"]} == {"University", "Person", "Agreement"}
    assert [c["code"] for c in view["legend"]["countries"]][:6] == ["KZ", "KG", "UZ", "TJ", "TM", "CN"]


def test_markup_in_names_stays_text_in_the_view() -> None:
    sub = small_subgraph()
    sub["nodes"][1]["name"] = "<img src=x onerror=alert(1)>"
    view = build_view(sub)
    node = next(n for n in view["nodes"] if n["id"] == "kaznu")
    assert node["label"] == "<img src=x onerror=alert(1)>"  # drawn on the canvas as text
    assert node["title"].startswith("<img src=x onerror=alert(1)>")  # shown with innerText


def test_limit_keeps_the_centre_and_the_best_connected_and_says_what_it_left_out() -> None:
    sub = synthetic_subgraph(200, 600)
    sub["graph"]["center"] = "u00199"
    limited = limit_subgraph(sub, max_nodes=50, max_links=20_000)
    kept = {n["id"] for n in limited["nodes"]}
    assert len(kept) == 50
    assert "u00199" in kept
    degree: dict[str, int] = {}
    for link in sub["links"]:
        for end in (link["source"], link["target"]):
            degree[end] = degree.get(end, 0) + 1
    others = [k for k in kept if k != "u00199"]
    dropped = set(degree) - kept
    assert min(degree[k] for k in others) >= max(degree[k] for k in dropped)
    assert all(ln["source"] in kept and ln["target"] in kept for ln in limited["links"])
    view = build_view(sub, max_nodes=50)
    assert view["omitted"]["nodes"] == 150
    assert view["omitted"]["links"] == 600 - len(view["edges"])
    assert "left out 150 nodes" in view["omitted"]["message"]


def test_link_limit_keeps_the_most_sourced_links() -> None:
    sub = synthetic_subgraph(50, 300)
    limited = limit_subgraph(sub, max_nodes=50, max_links=100)
    assert len(limited["links"]) == 100
    assert min(len(ln["sources"]) for ln in limited["links"]) == 3 - 0  # 100 links with 3 sources exist


def test_large_views_get_a_deterministic_precomputed_layout() -> None:
    sub = synthetic_subgraph(PRECOMPUTE_ABOVE + 50, 900)
    view = build_view(sub)
    assert view["layout"] == "precomputed"
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in view["nodes"])
    assert len({(n["x"], n["y"]) for n in view["nodes"]}) > 0.9 * len(view["nodes"])
    assert build_view(sub) == view
    assert compute_layout({"nodes": [], "links": []}) == {}


def test_view_is_json_serialisable() -> None:
    view = build_view(synthetic_subgraph(20, 40))
    assert json.loads(json.dumps(view)) == view
