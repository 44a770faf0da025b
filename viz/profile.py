"""An entity's profile for the home page, composed from the catalogue's own queries.

entity_profile (names, place, units, initiatives) + officials_of + partners_of + agreements (by party)
+ events_timeline (by organisation), each fact with its source document keys, and the titles of those
documents so the page can name them.
"""

from __future__ import annotations

from typing import Any

from graph.errors import NotFound
from graph.store import GraphStore
from queries.catalog import load_catalog

SECTION_LIMIT = 100
DOCUMENT_TITLES = (
    "UNWIND $keys AS k MATCH (d:Document {key: k}) "
    "RETURN d.key AS key, d.title AS title, d.published AS published, d.publisher AS publisher"
)
"""Titles of the documents a profile cites (keys chosen by the server, so not a catalogue query)."""


def entity_profile(store: GraphStore, *, key: str) -> dict[str, Any]:
    """Everything the profile panel shows about the entity keyed `key`."""
    catalog = load_catalog()
    rows = catalog.run(store, "entity_profile", {"ref": key})
    if not rows:
        raise NotFound(f"no entity with key {key!r}")
    profile = dict(rows[0])
    profile["officials"] = catalog.run(store, "officials_of", {"ref": key, "limit": SECTION_LIMIT})
    profile["partners"] = catalog.run(store, "partners_of", {"ref": key, "limit": SECTION_LIMIT})
    profile["agreements"] = catalog.run(store, "agreements", {"party": key, "limit": SECTION_LIMIT})
    profile["events"] = catalog.run(store, "events_timeline", {"org": key, "limit": SECTION_LIMIT})
    profile["documents"] = document_titles(store, cited_documents(profile))
    return profile


def cited_documents(profile: dict[str, Any]) -> list[str]:
    """Every document key the profile's facts cite, in first-cited order."""
    keys: list[str] = []
    for section in ("officials", "partners", "agreements", "events"):
        for row in profile.get(section) or []:
            keys.extend(str(k) for k in row.get("sources") or [])
    return list(dict.fromkeys(keys))


def document_titles(store: GraphStore, keys: list[str]) -> dict[str, dict[str, Any]]:
    """Title, publication date and publisher of each document key (keys not in the store are left out)."""
    if not keys:
        return {}
    rows = store.read(DOCUMENT_TITLES, {"keys": keys[:1000]})
    return {r["key"]: {k: r[k] for k in ("title", "published", "publisher")} for r in rows}
