"""What one document tells about the place and company of the names in it, for resolving them.

Countries and cities the text names, the publisher, abbreviations the text defines ("Harbin Engineering
University (HEU)"), and the entities already resolved in it (co-mentions). A bare "KSTU" is the Kyrgyz
one in an article about Kyrgyzstan and the Karaganda one in an article about Karaganda.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from loaders.facts import Entity, Extraction
from loaders.index import EntityIndex
from loaders.names import fold, is_abbreviation
from loaders.org_names import abbreviates, parse_org
from loaders.registry import Registry

_DEFINITION = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")
_WORD = re.compile(r"[\w'’&.-]+")


@dataclass
class DocumentContext:
    """Evidence from one document that decides between entities sharing a name."""

    countries: Counter[str] = field(default_factory=Counter)
    cities: set[str] = field(default_factory=set)
    publisher: Entity | None = None
    definitions: dict[str, str] = field(default_factory=dict)
    resolved: dict[str, Entity] = field(default_factory=dict)
    document_tag: str = ""

    @classmethod
    def build(cls, extraction: Extraction, *, registry: Registry, index: EntityIndex) -> DocumentContext:
        """Read places, publisher and defined abbreviations off the document and its candidates."""
        read = extraction.text_context or cls.read_text(extraction, registry=registry)
        context = cls(
            countries=Counter(read.countries),
            cities=set(read.cities),
            definitions=dict(read.definitions),
            document_tag=read.document_tag,
        )
        context.publisher = _publisher(extraction.document.publisher_key, index=index, registry=registry)
        if context.publisher and context.publisher.country:
            context.countries[context.publisher.country] += 2
        return context

    @classmethod
    def read_text(cls, extraction: Extraction, *, registry: Registry) -> DocumentContext:
        """The part that depends on the text and the shipped registry alone: extraction workers read it."""
        document = extraction.document
        text = "\n".join(t for t in (document.title, document.text) if t)
        context = cls(
            countries=registry.countries_in(text),
            cities={c.name for c in registry.cities_in(text)},
            definitions=find_definitions(text),
            document_tag=document.key.removeprefix("doc_")[:8],
        )
        for candidate in extraction.candidates:
            context._note_candidate(candidate.label, candidate.names, candidate.country, registry)
        return context

    def _note_candidate(self, label: str, names: list[str], country: str | None, registry: Registry) -> None:
        """Cities and countries the extractor found count as places; full names define abbreviations."""
        if label == "City" and names and (city := registry.city(names[0])):
            self.cities.add(city.name)
        if country and label != "Country":
            self.countries[country] += 1
        full = [n for n in names if not parse_org(n).abbreviation]
        for name in names:
            if is_abbreviation(name):
                for long in full:
                    if abbreviates(name, parse_org(long)):
                        self.definitions.setdefault(name.upper(), long)

    def country_share(self, country: str | None) -> float:
        """How much of the document's country talk is about this country (0–1)."""
        total = sum(self.countries.values())
        return self.countries.get(country, 0) / total if country and total else 0.0

    def main_country(self) -> str | None:
        """The country the document talks about most, if one clearly leads."""
        ranked = self.countries.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def note(self, entity: Entity) -> None:
        """Remember an entity resolved in this document (co-mention evidence for later names)."""
        self.resolved.setdefault(entity.key, entity)


def find_definitions(text: str) -> dict[str, str]:
    """Abbreviations the text defines: "Harbin Engineering University (HEU)" → {"HEU": "Harbin ..."}."""
    found: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        abbr = match.group(1)
        if not is_abbreviation(abbr) or abbr.upper() in found:
            continue
        words = _WORD.findall(text[max(0, match.start() - 160) : match.start()])[-12:]
        for start in range(len(words) - 1, -1, -1):
            phrase = " ".join(words[start:])
            if words[start][:1].isupper() and abbreviates(abbr, parse_org(phrase)):
                found[abbr.upper()] = phrase.strip(" ,.")
                break
    return found


def _publisher(key: str | None, *, index: EntityIndex, registry: Registry) -> Entity | None:
    """The publishing organisation's entity, from the graph or the registry."""
    if not key:
        return None
    if (known := index.get(key)) is not None:
        return known
    org = registry.by_key(key)
    if org is None:
        return None
    return Entity(key=org.key, label="University", name=org.name, country=org.country, city=org.city)


def same_place(a: str | None, b: str | None) -> bool:
    """Whether two city names are one city (folded comparison; unknown never conflicts)."""
    return not a or not b or fold(a) == fold(b)
