"""Parameters for FalkorDB, rendered once into the `CYPHER name=value ...` header the server parses.

The falkordb client inlines parameters into the query text anyway; doing it here in one pass (checking
depth, NaN and types while rendering) costs a third of the client's two passes on bulk loads. Escaping is
the client's: backslash and double quote inside double-quoted strings; map keys in backticks.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from graph.errors import BadRequest
from graph.values import MAX_PARAM_DEPTH

_SCALARS: dict[object, str] = {None: "null", True: "true", False: "false"}


def _string(value: str) -> str:
    """A Cypher string literal."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _key(key: object) -> str:
    """A backticked map key or parameter name (the server cannot parse an escaped backtick)."""
    known = _KEYS.get(key)
    if known is not None:
        return known
    text = str(key)
    if not text or "`" in text:
        raise BadRequest(f"parameter or map key {text!r} is empty or holds a backtick")
    if len(_KEYS) < _KEYS_KEPT and type(key) is str:
        _KEYS[key] = f"`{text}`"
    return f"`{text}`"


_KEYS: dict[object, str] = {}
_KEYS_KEPT = 4096
"""Rendered map keys: a batch of rows repeats a handful of keys thousands of times."""


def literal(value: Any, depth: int = 0) -> str:
    """One value as a Cypher literal, refusing what FalkorDB would misparse or choke on."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if value is None or kind is bool or kind is int:
        return _SCALARS.get(value, str(value)) if kind is not int else str(value)
    if depth >= MAX_PARAM_DEPTH:
        raise BadRequest(f"parameter nested deeper than {MAX_PARAM_DEPTH} levels")
    if kind is list or kind is tuple:
        return "[" + ",".join([_string(v) if type(v) is str else literal(v, depth + 1) for v in value]) + "]"
    if isinstance(value, Mapping):
        items = value.items()
        return (
            "{"
            + ",".join([_key(k) + ":" + (_string(v) if type(v) is str else literal(v, depth + 1)) for k, v in items])
            + "}"
        )
    return _other(value, depth)


def _other(value: Any, depth: int) -> str:
    """The less common types: floats, dates, sets, other ints and strings."""
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise BadRequest("parameter is NaN or infinite")
        return repr(value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return _string(value.isoformat())
    if isinstance(value, set | frozenset):
        return literal(sorted(value), depth)
    if isinstance(value, bool | int):
        return literal(bool(value) if isinstance(value, bool) else int(value), depth)
    if isinstance(value, str):
        return _string(str(value))
    raise BadRequest(f"unsupported parameter type {type(value).__name__}")


def params_header(params: Mapping[str, Any] | None) -> str:
    """The `CYPHER ...` prefix for a query's parameters ('' when there are none)."""
    if not params:
        return ""
    return "CYPHER " + " ".join(f"{_key(k)}={literal(v, 1)}" for k, v in params.items()) + " "
