"""Re-load documents from the text the graph keeps, so a new analyst judgement takes effect at once.

The graph is a function of its documents and the judgements: after a merge, split or not-same, the
documents that name the entities involved are taken out and loaded again through the same pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from graph.errors import NotFound
from graph.retract import retract_document
from graph.settings import Settings
from graph.store import GraphStore
from loaders.facts import Document
from loaders.judgements import Judgement, Judgements
from loaders.pipeline import LoadSummary, load_items

DOCUMENTS_NAMING = (
    "UNWIND $keys AS k MATCH (:Entity {key: k})-[:MENTIONED_IN]->(d:Document) "
    "RETURN DISTINCT d.key AS key, d.text AS text, d.source_id AS source_id, d.url AS url, d.title AS title, "
    "d.published AS published, d.publisher AS publisher, d.language AS language ORDER BY key"
)


def documents_naming(store: GraphStore, keys: Iterable[str]) -> list[Document]:
    """The stored documents that name any of these entities, rebuilt as pipeline input."""
    rows = store.read(DOCUMENTS_NAMING, {"keys": sorted(set(keys))})
    return [
        Document(
            key=r["key"],
            text=r["text"] or "",
            source_id=r["source_id"],
            url=r["url"],
            title=r["title"],
            published=r["published"],
            publisher=r["publisher"],
            language=r["language"],
            origin=f"graph:{r['key']}",
        )
        for r in rows
        if r["text"]
    ]


def reload_documents_naming(store: GraphStore, *, keys: Iterable[str], settings: Settings) -> LoadSummary:
    """Take out and load again every document naming these entities (judgements are re-read)."""
    documents = documents_naming(store, keys)
    for document in documents:
        retract_document(store, doc_key=document.key)
    return load_items(store, documents, settings=settings)


EXISTING = "UNWIND $keys AS k MATCH (n:Entity {key: k}) RETURN n.key AS key"
RENAME = "MATCH (n:Entity {key: $key}) SET n.name = $name"


def apply_judgement(store: GraphStore, *, judgement: Judgement, settings: Settings) -> dict[str, Any]:
    """Record an analyst judgement and bring the graph in line with it at once."""
    named = [judgement.a] if judgement.kind in ("split", "rename") else [judgement.a, judgement.b or ""]
    found = {row["key"] for row in store.read(EXISTING, {"keys": named})}
    missing = [key for key in named if key not in found]
    if missing:
        raise NotFound(f"no entity with key {missing[0]!r}", details={"missing": missing})
    Judgements.load(settings.judgements_path).record(settings.judgements_path, judgement)
    if judgement.kind == "rename":
        store.write(RENAME, {"key": judgement.a, "name": judgement.name})
        return {"recorded": asdict(judgement), "documents_reloaded": 0, "failures": []}
    summary = reload_documents_naming(store, keys=named, settings=settings)
    return {
        "recorded": asdict(judgement),
        "documents_reloaded": summary.new + summary.replaced,
        "failures": [{"origin": origin, "reason": reason} for origin, reason in summary.failures],
    }


def neo4j_statements() -> list[tuple[str, str]]:
    """The statements of this module, for the offline Neo4j linter."""
    return [("reload:documents_naming", DOCUMENTS_NAMING), ("reload:existing", EXISTING), ("reload:rename", RENAME)]
