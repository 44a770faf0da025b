"""Open the store the settings select — Neo4j, an existing FalkorDB, or the embedded one — with its schema."""

from __future__ import annotations

from graph.schema import ensure_schema
from graph.settings import Settings
from graph.store import GraphStore


def open_store(settings: Settings, *, graph_name: str | None = None, schema: bool = True) -> GraphStore:
    """Connect to the configured engine and make sure the schema exists."""
    store: GraphStore
    if settings.backend == "neo4j":
        from graph.neo4j_store import Neo4jStore

        store = Neo4jStore(settings)
    else:
        from graph.falkordb_store import FalkorDBStore

        store = FalkorDBStore(settings, graph_name=graph_name)
    if schema:
        try:
            ensure_schema(store)
        except BaseException:
            store.close()
            raise
    return store
