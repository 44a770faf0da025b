"""One document's printed forms of one person, joined before looking across documents.

An article may print "Zhuldyz Temirbekovna Abenova", then "Abenova Zh.T." and "Prof. Abenova": when the
extractor leaves them apart, the person the document already named is the one a shorter form denotes —
if exactly one fits. A bare surname that fits two people of the document denotes neither, and stays
with the document. Only a form the document does not settle is looked up in the graph.
"""

from __future__ import annotations

from loaders.facts import Candidate, Entity, Resolution
from loaders.index import EntityIndex, fits_person
from loaders.names import PersonName, fuller_name, parse_person
from loaders.resolve_people import display_name, fullest, resolve_person


def resolve_document_person(candidate: Candidate, *, index: EntityIndex, resolution: Resolution, tag: str) -> Entity:
    """The person of this document these names fit, else the graph's, else a new one; titles kept."""
    best = fullest([p for p in map(parse_person, candidate.names) if p is not None])
    fitting = document_persons(best, resolution) if best is not None else []
    if len(fitting) == 1:
        entity = joined(fitting[0], candidate, best)
    elif best is not None and len(fitting) > 1:
        name = display_name(candidate.names, best)
        entity = Entity(key=f"{best.key}_{tag}", label="Person", name=name, aliases=sorted(set(candidate.names)))
    else:
        entity = resolve_person(candidate, index=index, tag=tag)
    titles = candidate.props.get("titles")
    if titles:
        entity.props = {**entity.props, "titles": list(dict.fromkeys(titles))}
    return entity


def document_persons(best: PersonName, resolution: Resolution) -> list[Entity]:
    """The persons already resolved in this document that every form of `best` fits."""
    people = {e.key: e for e in resolution.entities.values() if e.label == "Person"}
    return [people[key] for key in sorted(people) if fits_person(best, people[key])]


def joined(entity: Entity, candidate: Candidate, best: PersonName | None) -> Entity:
    """The document's person, carrying this candidate's names too, under the fuller of their names (the
    document's entity is renamed in place: every candidate sharing it shows the same name)."""
    entity.name = fuller_name(entity.name, display_name(candidate.names, best))
    return Entity(key=entity.key, label="Person", name=entity.name, aliases=sorted(set(candidate.names)))


def person_order(candidate: Candidate) -> int:
    """Resolve a document's fullest forms first: given names (most first), initials, a bare surname."""
    best = fullest([p for p in map(parse_person, candidate.names) if p is not None])
    if best is None or best.given:
        return -len(best.given) if best else 0
    return 1 if best.initials else 2
