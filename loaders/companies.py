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
BUSINESS_UNITS = ("Cloud", "Technologies", "International", "Engineering", "Energy", "Digital", "Logistics",
                  "Capital", "Securities")  # fmt: skip
"""A word after a listed name that makes a subsidiary of its own ('Alibaba Cloud', 'Sinopec Engineering')."""
LEGAL_FORMS = r"(?:JSC|OJSC|CJSC|LLP|LLC|JV|PLC|Joint Venture|Co\.,?\s+Ltd\.?|Ltd\.?)"
SUFFIXED_COMPANY = re.compile(
    rf"(?<![\w-])(?P<name>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){{0,3}})\s+(?P<form>{LEGAL_FORMS})(?![\w-])"
)
"""'KazAvtoZhol JSC', 'Zarafshon Joint Venture', 'Kazakhmys Corporation LLP': a name with its legal form."""
JOINT_VENTURE = {"JV": "Joint Venture", "Joint Venture": "JV"}
NOT_COMPANY_WORDS = {"the", "a", "an", "and", "of", "by", "with", "at", "in", "general", "director", "manager",
                     "president", "chairman", "head", "ceo"}  # fmt: skip
QUOTED_MEDIUM = re.compile(
    r"\b(?:publishing\s+house|newspaper|magazine|journal|TV\s+channel)\s+[“\"«]"
    r"([A-Z][^”\"»]{2,40}?)[”\"»]"
)
"""'the publishing house "Qazaq universiteti"', 'the newspaper “Neutral Turkmenistan”': a medium named in the story."""
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
    units = "|".join(BUSINESS_UNITS)
    return re.compile(rf"(?<![\w-])(?P<name>{listed})(?:\s+(?P<country>{countries})|\s+(?P<unit>{units}))?(?![\w-])")


def find_companies(text: str) -> list[OrgMention]:
    """Listed companies (and their national subsidiaries) and quoted state concerns in one sentence."""
    found: list[OrgMention] = []
    for match in _pattern().finditer(text):
        canonical = companies()[match.group("name")][0]
        mention = OrgMention(match.start(), match.end(), match.group(), "Organization", canonical)
        if not match.group("unit"):
            mention.company, mention.place = canonical, match.group("country")
        found.append(mention)
    found += _suffixed(text)
    for match in QUOTED_MEDIUM.finditer(text):
        name = match.group(1).strip(" .,")
        start = match.start(1) + match.group(1).find(name)
        found.append(OrgMention(start, start + len(name), name, "Organization", name))
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


def _suffixed(text: str) -> list[OrgMention]:
    """Names with a legal form ('KazAvtoZhol JSC'): the name is also printed without it ('KazAvtoZhol')."""
    found: list[OrgMention] = []
    for match in SUFFIXED_COMPANY.finditer(text):
        words = match.group("name").split()
        while words and (words[0].lower() in NOT_COMPANY_WORDS or words[0].endswith(("'s", "’s"))):
            words = words[1:]
        if not words:
            continue
        start = match.start("name") + match.group("name").rfind(" ".join(words))
        mention = OrgMention(start, match.end(), text[start : match.end()], "Organization", words[-1])
        mention.extra_names.append(" ".join(words))
        if match.group("form") in JOINT_VENTURE:  # 'Zarafshon JV' = 'Zarafshon Joint Venture'
            mention.extra_names.append(f"{' '.join(words)} {JOINT_VENTURE[match.group('form')]}")
        found.append(mention)
    return found
