"""FalkorDB 4.16.3 segfaults on a uniquely constrained value over 4096 bytes: such writes never reach it."""

from __future__ import annotations

import pytest

from graph.errors import QueryFailed
from graph.falkordb_store import MAX_KEY_BYTES, check_key_lengths
from graph.store import GraphStore
from graph.upsert import upsert_nodes

LONGEST = "я" * (MAX_KEY_BYTES // 2)  # exactly 4096 bytes in UTF-8


def test_a_key_over_the_limit_is_refused_and_the_server_stays_up(store: GraphStore) -> None:
    upsert_nodes(store, label="University", rows=[{"key": LONGEST, "props": {"name": "long"}}])
    with pytest.raises(QueryFailed, match="FalkorDB crashes on keys over 4096 bytes"):
        upsert_nodes(store, label="University", rows=[{"key": LONGEST + "я", "props": {"name": "longer"}}])
    with pytest.raises(QueryFailed):
        store.write("MERGE (d:Document {key: $doc_key})", {"doc_key": "x" * (MAX_KEY_BYTES + 1)})
    assert store.read("MATCH (n:University) RETURN count(n) AS n") == [{"n": 1}]


def test_only_keys_are_bounded() -> None:
    check_key_lengths({"rows": [{"key": "k", "props": {"text": "x" * 100_000}}], "text": "y" * 100_000})
    with pytest.raises(QueryFailed):
        check_key_lengths({"rows": [{"key": "k"}, {"key": "x" * (MAX_KEY_BYTES + 1)}]})
