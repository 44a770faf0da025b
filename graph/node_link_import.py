"""Read networkx node-link JSON into the store: the inverse of `export --format node-link`."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from graph.errors import BadRequest
from graph.heap import paused_gc
from graph.schema import DOCUMENT, MENTIONED_IN, MERGE_PROPERTIES, NODE_LABELS, RELATIONSHIP_TYPES
from graph.store import GraphStore, Row
from graph.upsert import upsert_facts, upsert_mentions, upsert_nodes

_SCALARS = (str, int, float, bool)


def read_node_link(path: Path) -> dict[str, Any]:
    """Parse and check a node-link file, naming the first problem found."""
    try:
        with paused_gc():
            data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRequest(f"{path}: not readable node-link JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise BadRequest(f"{path}: expected an object with a 'nodes' list")
    links = data.get("links", data.get("edges", []))
    if not isinstance(links, list):
        raise BadRequest(f"{path}: 'links' must be a list")
    for i, node in enumerate(data["nodes"]):
        _check_node(node, f"{path}: nodes[{i}]")
    for i, link in enumerate(links):
        _check_link(link, f"{path}: links[{i}]")
    return {"nodes": data["nodes"], "links": links}


def _check_node(node: Any, where: str) -> None:
    """Reject a node without a string id, with an unknown label, or with nested property values."""
    if not isinstance(node, dict) or not isinstance(node.get("id"), str) or not node["id"]:
        raise BadRequest(f"{where}: needs a non-empty string 'id'")
    if node.get("label") not in NODE_LABELS:
        raise BadRequest(f"{where}: 'label' must be one of {', '.join(NODE_LABELS)}")
    _check_props(node, where)


def _check_link(link: Any, where: str) -> None:
    """Reject a link without endpoints or with an unknown type."""
    if not isinstance(link, dict) or not all(isinstance(link.get(k), str) for k in ("source", "target")):
        raise BadRequest(f"{where}: needs string 'source' and 'target'")
    if link.get("type") not in RELATIONSHIP_TYPES:
        raise BadRequest(f"{where}: 'type' must be one of {', '.join(RELATIONSHIP_TYPES)}")
    _check_props(link, where)


def _check_props(record: dict[str, Any], where: str) -> None:
    """Graph properties are scalars or lists of scalars; anything else cannot be stored."""
    for key, value in record.items():
        ok = (
            value is None
            or isinstance(value, _SCALARS)
            or (isinstance(value, list) and all(isinstance(v, _SCALARS) for v in value))
        )
        if not ok:
            raise BadRequest(f"{where}: property {key!r} must be a scalar or a list of scalars")


def import_node_link(store: GraphStore, data: dict[str, Any], *, batch_size: int = 1000) -> dict[str, int]:
    """Upsert every node and link; importing into a store that has them already changes nothing.

    The upserts send their batches through a `WritePipeline`: the server writes one while this thread builds
    the next.
    """
    with paused_gc():
        _import(store, data, batch_size)
    return {"nodes": len(data["nodes"]), "links": len(data["links"])}


def _import(store: GraphStore, data: dict[str, Any], batch_size: int) -> None:
    """Nodes by label, then links by type (their endpoints exist by then: the writes run in order)."""
    by_label: dict[str, list[Row]] = defaultdict(list)
    for node in data["nodes"]:
        props = {k: v for k, v in node.items() if k not in ("id", "label")}
        if node["label"] != DOCUMENT:
            names = [props.get("name") or "", *(props.get("aliases") or [])]
            props["search_text"] = " | ".join(dict.fromkeys(n for n in names if n))
        by_label[node["label"]].append({"key": node["id"], "props": props})
    for label, rows in sorted(by_label.items()):
        upsert_nodes(store, label=label, rows=rows, batch_size=batch_size)
    by_type: dict[str, list[Row]] = defaultdict(list)
    for link in data["links"]:
        by_type[link["type"]].append(link)
    for rel_type, links in sorted(by_type.items()):
        _import_links(store, rel_type, links, batch_size)


def _import_links(store: GraphStore, rel_type: str, links: list[dict[str, Any]], batch_size: int) -> None:
    """Write the links of one type, facts with their sources, mentions with their names."""
    if rel_type == MENTIONED_IN:
        rows = [{"key": ln["source"], "document": ln["target"], "names": ln.get("names") or []} for ln in links]
        upsert_mentions(store, rows=rows, batch_size=batch_size)
        return
    merge_props = MERGE_PROPERTIES.get(rel_type, ())
    skip = {"source", "target", "type", "sources", "evidence", *merge_props}
    facts = []
    for ln in links:
        sources = list(ln.get("sources") or [])
        evidence = list(ln.get("evidence") or [""] * len(sources))
        facts.append(
            {
                "a": ln["source"],
                "b": ln["target"],
                "sources": sources,
                "evidence": evidence,
                "merge": {p: ln.get(p) for p in merge_props},
                "props": {k: v for k, v in ln.items() if k not in skip},
            }
        )
    upsert_facts(store, rel_type=rel_type, rows=facts, batch_size=batch_size)
