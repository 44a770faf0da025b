"""Companies and state concerns the genre names without a head word ("internships at Huawei", "TBEA").

The list is `data/companies.tsv` (major, well-known companies of China, Central Asia and Russia, with
the sources noted there). A listed name followed by a Central Asian country ("Huawei Kazakhstan") is that
country's subsidiary: a separate organisation. "State Concern "X"", "JSC "X"" name a company of their own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from loaders.orgs import OrgMention

COMPANIES = Path(__file__).resolve().parent / "data" / "companies.tsv"
SUBSIDIARY_COUNTRIES = ("Kazakhstan", "Kyrgyzstan", "Uzbekistan", "Tajikistan", "Turkmenistan", "Central Asia")
QUOTED_COMPANY = re.compile(
    r"(?:(?:State|National)\s+(?:Concern|Company|Corporation|Holding)|Joint[- ]Stock Company|JSC|OJSC|LLC|"
    r"OAO|AO|TOO|GK)\s*[“\"«]([^”\"»]{2,40})[”\"»]"
)


@lru_cache(maxsize=1)
def companies() -> dict[str, tuple[str, str]]:
    """Every printed name of a listed company → (canonical name, country ISO)."""
    names: dict[str, tuple[str, str]] = {}
    for line in COMPANIES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, country, aliases, _sector = [*line.split("\t"), "", "", ""][:4]
        for printed in [name, *(a for a in aliases.split("|") if a)]:
            names[printed] = (name, country)
    return names


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """Listed names, longest first, whole words, with an optional subsidiary country after them."""
    listed = "|".join(re.escape(n) for n in sorted(companies(), key=lambda n: (-len(n), n)))
    countries = "|".join(SUBSIDIARY_COUNTRIES)
    return re.compile(rf"(?<![\w-])(?P<name>{listed})(?:\s+(?P<country>{countries}))?(?![\w-])")


def find_companies(text: str) -> list[OrgMention]:
    """Listed companies (and their national subsidiaries) and quoted state concerns in one sentence."""
    found: list[OrgMention] = []
    for match in _pattern().finditer(text):
        canonical = companies()[match.group("name")][0]
        mention = OrgMention(match.start(), match.end(), match.group(), "Organization", canonical)
        mention.company, mention.place = canonical, match.group("country")
        found.append(mention)
    for match in QUOTED_COMPANY.finditer(text):
        mention = OrgMention(match.start(), match.end(), match.group(), "Organization", match.group(1))
        mention.company = match.group(1).strip()
        mention.extra_names.append(mention.company)
        found.append(mention)
    return found


def company_country(name: str) -> str | None:
    """The country of a listed company's printed name ('Sinopec' → CN), if it is one."""
    listed = companies().get(name.strip())
    return listed[1] if listed else None
