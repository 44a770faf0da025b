"""Fetch the subgraph a view shows, as node-link records (the format `graph.export` writes).

    ego_network / country_pair / initiative_network / whole_graph
        1. a catalogue query (`queries/viz_*.cypher`) picks the node keys, with the filters as parameters
        2. NODE_PROPS and LINKS_AMONG read those nodes and the fact links between them
        3. the result carries `graph.total_nodes/total_links`, so the page can say what it left out

The two reads below take lists of keys the server chose (up to `MAX_NODES`), which the catalogue's
user-facing `list[str]` (at most 50 items) cannot carry; they live here, parameters only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.export import canonical_props, type_label
from graph.store import GraphStore
from queries.catalog import load_catalog

MAX_NODES = 5000
MAX_LINKS = 20_000
FACT_LINKS = "COOPERATES_WITH|AFFILIATED_WITH|PART_OF|INVOLVED_IN|VISITED|PARTY_TO"
KEY_BATCH = 1000

NODE_PROPS = (
    "UNWIND $keys AS k MATCH (n:Entity {key: k}) RETURN n.key AS key, labels(n) AS labels, properties(n) AS props"
)
LINK_ENDS = (
    f"UNWIND $keys AS k MATCH (a:Entity {{key: k}})-[r:{FACT_LINKS}]->(b:Entity) "
    "RETURN a.key AS source, b.key AS target, r.date AS date"
)
"""Phase 1: where each node's links go (small rows: most of a hub's links leave the view)."""
LINKS_BETWEEN = (
    f"UNWIND $pairs AS p MATCH (a:Entity {{key: p.a}})-[r:{FACT_LINKS}]->(b:Entity {{key: p.b}}) "
    "RETURN a.key AS source, b.key AS target, type(r) AS type, properties(r) AS props"
)
"""Phase 2: the facts, with sources and evidence, between pairs that are both in the view."""


@dataclass(frozen=True)
class Filters:
    """What the analyst narrowed a view to; None means no filter."""

    countries: list[str] | None = None
    types: list[str] | None = None
    since: int | None = None
    until: int | None = None
    initiative: str | None = None
    """An initiative's key (resolve names first)."""

    def params(self, *names: str) -> dict[str, Any]:
        """The named filters as query parameters."""
        return {name: getattr(self, name) for name in names}

    def describe(self) -> dict[str, Any]:
        """The filters in force, for the page and the export."""
        return {k: v for k, v in self.__dict__.items() if v not in (None, [])}


def read_nodes(store: GraphStore, keys: list[str]) -> list[dict[str, Any]]:
    """Node-link records of the given entities, in key order."""
    nodes = []
    for start in range(0, len(keys), KEY_BATCH):
        for key, labels, props in store.read_rows(NODE_PROPS, {"keys": keys[start : start + KEY_BATCH]}):
            nodes.append({"id": key, "label": type_label(labels), **canonical_props(props)})
    return sorted(nodes, key=lambda n: n["id"])


def read_links(store: GraphStore, keys: list[str], filters: Filters) -> list[dict[str, Any]]:
    """Fact links whose both ends are among `keys` and whose date (if any) is within the filters' years.

    Two phases, because evidence sentences are most of the bytes: with 5,000 nodes of a 20,000-node graph,
    reading every outgoing link in full took 3.5 s, reading the ends first and then the kept links 1.5 s.
    Rows as lists (`read_rows`: the compact reply decoded in one pass, not the client's per-value parser).
    """
    kept = set(keys)
    pairs: dict[tuple[str, str], None] = {}
    for start in range(0, len(keys), KEY_BATCH):
        for source, target, date in store.read_rows(LINK_ENDS, {"keys": keys[start : start + KEY_BATCH]}):
            if target in kept and in_years(date, filters):
                pairs[(source, target)] = None
    wanted = [{"a": a, "b": b} for a, b in pairs]
    links = []
    for start in range(0, len(wanted), KEY_BATCH):
        for source, target, kind, props in store.read_rows(LINKS_BETWEEN, {"pairs": wanted[start : start + KEY_BATCH]}):
            if in_years(props.get("date"), filters):
                links.append({"source": source, "target": target, "type": kind} | canonical_props(props))
    return sorted(links, key=lambda ln: (ln["source"], ln["type"], ln["target"], str(ln.get("date"))))


def in_years(date: Any, filters: Filters) -> bool:
    """Whether an ISO date (YYYY[-MM[-DD]]) falls within since..until; undated facts always pass."""
    if not date or not str(date)[:4].isdigit():
        return True
    year = int(str(date)[:4])
    return (filters.since is None or year >= filters.since) and (filters.until is None or year <= filters.until)


def assemble(
    store: GraphStore, keys: list[str], filters: Filters, *, title: str, center: str | None, total_nodes: int
) -> dict[str, Any]:
    """The node-link subgraph of `keys` with the view's description in `graph`."""
    keys = list(dict.fromkeys(keys))[:MAX_NODES]
    nodes = read_nodes(store, keys)
    links = read_links(store, [n["id"] for n in nodes], filters)
    info = {
        "title": title,
        "center": center,
        "filters": filters.describe(),
        "total_nodes": max(total_nodes, len(nodes)),
        "total_links": len(links),
    }
    return {"directed": True, "multigraph": True, "graph": info, "nodes": nodes, "links": links}


def ego_network(store: GraphStore, *, key: str, name: str, hops: int, filters: Filters, limit: int) -> dict[str, Any]:
    """The entity keyed `key` and what lies within `hops` fact links of it."""
    params = filters.params("countries", "types", "since", "until", "initiative")
    rows = load_catalog().run(store, "viz_ego_nodes", {"ref": key, "hops": hops, "limit": MAX_NODES, **params})
    keys = [key, *(r["key"] for r in rows[: max(0, limit - 1)])]
    title = f"{name}: {'partners and their partners' if hops == 2 else 'direct ties'}"
    return assemble(store, keys, filters, title=title, center=key, total_nodes=len(rows) + 1)


def country_pair(store: GraphStore, *, a: str, b: str, filters: Filters, limit: int) -> dict[str, Any]:
    """Entities in country `a` tied to entities in country `b`, with the agreements and events between them."""
    params = {"a": a, "b": b, **filters.params("since", "until"), "limit": MAX_NODES}
    rows = load_catalog().run(store, "viz_pair_nodes", params)
    everything = [k for r in rows for k in (r["a_key"], r["b_key"], r["via"]) if k]
    unique = list(dict.fromkeys(everything))
    return assemble(
        store, unique[:limit], filters, title=f"Ties between {a} and {b}", center=None, total_nodes=len(unique)
    )


def initiative_network(store: GraphStore, *, key: str, name: str, filters: Filters, limit: int) -> dict[str, Any]:
    """An initiative and the entities involved in it, with the links among them."""
    params = {"ref": key, **filters.params("countries", "types"), "limit": MAX_NODES}
    rows = load_catalog().run(store, "viz_initiative_nodes", params)
    keys = [key, *(r["key"] for r in rows[: max(0, limit - 1)])]
    return assemble(store, keys, filters, title=f"{name}: members", center=key, total_nodes=len(rows) + 1)


def whole_graph(store: GraphStore, *, filters: Filters, limit: int) -> dict[str, Any]:
    """The best-connected `limit` entities of the whole graph and the links among them."""
    params = filters.params("countries", "types")
    catalog = load_catalog()
    size = catalog.run(store, "viz_graph_size", params)[0]
    rows = catalog.run(store, "viz_graph_nodes", {**params, "limit": min(limit, MAX_NODES)})
    subgraph = assemble(
        store, [r["key"] for r in rows], filters, title="Whole graph", center=None, total_nodes=size["nodes"]
    )
    subgraph["graph"]["total_links"] = max(subgraph["graph"]["total_links"], int(size["links"]))
    return subgraph
