"""Request dependencies: the store, the settings, the catalogue, pagination and the API key for writes."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request
from starlette.concurrency import run_in_threadpool

from graph.errors import Forbidden, StoreUnavailable, Unauthorized
from graph.falkordb_async import async_reads
from graph.settings import Settings
from graph.store import GraphStore, Row
from queries.catalog import load_catalog
from queries.lookup import resolve_ref

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_OFFSET = 100_000


async def get_store(request: Request) -> GraphStore:
    """The store the app opened at start-up (async: FastAPI runs a plain-def dependency in a worker thread)."""
    store: GraphStore | None = request.app.state.store
    if store is None:
        raise StoreUnavailable("the store is not open (the server is starting or stopping)")
    return store


async def get_app_settings(request: Request) -> Settings:
    """The settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


Store = Annotated[GraphStore, Depends(get_store)]
AppSettings = Annotated[Settings, Depends(get_app_settings)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (default {DEFAULT_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]


def require_api_key(
    settings: AppSettings,
    x_api_key: Annotated[str | None, Header(description="The key in COOPGRAPH_API_KEY.")] = None,
) -> None:
    """Let a write through only with the configured key: 401 without one, 403 with a wrong one or none set."""
    if settings.api_key is None:
        raise Forbidden("writes are off: set COOPGRAPH_API_KEY on the server to enable them")
    if not x_api_key:
        raise Unauthorized("this endpoint needs the X-API-Key header")
    expected = settings.api_key.get_secret_value().encode()
    if not hmac.compare_digest(x_api_key.encode(), expected):
        raise Forbidden("wrong API key")


WriteAccess = Depends(require_api_key)


def run_query(store: GraphStore, name: str, /, **params: Any) -> list[Row]:
    """Run a catalogue read query (parameters coerced and bounded, server-side timeout from settings)."""
    return load_catalog().run(store, name, params)


def run_for_ref(store: GraphStore, name: str, ref: str, /, **params: Any) -> list[Row]:
    """Run a catalogue query about the entity `{ref}` names (its `ref` parameter), resolving `ref` only if needed.

    It runs first with `ref` taken as a key. Rows mean an entity has that key, and a key wins resolution, so
    they are the answer resolving first would give, one query sooner. No rows: `ref` is resolved (409, 404
    with suggestions) and, if it names another key, the query runs again with that key.
    """
    rows = run_query(store, name, ref=ref, **params)
    if rows:
        return rows
    key = resolve(store, ref)["key"]
    return rows if key == ref else run_query(store, name, ref=key, **params)


async def read_query(store: GraphStore, name: str, /, **params: Any) -> list[Row]:
    """`run_query` for async routes: on the event loop where the store can (FalkorDB), else in a worker thread."""
    reads = async_reads(store)
    if reads is None:
        return await run_in_threadpool(run_query, store, name, **params)
    return await reads.read(*load_catalog().read_statement(store, name, params))


async def read_for_ref(store: GraphStore, name: str, ref: str, /, **params: Any) -> list[Row]:
    """`run_for_ref` for async routes (resolving `ref`, when needed, in a worker thread: it may read every name)."""
    rows = await read_query(store, name, ref=ref, **params)
    if rows:
        return rows
    key = (await run_in_threadpool(resolve, store, ref))["key"]
    return rows if key == ref else await read_query(store, name, ref=key, **params)


def resolve(store: GraphStore, ref: str) -> Row:
    """The entity `{ref}` names (key, name or alias): 409 when ambiguous, 404 with suggestions when unknown."""
    return resolve_ref(store, ref, catalog=load_catalog())
