"""The shipped reference registry: known organisations, web domains, cities and countries.

Built by `loaders.build_registry` from the reference data (ROR, Hipo, US Entity List, GeoNames, Natural
Earth, a curated table; see data/SOURCES.md). It answers "which known institution is this name?" with
scored matches, so that context (country, city, publisher) can decide between "KSTU"s.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from loaders.names import fold
from loaders.org_names import STATUS_WORDS, OrgName, abbreviates, parse_org, same_eponym, strip_qualifier
from loaders.registry_data import REGISTRY_PATH

FUZZY_CUTOFF = 92
CITY_SCAN_POPULATION = 300_000
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")


@dataclass(frozen=True)
class RegistryOrg:
    """One known organisation (or cross-organisation initiative, kind="initiative")."""

    key: str
    name: str
    country: str | None
    city: str | None
    kind: str
    types: tuple[str, ...]
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    eponyms: tuple[str, ...]


@dataclass(frozen=True)
class RegistryMatch:
    """A registry organisation a name may denote, with how sure (0–1) and by which rule."""

    org: RegistryOrg
    score: float
    how: str


@dataclass(frozen=True)
class RegistryCity:
    """A GeoNames city."""

    name: str
    country: str
    population: int


class Registry:
    """Lookups over the shipped registry; build once with `Registry.load()`."""

    def __init__(self, payload: dict[str, Any]) -> None:
        self.orgs: list[RegistryOrg] = []
        self._by_signature: dict[str, list[tuple[int, str]]] = {}
        self._by_abbreviation: dict[str, set[int]] = {}
        self._by_domain: dict[str, int] = {}
        self._by_key: dict[str, int] = {}
        self._by_eponym: dict[tuple[str, str], set[int]] = {}
        for row in payload["orgs"]:
            self._add_org(row)
        self._signatures = list(self._by_signature)
        self._near: dict[str, list[tuple[str, float]]] = {}
        self._cities: dict[str, RegistryCity] = {}
        self._city_names: dict[str, list[RegistryCity]] = {}
        for name, country, population, alternates in payload["cities"]:
            self._add_city(RegistryCity(name, country, population), alternates)
        self._countries: dict[str, str] = {}
        self.country_names: dict[str, str] = {}
        for code, (name, words) in payload["countries"].items():
            self.country_names[code] = name
            for word in words:
                self._countries.setdefault(word, code)
        self._country_openers = {name.split(" ")[0] for name in self._countries if " " in name}
        """First words of the country names of two words or more: only these start a longer lookup."""

    @classmethod
    def load(cls, path: Path | None = None) -> Registry:
        """The registry from the shipped file (cached: one parse per process)."""
        return _load(path or REGISTRY_PATH)

    def _add_org(self, row: dict[str, Any]) -> None:
        """Index one organisation by its name forms, abbreviations, domains and key."""
        idx = len(self.orgs)
        eponyms = tuple(sorted({e for _, e in row["forms"] if e}))
        self.orgs.append(
            RegistryOrg(
                key=row["key"],
                name=row["name"],
                country=row["country"],
                city=row["city"],
                kind=row["kind"],
                types=tuple(row["types"]),
                aliases=tuple(row["aliases"]),
                domains=tuple(row["domains"]),
                eponyms=eponyms,
            )
        )
        for signature, eponym in row["forms"]:
            self._by_signature.setdefault(signature, []).append((idx, eponym))
            if eponym:
                loose = " ".join(w for w in signature.split() if w not in STATUS_WORDS)
                self._by_eponym.setdefault((loose, eponym), set()).add(idx)
        for alias in (row["name"], *row["aliases"]):
            parsed = parse_org(alias) if len(alias) <= 12 or " " not in alias else None
            if parsed is not None and parsed.abbreviation:
                self._by_abbreviation.setdefault(parsed.core_abbreviation.upper(), set()).add(idx)
        for domain in row["domains"]:
            self._by_domain.setdefault(domain, idx)
        self._by_key[row["key"]] = idx

    def _add_city(self, city: RegistryCity, alternates: list[str]) -> None:
        """Index one city under its folded names; the most populous city of a name comes first."""
        for alt in alternates:
            self._city_names.setdefault(alt, []).append(city)
        self._cities.setdefault(fold(city.name), city)

    # ------------------------------------------------------------ organisations

    def by_key(self, key: str) -> RegistryOrg | None:
        """The registry organisation with this key, if any."""
        idx = self._by_key.get(key)
        return None if idx is None else self.orgs[idx]

    def match_organisation(self, name: str, country: str | None = None, city: str | None = None) -> list[RegistryMatch]:
        """Known organisations this name may denote, best first; country/city (if given) must not conflict."""
        parsed = parse_org(name)
        if parsed.abbreviation:
            matches = self._match_abbreviation(parsed, country)
        else:
            matches = (
                self._match_name(parsed)
                or self._match_renamed(parsed)
                or self._match_qualified(name)
                or self._match_fuzzy(parsed)
            )
        return _rank(matches, country=country, city=city)

    def _match_name(self, parsed: OrgName) -> list[RegistryMatch]:
        """Same core words (in any order) and a compatible eponym."""
        out = []
        for idx, eponym in self._by_signature.get(parsed.signature, ()):
            if same_eponym(parsed.eponym, eponym):
                score = 1.0 if parsed.eponym == eponym else 0.95
                out.append(RegistryMatch(self.orgs[idx], score, "name"))
        return out

    def _match_renamed(self, parsed: OrgName) -> list[RegistryMatch]:
        """ "Karaganda Research University named after Buketov" = "Karaganda University named after Buketov"."""
        if not parsed.eponym:
            return []
        found = self._by_eponym.get((parsed.loose_signature, parsed.eponym), set())
        return [RegistryMatch(self.orgs[i], 0.9, "eponym") for i in sorted(found)]

    def _match_qualified(self, name: str) -> list[RegistryMatch]:
        """ "Lanzhou University of China": the name without a trailing country or city, in that place."""
        core, qualifier = strip_qualifier(name)
        place = self.country(qualifier) if qualifier else None
        city = self.city(qualifier) if qualifier and not place else None
        if (not place and not city) or core == name:
            return []
        found = [
            m
            for m in self._match_name(parse_org(core))
            if (place and m.org.country == place) or (city and m.org.city == city.name)
        ]
        return [RegistryMatch(m.org, m.score * 0.95, "name+place") for m in found]

    def _match_fuzzy(self, parsed: OrgName) -> list[RegistryMatch]:
        """Misspellings: a core signature within a few edits of a known one."""
        if len(parsed.signature) < 8:
            return []
        out = []
        for signature, ratio in self._near_signatures(parsed.signature):
            for idx, eponym in self._by_signature[signature]:
                if same_eponym(parsed.eponym, eponym):
                    out.append(RegistryMatch(self.orgs[idx], 0.9 * ratio / 100, "fuzzy"))
        return out

    def _near_signatures(self, signature: str) -> list[tuple[str, float]]:
        """Known signatures within a few edits of this one, remembered: a load asks for the same names often."""
        near = self._near.get(signature)
        if near is None:
            found = process.extract(signature, self._signatures, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)
            near = self._near[signature] = [(sig, ratio) for sig, ratio, _ in found]
        return near

    def _match_abbreviation(self, parsed: OrgName, country: str | None) -> list[RegistryMatch]:
        """A bare abbreviation: known abbreviations first, then names whose word starts spell it."""
        abbr = parsed.core_abbreviation
        known = self._by_abbreviation.get(abbr.upper(), set())
        out = [RegistryMatch(self.orgs[i], 0.7, "abbreviation") for i in sorted(known)]
        for idx, org in enumerate(self.orgs):
            if idx in known or (country and org.country != country) or org.name[:1].lower() != abbr[:1].lower():
                continue
            if abbreviates(abbr, parse_org(org.name)):
                out.append(RegistryMatch(org, 0.6, "acronym"))
        return [m for m in out if not parsed.eponym or any(same_eponym(parsed.eponym, e) for e in m.org.eponyms)]

    def organisation_for_domain(self, host: str) -> RegistryOrg | None:
        """The organisation a web host belongs to: "en.xjtu.edu.cn" → Xi'an Jiaotong University."""
        labels = host.lower().split(":")[0].strip(".").removeprefix("www.").split(".")
        while len(labels) >= 2:
            idx = self._by_domain.get(".".join(labels))
            if idx is not None:
                return self.orgs[idx]
            labels = labels[1:]
        return None

    # ------------------------------------------------------------ places

    def city(self, name: str, country: str | None = None) -> RegistryCity | None:
        """The city a name denotes (any spelling GeoNames knows), the most populous one if several."""
        found = self._city_names.get(fold(name), [])
        for city in found:
            if country is None or city.country == country:
                return city
        return None

    def country(self, text: str) -> str | None:
        """ISO code of the country a name, adjective or code denotes ("Kyrgyz", "PRC" → KG, CN)."""
        folded = fold(text)
        if len(folded) == 2 and folded.upper() in self.country_names:
            return folded.upper()
        return self._countries.get(folded)

    def countries_in(self, text: str) -> Counter[str]:
        """How often running text names each country (by name or adjective)."""
        words = fold(text).split()
        counts: Counter[str] = Counter()
        for word in words:
            code = self._countries.get(word)
            if code:
                counts[code] += 1
        openers = [i for i, word in enumerate(words) if word in self._country_openers]
        for size in (2, 3, 4):
            for i in openers:
                if i + size > len(words):
                    break
                code = self._countries.get(" ".join(words[i : i + size]))
                if code:
                    counts[code] += 1
        return counts

    def cities_in(self, text: str) -> list[RegistryCity]:
        """Large cities running text names (capitalised, so "Normal" the word is not a city)."""
        found: dict[str, RegistryCity] = {}
        for run in _CAPITALISED_RUN.findall(text):
            words = fold(run).split()
            for size in (3, 2, 1):
                for i in range(len(words) - size + 1):
                    if len(words[i]) < 4:
                        continue
                    # the words are folded already: the same lookup as self.city() without folding again
                    named = self._city_names.get(" ".join(words[i : i + size]))
                    city = named[0] if named else None
                    if city and city.population >= CITY_SCAN_POPULATION:
                        found.setdefault(city.name, city)
        return list(found.values())


def _rank(matches: list[RegistryMatch], *, country: str | None, city: str | None) -> list[RegistryMatch]:
    """Drop matches in another country, favour the stated city, keep the best per organisation."""
    best: dict[str, RegistryMatch] = {}
    for match in matches:
        org = match.org
        if country and org.country and org.country != country and org.kind == "org":
            continue
        score = match.score
        if city and org.city:
            score += 0.05 if fold(org.city) == fold(city) else -0.1
        if match.org.key not in best or score > best[org.key].score:
            best[org.key] = RegistryMatch(org, round(min(score, 1.0), 4), match.how)
    return sorted(best.values(), key=lambda m: (-m.score, m.org.key))


@lru_cache(maxsize=4)
def _load(path: Path) -> Registry:
    """Parse the gzip JSON file once per path."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return Registry(json.load(handle))
