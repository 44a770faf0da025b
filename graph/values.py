"""Turn driver values into plain rows and Python values into parameters both engines accept."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from graph.errors import BadRequest

MAX_PARAM_DEPTH = 6
"""FalkorDB's parser is exponential in nesting depth (depth 20 takes seconds); parameters are inlined."""


def plain_param(value: Any, depth: int = 0) -> Any:
    """A parameter value both engines take: dates as ISO strings, sets as sorted lists, no NaN."""
    if depth > MAX_PARAM_DEPTH:
        raise BadRequest(f"parameter nested deeper than {MAX_PARAM_DEPTH} levels")
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise BadRequest("parameter is NaN or infinite")
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain_param(v, depth + 1) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted(plain_param(v, depth + 1) for v in value)
    if isinstance(value, list | tuple):
        return [plain_param(v, depth + 1) for v in value]
    raise BadRequest(f"unsupported parameter type {type(value).__name__}")


def plain_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """All parameters of one query, made plain."""
    return {str(k): plain_param(v, 1) for k, v in (params or {}).items()}


def plain_value(value: Any) -> Any:
    """A result value as JSON-ready Python: temporal values become ISO strings."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    iso = getattr(value, "iso_format", None)  # neo4j.time types
    if callable(iso):
        return iso()
    return str(value)
