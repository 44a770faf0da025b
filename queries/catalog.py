"""The query catalogue: one `.cypher` file per named question, a comment header saying what it takes and gives.

    // name: partners_of
    // title: Partners of an organisation
    // mode: read
    // params: ref: str, country: country | None, limit: int[1..500] = 50
    // returns: key, name, country, how, first_date, last_date, sources
    // Any further comment lines describe the query.
    MATCH ...

Files are read once (`load_catalog()`), checked (declared parameters = used `$parameters`, errors cite
file:line), and `neo4j/<name>.cypher` or `falkordb/<name>.cypher` replace the shared text on that engine
only where the engines differ. `Catalog.run` coerces values by declared type and runs with a timeout.
A query whose Cypher cannot be made cheap on every engine (`cooperation_path`: FalkorDB has no undirected
shortest path) is answered by a search driven from Python with the same answers (`SEARCHES`); its Cypher
stays the reference its tests compare against and the form shown to readers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.dialect import NEO4J, Dialect
from graph.errors import BadRequest, NotFound, QueryFailed
from graph.store import GraphStore, Row
from queries.params import Param, coerce, parse_param, split_declarations

QUERIES_DIR = Path(__file__).resolve().parent
HEADER_KEYS = ("name", "title", "mode", "params", "returns")
_HEADER = re.compile(r"^//\s*(?P<key>[a-z]+):\s*(?P<value>.*)$")
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


@dataclass(frozen=True)
class Query:
    """One named query: its header, its shared Cypher and any per-engine overrides."""

    name: str
    title: str
    mode: str
    params: tuple[Param, ...]
    returns: tuple[str, ...]
    description: str
    origin: str
    cypher: str
    overrides: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Engine name → (origin, Cypher) for the engines whose text differs."""

    def cypher_for(self, dialect: Dialect) -> str:
        """The text this engine runs."""
        return self.overrides.get(dialect.name, (self.origin, self.cypher))[1]

    def bind(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Coerce caller values to the declared types; unknown names and missing required ones are 422s."""
        declared = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(declared))
        if unknown:
            raise BadRequest(
                f"{self.name} takes no parameter {', '.join(unknown)}",
                details={"unknown": unknown, "params": [p.describe() for p in self.params]},
            )
        return {p.name: coerce(p, values.get(p.name)) for p in self.params}


class Catalog:
    """Every query by name."""

    def __init__(self, queries: Mapping[str, Query]) -> None:
        self.queries = dict(sorted(queries.items()))

    def __iter__(self) -> Iterator[Query]:
        return iter(self.queries.values())

    def get(self, name: str) -> Query:
        """The named query, or NotFound listing the names there are."""
        if name not in self.queries:
            raise NotFound(f"no query named {name!r}", details={"queries": list(self.queries)})
        return self.queries[name]

    def run(
        self,
        store: GraphStore,
        name: str,
        values: Mapping[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        allow_write: bool = False,
    ) -> list[Row]:
        """Run a query with coerced parameters under a server-side timeout; writes only when allowed."""
        query = self.get(name)
        params = query.bind(values or {})
        search = searches().get(name)
        if search is not None:
            return search(store, **params, timeout_ms=timeout_ms)
        if query.mode == "read":
            return store.read(query.cypher_for(store.dialect), params, timeout_ms=timeout_ms)
        if not allow_write:
            raise BadRequest(f"{name} is a write query; it cannot be run here")
        return store.write(query.cypher_for(store.dialect), params, timeout_ms=timeout_ms)

    def read_statement(self, store: GraphStore, name: str, values: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        """A read query's Cypher for this engine and its coerced parameters, for callers that send it themselves."""
        query = self.get(name)
        if query.mode != "read" or name in searches():
            raise BadRequest(f"{name} is not a plain read query; run it with Catalog.run")
        return query.cypher_for(store.dialect), query.bind(values)


def searches() -> dict[str, Callable[..., list[Row]]]:
    """Read queries answered by a search from Python: the Cypher enumerates every path (a second at 100k nodes)."""
    from queries.paths import find_paths  # imported late: the search module is not needed to read the catalogue

    return {"cooperation_path": find_paths}


def parse_file(path: Path) -> tuple[dict[str, tuple[str, int]], str, int]:
    """Header fields (value, line), description, and the line the Cypher starts on."""
    header: dict[str, tuple[str, int]] = {}
    description: list[str] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    number = 0
    for number, line in enumerate(lines, start=1):
        if not line.startswith("//"):
            break
        match = _HEADER.match(line)
        if match and match["key"] in HEADER_KEYS:
            previous = header.get(match["key"], ("", number))[0]
            header[match["key"]] = ((previous + ", " if previous else "") + match["value"].strip(), number)
        else:
            description.append(line.lstrip("/").strip())
    else:
        number += 1
    return header, " ".join(d for d in description if d), number


def used_params(path: Path) -> dict[str, int]:
    """Each `$parameter` the Cypher uses, with the first line it appears on (comments and strings skipped)."""
    used: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        code = _STRING.sub("''", line.split("//", 1)[0])
        for name in _PARAM_USE.findall(code):
            used.setdefault(name, number)
    return used


def check_params(path: Path, params: tuple[Param, ...], params_line: int) -> None:
    """Declared and used parameters must be the same set; the error cites file:line."""
    used = used_params(path)
    declared = {p.name for p in params}
    for name, line in used.items():
        if name not in declared:
            raise QueryFailed(f"{_where(path, line)}: ${name} is used but not declared in `// params:`")
    for name in sorted(declared - set(used)):
        raise QueryFailed(f"{_where(path, params_line)}: parameter {name} is declared but never used")


def read_query(path: Path) -> Query:
    """Parse and check one shared query file."""
    header, description, body_line = parse_file(path)
    missing = [k for k in HEADER_KEYS if k not in header and k != "params"]
    if missing:
        raise QueryFailed(f"{_where(path, 1)}: header lacks {', '.join('// ' + k + ':' for k in missing)}")
    name, name_line = header["name"]
    if name != path.stem:
        raise QueryFailed(f"{_where(path, name_line)}: name {name!r} differs from the file name {path.stem!r}")
    mode, mode_line = header["mode"]
    if mode not in ("read", "write"):
        raise QueryFailed(f"{_where(path, mode_line)}: mode must be read or write, not {mode!r}")
    declarations, params_line = header.get("params", ("", 1))
    try:
        params = tuple(parse_param(d) for d in split_declarations(declarations))
    except ValueError as exc:
        raise QueryFailed(f"{_where(path, params_line)}: {exc}") from None
    check_params(path, params, params_line)
    return Query(
        name=name,
        title=header["title"][0],
        mode=mode,
        params=params,
        returns=tuple(c.strip() for c in header["returns"][0].split(",") if c.strip()),
        description=description,
        origin=_where(path, body_line),
        cypher=_body(path, body_line),
    )


def read_override(path: Path, query: Query) -> tuple[str, str]:
    """One engine's text for a query: same parameters, header optional (a name, if given, must match)."""
    header, _description, body_line = parse_file(path)
    if "name" in header and header["name"][0] != query.name:
        raise QueryFailed(f"{_where(path, header['name'][1])}: override names {header['name'][0]!r}")
    check_params(path, query.params, header.get("params", ("", body_line))[1])
    return _where(path, body_line), _body(path, body_line)


def read_catalog(directory: Path = QUERIES_DIR, engines: tuple[str, ...] = ("falkordb", "neo4j")) -> Catalog:
    """Read every query and its overrides from a directory (an override without a shared file is an error)."""
    queries = {path.stem: read_query(path) for path in sorted(directory.glob("*.cypher"))}
    for engine in engines:
        for path in sorted((directory / engine).glob("*.cypher")):
            if path.stem not in queries:
                raise QueryFailed(f"{_where(path, 1)}: override of unknown query {path.stem!r}")
            queries[path.stem].overrides[engine] = read_override(path, queries[path.stem])
    return Catalog(queries)


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The catalogue of this installation, read and checked once per process."""
    return read_catalog()


def neo4j_statements() -> list[tuple[str, str, str]]:
    """(name, origin, Cypher) of every query as Neo4j runs it, for tools/cypher-lint."""
    out = []
    for query in load_catalog():
        origin = query.overrides.get(NEO4J.name, (query.origin, ""))[0]
        out.append((f"queries/{query.name}", origin, query.cypher_for(NEO4J)))
    return out


def _body(path: Path, body_line: int) -> str:
    """The Cypher after the header, as the engines run it."""
    return "\n".join(path.read_text(encoding="utf-8").splitlines()[body_line - 1 :]).strip() + "\n"


def _where(path: Path, line: int) -> str:
    """`queries/name.cypher:12`, relative to the repository when possible."""
    try:
        shown = path.resolve().relative_to(QUERIES_DIR.parent)
    except ValueError:
        shown = path
    return f"{shown}:{line}"
