"""`{ref}` resolution: key, then name or alias from the name cache, then the store for what the cache lacks."""

from __future__ import annotations

import gc
import time
import uuid

import pytest
from rapidfuzz import fuzz, process, utils

from graph.connect import open_store
from graph.errors import Ambiguous, NotFound
from graph.settings import Settings
from graph.store import GraphStore
from queries import lookup
from queries.lookup import forget_names, name_cache, resolve_ref, suggest


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


def test_suggestions_rank_as_rapidfuzz_extract(store: GraphStore) -> None:
    """suggest scores through cdist (which releases the GIL); its order must be extract's: score, then
    shorter form, then first read; one row per entity."""
    for n, name in enumerate(["Almaty Technical University", "Almaty Tech University", "Almaty Technological Univ"]):
        add_university(store, f"almaty_{n}", name, [f"ATU {n}", name.upper()])
    forget_names(store)
    entries = name_cache(store).entries
    text = "almaty tecnical universty"
    matches = process.extract(
        text, [e.form for e in entries], scorer=fuzz.WRatio, processor=utils.default_process, limit=20, score_cutoff=75
    )
    expected: dict[str, tuple[str, float]] = {}
    for form, score, index in sorted(matches, key=lambda m: (-m[1], len(m[0]))):
        expected.setdefault(entries[index].key, (form, round(score, 1)))
    got = suggest(store, text)
    assert [(r["key"], r["matched"], r["score"]) for r in got] == [(k, f, s) for k, (f, s) in expected.items()][:5]
    assert {r["key"] for r in got} == {"almaty_0", "almaty_1", "almaty_2"}


def test_stale_names_are_returned_at_once_and_re_read_behind(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_university(store, "first_u", "First University", [])
    forget_names(store)
    first = name_cache(store)
    add_university(store, "second_u", "Second University", [])
    monkeypatch.setattr(lookup, "NAMES_TTL", 0.0)
    assert name_cache(store) is first  # stale: returned, and a re-read starts in the background
    monkeypatch.setattr(lookup, "NAMES_TTL", 3600.0)
    deadline = time.monotonic() + 10
    while name_cache(store) is first and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "second university" in name_cache(store).by_form


TYPOS = [
    ("Xinjiang Universty", "xju"),  # one edit
    ("Xinjang Univrsity", "xju"),  # one edit in each of two words
    ("Harbin Engneering Univesity", "heu"),
    ("Lanzou Unversity", "lzu"),
    ("Tashkent Technical University", "tashkent_tu"),  # a missing word
    ("Al-Farabi National University", "kaznu"),
    ("Chinese Acad of Sciences", "cas"),  # a word abbreviated
]


@pytest.mark.parametrize("pool", [10, 1_000_000])
@pytest.mark.parametrize(("text", "key"), TYPOS)
def test_typos_suggest_the_entity_with_or_without_a_candidate_pool(
    fixture_store: GraphStore, monkeypatch: pytest.MonkeyPatch, pool: int, text: str, key: str
) -> None:
    """Scoring only the SUGGEST_POOL names closest by plain ratio (10 of the fixture's ~100 here) keeps the
    right entity first for typical typos."""
    monkeypatch.setattr(lookup, "SUGGEST_POOL", pool)
    assert len(name_cache(fixture_store).entries) > 10
    assert suggest(fixture_store, text)[0]["key"] == key


@pytest.mark.parametrize("pool", [10, 1_000_000])
def test_a_query_unlike_any_name_suggests_nothing(
    fixture_store: GraphStore, monkeypatch: pytest.MonkeyPatch, pool: int
) -> None:
    monkeypatch.setattr(lookup, "SUGGEST_POOL", pool)
    assert suggest(fixture_store, "zqxw vbnm") == []
    assert suggest(fixture_store, "quantum chromodynamics") == []
    assert suggest(fixture_store, "Mozzarella pizza") == []


def test_warm_names_reads_the_names_in_the_background(store: GraphStore) -> None:
    add_university(store, "warm_u", "Warm University", [])
    forget_names(store)
    started = lookup.warm_names(store)
    assert started is not None
    started.result(timeout=30)
    assert lookup.warm_names(store) is None  # already read: nothing to start
    assert "warm university" in name_cache(store).by_form


def test_warm_names_on_a_store_that_is_down_neither_raises_nor_blocks_later_reads(settings: Settings) -> None:
    down = open_store(settings, graph_name=f"t_{uuid.uuid4().hex[:12]}", schema=False)
    down.close()
    started = lookup.warm_names(down)
    assert started is not None
    assert started.result(timeout=30) is None
    assert lookup._fresh_or_stale(down) is None
    again = lookup.warm_names(down)  # the failed read let go of the lock
    assert again is not None
    again.result(timeout=30)


def test_cached_names_are_not_tracked_by_the_garbage_collector(store: GraphStore) -> None:
    """At M the cache holds 190k names: tracked, they made each full collection of an API worker take
    100-400 ms, every request in flight waiting. Plain tuples of strings are untracked after one collection."""
    add_university(store, "gc_u", "Untracked University", ["UU"])
    forget_names(store)
    cache = name_cache(store)
    gc.collect()
    assert cache.named("untracked university")[0].key == "gc_u"
    assert not any(gc.is_tracked(row) for row in cache.rows)
    assert not any(gc.is_tracked(indexes) for indexes in cache.by_form.values())
