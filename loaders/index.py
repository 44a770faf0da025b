"""The entities already in the graph, indexed by every way a later document may name them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from loaders.facts import Entity
from loaders.names import PersonName, fuller_name, is_abbreviation, normalise, parse_person, same_person
from loaders.org_names import OrgName, parse_org, same_eponym

ORG_LABELS = frozenset({"University", "Organization"})
"""Labels one name may carry in different articles (a research academy is typed either way)."""


def label_group(label: str) -> str:
    """Labels whose entities may be matched to each other by name."""
    return "org" if label in ORG_LABELS else label


class EntityIndex:
    """In-memory view of the graph's entities; `add` keeps it current while a batch is resolved."""

    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._by_signature: dict[tuple[str, str], set[str]] = {}
        self._by_abbreviation: dict[tuple[str, str], set[str]] = {}
        self._by_surname: dict[str, set[str]] = {}
        self._by_name: dict[tuple[str, str], set[str]] = {}

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> EntityIndex:
        """Build from `MATCH (n:Entity) RETURN n.key AS key, labels(n) AS labels, n.name AS name, ...`."""
        index = cls()
        for row in rows:
            labels = [lb for lb in row.get("labels") or () if lb != "Entity"]
            index.add(
                Entity(
                    key=row["key"],
                    label=labels[0] if labels else "Organization",
                    name=row.get("name") or row["key"],
                    aliases=list(row.get("aliases") or ()),
                    country=row.get("country"),
                    city=row.get("city"),
                )
            )
        return index

    def __len__(self) -> int:
        return len(self._entities)

    def __contains__(self, key: object) -> bool:
        return key in self._entities

    def get(self, key: str) -> Entity | None:
        """The entity with this key, if the graph has it."""
        return self._entities.get(key)

    def keys(self) -> set[str]:
        """Every key in the index."""
        return set(self._entities)

    def add(self, entity: Entity) -> None:
        """Add an entity, or widen the known one with the same key by its new names."""
        known = self._entities.get(entity.key)
        if known is not None:
            names = sorted(set(known.aliases) | set(entity.aliases) | {entity.name})
            entity = Entity(
                key=known.key,
                label=known.label,
                name=_kept_name(known, entity),
                aliases=names,
                country=known.country or entity.country,
                city=known.city or entity.city,
                props=known.props,
            )
        self._entities[entity.key] = entity
        for name in {entity.name, *entity.aliases}:
            self._index_name(entity, name)

    def remove(self, key: str) -> None:
        """Forget an entity (folded into another): lookups skip keys the index no longer holds."""
        self._entities.pop(key, None)

    def _index_name(self, entity: Entity, name: str) -> None:
        """File one name of an entity under the lookups its label uses."""
        group = label_group(entity.label)
        if entity.label == "Person":
            person = parse_person(name)
            if person is not None:
                self._by_surname.setdefault(person.surname, set()).add(entity.key)
                for word in person.given:
                    self._by_surname.setdefault(word, set()).add(entity.key)
            return
        if group in {"org", "Lab"}:
            parsed = parse_org(name)
            if parsed.abbreviation:
                self._by_abbreviation.setdefault((group, parsed.core_abbreviation.upper()), set()).add(entity.key)
            elif parsed.words:
                self._by_signature.setdefault((group, parsed.signature), set()).add(entity.key)
            return
        self._by_name.setdefault((group, normalise(name)), set()).add(entity.key)

    # ------------------------------------------------------------ lookups

    def find_org(self, parsed: OrgName, label: str) -> list[Entity]:
        """Entities of the label's group with the same core words and a compatible eponym."""
        keys = self._by_signature.get((label_group(label), parsed.signature), set())
        return [e for e in self._sorted(keys) if any(same_eponym(parsed.eponym, ep) for ep in self._eponyms(e))]

    def find_abbreviation(self, abbreviation: str, label: str) -> list[Entity]:
        """Entities some document already called by this abbreviation."""
        return self._sorted(self._by_abbreviation.get((label_group(label), abbreviation.upper()), set()))

    def find_person(self, person: PersonName) -> list[Entity]:
        """Persons whose names are all compatible with this one (same surname, agreeing given names)."""
        return [e for e in self._sorted(self._by_surname.get(person.surname, set())) if fits_person(person, e)]

    def find_named(self, label: str, name: str) -> list[Entity]:
        """Entities of other labels (initiatives, events...) with this normalised name."""
        return self._sorted(self._by_name.get((label_group(label), normalise(name)), set()))

    def entities(self, label: str | None = None) -> list[Entity]:
        """Every entity (of one label group), by key."""
        keys = {k for k, e in self._entities.items() if label is None or label_group(e.label) == label_group(label)}
        return self._sorted(keys)

    def _sorted(self, keys: Iterable[str]) -> list[Entity]:
        """Entities for keys, in key order (results never depend on set order)."""
        return [self._entities[k] for k in sorted(keys) if k in self._entities]

    def _eponyms(self, entity: Entity) -> set[str]:
        """Every eponym this entity's names carry (an empty one when some name has none)."""
        return {parse_org(n).eponym for n in [entity.name, *entity.aliases] if not is_abbreviation(n)} or {""}


def fits_person(person: PersonName, entity: Entity) -> bool:
    """Whether a name can be one more form of a known person: compatible with every form it has been printed in
    ("Marat Chynybaev" is not the "M. Chynybaev" another article calls "Mirlan Chynybaev")."""
    forms = [p for p in map(parse_person, [entity.name, *entity.aliases]) if p is not None]
    words = {person.surname, *person.given}
    forms = [p for p in forms if p.surname in words or person.surname in p.given]  # not "B.T. Asanov (rector)"
    if person.given or person.initials:  # a bare "Zheng" alias says nothing about "Wang Zheng"
        informative = [p for p in forms if p.given or p.initials]
        if not informative:  # known by a long surname alone: as a bare surname joins the one person who has it
            return bool(forms) and min(len(w) for w in words & {p.surname for p in forms}) >= BARE_SURNAME
        forms = informative
    return bool(forms) and all(same_person(person, form) for form in forms)


BARE_SURNAME = 6
"""A person known by a surname alone is the one a full name with it denotes if the surname is this long."""

NAMED_FULLEST = ORG_LABELS | {"Person", "Agreement", "Event", "Program"}
"""Labels whose display name is the fullest any article gives (registry and judgement names aside)."""


def _kept_name(known: Entity, entity: Entity) -> str:
    """The display name of an entity two documents name: the fuller of the two (names.fuller_name) for the
    labels named by their fullest form, so that the name a load ends with does not depend on the order of
    its documents; other entities (initiatives, places: registry names) keep the first."""
    if known.label not in NAMED_FULLEST:
        return known.name
    return kept_name(known, entity.name) if known.label in ORG_LABELS else fuller_name(known.name, entity.name)


def kept_name(known: Entity, name: str) -> str:
    """An organisation's display name when a document names it `name`: the fuller of the two, unless `name`
    is one it was already printed as (a former name the node took in never becomes its name again)."""
    fuller = fuller_name(known.name, name)
    if fuller == known.name or name in known.aliases:
        return known.name
    return known.name if normalise(name) in {normalise(a) for a in known.aliases} else fuller
