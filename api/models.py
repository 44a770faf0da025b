"""Typed response models: what each endpoint answers, as the OpenAPI schema states it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Sources = list[str]


class Health(BaseModel):
    """Whether the store answers."""

    status: Literal["ok", "unavailable"]
    engine: str


class ErrorInfo(BaseModel):
    type: str
    message: str
    details: Any = None


class ErrorBody(BaseModel):
    """Every error response."""

    error: ErrorInfo = Field(description="What went wrong and why.")


class Ref(BaseModel):
    """An entity as a link: key and name."""

    key: str
    name: str | None = None


class EntitySummary(BaseModel):
    key: str
    name: str | None = None
    type: str | None = None
    country: str | None = None
    aliases: list[str] = []
    similarity: float | None = None


class Suggestion(BaseModel):
    key: str
    name: str | None = None
    type: str | None = None
    country: str | None = None
    matched: str
    score: float


class EntityList(BaseModel):
    items: list[EntitySummary]
    suggestions: list[Suggestion] = Field(default=[], description="'Did you mean' when nothing matched closely.")
    limit: int
    offset: int


class Profile(BaseModel):
    key: str
    name: str | None = None
    type: str | None = None
    aliases: list[str] = []
    country: str | None = None
    city: str | None = None
    kind: str | None = None
    date: str | None = None
    date_end: str | None = None
    status: str | None = None
    topics: list[str] | None = None
    titles: list[str] | None = None
    parents: list[Ref] = []
    units: list[Ref] = []
    initiatives: list[Ref] = []
    counts: dict[str, int] = {}


class Partner(BaseModel):
    key: str
    name: str | None = None
    type: str | None = None
    country: str | None = None
    how: list[str] = Field(description="cooperation, agreement, visit, joint lab, programme")
    first_date: str | None = None
    last_date: str | None = None
    ties: int
    sources: Sources


class Official(BaseModel):
    key: str
    name: str | None = None
    title: str | None = None
    titles: list[str] = []
    sources: Sources
    evidence: list[str] = []


class Party(BaseModel):
    key: str
    name: str | None = None
    country: str | None = None


class Agreement(BaseModel):
    key: str
    name: str | None = None
    kind: str | None = None
    date: str | None = None
    status: str | None = None
    topics: list[str] = []
    parties: list[Party]
    sources: Sources


class Participant(Party):
    role: str


class TimelineItem(BaseModel):
    date: str | None = None
    kind: str
    key: str | None = Field(default=None, description="The Event's key; null for a visit.")
    name: str | None = None
    participants: list[Participant]
    sources: Sources


class DocumentRef(BaseModel):
    key: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    names: list[str] = []


class Member(BaseModel):
    key: str
    name: str | None = None
    type: str | None = None
    country: str | None = None
    role: str
    sources: Sources


class PairTie(BaseModel):
    a_key: str
    a_name: str | None = None
    b_key: str
    b_name: str | None = None
    how: list[str]
    ties: int | None = None
    first_date: str | None = None
    last_date: str | None = None
    sources: Sources


class PathNode(BaseModel):
    key: str
    name: str | None = None
    type: str | None = None


class PathLink(BaseModel):
    type: str
    source: str
    target: str
    date: str | None = None
    sources: Sources = []
    evidence: list[str] = []


class PathItem(BaseModel):
    hops: int
    nodes: list[PathNode]
    links: list[PathLink]


class Paths(BaseModel):
    source: Ref
    target: Ref
    max_hops: int
    paths: list[PathItem] = Field(description="The shortest paths found (empty: none within max_hops).")


class CountryPair(BaseModel):
    a: str
    b: str
    institutions: dict[str, list[Ref]] = Field(description="Institutions of each country with ties to the other.")
    agreements_per_year: dict[str, int]
    pairs: list[PairTie] = Field(description="Institution pairs, most ties first.")


class FactSource(BaseModel):
    type: str
    source: str
    target: str
    date: str | None = None
    document: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    evidence: str | None = None


class MentionedEntity(BaseModel):
    key: str
    name: str | None = None
    type: str | None = None
    names: list[str] = []


class Document(BaseModel):
    key: str
    source_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    language: str | None = None
    text: str | None = None
    entities: list[MentionedEntity] = []


class LoadResult(BaseModel):
    new: int
    unchanged: int
    replaced: int
    failed: int
    failures: list[dict[str, str]]
    entities_added: int
    relations_added: int


class ParamInfo(BaseModel):
    name: str
    type: str
    required: bool
    default: Any = None
    declaration: str


class QueryInfo(BaseModel):
    name: str
    title: str
    mode: str
    description: str
    params: list[ParamInfo]
    returns: list[str]


class QueryResult(BaseModel):
    name: str
    columns: list[str]
    rows: list[dict[str, Any]]


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description, "content": {"application/json": {}}}
    for status, description in {
        404: "Unknown entity, document or query (with suggestions)",
        409: "The name fits several entities (with the candidates)",
        422: "A parameter failed validation (with the reason)",
        500: "Internal error (no details)",
        503: "The store is not answering",
        504: "The query ran past its time limit",
    }.items()
}
"""The errors every route may answer, all in the one shape (api.http_errors)."""

WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No X-API-Key header"},
    403: {"model": ErrorBody, "description": "Wrong key, or writes are off (no COOPGRAPH_API_KEY)"},
}
