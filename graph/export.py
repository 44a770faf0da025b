"""Export the graph as networkx node-link JSON, GraphML (Gephi, yEd) or CSV (Gephi, Kumu); import node-link.

The export is a function of the graph's content alone: nodes and links in key order, set-like lists sorted
(`sources` with their `evidence` kept aligned), derived and bookkeeping properties (`search_text`, `_*`) left
out, so the same inputs give byte-identical exports whatever the load order.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from graph.errors import BadRequest
from graph.heap import paused_gc
from graph.read_ahead import read_ahead
from graph.schema import DOCUMENT, ENTITY, SEARCH_PROPERTY
from graph.store import GraphStore

Format = Literal["node-link", "graphml", "csv"]
PAGE = 2000
SET_LISTS = ("aliases", "topics", "names", "titles")

ALL_KEYS = "MATCH (n) WHERE n.key IS NOT NULL RETURN n.key AS key, labels(n) AS labels"
KEYED_LABELS = (ENTITY, DOCUMENT)
"""Labels with a key index: nodes are read by key through them, page by page, never by scanning every node
per page (which made reading a 100k-node / 1M-link graph take 100 s)."""


def nodes_by_key(label: str | None) -> str:
    """Nodes with the given keys, through the label's key index (None: nodes with neither keyed label)."""
    node = f"(n:{label} {{key: k}})" if label else "(n {key: k}) WHERE NOT n:Entity AND NOT n:Document"
    return f"UNWIND $keys AS k MATCH {node} RETURN n.key AS key, labels(n) AS labels, properties(n) AS props"


def links_by_key(label: str | None) -> str:
    """Relationships leaving the nodes with the given keys."""
    unkeyed = "" if label else "WHERE NOT a:Entity AND NOT a:Document "
    return (
        f"UNWIND $keys AS k MATCH (a{':' + label if label else ''} {{key: k}})-[r]->(b) {unkeyed}"
        "RETURN a.key AS source, b.key AS target, type(r) AS type, properties(r) AS props"
    )


def type_label(labels: list[str]) -> str:
    """The node's type label (the one that is not the umbrella `Entity`)."""
    own = sorted(lb for lb in labels if lb != ENTITY)
    return own[0] if own else ENTITY


def canonical_props(props: dict[str, Any]) -> dict[str, Any]:
    """Properties as exported: bookkeeping dropped, set-like lists sorted, sources aligned with evidence."""
    out = {k: v for k, v in props.items() if not k.startswith("_") and k not in ("key", SEARCH_PROPERTY)}
    for name in SET_LISTS:
        if isinstance(out.get(name), list):
            out[name] = sorted(out[name], key=str)
    sources, evidence = out.get("sources"), out.get("evidence")
    if isinstance(sources, list) and isinstance(evidence, list) and len(sources) == len(evidence):
        pairs = sorted(zip(sources, evidence, strict=True), key=lambda p: str(p[0]))
        out["sources"], out["evidence"] = [p[0] for p in pairs], [p[1] for p in pairs]
    elif isinstance(sources, list):
        out["sources"] = sorted(sources, key=str)
    return dict(sorted(out.items()))


def keyed_pages(store: GraphStore) -> Iterator[dict[str | None, list[str]]]:
    """Every node key in order, PAGE at a time, each page's keys grouped by the keyed label to read them by."""
    found = store.read_rows(ALL_KEYS)
    keys = sorted({(key, _keyed_label(labels)) for key, labels in found}, key=lambda kl: (kl[0], kl[1] or ""))
    for start in range(0, len(keys), PAGE):
        page: dict[str | None, list[str]] = {}
        for key, label in keys[start : start + PAGE]:
            page.setdefault(label, []).append(key)
        yield page


def _keyed_label(labels: list[str]) -> str | None:
    """The first of KEYED_LABELS a node carries, None if neither."""
    return next((lb for lb in KEYED_LABELS if lb in labels), None)


def iter_nodes(store: GraphStore) -> Iterator[dict[str, Any]]:
    """Every node as a node-link record, in key order, page by page (rows as lists: `read_rows` decodes the
    compact reply in one pass, not value by value through the client's parser)."""
    for rows in read_ahead(lambda page: _page_rows(store, nodes_by_key, page), keyed_pages(store)):
        for key, labels, props in sorted(rows, key=lambda r: str(r[0])):
            yield {"id": key, "label": type_label(labels), **canonical_props(props)}


def iter_links(store: GraphStore) -> Iterator[dict[str, Any]]:
    """Every relationship as a node-link record, grouped by source node in key order."""
    for rows in read_ahead(lambda page: _page_rows(store, links_by_key, page), keyed_pages(store)):
        links = [
            {"source": source, "target": target, "type": kind, **canonical_props(props)}
            for source, target, kind, props in rows
        ]
        yield from sorted(links, key=_link_order)


def _page_rows(
    store: GraphStore, cypher: Callable[[str | None], str], page: dict[str | None, list[str]]
) -> list[list[Any]]:
    """One page's rows, read by each keyed label's index."""
    return [row for label, keys in page.items() for row in store.read_rows(cypher(label), {"keys": keys})]


def _link_order(link: dict[str, Any]) -> tuple[str, ...]:
    """A total order on links: endpoints, type, then the merge properties and the rest."""
    return (link["source"], link["type"], link["target"], json.dumps(link, sort_keys=True, default=str))


def node_link(store: GraphStore) -> dict[str, Any]:
    """The whole graph as networkx node-link JSON (directed multigraph)."""
    with paused_gc():
        return {
            "directed": True,
            "multigraph": True,
            "graph": {},
            "nodes": list(iter_nodes(store)),
            "links": list(iter_links(store)),
        }


def to_networkx(data: dict[str, Any]) -> nx.MultiDiGraph:
    """A networkx MultiDiGraph from node-link data."""
    graph = nx.MultiDiGraph()
    for node in data["nodes"]:
        graph.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for link in data["links"]:
        graph.add_edge(
            link["source"], link["target"], **{k: v for k, v in link.items() if k not in ("source", "target")}
        )
    return graph


def _flat(value: Any) -> Any:
    """A GraphML/CSV cell: lists joined with ' | ', other values as they are."""
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    return value


def write_graphml(data: dict[str, Any], path: Path) -> None:
    """GraphML with typed attributes; `label` is the display name (Gephi and yEd show it), `type` the label."""
    graph = nx.MultiDiGraph()
    for node in data["nodes"]:
        attrs = {k: _flat(v) for k, v in node.items() if k not in ("id", "label") and v is not None}
        graph.add_node(node["id"], label=node.get("name") or node["id"], type=node["label"], **attrs)
    for link in data["links"]:
        attrs = {k: _flat(v) for k, v in link.items() if k not in ("source", "target", "type") and v is not None}
        graph.add_edge(
            link["source"],
            link["target"],
            label=link["type"],
            type=link["type"],
            weight=len(link.get("sources") or []) or 1,
            **attrs,
        )
    nx.write_graphml(graph, path, named_key_ids=True)


def write_csv(data: dict[str, Any], directory: Path) -> None:
    """nodes.csv (Id, Label, Type, ...) and edges.csv (Source, Target, Type, Label, Weight, ...)."""
    directory.mkdir(parents=True, exist_ok=True)
    node_attrs = sorted({k for n in data["nodes"] for k in n} - {"id", "label", "name"})
    with (directory / "nodes.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Id", "Label", "Type", *node_attrs])
        for n in data["nodes"]:
            writer.writerow([n["id"], n.get("name") or n["id"], n["label"], *(_flat(n.get(a)) for a in node_attrs)])
    link_attrs = sorted({k for e in data["links"] for k in e} - {"source", "target", "type"})
    with (directory / "edges.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Source", "Target", "From", "To", "Type", "Label", "Weight", *link_attrs])
        for e in data["links"]:
            weight = len(e.get("sources") or []) or 1
            writer.writerow(
                [
                    e["source"],
                    e["target"],
                    e["source"],
                    e["target"],
                    "Directed",
                    e["type"],
                    weight,
                    *(_flat(e.get(a)) for a in link_attrs),
                ]
            )


def export_graph(store: GraphStore, *, fmt: Format, path: Path) -> dict[str, int]:
    """Write the graph in one format; return node and link counts."""
    with paused_gc():  # indented JSON is encoded in Python: millions of short-lived strings and lists
        data = node_link(store)
        if fmt == "node-link":
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")
        elif fmt == "graphml":
            write_graphml(data, path)
        elif fmt == "csv":
            write_csv(data, path)
        else:
            raise BadRequest(f"unknown export format {fmt!r}: use node-link, graphml or csv")
    return {"nodes": len(data["nodes"]), "links": len(data["links"])}


def neo4j_statements() -> list[tuple[str, str]]:
    """The statements of this module, for the offline Neo4j linter."""
    out = [("export:all_keys", ALL_KEYS)]
    for label in (*KEYED_LABELS, None):
        out += [
            (f"export:nodes_by_key:{label}", nodes_by_key(label)),
            (f"export:links_by_key:{label}", links_by_key(label)),
        ]
    return out
