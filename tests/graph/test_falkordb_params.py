"""FalkorDB parameters rendered by coopgraph round-trip exactly, and hostile ones are refused."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import BadRequest
from graph.falkordb_params import params_header
from graph.store import GraphStore

TRICKY = [
    "",
    'quote " here',
    "back\\slash",
    "new\nline\ttab",
    "Алматы 乌鲁木齐 🎓",
    "'}) MATCH (n) DETACH DELETE n //",
    "`backtick`",
    '\\"',
    "\u202eRTL",
]


def test_header_shape() -> None:
    assert params_header({"a": [1, True, None], "b": {"k": 1.5}}) == "CYPHER `a`=[1,true,null] `b`={`k`:1.5} "
    assert params_header({}) == ""


@pytest.mark.parametrize("text", TRICKY)
def test_strings_round_trip(store: GraphStore, text: str) -> None:
    assert store.read("RETURN $s AS s", {"s": text})[0]["s"] == text


def test_nested_values_round_trip(store: GraphStore) -> None:
    value = {"list": [1, -2, 3.25, None, False, ["x", {"deep": "y"}]], "n": 9007199254740993}
    assert store.read("RETURN $v AS v", {"v": value})[0]["v"] == value


@given(st.lists(st.text(max_size=30), max_size=5))
@settings(max_examples=40, deadline=None)
def test_any_text_is_inert(text_list: list[str]) -> None:
    header = params_header({"x": text_list})
    assert header.startswith("CYPHER `x`=[") and header.endswith("] ")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([[[[[[[1]]]]]]], "nested deeper"),
        (math.nan, "NaN"),
        ({"bad`key": 1}, "backtick"),
        (object(), "unsupported"),
    ],
)
def test_refused(value: object, message: str) -> None:
    with pytest.raises(BadRequest, match=message):
        params_header({"v": value})
