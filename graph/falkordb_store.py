"""GraphStore on FalkorDB: the embedded server coopgraph starts itself, or one at COOPGRAPH_FALKORDB_URL."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

import redis.exceptions
from falkordb import FalkorDB
from falkordb.query_result import parse_scalar

from graph.dialect import FALKORDB, Dialect
from graph.embedded import EmbeddedServer
from graph.errors import BadRequest, QueryFailed, QueryTimeout, StoreUnavailable
from graph.falkordb_params import params_header
from graph.settings import Settings, redact_url
from graph.store import Row
from graph.values import plain_value

_TIMEOUT_MARKERS = ("query timed out", "timed out")
MAX_KEY_BYTES = 4096
"""FalkorDB 4.16.3 segfaults (EnforceUniqueEntity) when a value of a uniquely constrained property is longer
than 4096 bytes in UTF-8; writes carrying a longer key are refused before they reach the server."""


class FalkorDBStore:
    """Run Cypher on one FalkorDB graph; reads go through GRAPH.RO_QUERY so they cannot write."""

    dialect: Dialect = FALKORDB

    def __init__(self, settings: Settings, *, graph_name: str | None = None) -> None:
        self.settings = settings
        self.graph_name = graph_name or settings.graph_name
        self.server: EmbeddedServer | None = None
        self._lock = threading.Lock()
        socket_timeout = settings.query_timeout_max_ms / 1000 + 10
        if settings.falkordb_url:
            self.location = redact_url(settings.falkordb_url)
            self._db = self._connect_url(settings.falkordb_url, socket_timeout)
        else:
            self.server = EmbeddedServer(settings)
            sock = self.server.acquire()
            self.location = f"unix://{sock}"
            self._db = FalkorDB(unix_socket_path=str(sock), socket_timeout=socket_timeout, socket_connect_timeout=5)
        self._graph = self._db.select_graph(self.graph_name)

    def _connect_url(self, url: str, socket_timeout: float) -> FalkorDB:
        """Connect to an existing FalkorDB server by URL (redis://, rediss:// or unix://, password included)."""
        try:
            return FalkorDB.from_url(url, socket_timeout=socket_timeout, socket_connect_timeout=5, protocol=2)
        except (redis.exceptions.RedisError, OSError) as exc:
            raise StoreUnavailable(f"FalkorDB at {self.location} is not answering ({type(exc).__name__})") from None

    # -- GraphStore -------------------------------------------------------------------------------
    def read(self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None) -> list[Row]:
        """Run a read-only query with GRAPH.RO_QUERY."""
        return self._run(self._graph.ro_query, cypher, params, timeout_ms)

    def read_rows(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
    ) -> list[list[Any]]:
        """GRAPH.RO_QUERY with the compact reply decoded here: scalars and lists of them without the client's
        per-value parser (a third of the CPU on a 1M-relationship read); other values go through `_plain`."""
        query = params_header(params) + cypher
        reply = self._call(lambda timeout: self._compact_reply(query, timeout), timeout_ms)
        if len(reply) < 3:  # a query returning nothing has no header and no rows
            return []
        return [[_compact(cell, self._graph) for cell in row] for row in reply[1]]

    def write(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
    ) -> list[Row]:
        """Run a write query; FalkorDB runs each query atomically and rolls back on timeout."""
        return self.prepare_write(cypher, params, timeout_ms=timeout_ms)()

    def prepare_write(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
    ) -> Callable[[], list[Row]]:
        """Check and render the write here (the parameters inlined: most of the client's work); send on call."""
        check_key_lengths(params)
        query = params_header(params) + cypher
        return lambda: self._run_text(self._graph.query, query, timeout_ms)

    def command(self, name: str, *args: str) -> Any:
        """Send one Redis/FalkorDB command (GRAPH.CONSTRAINT, GRAPH.CONFIG, INFO...)."""
        try:
            return self._db.connection.execute_command(name, *args)
        except redis.exceptions.ResponseError as exc:
            raise QueryFailed(f"{name} failed: {exc}") from None
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as exc:
            raise self._unavailable(exc) from None

    def clear(self) -> None:
        """Delete the whole graph (data, indexes, constraints), then recreate the schema."""
        from graph.schema import ensure_schema

        try:
            self._graph.delete()
        except redis.exceptions.ResponseError as exc:
            if "empty key" not in str(exc).lower() and "invalid graph" not in str(exc).lower():
                raise QueryFailed(f"cannot clear graph: {exc}") from None
        except (redis.exceptions.ConnectionError, OSError) as exc:
            raise self._unavailable(exc) from None
        ensure_schema(self)

    def ping(self) -> bool:
        """Answer whether the server answers PING."""
        try:
            return bool(self._db.connection.ping())
        except (redis.exceptions.RedisError, OSError):
            return False

    def describe(self) -> dict[str, Any]:
        """Engine, version, location and graph name."""
        info: dict[str, Any] = {"engine": "falkordb", "location": self.location, "graph": self.graph_name}
        try:
            modules = self._db.connection.execute_command("MODULE", "LIST")
            for mod in modules:
                fields = dict(zip(mod[::2], mod[1::2], strict=False))
                name = fields.get(b"name") or fields.get("name")
                if name in (b"graph", "graph"):
                    info["version"] = fields.get(b"ver") or fields.get("ver")
        except (redis.exceptions.RedisError, OSError):
            info["version"] = None
        if self.server is not None:
            info["embedded"] = self.server.status()
        return info

    def close(self) -> None:
        """Close the connection pool and release the embedded server."""
        try:
            self._db.connection.close()
        finally:
            if self.server is not None:
                self.server.release()
                self.server = None

    # -- internals ------------------------------------------------------------------------------
    def _run(self, method: Any, cypher: str, params: Mapping[str, Any] | None, timeout_ms: int | None) -> list[Row]:
        """Call the client, translating its errors once into coopgraph's error tree."""
        return self._run_text(method, params_header(params) + cypher, timeout_ms)

    def _run_text(self, method: Any, query: str, timeout_ms: int | None) -> list[Row]:
        """Send a query whose parameters are already inlined; rows as plain dicts."""
        result = self._call(lambda timeout: method(query, None, timeout=timeout), timeout_ms)
        header = [h[1] if isinstance(h, list | tuple) else h for h in result.header]
        names = [h.decode() if isinstance(h, bytes) else str(h) for h in header]
        return [{n: _plain(v) for n, v in zip(names, row, strict=True)} for row in result.result_set]

    def _compact_reply(self, query: str, timeout: int) -> list[Any]:
        """The raw compact reply of a read; an error the server puts inside the reply is raised."""
        command = ("GRAPH.RO_QUERY", self.graph_name, query, "--compact", "timeout", timeout)
        reply = self._db.connection.execute_command(*command)
        for part in (reply[0], reply[-1]) if reply else ():
            if isinstance(part, redis.exceptions.ResponseError):
                raise part
        return list(reply)

    def _call(self, call: Callable[[int], Any], timeout_ms: int | None) -> Any:
        """Call the client with the query timeout, translating its errors once into coopgraph's error tree."""
        timeout = timeout_ms or self.settings.query_timeout_ms
        try:
            return call(timeout)
        except redis.exceptions.ResponseError as exc:
            text = str(exc)
            if any(m in text.lower() for m in _TIMEOUT_MARKERS):
                raise QueryTimeout(f"query stopped after {timeout} ms") from None
            raise QueryFailed(f"FalkorDB rejected the query: {text}") from None
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as exc:
            raise self._unavailable(exc) from None
        except UnicodeEncodeError:
            raise BadRequest("a parameter is not valid Unicode (it holds a lone surrogate)") from None

    def _unavailable(self, exc: BaseException) -> StoreUnavailable:
        """A 503-class error; for the embedded server, kick off a restart in the background."""
        if self.server is not None:
            threading.Thread(target=self._try_restart, daemon=True).start()
        return StoreUnavailable(f"FalkorDB at {self.location} is not answering ({type(exc).__name__}); retry shortly")

    def _try_restart(self) -> None:
        """Restart the embedded server, swallowing failure (the supervisor will try again)."""
        server = self.server
        if server is None:
            return
        try:
            server.ensure_running()
        except StoreUnavailable:
            return


def check_key_lengths(params: Mapping[str, Any] | None) -> None:
    """Refuse a `key` / `*_key` parameter, or such a field of a row, longer than FalkorDB survives."""
    for name, value in (params or {}).items():
        rows = value if isinstance(value, list) else [{name: value}]
        maps = [row for row in rows if isinstance(row, Mapping)]
        for field in set().union(*maps) if maps else ():  # each field once, not each field of each row
            if not (isinstance(field, str) and (field == "key" or field.endswith("_key"))):
                continue
            for row in maps:
                item = row.get(field)
                if isinstance(item, str) and len(item) > _SAFE_CHARS and len(item.encode("utf-8")) > MAX_KEY_BYTES:
                    raise QueryFailed(
                        f"refused a key of {len(item)} characters: FalkorDB crashes on keys over {MAX_KEY_BYTES} bytes"
                    )


_SAFE_CHARS = MAX_KEY_BYTES // 4
"""No string of this many characters or fewer is over MAX_KEY_BYTES in UTF-8 (4 bytes a character at most)."""


def _plain(value: Any) -> Any:
    """A FalkorDB result value as plain Python (nodes and edges as property maps)."""
    props = getattr(value, "properties", None)
    if isinstance(props, dict):
        out = {k: plain_value(v) for k, v in props.items()}
        labels = getattr(value, "labels", None)
        relation = getattr(value, "relation", None)
        if labels is not None:
            out["_labels"] = list(labels)
        if relation is not None:
            out["_type"] = relation
        return out
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return plain_value(value)


def _compact(cell: Any, graph: Any) -> Any:
    """One cell of a compact reply ([type, value]) as plain Python: null, string, integer, boolean, double and
    arrays and maps of them decoded inline; anything else (nodes, dates...) through the client's parser."""
    kind, value = cell
    if kind == _STRING:
        return _text(value)
    if kind == _ARRAY:
        return [_compact(item, graph) for item in value]
    if kind == _MAP:  # [key, [type, value], key, [type, value], ...]
        return {_text(value[i]): _compact(value[i + 1], graph) for i in range(0, len(value), 2)}
    decode = _SCALARS.get(kind)
    return decode(value) if decode is not None else _plain(parse_scalar(cell, graph))


def _text(value: Any) -> str:
    """A map key of a compact reply."""
    return value.decode() if isinstance(value, bytes) else str(value)


_STRING, _ARRAY, _MAP = 2, 6, 10
_SCALARS: dict[int, Callable[[Any], Any]] = {
    1: lambda _: None,
    3: int,
    4: lambda value: value in (b"true", "true"),
    5: float,
}
"""FalkorDB's compact value types (falkordb.query_result.PARSE_SCALAR_TYPES): 1 null, 2 string, 3 integer,
4 boolean, 5 double, 6 array, 10 map."""
