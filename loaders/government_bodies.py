"""A ministry printed without its country ("the Ministry of Education") is the ministry of the country the
article speaks from: its publisher's, else the country it talks about most. Named with that country
("Ministry of Education of China") it finds the registry's ministry or the one other articles named in
full; when the article does not tell the country, it stays with its own document: one bare name shared by
every country's ministry must not make them one node.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.names import fold, is_abbreviation
from loaders.org_names import COUNTRY_QUALIFIERS, NATIONALITY_WORDS

if TYPE_CHECKING:
    from loaders.doc_context import DocumentContext
    from loaders.facts import Document

HEADS = frozenset({"ministry", "minister"})


def is_bare_ministry(names: list[str]) -> bool:
    """Whether every full name is a ministry's with no country in it ("Ministry of Education and Science")."""
    full = [fold(n).split() for n in names if n.strip() and not is_abbreviation(n)]
    placed = set(COUNTRY_QUALIFIERS) | NATIONALITY_WORDS | {"republic", "republican", "national", "state"}
    return bool(full) and all(words[0] in HEADS and not placed & set(words) for words in full)


def with_country(names: list[str], country_name: str) -> list[str]:
    """The bare name with its country first, then the printed names."""
    full = next(n for n in names if n.strip() and not is_abbreviation(n))
    return [f"{full.strip()} of {country_name}", *names]


_COUNTRY_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?(?P<c>[A-Z][a-z]+(?:\s+Republic)?)\b")
_FIELD = re.compile(r"^(?:the\s+)?Ministry\s+of\s+(?P<field>.+)$", re.IGNORECASE)


def printed_country(names: list[str], text: str) -> str | None:
    """The country the text gives the same ministry elsewhere ('Deputy Minister of Higher Education, Science
    and Innovations of the Republic of Uzbekistan' for 'the Ministry of Higher Education, Science and ...')."""
    fields = {m.group("field").strip() for n in names if (m := _FIELD.match(n.strip()))}
    found: set[str] = set()
    for field in fields:
        at = text.find(field)
        while at >= 0:
            after = _COUNTRY_AFTER.match(text, at + len(field))
            country = COUNTRY_QUALIFIERS.get(fold(after.group("c"))) if after else None
            if country:
                found.add(country)
            at = text.find(field, at + len(field))
    return found.pop() if len(found) == 1 else None


NATIONAL_MINISTRY = re.compile(
    r"^(?:the\s+)?(?P<n>Kazakh|Kyrgyz|Tajik|Uzbek|Turkmen|Chinese|Russian)\s+(?P<f>Foreign|Education|[A-Z][a-z]+)\s+Ministry$"
)
COUNTRY_OF_NATIONALITY = {"Kazakh": "Kazakhstan", "Kyrgyz": "Kyrgyzstan", "Tajik": "Tajikistan", "Uzbek": "Uzbekistan",
                          "Turkmen": "Turkmenistan", "Chinese": "China", "Russian": "Russia"}  # fmt: skip


def official_forms(names: list[str]) -> list[str]:
    """'Turkmen Foreign Ministry' → 'Ministry of Foreign Affairs of Turkmenistan' first, then the names (and a
    ministry's field in the singular: 'Innovations' = 'Innovation')."""
    forms: list[str] = []
    for name in names:
        if match := NATIONAL_MINISTRY.match(name.strip()):
            field = "Foreign Affairs" if match.group("f") == "Foreign" else match.group("f")
            forms.append(f"Ministry of {field} of {COUNTRY_OF_NATIONALITY[match.group('n')]}")
    forms += [singular for n in names if n.startswith("Ministry of ") for singular in [PLURAL_ION.sub("ion", n)]
              if singular != n]  # fmt: skip
    return [*forms, *names] if forms else names


PLURAL_ION = re.compile(r"ions\b")
"""'Ministry of Higher Education, Science and Innovations' = '... and Innovation': a field printed either way."""


HOST_COUNTRIES = {"kz": "KZ", "kg": "KG", "uz": "UZ", "tj": "TJ", "tm": "TM", "cn": "CN"}


def host_country(host: str | None) -> str | None:
    """The country of a publisher's web address ('kun.uz' → UZ, 'edu.gov.kg' → KG), by its top-level domain."""
    return HOST_COUNTRIES.get((host or "").lower().rstrip(".").rsplit(".", 1)[-1]) if host else None


def ministry_country(names: list[str], document: Document, context: DocumentContext) -> str | None:
    """The country of a bare ministry: the one the text prints for it elsewhere, else the country the document
    speaks from (its publisher's, named or by its address), else the one it talks about most."""
    publisher = context.publisher
    return (
        printed_country(names, document.text)
        or (publisher.country if publisher is not None else None)
        or host_country(document.publisher)
        or context.main_country()
    )
