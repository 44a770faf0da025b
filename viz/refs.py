"""Resolve `{ref}` (a key, name or alias) to one entity: the API's rule, used by the views and `coopgraph viz`."""

from __future__ import annotations

from typing import Any

from graph.errors import Ambiguous, BadRequest, NotFound
from graph.store import GraphStore
from queries.catalog import load_catalog


def resolve_entity(store: GraphStore, ref: str) -> dict[str, Any]:
    """The one entity `ref` names: 404 with suggestions when none does, 409 with candidates when several do."""
    catalog = load_catalog()
    rows = catalog.run(store, "entities_named", {"name": ref, "limit": 20})
    keyed = [r for r in rows if r["matched"] == "key"]
    if keyed or len(rows) == 1:
        return (keyed or rows)[0]
    if rows:
        raise Ambiguous(f"{ref!r} names {len(rows)} entities; use one of their keys", details={"candidates": rows})
    try:
        suggestions = catalog.run(store, "search", {"words": ref, "limit": 5})
    except BadRequest:
        suggestions = []
    hint = f"; did you mean {'; '.join(s['name'] for s in suggestions[:3])}?" if suggestions else ""
    raise NotFound(
        f"no entity named {ref!r}{hint}",
        details={"suggestions": [{k: s[k] for k in ("key", "name", "type")} for s in suggestions]},
    )
