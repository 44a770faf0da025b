"""Finding entities by what people type: `{ref}` resolution, typo-tolerant search, "did you mean".

    resolve_ref(store, "Xinjiang University") → the entity (key, name, type, country)
        key → name → alias (ignoring case); several → Ambiguous (409) with the candidates;
        none → NotFound (404) with suggestions ("Xinjiang Universty" → Xinjiang University)
    search_entities(store, "xinjang univ") → full-text hits re-ranked by fuzzy similarity, plus suggestions

The suggestions come from rapidfuzz over every name and alias (WRatio on the SUGGEST_POOL closest by plain
edit ratio), read page by page with the `entity_names` query and kept for NAMES_TTL seconds per store
(`forget_names(store)` after a write); `warm_names(store)` starts that read at start-up.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
from rapidfuzz import fuzz, process, utils

from graph.errors import Ambiguous, NotFound
from graph.store import GraphStore, Row
from queries.catalog import Catalog, load_catalog
from queries.shared_reads import forget_shared

NAMES_TTL = 30.0
NAMES_PAGE = 10_000
SUGGEST_CUTOFF = 75.0
SEARCH_POOL = 100
_WORD = re.compile(r"[^\W_]")


class NameEntry(NamedTuple):
    """One surface form of one entity."""

    form: str
    key: str
    name: str
    type: str | None
    country: str | None


NameRow = tuple[str, str, str, str | None, str | None]
"""A NameEntry's fields as a plain tuple: the garbage collector stops tracking a tuple of strings (not a
tuple subclass), so 190k of them (at M) do not make each full collection of a busy API worker take
100-400 ms (measured: the partners_of p99 under load was made of those pauses)."""


@dataclass(frozen=True)
class NameCache:
    """Every name and alias of one store, read at `read_at`, with an index by case-folded form and the forms
    as rapidfuzz compares them (`processed`, aligned with `rows`; processed once, not per suggestion)."""

    read_at: float
    rows: list[NameRow]
    by_form: dict[str, tuple[int, ...]]
    processed: list[str]

    def entry(self, index: int) -> NameEntry:
        """The name at `index` of `rows`, with its fields named."""
        return NameEntry._make(self.rows[index])

    def named(self, form: str) -> list[NameEntry]:
        """The entries whose form is `form`, ignoring case."""
        return [self.entry(i) for i in self.by_form.get(form.casefold(), ())]

    @property
    def entries(self) -> list[NameEntry]:
        """Every entry, fields named (built on each call: for inspection, not for hot paths)."""
        return [NameEntry._make(row) for row in self.rows]


_names: weakref.WeakKeyDictionary[Any, NameCache] = weakref.WeakKeyDictionary()
_names_lock = threading.Lock()
_log = logging.getLogger(__name__)


_build_lock = threading.Lock()
_generation: dict[int, int] = {}
"""Per store (by id), how many times its names were forgotten: a read that began before a write is not kept."""
_REFRESHER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="names")
"""The thread that re-reads stale names, so that no request waits for it (at M: 2 s of server time and
2-3 s of Python, every NAMES_TTL seconds)."""


def name_cache(store: GraphStore, catalog: Catalog | None = None) -> NameCache:
    """The store's names (cached for NAMES_TTL seconds).

    Only a store with no names read yet makes its caller wait for them. Stale names are returned at once
    while one background thread re-reads them, so a busy server never reads every name once per request
    thread (at 100k entities: seconds and hundreds of MB), and no request waits for a re-read.
    """
    cached = _fresh_or_stale(store)
    if cached is not None:
        if not _is_fresh(cached) and _build_lock.acquire(blocking=False):
            _REFRESHER.submit(_rebuild, store, catalog or load_catalog())
        return cached
    with _build_lock:
        again = _fresh_or_stale(store)
        if again is not None:
            return again
        return _store_built(store, catalog or load_catalog())


def warm_names(store: GraphStore) -> Future[None] | None:
    """Start reading a store's names in the background (at start-up), so that the first searches find them
    read or being read; None when they are already read or being read. A failed read (store empty or down)
    only leaves the names to the first request, as before."""
    if _fresh_or_stale(store) is not None or not _build_lock.acquire(blocking=False):
        return None
    return _REFRESHER.submit(_warm, store)


def _warm(store: GraphStore) -> None:
    """Read a store's names for warm_names; the caller took _build_lock for it."""
    try:
        _store_built(store, load_catalog())
    except Exception:
        _log.warning("reading the names at start-up failed; the first search reads them", exc_info=True)
    finally:
        _build_lock.release()


def _rebuild(store: GraphStore, catalog: Catalog) -> None:
    """Re-read a store's names in the background; the caller took _build_lock for it."""
    try:
        _store_built(store, catalog)
    finally:
        _build_lock.release()


def _store_built(store: GraphStore, catalog: Catalog) -> NameCache:
    """Read the names and keep them, unless they were forgotten (a write) while being read."""
    with _names_lock:
        generation = _generation.get(id(store), 0)
    built = _build_cache(store, catalog)
    with _names_lock:
        if _generation.get(id(store), 0) == generation:
            _names[store] = built
    return built


def _fresh_or_stale(store: GraphStore) -> NameCache | None:
    """The cached names of a store, however old."""
    with _names_lock:
        return _names.get(store)


def _is_fresh(cache: NameCache) -> bool:
    """Whether cached names are younger than NAMES_TTL."""
    return time.monotonic() - cache.read_at < NAMES_TTL


def _build_cache(store: GraphStore, catalog: Catalog) -> NameCache:
    """Read every name and index it by case-folded form."""
    rows = _read_names(store, catalog)
    grouped: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        grouped.setdefault(row[0].casefold(), []).append(index)
    by_form = {form: tuple(indexes) for form, indexes in grouped.items()}  # plain tuples of ints: untracked too
    processed = [utils.default_process(row[0]) for row in rows]
    return NameCache(time.monotonic(), rows, by_form, processed)


def entity_names(store: GraphStore, catalog: Catalog | None = None) -> list[NameEntry]:
    """Every name and alias in the graph (cached for NAMES_TTL seconds)."""
    return name_cache(store, catalog).entries


def _read_names(store: GraphStore, catalog: Catalog) -> list[NameRow]:
    """Read the names page by page."""
    entries: list[NameRow] = []
    after = ""
    while True:
        rows = catalog.run(store, "entity_names", {"after": after, "limit": NAMES_PAGE})
        for row in rows:
            for form in dict.fromkeys([row["name"], *row["aliases"]]):
                if form:
                    entries.append((form, row["key"], row["name"] or row["key"], row["type"], row["country"]))
        if len(rows) < NAMES_PAGE:
            return entries
        after = rows[-1]["key"]


def forget_names(store: GraphStore) -> None:
    """Drop the cached names of a store, and the answers kept by queries.shared_reads (after a write)."""
    with _names_lock:
        _names.pop(store, None)
        _generation[id(store)] = _generation.get(id(store), 0) + 1
    forget_shared(store)


def suggest(store: GraphStore, text: str, *, limit: int = 5, catalog: Catalog | None = None) -> list[Row]:
    """Entities whose name or an alias is close to `text`, best first, one row per entity."""
    cache = name_cache(store, catalog)
    matches = _SCORER.submit(_closest, utils.default_process(text), cache.processed, limit * 4).result()
    best: dict[str, Row] = {}
    for score, index in sorted(matches, key=lambda m: (-m[0], len(cache.rows[m[1]][0]))):
        entry = cache.entry(index)
        form = entry.form
        if entry.key not in best:
            best[entry.key] = {
                "key": entry.key,
                "name": entry.name,
                "type": entry.type,
                "country": entry.country,
                "matched": form,
                "score": round(score, 1),
            }
    return list(best.values())[:limit]


SCORERS = 2
"""Threads scoring suggestions: one per core of the 2-core target (scoring is CPU-bound and releases the GIL)."""
_SCORER = ThreadPoolExecutor(max_workers=SCORERS, thread_name_prefix="suggest")
"""The threads that score suggestions. Each scoring allocates tens of MB (rapidfuzz copies 190k names at M);
done by whichever request thread asked, every thread's malloc arena kept its own copy: with 40 request
threads the API grew to ~600 MB. SCORERS threads, SCORERS arenas."""


SUGGEST_POOL = 1000
"""How many names, closest by plain edit ratio, WRatio scores: WRatio over every name (190k at M) took
0.16-0.35 s of CPU per suggestion; `fuzz.ratio` over every name takes ~10 ms, and on typo queries made from
M's names the top 1000 by ratio held the entity the typo came from as often as scoring all of them did."""


def _closest(query: str, choices: list[str], limit: int) -> list[tuple[float, int]]:
    """(score, index) of the `limit` choices closest to `query` (WRatio >= SUGGEST_CUTOFF), best first, ties
    by index: what `process.extract` gives, through `cdist`, which releases the GIL while it scores.

    Past SUGGEST_POOL choices only the SUGGEST_POOL closest by `fuzz.ratio` are scored with WRatio.
    """
    if not choices:
        return []
    pool = _pool(query, choices)
    scored = choices if pool is None else [choices[i] for i in pool]
    scores = process.cdist(
        [query], scored, scorer=fuzz.WRatio, processor=None, score_cutoff=SUGGEST_CUTOFF, dtype=np.float64, workers=1
    )[0]
    found = [(float(scores[i]), int(i if pool is None else pool[i])) for i in np.flatnonzero(scores)]
    return sorted(found, key=lambda m: (-m[0], m[1]))[:limit]


def _pool(query: str, choices: list[str]) -> np.ndarray | None:
    """Indexes (ascending) of the SUGGEST_POOL choices closest to `query` by cheap edit ratio; None to score
    every choice."""
    if len(choices) <= SUGGEST_POOL:
        return None
    cheap = process.cdist([query], choices, scorer=fuzz.ratio, processor=None, dtype=np.float32, workers=1)[0]
    return np.sort(np.argpartition(-cheap, SUGGEST_POOL)[:SUGGEST_POOL])


def resolve_ref(store: GraphStore, ref: str, *, catalog: Catalog | None = None) -> Row:
    """The one entity a key, name or alias names; Ambiguous or NotFound (with suggestions) otherwise."""
    catalog = catalog or load_catalog()
    by_key = catalog.run(store, "entity_by_key", {"key": ref})
    if by_key:  # keys are unique and a key match wins: the same answer as entities_named, without its scan
        return by_key[0]
    rows = _cached_matches(store, ref, catalog) or catalog.run(store, "entities_named", {"name": ref})
    for matched in ("key", "name"):
        exact = [r for r in rows if r["matched"] == matched]
        if len(exact) == 1:
            return exact[0]
    if len(rows) == 1:
        return rows[0]
    if rows:
        raise Ambiguous(f"{len(rows)} entities are called {ref!r}; use one of their keys", details={"candidates": rows})
    suggestions = suggest(store, ref, catalog=catalog)
    hint = f"; did you mean {suggestions[0]['name']!r}?" if suggestions else ""
    raise NotFound(f"no entity is called {ref!r}{hint}", details={"suggestions": suggestions})


def _cached_matches(store: GraphStore, ref: str, catalog: Catalog) -> list[Row]:
    """Entities a name or alias equals (ignoring case), from the cached names: no scan of every entity.

    Empty when the cache knows no such name; the caller then asks the store, which sees the newest data.
    """
    wanted = ref.casefold()
    found: dict[str, Row] = {}
    for entry in name_cache(store, catalog).named(wanted):
        matched = "name" if entry.name.casefold() == wanted else "alias"
        row = found.setdefault(
            entry.key,
            {"key": entry.key, "name": entry.name, "type": entry.type, "country": entry.country, "matched": matched},
        )
        if matched == "name":
            row["matched"] = "name"
    return sorted(found.values(), key=lambda r: (r["matched"] != "name", r["name"] or "", r["key"]))


def search_entities(
    store: GraphStore,
    text: str,
    *,
    type: str | None = None,
    country: str | None = None,
    limit: int = 20,
    catalog: Catalog | None = None,
) -> dict[str, list[Row]]:
    """Full-text hits (every word as a prefix or within one typo) ranked by closeness to `text`, and
    "did you mean" suggestions when no hit is a close match."""
    catalog = catalog or load_catalog()
    if not _WORD.search(text):
        return {"results": [], "suggestions": []}
    params = {"words": text, "type": type, "country": country, "limit": SEARCH_POOL}
    hits = catalog.run(store, "search", params)
    for hit in hits:
        hit["similarity"] = round(max(_similarity(text, f) for f in [hit["name"] or "", *hit["aliases"]]), 1)
    hits.sort(key=lambda h: (-h["similarity"], -(h["score"] or 0), h["name"] or ""))
    close = hits and hits[0]["similarity"] >= 90
    suggestions = [] if close else [s for s in suggest(store, text, catalog=catalog) if _fits(s, type, country)]
    return {"results": hits[:limit], "suggestions": suggestions}


def _similarity(text: str, form: str) -> float:
    """How close what was typed is to one name (0-100), forgiving typos, word order and extra words."""
    return float(fuzz.WRatio(text, form, processor=utils.default_process))


def _fits(row: Row, type: str | None, country: str | None) -> bool:
    """Whether a suggestion passes the search's type and country filters."""
    return (type is None or row["type"] == type) and (country is None or row["country"] == country)


REF_PARAMS = frozenset({"ref", "initiative", "party", "org", "source", "target"})
"""Catalogue parameters that name an entity: given a name or alias, they are resolved to its key."""


def resolve_params(store: GraphStore, values: dict[str, Any], *, catalog: Catalog | None = None) -> dict[str, Any]:
    """The values with every entity-naming parameter (REF_PARAMS) resolved from a name or alias to a key."""
    out = dict(values)
    for name in REF_PARAMS & set(values):
        if isinstance(values[name], str) and values[name].strip():
            out[name] = resolve_ref(store, values[name].strip(), catalog=catalog)["key"]
    return out
