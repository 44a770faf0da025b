"""The load pipeline: read → extract → resolve → write, in batches, reporting bad input and going on.

A document that cannot be read or extracted is reported with its reason and writes nothing; the rest of
the batch loads. Documents already loaded with the same text are skipped; an edited document (same id or
url, new text) first takes its earlier version's facts out of the graph.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from graph.errors import DocumentRejected, QueryFailed
from graph.retract import retract_document
from graph.settings import Settings
from graph.store import GraphStore
from loaders.context import LoadContext, warm_extraction, with_publisher
from loaders.extractors import RULES, load_extractor
from loaders.facts import Document
from loaders.parallel import Extractor
from loaders.read import read_paths
from loaders.write import DocumentPlan, document_states, write_plans

Outcome = Literal["new", "unchanged", "replaced", "failed"]
Progress = Callable[[Outcome, str], None]
BATCH_DOCUMENTS = 256
"""Documents written together: each batch re-reads the aliases of every entity it names (hub entities are
named in thousands of documents), so fewer, larger batches cost the store less (3,000 articles: 256 per
batch took 2.6 s of server CPU, 64 took 4.2 s)."""
LOOKAHEAD_BATCHES = 1
"""Batches whose extraction is under way while the loading process resolves and writes an earlier one."""
MAX_NAME_CHARS = 300
"""An entity whose name or key is longer than this is no name (the API cannot even ask for it): it is dropped."""

COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS n"


@dataclass
class LoadSummary:
    """What a load did: documents by outcome, what was added, and why each failure failed."""

    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    entities_added: int = 0
    relations_added: int = 0

    @property
    def failed(self) -> int:
        return len(self.failures)

    def count(self, outcome: Outcome) -> None:
        """Count one document's outcome (failures are recorded with `fail`)."""
        if outcome != "failed":
            setattr(self, outcome, getattr(self, outcome) + 1)

    def fail(self, origin: str, reason: str) -> None:
        """Record one document that was skipped, and why."""
        self.failures.append((origin, reason))


def load_paths(
    store: GraphStore, paths: Sequence[str | Path], *, settings: Settings, progress: Progress | None = None
) -> LoadSummary:
    """Load every document under `paths` into the store."""
    return load_items(
        store, read_paths(paths, max_bytes=settings.max_document_bytes), settings=settings, progress=progress
    )


def load_items(
    store: GraphStore,
    items: Iterable[Document | DocumentRejected],
    *,
    settings: Settings,
    progress: Progress | None = None,
) -> LoadSummary:
    """Load documents (and report rejections) in batches."""
    summary = LoadSummary()
    context = LoadContext.open(store, settings)
    entities_before = context.entity_count()
    relations_before = store.read(COUNT_RELATIONSHIPS)[0]["n"]
    notify = progress or (lambda _outcome, _origin: None)
    extract = None if settings.extractor == RULES else load_extractor(settings.extractor)
    with Extractor(settings.load_workers, with_publisher, warm_extraction, extract=extract) as extractor:
        ahead: deque[list[Document]] = deque()
        for batch in _batches(items, summary, notify):
            extractor.submit(_to_extract(store, batch))
            ahead.append(batch)
            if len(ahead) > LOOKAHEAD_BATCHES:
                _load_batch(store, ahead.popleft(), context=context, extractor=extractor, summary=summary,
                            notify=notify, batch_size=settings.write_batch_size)  # fmt: skip
        while ahead:
            _load_batch(store, ahead.popleft(), context=context, extractor=extractor, summary=summary,
                        notify=notify, batch_size=settings.write_batch_size)  # fmt: skip
    summary.entities_added = context.entity_count() - entities_before
    summary.relations_added = store.read(COUNT_RELATIONSHIPS)[0]["n"] - relations_before
    return summary


def _batches(
    items: Iterable[Document | DocumentRejected], summary: LoadSummary, notify: Progress
) -> Iterator[list[Document]]:
    """Group readable documents into batches, recording rejections as they come.

    Two texts under one id in a single load would each replace the other on the next load: the first
    is loaded and the later ones are rejected.
    """
    batch: list[Document] = []
    first_with_id: dict[str, tuple[str, str]] = {}
    for read in items:
        item = _duplicate_id(read, first_with_id) or read
        if isinstance(item, DocumentRejected):
            details = item.details if isinstance(item.details, dict) else {}
            origin = str(details.get("origin", "?"))
            summary.fail(origin, str(details.get("reason", item.message)))
            notify("failed", origin)
            continue
        batch.append(item)
        if len(batch) >= BATCH_DOCUMENTS:
            yield batch
            batch = []
    if batch:
        yield batch


def _to_extract(store: GraphStore, batch: list[Document]) -> list[Document]:
    """The documents of a batch worth extracting ahead: all but those already loaded with the same text.

    `_load_batch` asks again when the batch's turn comes (earlier batches of this load may have changed the
    answer); a document it then finds to plan but was not extracted ahead is extracted there and then.
    """
    states = document_states(store, batch)
    return [d for d in batch if states.get(d.key, ("new", []))[0] != "unchanged"]


def _duplicate_id(item: Document | DocumentRejected, first: dict[str, tuple[str, str]]) -> DocumentRejected | None:
    """A rejection when another text already came under this document's id in this load."""
    if not isinstance(item, Document):
        return None
    source_id = item.source_id or item.key
    key, where = first.setdefault(source_id, (item.key, item.origin or item.key))
    if key == item.key:
        return None
    reason = f"id {source_id!r} is already used in this load by {where} (another text)"
    return DocumentRejected(reason, details={"origin": item.origin or item.key, "reason": reason})


def _load_batch(
    store: GraphStore,
    batch: list[Document],
    *,
    context: LoadContext,
    extractor: Extractor,
    summary: LoadSummary,
    notify: Progress,
    batch_size: int,
) -> None:
    """Plan (in document order) and write one batch of documents."""
    states = document_states(store, batch)
    plans: list[tuple[DocumentPlan, Outcome, list[str]]] = []
    seen: set[str] = set()
    for document in batch:
        status, replaces = states.get(document.key, ("new", []))
        if status == "unchanged" or document.key in seen:
            summary.count("unchanged")
            notify("unchanged", document.origin or document.key)
            continue
        seen.add(document.key)
        plan = _plan(document, context, extractor, summary, notify)
        if plan is not None:
            plans.append((plan, status, replaces))
    _write(store, plans, summary=summary, notify=notify, batch_size=batch_size)


def _plan(
    document: Document, context: LoadContext, extractor: Extractor, summary: LoadSummary, notify: Progress
) -> DocumentPlan | None:
    """Resolve one document's extraction, or report why it cannot be extracted or resolved."""
    try:
        return _without_oversized_names(context.resolve(extractor.extraction(document)))
    except DocumentRejected as exc:
        reason = exc.message
    except Exception as exc:  # one article's extraction bug must not stop the batch
        reason = f"extraction failed ({type(exc).__name__}: {exc})"
    summary.fail(document.origin or document.key, reason)
    notify("failed", document.origin or document.key)
    return None


def _without_oversized_names(plan: DocumentPlan) -> DocumentPlan:
    """The plan without entities named by a run of text too long to be a name (their facts go with them)."""
    entities = plan.resolution.entities
    for local_id, entity in list(entities.items()):
        if len(entity.name or "") > MAX_NAME_CHARS or len(entity.key) > MAX_NAME_CHARS:
            del entities[local_id]
    return plan


def _write(
    store: GraphStore,
    plans: list[tuple[DocumentPlan, Outcome, list[str]]],
    *,
    summary: LoadSummary,
    notify: Progress,
    batch_size: int,
) -> None:
    """Retract replaced versions, write the batch, and fall back to one document at a time if it fails."""
    for _, _, replaces in plans:
        for old_key in replaces:
            retract_document(store, doc_key=old_key)
    try:
        write_plans(store, [p for p, _, _ in plans], batch_size=batch_size)
    except QueryFailed:
        _write_one_by_one(store, plans, summary=summary, notify=notify, batch_size=batch_size)
        return
    for plan, status, _ in plans:
        summary.count(status)
        notify(status, plan.document.origin or plan.document.key)


def _write_one_by_one(
    store: GraphStore,
    plans: list[tuple[DocumentPlan, Outcome, list[str]]],
    *,
    summary: LoadSummary,
    notify: Progress,
    batch_size: int,
) -> None:
    """Write each document on its own so one that the store rejects is reported and undone alone."""
    for plan, status, _ in plans:
        origin = plan.document.origin or plan.document.key
        try:
            write_plans(store, [plan], batch_size=batch_size)
        except QueryFailed as exc:
            retract_document(store, doc_key=plan.document.key)
            summary.fail(origin, f"the store rejected it: {exc.message}")
            notify("failed", origin)
            continue
        summary.count(status)
        notify(status, origin)
