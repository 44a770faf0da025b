"""Subgraphs (node-link records) → vis-network views: colour by country, shape by type, width by sources.

    subgraph  {"nodes": [{id, label, name, country, ...}], "links": [{source, target, type, sources, ...}],
               "graph": {title, center, total_nodes, total_links}}
        │  limit_subgraph: keep the centre and the top nodes by degree, count what was left out
        ▼
    view      {"nodes": [vis node], "edges": [vis edge], "legend", "omitted", "layout"}

Tooltips are plain text (vis-network shows a string title with `innerText`), so names from articles are
never parsed as HTML; the page escapes the JSON it embeds (see `viz.page`).
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from viz.layout import PRECOMPUTE_ABOVE, compute_layout

COUNTRIES: dict[str, tuple[str, str]] = {
    "KZ": ("Kazakhstan", "#0072B2"),
    "KG": ("Kyrgyzstan", "#CC79A7"),
    "UZ": ("Uzbekistan", "#009E73"),
    "TJ": ("Tajikistan", "#E69F00"),
    "TM": ("Turkmenistan", "#56B4E9"),
    "CN": ("China", "#D55E00"),
}
"""Central Asia and China, each a distinct colour (Okabe–Ito, readable with colour-blindness)."""
OTHER_COUNTRY = ("Other country", "#6E6E6E")
NO_COUNTRY = ("No country (people, agreements, events, initiatives)", "#D9D9D9")

SHAPES: dict[str, str] = {
    "University": "dot",
    "Organization": "square",
    "Lab": "triangle",
    "Program": "triangleDown",
    "Person": "diamond",
    "Initiative": "star",
    "Event": "hexagon",
    "Agreement": "box",
    "City": "ellipse",
    "Country": "ellipse",
}

EDGE_STYLES: dict[str, dict[str, Any]] = {
    "COOPERATES_WITH": {"label": "cooperates with", "color": "#4D4D4D", "arrows": "", "dashes": False},
    "VISITED": {"label": "visited", "color": "#B35900", "arrows": "to", "dashes": True},
    "AFFILIATED_WITH": {"label": "works at", "color": "#8C8C8C", "arrows": "to", "dashes": False},
    "PART_OF": {"label": "part of", "color": "#3C6E9F", "arrows": "to", "dashes": False},
    "INVOLVED_IN": {"label": "involved in", "color": "#7A5195", "arrows": "to", "dashes": [2, 4]},
    "PARTY_TO": {"label": "party to", "color": "#2E8B57", "arrows": "to", "dashes": False},
    "LOCATED_IN": {"label": "located in", "color": "#BBBBBB", "arrows": "to", "dashes": [1, 3]},
}

LABEL_CHARS = 40
EVIDENCE_CHARS = 280
EVIDENCE_SHOWN = 3


def country_colour(country: str | None) -> str:
    """The fill colour of a node from its ISO country code."""
    if not country:
        return NO_COUNTRY[1]
    return COUNTRIES.get(country.upper(), OTHER_COUNTRY)[1]


def edge_width(n_sources: int) -> float:
    """Line width from the number of documents that state a fact: 1 for one, growing slowly, capped at 10."""
    return round(min(10.0, 1.0 + 2.0 * math.log2(max(1, n_sources))), 2)


def shorten(text: str, limit: int) -> str:
    """Text cut at `limit` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def node_tooltip(node: dict[str, Any]) -> str:
    """What hovering a node says: name, type and place, other names, dates, titles (plain text)."""
    name = node.get("name") or node["id"]
    where = " · ".join(str(p) for p in (node["label"], node.get("country"), node.get("city")) if p)
    lines = [str(name), where]
    aliases = [a for a in node.get("aliases") or [] if a != name]
    if aliases:
        lines.append("Also: " + shorten("; ".join(str(a) for a in aliases), 200))
    if node.get("date"):
        until = f" – {node['date_end']}" if node.get("date_end") else ""
        lines.append(f"Date: {node['date']}{until}")
    for key in ("kind", "status"):
        if node.get(key):
            lines.append(f"{key.capitalize()}: {node[key]}")
    if node.get("titles"):
        lines.append("Titles: " + shorten("; ".join(str(t) for t in node["titles"]), 200))
    return "\n".join(lines)


def edge_tooltip(link: dict[str, Any], names: dict[str, str]) -> str:
    """What hovering an edge says: the fact, its title and date, and the sentences that state it (plain text)."""
    style = EDGE_STYLES.get(link["type"], {"label": link["type"].lower()})
    lines = [
        f"{names.get(link['source'], link['source'])} — {style['label']} — {names.get(link['target'], link['target'])}"
    ]
    for key in ("title", "date", "kind"):
        if link.get(key):
            lines.append(f"{key.capitalize()}: {link[key]}")
    sources = list(link.get("sources") or [])
    evidence = list(link.get("evidence") or [])
    lines.append(f"Sources: {len(sources)}")
    for i, doc in enumerate(sources[:EVIDENCE_SHOWN]):
        sentence = evidence[i] if i < len(evidence) and evidence[i] else "(no sentence recorded)"
        lines.append(f"• “{shorten(sentence, EVIDENCE_CHARS)}” [{doc}]")
    if len(sources) > EVIDENCE_SHOWN:
        lines.append(f"… and {len(sources) - EVIDENCE_SHOWN} more")
    return "\n".join(lines)


def vis_node(node: dict[str, Any], *, center: str | None, degree: int) -> dict[str, Any]:
    """One vis-network node."""
    colour = country_colour(node.get("country"))
    is_center = node["id"] == center
    return {
        "id": node["id"],
        "label": shorten(node.get("name") or node["id"], LABEL_CHARS),
        "title": node_tooltip(node),
        "shape": SHAPES.get(node["label"], "dot"),
        "size": 24 if is_center else round(min(22.0, 10 + 2 * math.sqrt(degree)), 1),
        "borderWidth": 4 if is_center else 1,
        "color": {
            "background": colour,
            "border": "#222222" if is_center else "#555555",
            "highlight": {"background": colour, "border": "#000000"},
            "hover": {"background": colour, "border": "#000000"},
        },
        "font": {"color": "#111111" if node["label"] != "Agreement" else "#000000"},
        "type": node["label"],
        "country": node.get("country"),
    }


def vis_edge(index: int, link: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """One vis-network edge."""
    style = EDGE_STYLES.get(link["type"], {"color": "#999999", "arrows": "", "dashes": False})
    return {
        "id": f"e{index}",
        "from": link["source"],
        "to": link["target"],
        "type": link["type"],
        "width": edge_width(len(link.get("sources") or [])),
        "color": {
            "color": style["color"],
            "highlight": style["color"],
            "hover": style["color"],
            "inherit": False,
            "opacity": 0.85,
        },
        "arrows": style["arrows"],
        "dashes": style["dashes"],
        "title": edge_tooltip(link, names),
    }


def degrees(subgraph: dict[str, Any]) -> Counter[str]:
    """Each node's number of links inside the subgraph."""
    counts: Counter[str] = Counter()
    for link in subgraph["links"]:
        counts[link["source"]] += 1
        counts[link["target"]] += 1
    return counts


def limit_subgraph(subgraph: dict[str, Any], *, max_nodes: int, max_links: int) -> dict[str, Any]:
    """Keep the centre and the best-connected nodes, then the most-sourced links; record what was left out."""
    info = dict(subgraph.get("graph") or {})
    center = info.get("center")
    degree = degrees(subgraph)
    ranked = sorted(subgraph["nodes"], key=lambda n: (n["id"] != center, -degree[n["id"]], n["id"]))
    nodes = ranked[:max_nodes]
    kept = {n["id"] for n in nodes}
    links = [ln for ln in subgraph["links"] if ln["source"] in kept and ln["target"] in kept]
    if len(links) > max_links:
        links = sorted(links, key=lambda ln: -len(ln.get("sources") or []))[:max_links]
    total_nodes = max(int(info.get("total_nodes") or 0), len(subgraph["nodes"]))
    total_links = max(int(info.get("total_links") or 0), len(subgraph["links"]))
    info.update(total_nodes=total_nodes, total_links=total_links)
    return {"nodes": sorted(nodes, key=lambda n: n["id"]), "links": links, "graph": info}


def omitted_notice(info: dict[str, Any], *, shown_nodes: int, shown_links: int) -> dict[str, Any] | None:
    """What the page says when it shows less than the query found (None when it shows everything)."""
    left_nodes = int(info.get("total_nodes") or 0) - shown_nodes
    left_links = int(info.get("total_links") or 0) - shown_links
    if left_nodes <= 0 and left_links <= 0:
        return None
    parts = [f"{left_nodes:,} nodes"] if left_nodes > 0 else []
    parts += [f"{left_links:,} links"] if left_links > 0 else []
    message = (
        f"Showing {shown_nodes:,} of {info['total_nodes']:,} nodes and {shown_links:,} links, the best-connected "
        f"(by number of links); left out {' and '.join(parts)}. Narrow the filters or raise the limit to see more."
    )
    return {"nodes": max(0, left_nodes), "links": max(0, left_links), "message": message}


def legend(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """The legend: every country colour and the types and relations present in this view."""
    types = sorted({n["type"] for n in nodes})
    rels = sorted({e["type"] for e in edges})
    countries = [{"code": c, "name": name, "color": colour} for c, (name, colour) in COUNTRIES.items()]
    countries += [
        {"code": "other", "name": OTHER_COUNTRY[0], "color": OTHER_COUNTRY[1]},
        {"code": "", "name": NO_COUNTRY[0], "color": NO_COUNTRY[1]},
    ]
    return {
        "countries": countries,
        "types": [{"type": t, "shape": SHAPES.get(t, "dot")} for t in types],
        "edges": [{"type": r, **EDGE_STYLES.get(r, {"label": r.lower(), "color": "#999999"})} for r in rels],
        "width": "Line width grows with the number of source documents.",
    }


def build_view(subgraph: dict[str, Any], *, max_nodes: int = 1000, max_links: int = 20_000) -> dict[str, Any]:
    """The vis-network view of a subgraph: styled nodes and edges, legend, notice, layout when large."""
    limited = limit_subgraph(subgraph, max_nodes=max_nodes, max_links=max_links)
    info = limited["graph"]
    center = info.get("center")
    degree = degrees(limited)
    names = {n["id"]: str(n.get("name") or n["id"]) for n in limited["nodes"]}
    nodes = [vis_node(n, center=center, degree=degree[n["id"]]) for n in limited["nodes"]]
    edges = [vis_edge(i, ln, names) for i, ln in enumerate(limited["links"])]
    positions = compute_layout(limited) if len(nodes) > PRECOMPUTE_ABOVE else None
    if positions:
        for node in nodes:
            node["x"], node["y"] = positions[node["id"]]
    return {
        "title": info.get("title") or "coopgraph view",
        "center": center,
        "nodes": nodes,
        "edges": edges,
        "legend": legend(nodes, edges),
        "omitted": omitted_notice(info, shown_nodes=len(nodes), shown_links=len(edges)),
        "layout": "precomputed" if positions else "physics",
        "query": info.get("query") or {},
    }
