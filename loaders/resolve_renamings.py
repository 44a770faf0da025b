"""Applying the renamings a document states to its resolution: the former name's mention takes the
institution's node, and a node an earlier article made for the former name is folded into it.

An analyst's not-same or split between the two wins: the document then keeps them apart.
"""

from __future__ import annotations

from dataclasses import replace

from loaders.facts import Candidate, Entity, Resolution
from loaders.former_names import Renaming, former_names
from loaders.index import EntityIndex, label_group
from loaders.judgements import Judgements
from loaders.names import is_abbreviation, normalise
from loaders.org_names import parse_org


def fold_renaming(renaming: Renaming, resolution: Resolution, *, index: EntityIndex, judgements: Judgements) -> None:
    """A former name the text states joins the institution's node (unless an analyst said they differ)."""
    current, former = resolution.entities.get(renaming.current), resolution.entities.get(renaming.former)
    if current is not None and renaming.current == renaming.former and label_group(current.label) == "org":
        former = _known_former(renaming.name, current, index=index, judgements=judgements)
        if former is not None:
            current.aliases = sorted({*current.aliases, renaming.name})
            resolution.absorbed[former.key] = current.key
            index.remove(former.key)
        return
    if current is None or former is None or current.key == former.key or not _foldable(current, former):
        return
    if judgements.not_same(current.key, former.key) or judgements.split_key(current.key, former.aliases):
        return
    current.aliases = sorted(set(current.aliases) | set(former.aliases))
    for local_id, entity in list(resolution.entities.items()):
        if entity.key == former.key:
            resolution.entities[local_id] = current
    known = index.get(former.key)
    if known is not None and only_named(known, former.aliases):
        resolution.absorbed[former.key] = current.key  # an earlier article's node for the former name
        index.remove(former.key)


def _foldable(current: Entity, former: Entity) -> bool:
    """Organisations fold into organisations; a unit into a unit ('the center was renamed the Confucius Institute')."""
    return label_group(current.label) == "org" or current.label == former.label == "Lab"


def _known_former(name: str, current: Entity, *, index: EntityIndex, judgements: Judgements) -> Entity | None:
    """The one node an earlier article made for a former name this document gives the institution itself."""
    found = [
        e
        for e in index.find_org(parse_org(name), current.label)
        if e.key != current.key
        and only_named(e, [name])
        and not judgements.not_same(current.key, e.key)
        and judgements.split_key(current.key, [name]) is None
    ]
    return found[0] if len(found) == 1 else None


def only_named(entity: Entity, names: list[str]) -> bool:
    """Whether a known entity was only ever printed as these names (or abbreviations): the former name's
    node, not another institution that happens to share it."""
    forms = {normalise(n) for n in names}
    return all(normalise(n) in forms or is_abbreviation(n) for n in {entity.name, *entity.aliases})


def without_former_names(candidate: Candidate, renamings: list[Renaming]) -> Candidate:
    """The candidate without the former names the extractor gave it ("ENU, founded as the Eurasian University"):
    it is resolved by its present names, and keeps the former ones as aliases."""
    former = former_names(renamings, candidate) if renamings else set()
    if not former:
        return candidate
    present = [n for n in candidate.names if normalise(n) not in former]
    return replace(candidate, names=present) if present else candidate
