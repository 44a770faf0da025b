"""Resolving a person: every printed form of one name ("Chynybaev M.K.", "M.K. Chynybaev",
"Chynybaev Mirlan Koychubekovich") to one node, keyed by given name and surname ("mirlan_chynybaev")."""

from __future__ import annotations

from loaders.facts import Candidate, Entity
from loaders.index import EntityIndex
from loaders.names import PersonName, parse_person, slugify, strip_titles

MIN_SURNAME_ONLY = 6
"""A surname printed alone joins a known person only if it is this long and names exactly one person."""


def resolve_person(candidate: Candidate, *, index: EntityIndex, tag: str) -> Entity:
    """The known person these names fit, else a new one."""
    forms = [p for p in map(parse_person, candidate.names) if p is not None]
    best = fullest(forms)
    name = display_name(candidate.names, best)
    if best is None:
        return Entity(key=slugify(name), label="Person", name=name, aliases=sorted(set(candidate.names)))
    known = find_known(best, forms, index)
    if known is not None:
        fuller = max((known.name, name), key=lambda n: (len(n.split()), len(n), n))  # the same in any load order
        return Entity(key=known.key, label="Person", name=fuller, aliases=sorted(set(candidate.names)))
    key = best.key
    clash = index.get(key)
    if clash is not None and clash.label == "Person":
        key = f"{key}_{tag}"  # same key, not the same person (the match above failed)
    return Entity(key=key, label="Person", name=name, aliases=sorted(set(candidate.names)))


def fullest(forms: list[PersonName]) -> PersonName | None:
    """The most informative form: given names beat initials beat a bare surname."""
    if not forms:
        return None
    return max(forms, key=lambda p: (len(p.given), len(p.initials), len(p.surname)))


def find_known(best: PersonName, forms: list[PersonName], index: EntityIndex) -> Entity | None:
    """A person in the graph compatible with the fullest form (and so with the others)."""
    if not best.given and not best.initials and len(best.surname) < MIN_SURNAME_ONLY:
        return None
    found = {e.key: e for e in index.find_person(best)}
    if not best.given and not best.initials:
        return next(iter(found.values())) if len(found) == 1 else None
    if len(found) == 1:
        return next(iter(found.values()))
    exact = [e for e in found.values() if parse_person(e.name) == best]
    return exact[0] if len(exact) == 1 else None


def display_name(names: list[str], best: PersonName | None) -> str:
    """The printed form with the most words, titles and quotes removed ("Rector M.K. Chynybaev" → "M.K. Chynybaev")."""
    printed = [strip_titles(n).strip(" \"'“”") for n in names if n.strip()]
    if not printed:
        return best.key.replace("_", " ").title() if best else "unnamed"
    return max(printed, key=lambda n: (len(n.split()), len(n)))
