"""Resolving initiatives, programmes, agreements, events, cities and countries.

Initiatives are few and global (the registry's curated table names Belt and Road and Luban Workshop in all
their forms). An agreement is identified by its kind, parties and date; an event by its name and date; a
programme by its name and host. Without such identity they stay with their own document.
"""

from __future__ import annotations

import re

from loaders.facts import Candidate, Entity, Extraction, Resolution
from loaders.index import EntityIndex
from loaders.names import fold, fuller_name, is_abbreviation, slugify
from loaders.registry import Registry

MAX_KEY_WORDS = 8
_INITIATIVE_TAIL = re.compile(r"\s+(initiative|project|program|programme|platform|scheme|strategy)s?$", re.I)
_PLACE_TAIL = re.compile(r"\s+(in|of|at)\s+[A-Z][\w'’ -]+$")


def resolve_other(
    candidate: Candidate,
    *,
    extraction: Extraction,
    resolution: Resolution,
    index: EntityIndex,
    registry: Registry,
    tag: str,
) -> Entity:
    """Dispatch on the label."""
    if candidate.label == "Initiative":
        return resolve_initiative(candidate, index=index, registry=registry)
    if candidate.label == "City":
        return resolve_city(candidate, registry=registry)
    if candidate.label == "Country":
        return resolve_country(candidate, registry=registry)
    if candidate.label == "Agreement":
        parties = sorted(
            resolution.entities[r.a].key
            for r in extraction.relations
            if r.type == "PARTY_TO" and r.b == candidate.local_id and r.a in resolution.entities
        )
        return fullest(keyed(candidate, _agreement_key(candidate, parties, tag)), index)
    if candidate.label == "Program":
        key = _program_key(candidate, extraction=extraction, resolution=resolution, tag=tag)
        return fullest(keyed(candidate, key), index)
    date = candidate.props.get("date")
    suffix = str(date) if candidate.label == "Event" and date else tag
    return fullest(keyed(candidate, f"{_short_slug(_name(candidate.names))}_{slugify(suffix)}"), index)


def fullest(entity: Entity, index: EntityIndex) -> Entity:
    """An agreement, programme or event another article named already: the fuller of the two names."""
    known = index.get(entity.key)
    if known is not None and known.label == entity.label:
        entity.name = fuller_name(known.name, entity.name)
    return entity


def resolve_initiative(candidate: Candidate, *, index: EntityIndex, registry: Registry) -> Entity:
    """A registry initiative by any of its names (with "initiative", "in Kyrgyzstan" cut off), else by name."""
    for name in candidate.names:
        for form in _initiative_forms(name):
            matches = [m for m in registry.match_organisation(form) if m.org.kind == "initiative" and m.score >= 0.9]
            if matches:
                org = matches[0].org
                return Entity(key=org.key, label="Initiative", name=org.name, aliases=sorted(set(candidate.names)))
    for name in candidate.names:
        for form in _initiative_forms(name):
            known = index.find_named("Initiative", form)
            if len(known) == 1:
                return keyed(candidate, known[0].key, name=known[0].name)
    return keyed(candidate, slugify(_initiative_forms(_name(candidate.names))[-1]))


def _initiative_forms(name: str) -> list[str]:
    """The name, then without a trailing "initiative"/"project", then without a trailing place."""
    forms = [name.strip(" \"'“”«»")]
    for pattern in (_INITIATIVE_TAIL, _PLACE_TAIL):
        shorter = pattern.sub("", forms[-1])
        if shorter and shorter != forms[-1]:
            forms.append(shorter)
    return forms


def resolve_city(candidate: Candidate, *, registry: Registry) -> Entity:
    """A GeoNames city under its GeoNames name, else the printed name."""
    name = _name(candidate.names)
    city = registry.city(name, candidate.country) or registry.city(name)
    if city is None:
        return keyed(candidate, slugify(name))
    return Entity(
        key=slugify(city.name), label="City", name=city.name, aliases=sorted(set(candidate.names)), country=city.country
    )


def resolve_country(candidate: Candidate, *, registry: Registry) -> Entity:
    """A country under its English short name; `country` carries the ISO code."""
    name = _name(candidate.names)
    code = candidate.country or registry.country(name)
    if code is None or code not in registry.country_names:
        return keyed(candidate, slugify(name))
    english = registry.country_names[code]
    return Entity(
        key=slugify(english), label="Country", name=english, aliases=sorted(set(candidate.names)), country=code
    )


def keyed(candidate: Candidate, key: str, *, name: str | None = None) -> Entity:
    """An entity of the candidate's label under a given key."""
    return Entity(
        key=key,
        label=candidate.label,
        name=name or _name(candidate.names),
        aliases=sorted(set(candidate.names)),
        country=candidate.country,
        city=candidate.city,
        props=dict(candidate.props),
    )


def _agreement_key(candidate: Candidate, parties: list[str], tag: str) -> str:
    """kind + parties + date when the parties are known (the same signing in two articles), else per document."""
    kind = str(candidate.props.get("kind") or "agreement")
    date = candidate.props.get("date")
    if len(parties) >= 2:
        return "_".join([slugify(kind), *parties, slugify(str(date or "undated"))])
    return f"{_short_slug(_name(candidate.names))}_{tag}"


def _program_key(candidate: Candidate, *, extraction: Extraction, resolution: Resolution, tag: str) -> str:
    """A programme is its name at its organisations (the same programme in two articles), else per document."""
    owners = sorted(
        resolution.entities[r.b].key
        for r in extraction.relations
        if r.type == "PART_OF" and r.a == candidate.local_id and r.b in resolution.entities
    )
    return "_".join([_short_slug(_name(candidate.names)), *(owners[:2] or [tag])])


def _short_slug(name: str) -> str:
    """A key from at most a few words of a long name."""
    return "_".join(slugify(name).split("_")[:MAX_KEY_WORDS])


def _name(names: list[str]) -> str:
    """The fullest printed name."""
    full = [n for n in names if n.strip() and not is_abbreviation(n)] or [n for n in names if n.strip()]
    return (full[0] if full else "unnamed").strip(" \"'“”«».,;") if fold(full[0] if full else "x") else "unnamed"
