"""Documents: read one (GET /documents/{key}); load articles (POST /documents, needs X-API-Key)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Body
from pydantic import BaseModel, Field

from api.deps import AppSettings, Store, WriteAccess, run_query
from api.models import ERROR_RESPONSES, WRITE_ERRORS, Document, LoadResult
from graph.errors import NotFound
from queries.lookup import forget_names

router = APIRouter(tags=["documents"], responses=ERROR_RESPONSES)
MAX_DOCUMENTS = 100


class ArticleIn(BaseModel):
    """One article as `coopgraph load` reads a JSON record."""

    text: str = Field(min_length=1, max_length=5_000_000)
    id: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(default=None, max_length=40)
    publisher: str | None = Field(default=None, max_length=300)
    language: str | None = Field(default=None, max_length=20)


@router.get("/documents/{key}", response_model=Document)
def get_document(store: Store, key: str) -> Document:
    """A source document: metadata, text and the entities it names."""
    rows = run_query(store, "document", key=key)
    if not rows:
        raise NotFound(f"no document {key!r}")
    return Document(**rows[0])


@router.post("/documents", response_model=LoadResult, dependencies=[WriteAccess], responses=WRITE_ERRORS)
def post_documents(
    store: Store,
    settings: AppSettings,
    articles: Annotated[list[ArticleIn], Body(min_length=1, max_length=MAX_DOCUMENTS)],
) -> LoadResult:
    """Load up to 100 articles into the graph (extract, resolve, write each fact with its source).

    Needs the `X-API-Key` header; writes are off when the server has no COOPGRAPH_API_KEY.
    """
    from loaders.pipeline import load_items
    from loaders.read import parse_text

    items = [
        item
        for number, article in enumerate(articles, start=1)
        for item in parse_text(json.dumps(article.model_dump()), origin=f"request#{number}", suffix=".json")
    ]
    summary = load_items(store, items, settings=settings)
    forget_names(store)
    return LoadResult(
        new=summary.new,
        unchanged=summary.unchanged,
        replaced=summary.replaced,
        failed=summary.failed,
        failures=[{"origin": origin, "reason": reason} for origin, reason in summary.failures],
        entities_added=summary.entities_added,
        relations_added=summary.relations_added,
    )
