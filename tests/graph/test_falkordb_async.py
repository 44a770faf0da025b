"""Async reads (graph.falkordb_async): the same rows as `store.read`, and the same errors."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from graph.connect import open_store
from graph.errors import BadRequest, QueryFailed, QueryTimeout, StoreUnavailable
from graph.falkordb_async import AsyncReads, async_reads
from graph.falkordb_store import FalkorDBStore
from graph.settings import Settings
from graph.store import GraphStore, Row
from queries.catalog import load_catalog
from tests.fixtures import fixture_store

__all__ = ["fixture_store"]


def read(reads: AsyncReads, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
    async def run() -> list[Row]:
        try:
            return await reads.read(cypher, params)
        finally:
            await reads.aclose()

    return asyncio.run(run())


def test_partners_of_reads_the_same_rows_as_the_store(fixture_store: GraphStore) -> None:
    reads = async_reads(fixture_store)
    assert reads is not None
    query = load_catalog().get("partners_of")
    keys = [row["key"] for row in fixture_store.read("MATCH (n:Entity) RETURN n.key AS key ORDER BY key")]
    for key in keys:
        params = query.bind({"ref": key})
        assert read(reads, query.cypher, params) == fixture_store.read(query.cypher, params), key
    assert any(read(reads, query.cypher, query.bind({"ref": key})) for key in keys)


@pytest.mark.parametrize(
    "cypher",
    [
        "RETURN {a: 1, b: [1.5, true, false, null, 'x\u00e9'], c: {d: -2}} AS m, 0.25 AS f, null AS n",
        "MATCH (n:University {key: 'xju'}) RETURN n, n.key AS key",  # a node: read again by the store
        "MATCH (n:Entity) WHERE n.key = 'nothing' RETURN n.key AS key",
        "MATCH (d:Document) RETURN d.key AS key, d.published AS published ORDER BY key LIMIT 3",
    ],
)
def test_values_decode_as_the_store_decodes_them(fixture_store: GraphStore, cypher: str) -> None:
    reads = async_reads(fixture_store)
    assert reads is not None
    assert read(reads, cypher) == fixture_store.read(cypher)


def test_errors_map_as_the_store_maps_them(fixture_store: GraphStore, settings: Settings) -> None:
    reads = async_reads(fixture_store)
    assert reads is not None
    with pytest.raises(QueryFailed, match="rejected"):
        read(reads, "RETURN no_such_function(1) AS x")
    with pytest.raises(BadRequest, match="surrogate"):
        read(reads, "RETURN $s AS s", {"s": "a\ud800"})
    limited = open_store(
        settings.model_copy(update={"query_timeout_ms": 20}), graph_name=reads.store.graph_name, schema=False
    )
    assert isinstance(limited, FalkorDBStore)
    try:
        with pytest.raises(QueryTimeout, match="20 ms"):
            read(AsyncReads(limited), "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b RETURN count(*) AS n")
    finally:
        limited.close()


def test_an_unreachable_server_is_503_class(fixture_store: GraphStore, tmp_path: Path) -> None:
    assert isinstance(fixture_store, FalkorDBStore)
    store = FalkorDBStore(fixture_store.settings.model_copy(update={"falkordb_url": fixture_store.location}))
    try:  # the server went away after the store was opened
        store.settings = store.settings.model_copy(update={"falkordb_url": f"unix://{tmp_path}/nobody.sock"})
        with pytest.raises(StoreUnavailable, match="not answering"):
            read(AsyncReads(store), "RETURN 1 AS x")
    finally:
        store.close()
