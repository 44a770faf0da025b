"""Entities: search and list, profile, partners, officials, the documents that name them.

`{ref}` is a key or any name or alias: `/entities/Xinjiang%20University/partners` works.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from api.deps import (
    DEFAULT_LIMIT,
    Limit,
    Offset,
    Store,
    read_for_ref,
    read_query,
    resolve,
    run_for_ref,
    run_query,
)
from api.models import ERROR_RESPONSES, DocumentRef, EntityList, EntitySummary, Official, Partner, Profile
from api.params import Country, EntityType, Text, Year
from queries.lookup import search_entities

router = APIRouter(tags=["entities"], responses=ERROR_RESPONSES)


@router.get("/entities", response_model=EntityList)
def list_entities(
    *,
    store: Store,
    q: Annotated[Text | None, Query(description="Words of a name or alias; typos are forgiven.")] = None,
    type: EntityType | None = None,
    country: Country | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> EntityList:
    """Search by name (`q`, typo-tolerant, with "did you mean" suggestions) or list by type and country."""
    if q:
        found = search_entities(store, q, type=type, country=country, limit=offset + limit)
        items = [EntitySummary(**row) for row in found["results"][offset:]]
        return EntityList(items=items, suggestions=found["suggestions"], limit=limit, offset=offset)  # type: ignore[arg-type]
    rows = run_query(store, "entities", type=type, country=country, limit=limit, offset=offset)
    return EntityList(items=[EntitySummary(**row) for row in rows], limit=limit, offset=offset)


@router.get("/entities/{ref}", response_model=Profile)
def get_entity(store: Store, ref: str) -> Profile:
    """An entity's profile: names, place, parent and units, initiatives, counts of facts."""
    return Profile(**run_for_ref(store, "entity_profile", ref)[0])


@router.get("/entities/{ref}/partners", response_model=list[Partner])
async def get_partners(
    *,
    store: Store,
    ref: str,
    country: Annotated[Country | None, Query(description="Partner's country (ISO alpha-2).")] = None,
    type: Annotated[EntityType | None, Query(description="Partner's type.")] = None,
    since: Year | None = None,
    until: Year | None = None,
    initiative: Annotated[Text | None, Query(description="Only partners in this initiative (key or name).")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> list[Partner]:
    """Partners of an organisation and how they are tied (cooperation, agreement, visit, joint lab,
    programme), with first and last dates and sources, most-sourced first."""
    # async, the query sent from the event loop: a worker thread per request cost a third of the Python time
    filters = {"country": country, "type": type, "since": since, "until": until, "limit": limit, "offset": offset}
    if initiative is None:
        rows = await read_for_ref(store, "partners_of", ref, initiative=None, **filters)
    else:
        key, initiative_key = await run_in_threadpool(
            lambda: (resolve(store, ref)["key"], resolve(store, initiative)["key"])
        )
        rows = await read_query(store, "partners_of", ref=key, initiative=initiative_key, **filters)
    return rows  # type: ignore[return-value]  # response_model validates and serialises them, once


@router.get("/entities/{ref}/officials", response_model=list[Official])
def get_officials(store: Store, ref: str, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> list[Official]:
    """People affiliated with an organisation, with their titles and sources."""
    return [Official(**row) for row in run_for_ref(store, "officials_of", ref, limit=limit, offset=offset)]


@router.get("/entities/{ref}/documents", response_model=list[DocumentRef])
def get_entity_documents(store: Store, ref: str, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> list[DocumentRef]:
    """Provenance: the documents that name an entity, newest first, with the names they use."""
    return [DocumentRef(**row) for row in run_for_ref(store, "entity_documents", ref, limit=limit, offset=offset)]
