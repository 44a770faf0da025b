"""Cities and countries the text names as places, and LOCATED_IN where it says where something is.

A gazetteer word counts as a city only where it is used as a place ("in Urumqi", "to Xi'an", "Astana,
Kazakhstan", "Almaty-based", a dateline "BISHKEK, June 28"), never inside a person's name. LOCATED_IN is
read from "<organisation> in <City>", "<organisation>, located in <City>", "<City>-based <organisation>"
(organisation → city) and from "<City>, <Country>", "<City>, the capital of <Country>" (city → country).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.facts import Candidate
from loaders.gazetteer import COUNTRY_PHRASES, cities

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context
    from loaders.sentences import Sentence

COUNTRIES = {
    "China": "CN", "Kazakhstan": "KZ", "Kyrgyzstan": "KG", "Uzbekistan": "UZ", "Tajikistan": "TJ",
    "Turkmenistan": "TM", "Russia": "RU", "Mongolia": "MN", "Pakistan": "PK", "Afghanistan": "AF", "PRC": "CN",
}  # fmt: skip
PLACE_WORD = r"[A-Z][a-z]+(?:['’-][A-Za-z]+)?"
AS_PLACE = re.compile(
    rf"(?:\b(?:in|to|from|at|near|city of|visit to|trip to)\s+(?:the\s+city\s+of\s+)?(?P<a>{PLACE_WORD})"
    rf"|(?P<b>{PLACE_WORD})(?=,\s+(?:the\s+capital\s+of\s+)?(?:{'|'.join(COUNTRIES)})\b)"
    rf"|(?P<c>{PLACE_WORD})(?=-based\b)|^(?P<d>[A-Z]{{4,}}),)"
)
ORG_IN = re.compile(rf"^(?:,\s+(?:located|based)\s+in|\s+in)\s+(?:the\s+city\s+of\s+)?({PLACE_WORD})\b")
CITY_OF_COUNTRY = re.compile(rf"\b({PLACE_WORD}),\s+(?:the\s+capital\s+of\s+)?(?:the\s+)?([A-Z][\w’' ]+)")


def find_places(sentences: list[Sentence], mentions: list[Mention]) -> list[Candidate]:
    """City candidates where a sentence uses a gazetteer name as a place, Country candidates for countries named."""
    known = cities()
    found: dict[str, Candidate] = {}
    for number, sentence in enumerate(sentences):
        people = [(m.start, m.end) for m in mentions if m.sentence == number and m.kind == "person"]
        for match in AS_PLACE.finditer(sentence.text):
            group = next(g for g in "abcd" if match.group(g))
            word = match.group(group)
            key = _known_key(word)
            if key is None or any(s <= match.start(group) < e for s, e in people) or word in COUNTRIES:
                continue
            found.setdefault(key, Candidate(f"city{len(found)}", "City", [word], country=known[key][0]))
        for name, iso in _countries(sentence.text):
            found.setdefault(iso, Candidate(f"country{len(found)}", "Country", [name], country=iso))
    return list(found.values())


def _known_key(word: str) -> str | None:
    """The gazetteer key of a printed place word ('Xi’an', 'BISHKEK'), None if unknown."""
    known = cities()
    for form in (word.replace("’", "'"), word.capitalize()):
        if form in known:
            return form
    return None


def _countries(text: str) -> list[tuple[str, str]]:
    """Countries a sentence names: short names and phrases ('People's Republic of China')."""
    found = [(m.group(), COUNTRIES[m.group()]) for m in re.finditer(rf"\b(?:{'|'.join(COUNTRIES)})\b", text)]
    lowered = text.lower()
    found += [(text[i : i + len(p)], iso) for p, iso in COUNTRY_PHRASES.items() if iso and (i := lowered.find(p)) >= 0]
    return found


def read_places(context: Context) -> None:
    """LOCATED_IN: organisation → city and city → country, where a sentence states it."""
    by_name = {_known_key(c.names[0]) or c.names[0]: c for c in context.candidates if c.label == "City"}
    by_iso = {c.country: c for c in context.candidates if c.label == "Country"}
    for number, sentence in enumerate(context.sentences):
        text = sentence.text
        for mention in (m for m in context.mentions if m.sentence == number and m.group is not None):
            if context.label(context.id_of(mention)) not in {"University", "Organization", "Event"}:
                continue
            said = ORG_IN.match(text[mention.end :]) or re.search(rf"({PLACE_WORD})-based\s+$", text[: mention.start])
            target = by_name.get(_known_key(said.group(1)) or "") if said else None
            if target is not None:
                context.add("LOCATED_IN", context.id_of(mention), target.local_id, text)
        for match in CITY_OF_COUNTRY.finditer(text):
            city = by_name.get(_known_key(match.group(1)) or "")
            named = next((iso for name, iso in _countries(match.group(2)) if match.group(2).startswith(name)), None)
            country = by_iso.get(named) if named else None
            if city is not None and country is not None and city.country == named:
                context.add("LOCATED_IN", city.local_id, country.local_id, text)
