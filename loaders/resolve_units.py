"""Resolving a unit inside an organisation (lab, centre, faculty, Confucius Institute): generic unit names
("School of Civil Engineering", "Confucius Institute") are only the same unit under the same parent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from loaders.facts import Candidate, Entity, Extraction, Resolution
from loaders.names import fold, is_abbreviation, slugify
from loaders.org_names import parse_org

if TYPE_CHECKING:
    from loaders.resolve import Resolver

GENERIC_UNIT_WORDS = frozenset(
    "faculty faculties school department institute center centre college laboratory laboratories lab labs "  # noqa: SIM905
    "office division chair unit key joint international cooperation exchange exchanges education educational "
    "foreign language languages research training engineering technology technologies science sciences "
    "confucius chinese china culture cultural studies study national state new main university "
    "of for and the in at on with".split()
)
"""Words any university's units are named with; a unit name made only of them names nothing by itself."""


def resolve_unit(candidate: Candidate, *, resolver: Resolver, resolution: Resolution) -> Entity:
    """Same unit = same parent and name, or a distinctive name known to the registry or the graph."""
    name = _unit_name(candidate.names)
    parent = _parent(candidate, resolver, resolution)
    registry = [
        m
        for m in resolver.registry.match_organisation(name, candidate.country)
        if m.org.kind == "org" and m.how == "name" and m.score >= 0.95
    ]
    if len(registry) == 1:
        org = registry[0].org
        return Entity(
            key=org.key,
            label="Lab",
            name=org.name,
            aliases=sorted(set(candidate.names)),
            country=org.country,
            city=org.city,
        )
    if parent is not None:
        key = f"{parent.key}_{slugify(name)}"
        return Entity(
            key=key,
            label="Lab",
            name=name,
            aliases=sorted(set(candidate.names)),
            country=candidate.country or parent.country,
            city=candidate.city or parent.city,
        )
    if is_generic(name):
        key = f"{slugify(name)}_{resolver.context.document_tag}"
        return Entity(
            key=key,
            label="Lab",
            name=name,
            aliases=sorted(set(candidate.names)),
            country=candidate.country,
            city=candidate.city,
        )
    known = [e for e in resolver.index.find_org(parse_org(name), "Lab") if e.label == "Lab"]
    if len(known) == 1:
        return Entity(
            key=known[0].key,
            label="Lab",
            name=known[0].name,
            aliases=sorted(set(candidate.names)),
            country=known[0].country or candidate.country,
            city=known[0].city or candidate.city,
        )
    return resolver.new_entity(candidate, [name, *candidate.names])


def is_generic(name: str) -> bool:
    """Whether a unit name is made only of words every university uses."""
    return all(w in GENERIC_UNIT_WORDS for w in fold(name).split())


def _unit_name(names: list[str]) -> str:
    """The fullest printed name, without quotes or a leading "the"."""
    full = [n for n in names if n.strip() and not is_abbreviation(n)] or names or ["unnamed unit"]
    name = max(full, key=len).strip(" \"'“”«».,;")
    return name[4:] if name.lower().startswith("the ") else name


def _parent(candidate: Candidate, resolver: Resolver, resolution: Resolution) -> Entity | None:
    """The organisation a PART_OF relation puts this unit in, already resolved in this document."""
    for relation in resolver.extraction.relations:
        if relation.type == "PART_OF" and relation.a == candidate.local_id:
            parent = resolution.entities.get(relation.b)
            if parent is not None and parent.label != "Lab":
                return parent
    return None


def resolve_branch(
    candidate: Candidate,
    *,
    extraction: Extraction,
    resolution: Resolution,
    new: Callable[[Candidate, list[str]], Entity],
) -> Entity:
    """A branch is its parent's branch in a country: '<parent key>_<country>_branch' (else in a host)."""
    owners = [
        resolution.entities[r.b]
        for r in extraction.relations
        if r.type == "PART_OF" and r.a == candidate.local_id and r.b in resolution.entities
    ]
    if not owners:
        return new(candidate, candidate.names)
    parent, hosts = owners[0], owners[1:]
    country = candidate.country or next((h.country for h in hosts if h.country), None)
    where = (country or "").lower() or (hosts[0].key if hosts else "")
    return Entity(
        key="_".join(part for part in (parent.key, where, "branch") if part),
        label=candidate.label,
        name=_unit_name(candidate.names),
        aliases=sorted(set(candidate.names)),
        country=country,
        city=candidate.city,
    )
