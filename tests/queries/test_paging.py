"""Pages of the summaries equal slices of the whole answer: agreements and country_pair order, skip and limit
inside their branches (before collecting parties or documents), which must not change what a page holds."""

from __future__ import annotations

from typing import Any

import pytest

from graph.store import GraphStore, Row
from queries.catalog import load_catalog


def run(store: GraphStore, name: str, **params: Any) -> list[Row]:
    return load_catalog().run(store, name, params)


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"country_a": "KZ", "country_b": "CN"},
        {"country_a": "CN"},
        {"party": "xju"},
        {"year": 2023},
        {"status": "signed"},
        {"kind": "memorandum", "country_b": "CN"},
    ],
)
def test_agreement_pages_are_slices(fixture_store: GraphStore, filters: dict[str, Any]) -> None:
    whole = run(fixture_store, "agreements", **filters, limit=500)
    assert whole, filters
    for offset in range(len(whole) + 1):
        for limit in (1, 2, 3):
            page = run(fixture_store, "agreements", **filters, limit=limit, offset=offset)
            assert page == whole[offset : offset + limit], (filters, offset, limit)


def test_unfiltered_agreements_carry_their_parties(fixture_store: GraphStore) -> None:
    """Without filters the parties are read after the page is cut: the same parties as a filtered read."""
    for row in run(fixture_store, "agreements", limit=500):
        if row["parties"]:
            party = row["parties"][0]["key"]
            [same] = [r for r in run(fixture_store, "agreements", party=party, limit=500) if r["key"] == row["key"]]
            assert sorted(row["parties"], key=lambda p: p["key"]) == sorted(same["parties"], key=lambda p: p["key"])
            assert sorted(row["sources"]) == sorted(same["sources"])


@pytest.mark.parametrize(
    "params",
    [
        {"a": "KZ", "b": "CN"},
        {"a": "CN", "b": "KZ"},
        {"a": "KZ", "b": "CN", "since": 2024},
        {"a": "KZ", "b": "CN", "until": 2023},
        {"a": "KZ", "b": "KZ"},
    ],
)
def test_country_pair_pages_are_slices(fixture_store: GraphStore, params: dict[str, Any]) -> None:
    whole = run(fixture_store, "country_pair", **params, limit=500)
    for offset in range(len(whole) + 1):
        page = run(fixture_store, "country_pair", **params, limit=2, offset=offset)
        assert page == whole[offset : offset + 2], (params, offset)


def test_country_pair_dates_include_the_documents(fixture_store: GraphStore) -> None:
    """A pair's first and last dates count the publication dates of the documents behind its ties, whether
    they are read per tie (years asked) or for the page's rows (none asked)."""
    published = {
        r["key"]: r["published"]
        for r in fixture_store.read("MATCH (d:Document) RETURN d.key AS key, d.published AS published")
    }
    for row in run(fixture_store, "country_pair", a="KZ", b="CN", limit=500):
        dates = [published[s] for s in row["sources"] if published.get(s)]
        assert row["first_date"] <= min(dates) and row["last_date"] >= max(dates), row
        [again] = [
            r
            for r in run(fixture_store, "country_pair", a="KZ", b="CN", since=1900, limit=500)
            if (r["a_key"], r["b_key"]) == (row["a_key"], row["b_key"])
        ]
        assert again == row
