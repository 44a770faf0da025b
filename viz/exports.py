"""The subgraph a view shows, exported as `coopgraph export` writes the whole graph: node-link, GraphML, CSV.

The same writers as `graph.export`, so a view opened in Gephi or networkx looks like a piece of the full
export; CSV comes as a zip of nodes.csv and edges.csv (Gephi's spreadsheet import takes both).
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Literal

from graph.errors import BadRequest
from graph.export import write_csv, write_graphml

ExportFormat = Literal["node-link", "graphml", "csv"]
MEDIA_TYPES: dict[str, tuple[str, str]] = {
    "node-link": ("application/json", "json"),
    "graphml": ("application/graphml+xml", "graphml"),
    "csv": ("application/zip", "csv.zip"),
}


def export_subgraph(subgraph: dict[str, Any], fmt: str) -> bytes:
    """The subgraph in one format, as the bytes of a file."""
    data = {"nodes": subgraph["nodes"], "links": subgraph["links"]}
    if fmt == "node-link":
        body = {"directed": True, "multigraph": True, "graph": subgraph.get("graph") or {}, **data}
        return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="coopgraph-view-") as tmp:
        if fmt == "graphml":
            path = Path(tmp) / "view.graphml"
            write_graphml(data, path)
            return path.read_bytes()
        if fmt == "csv":
            write_csv(data, Path(tmp))
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for name in ("nodes.csv", "edges.csv"):
                    archive.write(Path(tmp) / name, name)
            return buffer.getvalue()
    raise BadRequest(f"unknown export format {fmt!r}: use node-link, graphml or csv")


def export_filename(title: str, fmt: str) -> str:
    """A safe download name from a view's title: `coopgraph-xinjiang-university.graphml`."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "view"
    return f"coopgraph-{slug}.{MEDIA_TYPES[fmt][1]}"
