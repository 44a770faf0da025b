"""The FastAPI application: one factory, the routers listed once, the store opened at start-up, closed at shutdown.

    create_app(settings=None, store=None)
      ├─ lifespan: open_store(settings) once (unless a store is given; then start-up's objects are frozen
      │   out of the collector's way), close it at shutdown; the entity names (for search and "did you
      │   mean") start being read in the background
      ├─ middleware: security headers; CORS only when settings.cors_origins is set
      ├─ error handlers: api.http_errors (one JSON shape for every error, documented on every route)
      └─ routers: ROUTER_MODULES, each module exposing `router`

To add a router, add its module to ROUTER_MODULES (one line).
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.http_errors import install_error_handlers
from api.models import ERROR_RESPONSES
from api.security import install_security_headers
from graph.falkordb_async import async_reads
from graph.heap import settle_heap
from graph.settings import Settings, get_settings
from graph.store import GraphStore
from queries.lookup import warm_names

ROUTER_MODULES: tuple[str, ...] = (
    "api.routes.health",
    "api.routes.entities",
    "api.routes.facts",
    "api.routes.documents",
    "api.routes.queries",
    "api.routes.judgements",
    "api.routes.viz",
    "api.routes.reports",
)
"""Modules whose `router` the app includes, in this order."""

DESCRIPTION = (
    "Knowledge graph of Central Asia–China academic cooperation. Every fact carries the documents that "
    "state it. `{ref}` is an entity key or any of its names or aliases. Writes need the `X-API-Key` header."
)


def create_app(settings: Settings | None = None, *, store: GraphStore | None = None) -> FastAPI:
    """Build the app; with `store` given (tests) it is used as is and not closed at shutdown."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
        if owned:
            from graph.connect import open_store

            app.state.store = open_store(settings)
            settle_heap()
        warm_names(app.state.store)  # the first searches would otherwise wait for every name to be read
        try:
            yield
        finally:
            reads = async_reads(app.state.store)
            if reads is not None:
                await reads.aclose()
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="coopgraph", version="0.1.0", description=DESCRIPTION, lifespan=lifespan, responses=ERROR_RESPONSES
    )
    app.state.settings = settings
    app.state.store = store
    install_error_handlers(app)
    install_security_headers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"], allow_headers=["*"]
        )
    for module_name in ROUTER_MODULES:
        app.include_router(importlib.import_module(module_name).router)
    return app
