"""Network views and the analyst's home page.

    GET /                               home page: search, profile beside the network, filters, exports
    GET /viz/entities/{ref}             ego network (1–2 hops)        ┐ HTML pages; the same paths under
    GET /viz/countries/{a}/{b}          ties between two countries    │ /viz/data/ answer the view as JSON
    GET /viz/initiatives/{ref}          an initiative and its members │ (`format=view`) or export it
    GET /viz/graph                      the best-connected entities   ┘ (`format=node-link|graphml|csv`)
    GET /viz/data/profile/{ref}         the profile panel's facts, each with its source documents
    GET /viz/data/suggest?q=            search suggestions for the search box
    GET /viz/static/{name}              vendored vis-network and the pages' own scripts and styles

Pages send a Content-Security-Policy allowing this host only: no inline script, nothing from elsewhere.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from pydantic import BaseModel

from api.deps import Store, resolve
from api.models import ErrorBody
from graph.errors import BadRequest, NotFound
from graph.schema import ENTITY_LABELS
from graph.store import GraphStore
from queries.lookup import search_entities
from viz import subgraph as sg
from viz.exports import MEDIA_TYPES, export_filename, export_subgraph
from viz.network import build_view
from viz.page import SERVED_CSP, STATIC_FILES, render_home, render_view, static_path
from viz.profile import entity_profile

router = APIRouter(tags=["views"])

Format = Literal["view", "node-link", "graphml", "csv"]
Limit = Annotated[int, Query(ge=1, le=sg.MAX_NODES, description="Most nodes to show (best-connected first).")]
Hops = Annotated[int, Query(ge=1, le=2, description="1: direct ties; 2: also the partners' ties.")]
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {
        "model": ErrorBody,
        "content": {"application/json": {}},
        "description": "No entity has that name (with suggestions).",
    },
    409: {
        "model": ErrorBody,
        "content": {"application/json": {}},
        "description": "Several entities have that name (with the candidates).",
    },
    422: {"model": ErrorBody, "content": {"application/json": {}}, "description": "A parameter is invalid."},
}
DATA_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The view (format=view) or its export (node-link JSON, GraphML, zipped CSV).",
        "content": {"application/graphml+xml": {}, "application/zip": {}},
    },
    **ERRORS,
}
PAGE_HEADERS = {"Content-Security-Policy": SERVED_CSP, "Cache-Control": "no-store"}


class ViewOut(BaseModel):
    """A network view as the page draws it (vis-network nodes and edges, legend, what was left out)."""

    title: str
    center: str | None
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: dict[str, Any]
    omitted: dict[str, Any] | None
    layout: Literal["physics", "precomputed"]
    query: dict[str, Any]


class SuggestOut(BaseModel):
    """Entities whose names start like the query."""

    results: list[dict[str, Any]]


def view_filters(
    *,
    store: Store,
    country: Annotated[list[str] | None, Query(description="Keep entities in these countries (repeatable).")] = None,
    type: Annotated[list[str] | None, Query(description="Keep entities of these types (repeatable).")] = None,
    since: Annotated[int | None, Query(ge=1900, le=2100, description="Drop dated facts before this year.")] = None,
    until: Annotated[int | None, Query(ge=1900, le=2100, description="Drop dated facts after this year.")] = None,
    initiative: Annotated[str | None, Query(max_length=300, description="Keep members of this initiative.")] = None,
) -> sg.Filters:
    """The filters of a view, checked: country codes, known types, an initiative that exists."""
    countries = [c.strip().upper() for v in country or [] for c in v.split(",") if c.strip()]
    if any(len(c) != 2 or not c.isalpha() for c in countries) or len(countries) > 50:
        raise BadRequest("country: give ISO 3166-1 alpha-2 codes such as KZ or CN", details={"country": country})
    labels = {label.lower(): label for label in ENTITY_LABELS}
    types = [t.strip() for v in type or [] for t in v.split(",") if t.strip()]
    if any(t.lower() not in labels for t in types) or len(types) > 50:
        raise BadRequest(f"type: use {', '.join(ENTITY_LABELS)}", details={"type": type})
    initiative_key = None
    if initiative and initiative.strip():
        found = resolve(store, initiative)
        if found["type"] != "Initiative":
            raise BadRequest(f"{found['name']!r} is a {found['type']}, not an initiative")
        initiative_key = found["key"]
    return sg.Filters(
        countries=countries or None,
        types=[labels[t.lower()] for t in types] or None,
        since=since,
        until=until,
        initiative=initiative_key,
    )


Filters = Annotated[sg.Filters, Depends(view_filters)]


def entity_view(store: GraphStore, ref: str, hops: int, filters: sg.Filters, limit: int) -> dict[str, Any]:
    """The ego network of the entity `ref` names."""
    found = resolve(store, ref)
    return sg.ego_network(store, key=found["key"], name=found["name"], hops=hops, filters=filters, limit=limit)


def initiative_view(store: GraphStore, ref: str, filters: sg.Filters, limit: int) -> dict[str, Any]:
    """An initiative's members."""
    found = resolve(store, ref)
    return sg.initiative_network(store, key=found["key"], name=found["name"], filters=filters, limit=limit)


def respond(subgraph: dict[str, Any], fmt: Format, limit: int) -> Response:
    """The view as JSON, or the subgraph as a download."""
    if fmt == "view":
        return JSONResponse(build_view(subgraph, max_nodes=limit, max_links=sg.MAX_LINKS))
    body = export_subgraph(subgraph, fmt)
    filename = export_filename(str(subgraph["graph"].get("title") or "view"), fmt)
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(body, media_type=MEDIA_TYPES[fmt][0], headers=headers)


def page(request: Request, subgraph: dict[str, Any], limit: int, recenter: str | None = None) -> HTMLResponse:
    """The full-page HTML view, with export links to the same view's data."""
    data_path = "/viz/data" + request.url.path.removeprefix("/viz")
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "format"]
    exports = {
        label: f"{quote(data_path)}?{urlencode([*params, ('format', fmt)])}"
        for label, fmt in (("node-link JSON", "node-link"), ("GraphML", "graphml"), ("CSV", "csv"))
    }
    view = build_view(subgraph, max_nodes=limit, max_links=sg.MAX_LINKS)
    return HTMLResponse(render_view(view, exports=exports, recenter=recenter), headers=PAGE_HEADERS)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(ref: Annotated[str | None, Query(max_length=300)] = None) -> HTMLResponse:
    """The analyst's home page."""
    return HTMLResponse(render_home(initial=ref), headers=PAGE_HEADERS)


@router.get("/viz/static/{name}", include_in_schema=False)
def static(name: str) -> FileResponse:
    """One of the files the pages load (a fixed list)."""
    path = static_path(name)
    if path is None:
        raise NotFound(f"no static file {name!r}", details={"files": sorted(STATIC_FILES)})
    return FileResponse(path, media_type=STATIC_FILES[name][1], headers={"Cache-Control": "public, max-age=3600"})


@router.get("/viz/entities/{ref}", response_class=HTMLResponse, responses=ERRORS)
def entity_page(
    *, request: Request, store: Store, ref: str, filters: Filters, hops: Hops = 1, limit: Limit = 300
) -> HTMLResponse:
    """The ego network of an entity (`ref`: key, name or alias) as a page; clicking a node re-centres."""
    subgraph = entity_view(store, ref, hops, filters, limit)
    query = urlencode([(k, v) for k, v in request.query_params.multi_items()])
    return page(request, subgraph, limit, recenter="/viz/entities/{key}" + (f"?{query}" if query else ""))


@router.get("/viz/data/entities/{ref}", response_model=ViewOut, responses=DATA_RESPONSES)
def entity_data(
    *, store: Store, ref: str, filters: Filters, hops: Hops = 1, limit: Limit = 300, format: Format = "view"
) -> Response:
    """The ego network of an entity as view JSON or an export."""
    return respond(entity_view(store, ref, hops, filters, limit), format, limit)


@router.get("/viz/countries/{a}/{b}", response_class=HTMLResponse, responses=ERRORS)
def pair_page(*, request: Request, store: Store, a: str, b: str, filters: Filters, limit: Limit = 500) -> HTMLResponse:
    """Ties between organisations of two countries (`a`, `b`: ISO codes) as a page."""
    subgraph = sg.country_pair(store, a=country_code(a), b=country_code(b), filters=filters, limit=limit)
    return page(request, subgraph, limit, recenter="/viz/entities/{key}")


@router.get("/viz/data/countries/{a}/{b}", response_model=ViewOut, responses=DATA_RESPONSES)
def pair_data(
    *, store: Store, a: str, b: str, filters: Filters, limit: Limit = 500, format: Format = "view"
) -> Response:
    """Ties between two countries as view JSON or an export."""
    return respond(
        sg.country_pair(store, a=country_code(a), b=country_code(b), filters=filters, limit=limit), format, limit
    )


@router.get("/viz/initiatives/{ref}", response_class=HTMLResponse, responses=ERRORS)
def initiative_page(*, request: Request, store: Store, ref: str, filters: Filters, limit: Limit = 500) -> HTMLResponse:
    """An initiative (Belt and Road, Luban Workshop) and the entities involved in it, as a page."""
    return page(request, initiative_view(store, ref, filters, limit), limit, recenter="/viz/entities/{key}")


@router.get("/viz/data/initiatives/{ref}", response_model=ViewOut, responses=DATA_RESPONSES)
def initiative_data(
    *, store: Store, ref: str, filters: Filters, limit: Limit = 500, format: Format = "view"
) -> Response:
    """An initiative's members as view JSON or an export."""
    return respond(initiative_view(store, ref, filters, limit), format, limit)


@router.get("/viz/graph", response_class=HTMLResponse, responses=ERRORS)
def graph_page(*, request: Request, store: Store, filters: Filters, limit: Limit = 1000) -> HTMLResponse:
    """The best-connected entities of the whole graph as a page (the page says what it left out)."""
    return page(request, sg.whole_graph(store, filters=filters, limit=limit), limit, recenter="/viz/entities/{key}")


@router.get("/viz/data/graph", response_model=ViewOut, responses=DATA_RESPONSES)
def graph_data(*, store: Store, filters: Filters, limit: Limit = 1000, format: Format = "view") -> Response:
    """The best-connected entities of the whole graph as view JSON or an export."""
    return respond(sg.whole_graph(store, filters=filters, limit=limit), format, limit)


@router.get("/viz/data/profile/{ref}", responses=ERRORS)
def profile_data(store: Store, ref: str) -> dict[str, Any]:
    """An entity's profile: names, place, officials, partners, agreements, visits and events, with sources."""
    return entity_profile(store, key=resolve(store, ref)["key"])


@router.get("/viz/data/suggest", response_model=SuggestOut, responses=ERRORS)
def suggest(store: Store, q: Annotated[str, Query(min_length=1, max_length=200)]) -> dict[str, Any]:
    """Up to 10 entities whose names match what was typed so far (the API's search: prefixes, typos)."""
    try:
        found = search_entities(store, q, limit=10)
    except BadRequest:
        return {"results": []}
    rows = list({r["key"]: r for r in [*found["results"], *found["suggestions"]]}.values())
    typed = q.strip().casefold()
    rows.sort(key=lambda r: not str(r.get("name") or "").casefold().startswith(typed))  # stable: names typed first
    return {"results": [{k: r.get(k) for k in ("key", "name", "type", "country")} for r in rows[:10]]}


def country_code(value: str) -> str:
    """An upper-case ISO code, or 422."""
    if len(value) != 2 or not value.isalpha() or not value.isascii():
        raise BadRequest(f"{value!r} is not an ISO 3166-1 alpha-2 country code such as KZ or CN")
    return value.upper()
