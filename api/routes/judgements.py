"""Analyst judgements over HTTP: list them; record one (needs X-API-Key) and see the graph follow at once."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import AppSettings, Store, WriteAccess
from api.models import ERROR_RESPONSES, WRITE_ERRORS
from loaders.judgements import Judgement, Judgements
from queries.lookup import forget_names

router = APIRouter(tags=["judgements"], responses=ERROR_RESPONSES)

KEY = Field(min_length=1, max_length=200, pattern=r"^[a-z0-9_\-]+$")


class JudgementIn(BaseModel):
    """One decision: merge KEEP(a) DROP(b), split KEY(a) [name, b = new key], not-same a b, rename a name."""

    kind: Literal["merge", "split", "not-same", "rename"]
    a: str = KEY
    b: str | None = Field(default=None, min_length=1, max_length=200, pattern=r"^[a-z0-9_\-]+$")
    name: str | None = Field(default=None, min_length=1, max_length=500)


class JudgementOut(BaseModel):
    """A stored judgement."""

    kind: str
    a: str
    b: str | None
    name: str | None
    at: str


class JudgementResult(BaseModel):
    """What recording a judgement did to the graph."""

    recorded: JudgementOut
    documents_reloaded: int
    failures: list[dict[str, str]]


@router.get("/judgements", response_model=list[JudgementOut])
def list_judgements(settings: AppSettings) -> list[JudgementOut]:
    """Every analyst judgement in force, oldest first."""
    return [JudgementOut(**row) for row in Judgements.load(settings.judgements_path).as_rows()]


@router.post("/judgements", response_model=JudgementResult, dependencies=[WriteAccess], responses=WRITE_ERRORS)
def post_judgement(store: Store, settings: AppSettings, body: JudgementIn) -> JudgementResult:
    """Record a judgement; the documents naming the entities are loaded again so the graph follows at once."""
    from loaders.reload import apply_judgement

    judgement = Judgement(kind=body.kind, a=body.a, b=body.b, name=body.name)
    result = apply_judgement(store, judgement=judgement, settings=settings)
    forget_names(store)
    return JudgementResult(**result)
