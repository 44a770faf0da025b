"""Measure extraction alone, without a store: extractions → node-link graph → gold score.

Resolution here is deliberately naive (one node per label and normalised first name), so the figures
show what extraction finds; `coopgraph evaluate` measures the whole pipeline with real resolution.
Run: `python -m loaders.preview GOLD_DIR...`.
"""

from __future__ import annotations

import sys
from typing import Any

from loaders.evaluate import format_report, load_gold, normalise_name, score
from loaders.extract import extract
from loaders.facts import Extraction
from loaders.read import read_paths


def extraction_graph(extractions: list[Extraction]) -> dict[str, Any]:
    """A node-link graph from extractions, naming each node by its label and normalised first name."""
    nodes: dict[str, dict[str, Any]] = {}
    links: list[dict[str, Any]] = []
    for number, extraction in enumerate(extractions):
        keys = {}
        for candidate in extraction.candidates:
            key = f"{candidate.label}:{normalise_name(candidate.names[0])}"
            if candidate.label in {"Agreement", "Event"}:
                key += f":{number}"
            keys[candidate.local_id] = key
            node = nodes.setdefault(key, {"id": key, "label": candidate.label, "name": candidate.names[0],
                                          "aliases": [], **candidate.props})  # fmt: skip
            node["aliases"] = sorted(set(node["aliases"]) | set(candidate.names))
        links += [
            {"source": keys[r.a], "target": keys[r.b], "type": r.type, **r.props}
            for r in extraction.relations
            if r.a in keys and r.b in keys
        ]
    return {"directed": True, "nodes": list(nodes.values()), "links": links}


def main(argv: list[str]) -> int:
    """Extract the gold articles, score them, print the report."""
    documents = [d for d in read_paths(argv) if not isinstance(d, Exception)]
    graph = extraction_graph([extract(d) for d in documents])
    print(format_report(score(graph, load_gold(argv))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
