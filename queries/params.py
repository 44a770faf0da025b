"""Parameter types of the catalogue: parse a declaration, coerce a value, enforce its bounds.

    // params: ref: str, country: country | None = None, since: year | None = None, limit: int[1..500] = 50

Types: str (≤ 300 characters), int[lo..hi], float, bool, year (1900..2100), country (ISO alpha-2),
label (an entity label), date (YYYY, YYYY-MM or YYYY-MM-DD), list[str] (≤ 50 items), words (up to 8
lower-case words of letters and digits: safe to build a full-text query from). `| None` makes a
parameter optional. Values arrive as strings (query string, CLI) or JSON values; everything is bounded
because the FalkorDB client inlines parameter values into the query text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from graph.errors import BadRequest
from graph.schema import ENTITY_LABELS

MAX_STR = 300
MAX_LIST = 50
INT_LIMIT = 10**9
_DECL = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*)\s*:\s*(?P<type>[a-z]+(?:\[[^\]]*\])?)(?P<opt>\s*\|\s*None)?"
    r"(?:\s*=\s*(?P<default>.+))?$"
)
_RANGE = re.compile(r"^int\[(-?\d+)\.\.(-?\d+)\]$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}
TYPES = ("str", "int", "float", "bool", "year", "country", "label", "date", "list[str]", "words")
MAX_WORDS = 8
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Param:
    """One declared parameter: its name, type, bounds, whether it may be null, and its default."""

    name: str
    type: str
    optional: bool = False
    default: Any = None
    required: bool = True
    low: int = -INT_LIMIT
    high: int = INT_LIMIT

    def describe(self) -> str:
        """The declaration as written in a header, for listings and help."""
        kind = f"int[{self.low}..{self.high}]" if self.type == "int" and self.low != -INT_LIMIT else self.type
        text = f"{self.name}: {kind}{' | None' if self.optional else ''}"
        return text if self.required else f"{text} = {self.default!r}"


def parse_param(text: str) -> Param:
    """`name: type [| None] [= default]` → Param; raises ValueError with the reason."""
    match = _DECL.match(text.strip())
    if not match:
        raise ValueError(f"cannot read parameter declaration {text.strip()!r}")
    name, kind = match["name"], match["type"]
    low, high = -INT_LIMIT, INT_LIMIT
    if bounds := _RANGE.match(kind):
        kind, low, high = "int", int(bounds[1]), int(bounds[2])
    if kind not in TYPES:
        raise ValueError(f"parameter {name}: unknown type {kind!r} (known: {', '.join(TYPES)})")
    param = Param(name=name, type=kind, optional=bool(match["opt"]), low=low, high=high)
    if match["default"] is None:
        return Param(name, kind, True, None, required=False, low=low, high=high) if param.optional else param
    raw = match["default"].strip()
    text = raw.strip("'\"")
    default = None if raw == "None" else text if kind == "str" else coerce(param, text)
    return Param(name, kind, param.optional, default, required=False, low=low, high=high)


def split_declarations(text: str) -> list[str]:
    """Split `a: int, b: list[str] = None` at top-level commas."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char == "["
        depth -= char == "]"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [p for p in (*parts, current) if p.strip()]


def coerce(param: Param, value: Any) -> Any:
    """The value as the parameter's type, or BadRequest naming the parameter and the reason."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if not param.required:
            return param.default
        raise BadRequest(f"parameter {param.name!r} is required", details={"param": param.name})
    try:
        return _COERCE[param.type](param, value)
    except (TypeError, ValueError) as exc:
        raise BadRequest(f"parameter {param.name!r}: {exc}", details={"param": param.name}) from None


def _str(param: Param, value: Any) -> str:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise TypeError("expected a string")
    text = str(value).strip()
    if len(text) > MAX_STR:
        raise ValueError(f"longer than {MAX_STR} characters")
    if "\x00" in text:
        raise ValueError("contains a NUL character")
    return text


def _int(param: Param, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError("expected an integer")
    number = int(value.strip()) if isinstance(value, str) else value
    if not param.low <= number <= param.high:
        raise ValueError(f"must be between {param.low} and {param.high}")
    return number


def _float(param: Param, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError("expected a number")
    number = float(value)
    if not math.isfinite(number) or abs(number) > INT_LIMIT:
        raise ValueError("not a finite number in range")
    return number


def _bool(param: Param, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueError("expected true or false")


def _year(param: Param, value: Any) -> int:
    return _int(Param(param.name, "int", low=1900, high=2100), value)


def _country(param: Param, value: Any) -> str:
    code = _str(param, value).upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise ValueError("expected a two-letter ISO 3166-1 country code such as KZ or CN")
    return code


def _label(param: Param, value: Any) -> str:
    text = _str(param, value)
    label = next((lb for lb in ENTITY_LABELS if lb.lower() == text.lower()), None)
    if label is None:
        raise ValueError(f"expected one of {', '.join(ENTITY_LABELS)}")
    return label


def _date(param: Param, value: Any) -> str:
    text = _str(param, value)
    if not _DATE.match(text):
        raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _list(param: Param, value: Any) -> list[str]:
    items = [v for v in value.split(",") if v.strip()] if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise TypeError("expected a list of strings")
    if len(items) > MAX_LIST:
        raise ValueError(f"more than {MAX_LIST} items")
    return [_str(param, item) for item in items]


def _words(param: Param, value: Any) -> list[str]:
    words = _WORD.findall(" ".join(value) if isinstance(value, list | tuple) else _str(param, value).lower())
    words = [w.lower()[:40] for w in words][:MAX_WORDS]
    if not words:
        raise ValueError("no letters or digits to search for")
    return words


_COERCE = {
    "str": _str,
    "int": _int,
    "float": _float,
    "bool": _bool,
    "year": _year,
    "country": _country,
    "label": _label,
    "date": _date,
    "list[str]": _list,
    "words": _words,
}
