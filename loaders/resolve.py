"""Entity resolution: map every candidate of one document to a graph entity (one node per real entity).

Order of evidence for an organisation: the registry (canonical name, country, city; its key becomes the
graph key), then entities already in the graph (same core words and eponym), then — for a bare
abbreviation — the document's context: abbreviations it defines, entities it names in full, its countries,
cities and publisher. A bare abbreviation the context cannot settle gets a key of its own document, so
ambiguous "KSTU"s never merge across contexts. A campus qualifier the document prints is part of the name
(org_qualifiers), a listed company is known by any of its names (company_names); a person's forms are
joined within the document first (person_forms); former names the text states join the institution
(former_names, resolve_renamings). Analyst judgements are applied to every candidate, on every load.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlparse

from loaders.company_names import listed_company
from loaders.doc_context import DocumentContext, same_place
from loaders.facts import Candidate, Document, Entity, Extraction, Resolution
from loaders.former_names import find_renamings
from loaders.government_bodies import is_bare_ministry, ministry_country, official_forms, with_country
from loaders.index import EntityIndex, kept_name, label_group
from loaders.judgements import Judgements
from loaders.names import is_abbreviation, slugify
from loaders.org_matching import compatible, denotes, display_name, key_name, part_of, same_eponyms, same_mission
from loaders.org_names import OrgName, parse_org
from loaders.org_qualifiers import with_qualifier
from loaders.person_forms import person_order, resolve_document_person
from loaders.registry import Registry, RegistryMatch, RegistryOrg
from loaders.resolve_other import resolve_other
from loaders.resolve_renamings import fold_renaming, without_former_names
from loaders.resolve_units import resolve_branch, resolve_unit

__all__ = ["EntityIndex", "resolve", "resolve_publisher"]

ORG_LABELS = ("University", "Organization")
ACCEPT = 0.85
MARGIN = 0.05
ABBREVIATION_MARGIN = 0.15
_LABEL_ORDER = {"University": 0, "Organization": 0, "Lab": 2, "Person": 3}


@dataclass
class Resolver:
    """One document's resolution: the shared lookups plus the document's context."""

    extraction: Extraction
    index: EntityIndex
    registry: Registry
    judgements: Judgements
    context: DocumentContext

    def run(self) -> Resolution:
        """Resolve organisations first (full names before bare abbreviations), then the rest."""
        resolution = Resolution()
        renamings = find_renamings(self.extraction)
        for candidate in sorted(self.extraction.candidates, key=_order):
            resolvable = without_former_names(candidate, renamings)
            entity = self.judge(candidate, self.resolve_candidate(resolvable, resolution))
            if not set(candidate.names) <= set(entity.aliases):  # names set aside to resolve by are still its names
                entity.aliases = sorted(set(entity.aliases) | set(candidate.names))
            shared = next((e for e in resolution.entities.values() if e.key == entity.key), None)
            if shared is not None:
                shared.aliases = sorted(set(shared.aliases) | set(entity.aliases))
                shared.props = merged_props(shared.props, entity.props)
                entity = shared
            resolution.entities[candidate.local_id] = entity
            self.context.note(entity)
        for renaming in renamings:
            fold_renaming(renaming, resolution, index=self.index, judgements=self.judgements)
        return resolution

    def resolve_candidate(self, candidate: Candidate, resolution: Resolution) -> Entity:
        """Dispatch on the candidate's label."""
        if candidate.props.get("branch"):
            return resolve_branch(candidate, extraction=self.extraction, resolution=resolution, new=self.new_entity)
        if candidate.label in ORG_LABELS:
            return self.resolve_org(candidate)
        if candidate.label == "Lab":
            return resolve_unit(candidate, resolver=self, resolution=resolution)
        if candidate.label == "Person":
            return resolve_document_person(
                candidate, index=self.index, resolution=resolution, tag=self.context.document_tag
            )
        return resolve_other(
            candidate,
            extraction=self.extraction,
            resolution=resolution,
            index=self.index,
            registry=self.registry,
            tag=self.context.document_tag,
        )

    # ------------------------------------------------------------ organisations

    def resolve_org(self, candidate: Candidate) -> Entity:
        """Registry, then graph, then context for abbreviations, else a new entity."""
        candidate = with_qualifier(candidate, self.extraction.document.text, self.registry)
        full = [n for n in candidate.names if not parse_org(n).abbreviation]
        abbreviations = [parse_org(n) for n in candidate.names if parse_org(n).abbreviation]
        if candidate.label == "Organization" and (company := listed_company(candidate.names)) is not None:
            full = [company, *(n for n in full if n != company)]
        full = official_forms(full) if candidate.label == "Organization" else full
        if candidate.label == "Organization" and is_bare_ministry(full):
            country = candidate.country or ministry_country(full, self.extraction.document, self.context)
            if country is None or country not in self.registry.country_names:
                return self.new_entity(candidate, full, ambiguous=True)
            candidate = replace(candidate, country=country)
            full = with_country(full, self.registry.country_names[country])
        if not full:
            full = [
                self.context.definitions[a.core_abbreviation.upper()]
                for a in abbreviations
                if a.core_abbreviation.upper() in self.context.definitions
            ][:1]
        if full and (settled := self.registry_or_document(full, candidate)) is not None:
            return settled
        if full and (known := self.known_org(full, candidate)) is not None:
            if self.registry.by_key(known.key) is not None:
                return with_names(known, candidate)  # the registry's canonical name stays
            return replace(with_names(known, candidate), name=kept_name(known, display_name(full)))
        if not full and abbreviations:
            return self.resolve_abbreviation(abbreviations, candidate)
        return self.new_entity(candidate, full or candidate.names)

    def registry_org(self, names: list[str], candidate: Candidate) -> RegistryOrg | None:
        """The registry organisation the full names denote, if one stands out."""
        for country in _countries_to_try(candidate.country, self.context.main_country()):
            for name in names:
                matches = [
                    m for m in self.registry.match_organisation(name, country, candidate.city) if m.org.kind == "org"
                ]
                if (best := _clear_best(matches)) is not None:
                    return best.org
        return None

    def registry_or_document(self, full: list[str], candidate: Candidate) -> Entity | None:
        """The registry organisation the names denote, else the one this document names more fully."""
        if (org := self.registry_org(full, candidate)) is not None:
            return from_registry(org, candidate)
        if (fuller := self.printed_in_full(full, candidate)) is not None:
            return with_names(fuller, candidate)
        return None

    def printed_in_full(self, names: list[str], candidate: Candidate) -> Entity | None:
        """The one organisation of this document whose fuller name holds this one word for word ("Engineering and
        Technology University" after "Oguz Han Engineering and Technology University of Turkmenistan")."""
        found = {
            e.key: e
            for e in self.context.resolved.values()
            if label_group(e.label) == "org" and compatible(e, candidate) and any(part_of(n, e) for n in names)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def known_org(self, names: list[str], candidate: Candidate) -> Entity | None:
        """An organisation already in the graph under one of these names, in a compatible place."""
        for name in names:
            parsed = parse_org(name)
            found = [
                e
                for e in self.index.find_org(parsed, candidate.label)
                if compatible(e, candidate)
                and not self.judgements.not_same(e.key, slugify(name))
                and same_mission(parsed, e)
            ]
            if len(found) == 1:
                return found[0]
        return None

    def resolve_abbreviation(self, abbreviations: list[OrgName], candidate: Candidate) -> Entity:
        """A bare abbreviation: co-mentions, then registry and graph options weighed by context."""
        abbr = abbreviations[0]
        for entity in self.context.resolved.values():
            if label_group(entity.label) == "org" and denotes(abbr, entity):
                return with_names(entity, candidate)
        options = self.abbreviation_options(abbr, candidate)
        ranked = sorted(options.items(), key=lambda kv: (-kv[1][1], kv[0]))
        if ranked and (len(ranked) == 1 or ranked[0][1][1] - ranked[1][1][1] >= ABBREVIATION_MARGIN):
            entity, score = ranked[0][1]
            if score >= 0.7:
                return with_names(entity, candidate)
        return self.new_entity(candidate, candidate.names, ambiguous=bool(ranked))

    def abbreviation_options(self, abbr: OrgName, candidate: Candidate) -> dict[str, tuple[Entity, float]]:
        """Every entity the abbreviation may stand for, scored by the document's context."""
        options: dict[str, tuple[Entity, float]] = {}
        for match in self.registry.match_organisation(abbr.text, candidate.country):
            if match.org.kind == "org":
                entity = from_registry(match.org, candidate)
                options[entity.key] = (entity, match.score + self.context_score(entity))
        for entity in self.index.find_abbreviation(abbr.core_abbreviation, candidate.label):
            if entity.key not in options and compatible(entity, candidate):
                options[entity.key] = (with_names(entity, candidate), 0.7 + self.context_score(entity))
        return options

    def context_score(self, entity: Entity) -> float:
        """How well an entity fits the document: its country's share, a named city, the publisher."""
        score = 0.4 * self.context.country_share(entity.country)
        if entity.city and any(same_place(entity.city, c) for c in self.context.cities):
            score += 0.2
        if self.context.publisher is not None and self.context.publisher.key == entity.key:
            score += 0.5
        return score

    def new_entity(self, candidate: Candidate, names: list[str], *, ambiguous: bool = False) -> Entity:
        """An entity nobody knows yet: keyed by its fullest name (and its document, if ambiguous)."""
        name = display_name(names)
        key = slugify(key_name(name))
        known = self.index.get(key)
        if known is not None and not same_eponyms(name, known):
            key = slugify(name)  # 'X Institute named after A' when 'X Institute named after B' has the short key
            known = self.index.get(key)
        if ambiguous or (known is not None and not compatible(known, candidate)):
            key = f"{key}_{(candidate.country or '').lower() or self.context.document_tag}"
            if ambiguous and candidate.country is None:
                key = f"{slugify(name)}_{self.context.document_tag}"
        return Entity(
            key=key,
            label=candidate.label,
            name=name,
            aliases=sorted(set(candidate.names)),
            country=candidate.country,
            city=candidate.city,
        )

    # ------------------------------------------------------------ judgements

    def judge(self, candidate: Candidate, entity: Entity) -> Entity:
        """Apply the analyst's judgements: not-same, split, merge, rename (in that order)."""
        own = slugify(display_name(candidate.names))
        if entity.key != own and self.judgements.not_same(entity.key, own):
            entity = replace(entity, key=own, name=display_name(candidate.names))
        if (target := self.judgements.split_key(entity.key, candidate.names)) is not None:
            entity = replace(entity, key=target, name=display_name(candidate.names))
        canonical = self.judgements.canonical(entity.key)
        if canonical != entity.key:
            known = self.index.get(canonical)
            entity = replace(
                entity,
                key=canonical,
                name=known.name if known else entity.name,
                country=known.country if known else entity.country,
            )
        if (name := self.judgements.name_for(entity.key)) is not None:
            entity = replace(entity, name=name)
        return entity


def resolve(extraction: Extraction, *, index: EntityIndex, registry: Registry, judgements: Judgements) -> Resolution:
    """Map every candidate (local id) of one document to its entity."""
    context = DocumentContext.build(extraction, registry=registry, index=index)
    return Resolver(extraction, index, registry, judgements, context).run()


def resolve_publisher(document: Document, registry: Registry) -> Entity | None:
    """The publishing organisation, from the URL's host (auezov.edu.kz) or the publisher field."""
    org = registry.organisation_for_domain(urlparse(document.url).hostname or "") if document.url else None
    if org is None and document.publisher:
        matches = [m for m in registry.match_organisation(document.publisher) if m.org.kind == "org"]
        best = _clear_best(matches)
        org = best.org if best else None
    if org is None:
        return None
    label = "University" if "Education" in org.types or "university" in org.name.lower() else "Organization"
    return Entity(key=org.key, label=label, name=org.name, aliases=[org.name], country=org.country, city=org.city)


# ------------------------------------------------------------ helpers


def from_registry(org: RegistryOrg, candidate: Candidate) -> Entity:
    """The entity for a registry organisation, named as the registry names it."""
    return Entity(
        key=org.key,
        label=candidate.label,
        name=org.name,
        aliases=sorted(set(candidate.names)),
        country=org.country or candidate.country,
        city=org.city or candidate.city,
    )


def with_names(entity: Entity, candidate: Candidate) -> Entity:
    """A known entity, carrying this candidate's label and names."""
    return Entity(
        key=entity.key,
        label=candidate.label,
        name=entity.name,
        aliases=sorted(set(candidate.names)),
        country=entity.country or candidate.country,
        city=entity.city or candidate.city,
    )


def _clear_best(matches: list[RegistryMatch]) -> RegistryMatch | None:
    """The top match if it is good enough and clearly ahead of the next one."""
    if not matches or matches[0].score < ACCEPT:
        return None
    if len(matches) > 1 and matches[0].score - matches[1].score < MARGIN:
        return None
    return matches[0]


def _countries_to_try(country: str | None, main: str | None) -> list[str | None]:
    """The candidate's own country if known; else no constraint, then the document's main country."""
    return [country] if country else [None, main] if main else [None]


def merged_props(kept: dict[str, Any], more: dict[str, Any]) -> dict[str, Any]:
    """Two candidates' properties for one entity: lists joined (titles, topics), other values kept first."""
    merged = dict(kept)
    for name, value in more.items():
        old = merged.get(name)
        if isinstance(old, list) and isinstance(value, list):
            merged[name] = list(dict.fromkeys([*old, *value]))
        elif old is None:
            merged[name] = value
    return merged


def _order(candidate: Candidate) -> tuple[int, int, int, str]:
    """Full-named organisations first (longest names first), then abbreviations, units, people (fullest names
    first), the rest."""
    rank = 1 if candidate.props.get("branch") else _LABEL_ORDER.get(candidate.label, 4)
    if candidate.label == "Person":
        return (rank, person_order(candidate), 0, candidate.local_id)
    bare = int(all(is_abbreviation(n) for n in candidate.names))
    longest = max((len(n.split()) for n in candidate.names), default=0) if candidate.label in ORG_LABELS else 0
    return (rank, bare, -longest, candidate.local_id)
