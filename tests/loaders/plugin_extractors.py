"""Extractor plug-ins for tests: real functions a load imports by `module:function`, as a user's would be."""

from __future__ import annotations

from loaders.extract import extract
from loaders.facts import Document, Extraction


def rules_without_people(document: Document) -> Extraction:
    """The rule extractor's output with every person left out (as a plug-in that post-filters would)."""
    extraction = extract(document)
    people = {c.local_id for c in extraction.candidates if c.label == "Person"}
    extraction.candidates = [c for c in extraction.candidates if c.local_id not in people]
    extraction.relations = [r for r in extraction.relations if r.a not in people and r.b not in people]
    return extraction


def unreachable_model(document: Document) -> Extraction:
    """A plug-in whose service is down."""
    raise ConnectionError(f"model endpoint refused the connection for {document.key}")


def not_an_extraction(document: Document) -> dict[str, object]:
    """A plug-in that returns the wrong thing."""
    return {"document": document.key, "candidates": []}
