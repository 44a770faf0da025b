"""(Not a benchmark of its own: the leading underscore keeps `python -m bench` from importing it.)

The yardstick for the API: a bare FastAPI endpoint running partners_of's Cypher on the same store.

    COOPGRAPH_DATA_DIR=... python -m uvicorn bench._bare_api:app --port 8001

No dependencies, no models, no ref resolution: the falkordb client's `ro_query` and the rows as JSON.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from falkordb import FalkorDB
from fastapi import FastAPI

from graph.dialect import FALKORDB
from graph.embedded import ServerPaths
from queries.catalog import load_catalog

CYPHER = load_catalog().get("partners_of").cypher_for(FALKORDB)
SOCKET = ServerPaths(Path(os.environ["COOPGRAPH_DATA_DIR"])).socket
graph = FalkorDB(unix_socket_path=str(SOCKET)).select_graph(os.environ.get("COOPGRAPH_GRAPH", "coopgraph"))
app = FastAPI()
NULLS = {"country": None, "type": None, "since": None, "until": None, "initiative": None, "limit": 50, "offset": 0}


@app.get("/partners/{key}")
def partners(key: str) -> list[dict[str, Any]]:
    """The partners of one organisation, as the engine returns them."""
    result = graph.ro_query(CYPHER, {"ref": key, **NULLS})
    names = [h[1] for h in result.header]
    return [dict(zip(names, row, strict=True)) for row in result.result_set]
