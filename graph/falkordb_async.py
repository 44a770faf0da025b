"""FalkorDB reads on the running event loop (redis.asyncio), for API routes: no worker thread per request.

A plain `def` route, or `run_in_threadpool(store.read)`, hands each request to a worker thread; under 32
concurrent requests those threads contend for the GIL, and the hop plus the falkordb client's reply parser
were a third of the API's Python CPU per request (py-spy, M graph). Here the query goes out from the event
loop and its compact reply is decoded in one pass (strings by hiredis): null, strings, numbers, booleans,
lists and maps. A reply holding anything else (a node, an edge, a path, a date...) is read again through
the store's own `read`, in a worker thread. Errors map as in `FalkorDBStore.read`: 504 on timeout,
422/500 for a rejected query, 503 (and a restart of the embedded server) when nobody answers.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable, Mapping
from typing import Any

import redis.asyncio
import redis.exceptions

from graph.errors import BadRequest, CoopgraphError, QueryFailed, QueryTimeout
from graph.falkordb_params import params_header
from graph.falkordb_store import FalkorDBStore
from graph.store import GraphStore, Row

_TIMEOUT_MARKERS = ("query timed out", "timed out")
_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10
"""FalkorDB's compact value types (falkordb.query_result.ResultSetScalarTypes) decoded here."""


class _NeedsClient(Exception):
    """A reply value only the falkordb client can decode (node, edge, path, point, vector, temporal)."""


class AsyncReads:
    """Read-only queries of one FalkorDBStore from async code; one connection pool per event loop."""

    def __init__(self, store: FalkorDBStore) -> None:
        self.store = store
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, redis.asyncio.Redis] = (
            weakref.WeakKeyDictionary()
        )

    async def read(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """GRAPH.RO_QUERY with the settings' time limit; the same rows as `store.read`."""
        timeout = self.store.settings.query_timeout_ms
        try:
            text = params_header(params) + cypher
            async with asyncio.timeout(self.store.settings.query_timeout_max_ms / 1000 + 10):  # a hung server
                reply = await self._client().execute_command(
                    "GRAPH.RO_QUERY", self.store.graph_name, text, "--compact", "timeout", timeout
                )
        except (redis.exceptions.RedisError, OSError, UnicodeEncodeError) as exc:  # OSError: TimeoutError too
            raise self._error(exc, timeout) from None
        if reply and isinstance(reply[-1], redis.exceptions.ResponseError):  # a run-time error, e.g. the time limit
            raise self._error(reply[-1], timeout)
        try:
            return decode_reply(reply)
        except _NeedsClient:
            return await asyncio.to_thread(self.store.read, cypher, params)

    async def aclose(self) -> None:
        """Close this event loop's connections (at the app's shutdown)."""
        client = self._clients.pop(asyncio.get_running_loop(), None)
        if client is not None:
            await client.aclose()

    def _client(self) -> redis.asyncio.Redis:
        """This event loop's client (asyncio connections belong to the loop that opened them)."""
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            url = self.store.settings.falkordb_url or self.store.location  # the embedded server: unix://<socket>
            # No socket_timeout: redis-py wraps every send in asyncio.wait_for then, a task per request; `read`
            # bounds the whole exchange with asyncio.timeout instead.
            client = redis.asyncio.from_url(url, socket_connect_timeout=5, protocol=2, decode_responses=True)
            self._clients[loop] = client
        return client

    def _error(self, exc: BaseException, timeout: int) -> CoopgraphError:
        """coopgraph's error for a client error, as `FalkorDBStore` maps them."""
        if isinstance(exc, UnicodeEncodeError):
            return BadRequest("a parameter is not valid Unicode (it holds a lone surrogate)")
        if isinstance(exc, redis.exceptions.ResponseError):
            text = str(exc)
            if any(m in text.lower() for m in _TIMEOUT_MARKERS):
                return QueryTimeout(f"query stopped after {timeout} ms")
            return QueryFailed(f"FalkorDB rejected the query: {text}")
        return self.store._unavailable(exc)


def decode_reply(reply: list[Any]) -> list[Row]:
    """Rows of a compact GRAPH.RO_QUERY reply ([header, rows, stats]; only stats when nothing is returned)."""
    if len(reply) < 3:
        return []
    names = [column[1] for column in reply[0]]
    return [dict(zip(names, [v if k in _AS_IS else _value(k, v) for k, v in row], strict=True)) for row in reply[1]]


def _value(kind: int, value: Any) -> Any:
    """One compact value (type, value) as plain Python; strings come decoded by the reply reader."""
    if kind == _ARRAY:
        return [v if k in _AS_IS else _value(k, v) for k, v in value]
    if kind == _MAP:
        return {value[i]: _value(*value[i + 1]) for i in range(0, len(value), 2)}
    decode = _SCALARS.get(kind)
    if decode is None:
        raise _NeedsClient
    return decode(value)


_AS_IS = frozenset((_STRING, _INTEGER))
_SCALARS: dict[int, Callable[[Any], Any]] = {
    _NULL: lambda _: None,
    _DOUBLE: float,
    _BOOLEAN: lambda value: value == "true",
}

_reads: weakref.WeakKeyDictionary[FalkorDBStore, AsyncReads] = weakref.WeakKeyDictionary()


def async_reads(store: GraphStore) -> AsyncReads | None:
    """The store's async reads, or None when its engine has none here (read it in a worker thread)."""
    if not isinstance(store, FalkorDBStore):
        return None
    reads = _reads.get(store)
    if reads is None:
        reads = _reads[store] = AsyncReads(store)
    return reads
