"""Where officials work: a minister's ministry, an ambassador's embassy, a consul's consulate, as named."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.coref import name_words
from loaders.facts import Candidate
from loaders.gazetteer import country_of, is_place

if TYPE_CHECKING:
    from loaders.relations import Context

ORG_LABELS = {"University", "Organization"}
MISSION = {"consul": re.compile(r"\bconsulate\b", re.I), "other": re.compile(r"\bembassy\b", re.I)}


def mission_of(context: Context, title: str) -> str | None:
    """'Ambassador of China to Kazakhstan' → the embassy of China the document names (the only one, when
    the title names no country); consuls likewise to a consulate."""
    kind = MISSION["consul" if "consul" in title.lower() else "other"]
    missions = [c for c in context.candidates if c.label in ORG_LABELS and any(kind.search(n) for n in c.names)]
    sending = _sending_country(title)
    if sending:
        missions = [c for c in missions if any(_sending_country(n) == sending for n in c.names)]
    return missions[0].local_id if len(missions) == 1 else None


def _sending_country(phrase: str) -> str | None:
    """The country a mission or diplomat represents: the one named before 'to'/'in' ('Embassy of X in Y')."""
    return country_of(re.split(r"\s(?:to|in|at)\s", phrase, maxsplit=1)[0])


def ministry_of(context: Context, tail: str, evidence: str) -> str:
    """'Minister of Education and Science of the Kyrgyz Republic' → its ministry, as a candidate."""
    name = "Ministry " + tail.strip()
    named = [c for c in context.candidates if c.label == "Organization" and _same_ministry(name, c.names)]
    if named:
        return named[0].local_id
    local = f"m{len(context.candidates)}"
    context.candidates.append(Candidate(local, "Organization", [name], country=country_of(tail)))
    return local


def _same_ministry(name: str, names: list[str]) -> bool:
    """'Ministry of Education of the Republic of X' = 'Ministry of Education of X' = 'Ministry of Education'
    (the same words, but for places one of them leaves out)."""
    words = set(name_words(name))
    for other in map(set, map(name_words, names)):
        extras = words ^ other
        if "ministry" in other and (words <= other or other <= words) and all(is_place(w.capitalize()) for w in extras):
            return True
    return False
