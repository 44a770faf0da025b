"""Whether a name or a candidate denotes a known entity: the comparisons resolution makes (loaders.resolve).

Printed names of one institution differ ("Naryn State University" / "... named after S. Naamatov", "KazNU",
"Academic Lyceum of the X University"); these say when two stand for one entity, and which name to show.
"""

from __future__ import annotations

import re

from loaders.doc_context import same_place
from loaders.facts import Candidate, Entity
from loaders.index import label_group
from loaders.names import STOPWORDS, fold, is_abbreviation
from loaders.org_names import OrgName, abbreviates, mission_order, parse_org, same_eponym

_QUALIFYING = frozenset({"of", "in", "named", "im", "n"})
"""Words after which the rest of a name places or dedicates the institution rather than naming a unit of it."""
_OWNED_BY = frozenset({"of", "at", "under", "to", "by"})
"""Words after which a name inside a longer one is the owner of what the longer one names."""


def compatible(entity: Entity, candidate: Candidate) -> bool:
    """Same label group and no conflicting country or city."""
    if label_group(entity.label) != label_group(candidate.label):
        return False
    if entity.country and candidate.country and entity.country != candidate.country:
        return False
    return same_place(entity.city, candidate.city)


def key_name(name: str) -> str:
    """The part of a name every printed form of it shares: no '(ABBR)', no 'named after ...' tail (a campus
    qualifier stays: "X (East China)" is not "X (Beijing)").

    "Naryn State University" and "Naryn State University named after S. Naamatov" are one entity (see
    `EntityIndex.find_org`); keying both by the short form makes the key independent of which came first."""
    name = re.sub(r"\s*\(([^()]*)\)\s*$", lambda m: "" if is_abbreviation(m.group(1)) else m.group(0), name)
    return re.sub(r"\s*,?\s*(?:named after|named for|n\.\s?a\.|im\.)\s+.*$", "", name, flags=re.IGNORECASE) or name


def same_eponyms(name: str, entity: Entity) -> bool:
    """Whether a name's eponym agrees with every eponym a known entity is printed with."""
    eponym = parse_org(name).eponym
    return all(
        same_eponym(eponym, parse_org(n).eponym) for n in {entity.name, *entity.aliases} if not is_abbreviation(n)
    )


def same_mission(parsed: OrgName, entity: Entity) -> bool:
    """An embassy or consulate matches only one of the same country in the same place (not the reverse)."""
    order = mission_order(parsed)
    return not order or order == mission_order(parse_org(entity.name))


def denotes(abbr: OrgName, entity: Entity) -> bool:
    """Whether an abbreviation stands for an entity: one of its names, or their word starts."""
    if any(is_abbreviation(a) and a.upper() == abbr.core_abbreviation.upper() for a in entity.aliases):
        return True
    return any(
        abbreviates(abbr.core_abbreviation, parse_org(n))
        for n in {entity.name, *entity.aliases}
        if not is_abbreviation(n)
    )


def display_name(names: list[str]) -> str:
    """The fullest printed name: the first that is not a bare abbreviation, without quotes and "The"."""
    full = [n for n in names if n and not is_abbreviation(n)] or [n for n in names if n] or ["unnamed"]
    name = full[0].strip(" \"'“”«»‘’.,;")
    return name[4:] if name.lower().startswith("the ") else name


def part_of(name: str, entity: Entity) -> bool:
    """Whether a name of two or more content words is a run of words inside a longer name of the entity that
    ends it, or is followed only by a place or an eponym ("... of Turkmenistan"): not the owner's name inside a
    unit's ("X University" in "X University Academic Lyceum" or "Academic Lyceum of the X University")."""
    words = fold(name).split()
    if len([w for w in words if w not in STOPWORDS]) < 2:
        return False
    size = len(words)
    for other in (fold(n).split() for n in {entity.name, *entity.aliases} if not is_abbreviation(n)):
        for i in range(len(other) - size + 1):
            rest, before = other[i + size :], [w for w in other[:i] if w != "the"][-1:]
            parent = bool(before) and before[0] in _OWNED_BY  # "Academic Lyceum of the X University"
            if len(other) > size and other[i : i + size] == words and (not rest or rest[0] in _QUALIFYING):
                return not parent
    return False
