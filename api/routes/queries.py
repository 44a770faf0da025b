"""The catalogue over HTTP: list the named queries, run a read query with validated parameters.

GET /queries/{name}?param=value... or POST /queries/{name} with {"params": {...}}. Only read queries run
here; no raw Cypher is accepted (FalkorDB's parser and planner can be crashed by hostile queries).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from pydantic import BaseModel, Field

from api.deps import Store
from api.models import ERROR_RESPONSES, ParamInfo, QueryInfo, QueryResult
from graph.errors import BadRequest
from queries.catalog import Query, load_catalog
from queries.lookup import resolve_params

router = APIRouter(tags=["queries"], responses=ERROR_RESPONSES)
MAX_PARAMS = 20


class QueryParams(BaseModel):
    """Parameters of one catalogue query, by name (scalars or short lists of scalars)."""

    params: dict[str, str | int | float | bool | list[str | int | float] | None] = Field(
        default={}, max_length=MAX_PARAMS
    )


def describe(query: Query) -> QueryInfo:
    """A query's header as the API shows it."""
    params = [
        ParamInfo(name=p.name, type=p.type, required=p.required, default=p.default, declaration=p.describe())
        for p in query.params
    ]
    return QueryInfo(
        name=query.name,
        title=query.title,
        mode=query.mode,
        description=query.description,
        params=params,
        returns=list(query.returns),
    )


@router.get("/queries", response_model=list[QueryInfo])
def list_queries() -> list[QueryInfo]:
    """Every named query: title, description, parameters with types and defaults, result columns."""
    return [describe(q) for q in load_catalog() if q.mode == "read"]


@router.get("/queries/{name}", response_model=QueryResult)
def run_get(store: Store, name: str, request: Request) -> QueryResult:
    """Run a read query; parameters come from the query string (`list[str]` ones comma-separated).

    Entity parameters (ref, initiative, party, org, source, target) take a key, name or alias.
    """
    if len(request.query_params) > MAX_PARAMS:
        raise BadRequest(f"at most {MAX_PARAMS} parameters")
    return _run(store, name, dict(request.query_params))


@router.post("/queries/{name}", response_model=QueryResult)
def run_post(store: Store, name: str, body: Annotated[QueryParams, Body()]) -> QueryResult:
    """Run a read query with parameters in a JSON body: {"params": {"ref": "xju", "limit": 10}}."""
    return _run(store, name, body.params)


def _run(store: Store, name: str, params: dict[str, Any]) -> QueryResult:
    """Run one read query of the catalogue."""
    catalog = load_catalog()
    query = catalog.get(name)
    if query.mode != "read":
        raise BadRequest(f"{name} is not a read query")
    rows = catalog.run(store, name, resolve_params(store, params, catalog=catalog))
    return QueryResult(name=name, columns=list(query.returns), rows=rows)
