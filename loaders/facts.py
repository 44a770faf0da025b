"""The data passed between pipeline stages: documents, what one document says, and resolved entities.

read.py makes `Document`s; extract.py turns one into an `Extraction` (candidates with local ids and
relations between them); resolve.py maps every local id to a graph key (`Resolution`); write.py writes
the result with the document as the source of every fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loaders.doc_context import DocumentContext


@dataclass(frozen=True)
class Document:
    """One article as read: the key comes from its text, so the same text is the same document."""

    key: str
    text: str
    source_id: str | None = None
    """The record's `id`, else its url, else the file path: an edited article keeps this and replaces itself."""
    url: str | None = None
    title: str | None = None
    published: str | None = None
    """ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from the record, else from the text or URL."""
    publisher: str | None = None
    publisher_key: str | None = None
    """The graph key of the publishing organisation when known (auezov.edu.kz → M. Auezov SKU)."""
    language: str | None = None
    origin: str | None = None
    """Where it came from, for messages: file path (and record number), or '-' for stdin."""


@dataclass
class Candidate:
    """One entity as one document names it; `local_id` is only meaningful inside that document."""

    local_id: str
    label: str
    names: list[str]
    """Every surface form this document uses for it, the fullest first."""
    country: str | None = None
    city: str | None = None
    props: dict[str, Any] = field(default_factory=dict)
    """Type-specific: Agreement kind/date/status/topics, Event kind/date/date_end, Person titles..."""


@dataclass
class Relation:
    """One fact between two candidates, with the sentence that states it."""

    type: str
    a: str
    b: str
    evidence: str
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class Extraction:
    """Everything one document says: its candidates and the relations between them."""

    document: Document
    candidates: list[Candidate] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    text_context: DocumentContext | None = None
    """What the text alone says of places and abbreviations, when read where extraction ran (a worker)."""


@dataclass
class Entity:
    """A resolved, real-world entity: one graph node."""

    key: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    city: str | None = None
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class Resolution:
    """The outcome of resolving one extraction: each local id's entity."""

    entities: dict[str, Entity] = field(default_factory=dict)
    """local_id → Entity; candidates that resolve to one entity share the Entity."""
    absorbed: dict[str, str] = field(default_factory=dict)
    """Entities already in the graph that this document shows to be another (a former name): drop key →
    keep key; the writer folds the first node into the second."""
