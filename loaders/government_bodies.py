"""A ministry printed without its country ("the Ministry of Education") is the ministry of the country the
article speaks from: its publisher's, else the country it talks about most. Named with that country
("Ministry of Education of China") it finds the registry's ministry or the one other articles named in
full; when the article does not tell the country, it stays with its own document: one bare name shared by
every country's ministry must not make them one node.
"""

from __future__ import annotations

from loaders.names import fold, is_abbreviation
from loaders.org_names import COUNTRY_QUALIFIERS, NATIONALITY_WORDS

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
