"""Facts across the graph: agreements, the events and visits timeline, paths, country pairs, initiatives,
and the documents behind the facts between two entities."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from api.deps import DEFAULT_LIMIT, AppSettings, Limit, Offset, Store, resolve, run_query
from api.models import (
    ERROR_RESPONSES,
    Agreement,
    CountryPair,
    FactSource,
    Member,
    PairTie,
    PathItem,
    Paths,
    Ref,
    TimelineItem,
)
from api.params import Country, CountryPath, FactType, Text, Year
from graph.errors import BadRequest
from graph.store import Row
from queries.paths import find_paths as search_paths
from queries.shared_reads import params_key, shared

router = APIRouter(tags=["facts"], responses=ERROR_RESPONSES)

AgreementKind = Literal["memorandum", "agreement", "contract", "other"]
EventKind = Literal["visit", "meeting", "conference", "exhibition", "other"]
MAX_HOPS = 4


def _key(store: Store, ref: str | None) -> str | None:
    """The key of an optional `ref` parameter."""
    return resolve(store, ref)["key"] if ref else None


@router.get("/agreements", response_model=list[Agreement])
def list_agreements(
    *,
    store: Store,
    party: Annotated[Text | None, Query(description="A party (key or name).")] = None,
    country_a: Annotated[Country | None, Query(description="One party in this country...")] = None,
    country_b: Annotated[Country | None, Query(description="...and one in this.")] = None,
    kind: AgreementKind | None = None,
    year: Year | None = None,
    status: Literal["signed", "planned"] | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> list[Agreement]:
    """Agreements, newest first, by party, country pair, kind, year and status."""
    params = {
        "party": _key(store, party),
        "country_a": country_a,
        "country_b": country_b,
        "kind": kind,
        "year": year,
        "status": status,
        "limit": limit,
        "offset": offset,
    }
    return [Agreement(**row) for row in _shared_query(store, "agreements", params)]


@router.get("/events", response_model=list[TimelineItem])
def list_events(
    *,
    store: Store,
    org: Annotated[Text | None, Query(description="A participating organisation (key or name).")] = None,
    country_a: Country | None = None,
    country_b: Country | None = None,
    kind: EventKind | None = None,
    since: Year | None = None,
    until: Year | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> list[TimelineItem]:
    """Timeline of events and visits (visitor → host), oldest first."""
    rows = run_query(
        store,
        "events_timeline",
        org=_key(store, org),
        country_a=country_a,
        country_b=country_b,
        kind=kind,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    return [TimelineItem(**row) for row in rows]


@router.get("/paths", response_model=Paths)
def find_paths(
    *,
    store: Store,
    settings: AppSettings,
    source: Annotated[Text, Query(alias="from", description="Start organisation (key or name).")],
    target: Annotated[Text, Query(alias="to", description="End organisation (key or name).")],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = MAX_HOPS,
    limit: Annotated[int, Query(ge=1, le=20)] = 5,
) -> Paths:
    """The shortest chains of sourced facts joining two organisations (at most `max_hops` links).

    Found by a breadth-first search from both ends; a search too wide for its time or row budget answers 504.
    """
    a, b = resolve(store, source), resolve(store, target)
    if a["key"] == b["key"]:
        raise BadRequest("`from` and `to` name the same entity")
    rows = search_paths(
        store,
        source=a["key"],
        target=b["key"],
        max_hops=max_hops,
        limit=limit,
        timeout_ms=settings.query_timeout_ms,
    )
    return Paths(
        source=Ref(key=a["key"], name=a["name"]),
        target=Ref(key=b["key"], name=b["name"]),
        max_hops=max_hops,
        paths=[PathItem(**row) for row in rows],
    )


@router.get("/countries/{a}/{b}", response_model=CountryPair)
def country_pair(
    *,
    store: Store,
    a: CountryPath,
    b: CountryPath,
    since: Year | None = None,
    until: Year | None = None,
    limit: Limit = 100,
) -> CountryPair:
    """Summary of two countries' academic ties: institutions on each side, agreements per year, top pairs."""
    a, b = a.upper(), b.upper()
    pairs = _shared_query(store, "country_pair", {"a": a, "b": b, "since": since, "until": until, "limit": limit})
    agreements = _shared_query(store, "agreements", {"country_a": a, "country_b": b, "limit": 500})
    years = Counter((row["date"] or "undated")[:4] for row in agreements if _in_years(row["date"], since, until))
    side_a = {r["a_key"]: r["a_name"] for r in pairs}
    side_b = {r["b_key"]: r["b_name"] for r in pairs}
    return CountryPair(
        a=a,
        b=b,
        institutions={a: _refs(side_a), b: _refs(side_b)} if a != b else {a: _refs(side_a | side_b)},
        agreements_per_year=dict(sorted(years.items())),
        pairs=[PairTie(**row) for row in pairs],
    )


def _shared_query(store: Store, name: str, params: dict[str, Any]) -> list[Row]:
    """A whole-graph summary many visitors ask the same way: run once for concurrent identical requests and
    kept a short while (queries.shared_reads; at M a country pair reads 160k ties)."""
    return shared(store, params_key(name, params), lambda: run_query(store, name, **params))


def _in_years(date: str | None, since: int | None, until: int | None) -> bool:
    """Whether an ISO date falls within the years asked (undated only when no years are asked)."""
    if since is None and until is None:
        return True
    year = int(date[:4]) if date and date[:4].isdigit() else None
    return year is not None and (since is None or year >= since) and (until is None or year <= until)


def _refs(names: dict[str, str | None]) -> list[Ref]:
    """Entities as refs, by name."""
    return [Ref(key=k, name=n) for k, n in sorted(names.items(), key=lambda kv: kv[1] or kv[0])]


@router.get("/initiatives/{ref}/members", response_model=list[Member])
def initiative_members(
    *,
    store: Store,
    ref: str,
    role: Annotated[Text | None, Query(description="host, partner or member")] = None,
    country: Country | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> list[Member]:
    """Organisations in an initiative (e.g. Luban Workshop hosts and partners) with their role and sources."""
    key = resolve(store, ref)["key"]
    rows = run_query(
        store, "initiative_members", initiative=key, role=role, country=country, limit=limit, offset=offset
    )
    return [Member(**row) for row in rows]


@router.get("/initiatives/{ref}/ties", response_model=list[PairTie])
def initiative_ties(store: Store, ref: str, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> list[PairTie]:
    """Cooperation and visits stated in documents that also name the initiative (Belt and Road-linked ties)."""
    key = resolve(store, ref)["key"]
    return [PairTie(**row) for row in run_query(store, "initiative_ties", initiative=key, limit=limit, offset=offset)]


@router.get("/facts", response_model=list[FactSource])
def fact_sources(
    *,
    store: Store,
    a: Annotated[Text, Query(description="One entity (key or name).")],
    b: Annotated[Text, Query(description="The other entity (key or name).")],
    type: FactType | None = None,
    limit: Limit = 100,
) -> list[FactSource]:
    """Provenance of facts: each document stating each fact between two entities, with its sentence."""
    rows = run_query(
        store, "fact_sources", a=resolve(store, a)["key"], b=resolve(store, b)["key"], type=type, limit=limit
    )
    return [FactSource(**row) for row in rows]
