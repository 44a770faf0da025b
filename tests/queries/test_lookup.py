"""`{ref}` resolution: key, then name or alias from the name cache, then the store for what the cache lacks."""

from __future__ import annotations

import pytest

from graph.errors import Ambiguous, NotFound
from graph.store import GraphStore
from queries.lookup import forget_names, name_cache, resolve_ref


def add_university(store: GraphStore, key: str, name: str, aliases: list[str]) -> None:
    """An entity written behind the name cache's back (as another process's load would)."""
    store.write(
        "CREATE (:Entity:University {key: $key, name: $name, aliases: $aliases, country: 'KZ'})",
        {"key": key, "name": name, "aliases": aliases},
    )


def test_names_and_aliases_resolve_ignoring_case(store: GraphStore) -> None:
    add_university(store, "east_steppe_university", "East Steppe University", ["ESU", "East Steppe Univ."])
    forget_names(store)
    assert resolve_ref(store, "east steppe university")["key"] == "east_steppe_university"
    assert resolve_ref(store, "esu")["matched"] == "alias"
    assert "esu" in name_cache(store).by_form


def test_an_entity_newer_than_the_cache_still_resolves(store: GraphStore) -> None:
    add_university(store, "old_one", "Old One University", [])
    forget_names(store)
    resolve_ref(store, "Old One University")  # fills the cache
    add_university(store, "new_one", "New One University", [])
    assert resolve_ref(store, "New One University")["key"] == "new_one"


def test_a_shared_alias_is_ambiguous_and_an_unknown_name_suggests(store: GraphStore) -> None:
    add_university(store, "north_a", "North A University", ["NAU"])
    add_university(store, "north_b", "North B University", ["NAU"])
    forget_names(store)
    with pytest.raises(Ambiguous) as caught:
        resolve_ref(store, "NAU")
    assert {c["key"] for c in caught.value.details["candidates"]} == {"north_a", "north_b"}
    with pytest.raises(NotFound) as missing:
        resolve_ref(store, "North A Universty")
    assert missing.value.details["suggestions"][0]["key"] == "north_a"
