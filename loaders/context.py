"""What a load keeps between documents: the registry, the analyst's judgements, and the entity index."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache

from graph.settings import Settings
from graph.store import GraphStore
from loaders.extract import extract
from loaders.facts import Document, Extraction
from loaders.judgements import Judgements
from loaders.registry import Registry
from loaders.resolve import EntityIndex, resolve, resolve_publisher
from loaders.write import DocumentPlan

WARM_UP = Document(
    key="warm-up",
    text="On 3 March 2024 a delegation of Al-Farabi Kazakh National University (KazNU) visited Xinjiang University.",
)
ENTITIES = (
    "MATCH (n:Entity) RETURN n.key AS key, labels(n) AS labels, n.name AS name, n.aliases AS aliases, "
    "n.country AS country, n.city AS city"
)


@dataclass
class LoadContext:
    """The state one load carries from document to document, so later ones resolve to earlier ones."""

    registry: Registry
    judgements: Judgements
    index: EntityIndex

    @classmethod
    def open(cls, store: GraphStore, settings: Settings) -> LoadContext:
        """Read the registry, the judgements and every entity already in the graph."""
        return cls(
            registry=Registry.load(),
            judgements=Judgements.load(settings.judgements_path),
            index=EntityIndex.from_rows(store.read(ENTITIES)),
        )

    def plan(self, document: Document) -> DocumentPlan:
        """Extract and resolve one document against everything known so far."""
        return self.resolve(extract(with_publisher(document)))

    def resolve(self, extraction: Extraction) -> DocumentPlan:
        """Resolve one document's extraction against everything known so far (in document order)."""
        resolution = resolve(extraction, index=self.index, registry=self.registry, judgements=self.judgements)
        for entity in resolution.entities.values():
            self.index.add(entity)  # later documents of the same batch resolve to these
        return DocumentPlan(document=extraction.document, extraction=extraction, resolution=resolution)

    def entity_count(self) -> int:
        """How many entities the index knows."""
        return len(self.index)


def with_publisher(document: Document) -> Document:
    """The document with its publisher resolved to an organisation, when the registry knows it.

    A module function of the shipped registry alone, so extraction workers can run it.
    """
    publisher = resolve_publisher(document, Registry.load())
    if publisher is None:
        return document
    return dataclasses.replace(document, publisher=document.publisher or publisher.name, publisher_key=publisher.key)


@cache
def warm_extraction() -> None:
    """Load what extraction uses (spaCy, word lists, caches, the registry) once per process."""
    Registry.load()
    extract(WARM_UP)
