"""Every mention in a document, sentence by sentence: initiatives, organisations, people, acronyms.

The order matters: named initiatives first (so "Lu Ban Workshop" is never a person), then organisation
names, then people outside those names, then bare acronyms ("KazNU", "HEU") for coreference to resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.branches import branch_country, find_branches
from loaders.companies import find_companies
from loaders.furniture import in_furniture
from loaders.gazetteer import INTERNATIONAL_ORGS, NOT_ORG_ACRONYMS, is_place
from loaders.orgs import ABBR, OrgMention, find_org_mentions, tokenize
from loaders.people import PersonMention, find_people
from loaders.programs import find_programs
from loaders.sentences import Sentence, split_sentences
from loaders.unit_names import find_lowercase_units

INITIATIVES = {
    "belt_and_road": re.compile(
        r"\b(?:One Belt\s*[,–—-]?\s*One Road|Belt and Road|Belt & Road|21st[- ]Century Maritime Silk Road)"
        r"(?:\s+[Ii]nitiative)?"
    ),
    "silk_road_economic_belt": re.compile(r"\bSilk Road Economic Belt(?:\s+[Ii]nitiative)?"),
    "luban_workshop": re.compile(
        r"(?:\b(?:[A-Z][\w]*(?:-[A-Z][\w]*)*|vocational)\s+)?[“\"«]?\bLu ?[Bb]an\s+[Ww]orkshops?[”\"»]?"
        r"(?:\s+(?:program(?:me)?|project)\b|\s+in\s+[A-Z][a-z]+)?"
    ),
    "smart_education": re.compile(
        r"\b(?:China's\s+|China’s\s+)?Smart Education(?:\s+of China)?(?:\s+online)?(?:\s+platform)?"
    ),
}
LEADING_NOISE = re.compile(r"^(?:The|A|An|This|That|Its|Our|Their|First|Named)\s+")


@dataclass
class Mention:
    """One mention: which sentence, where in it, what it is, and what it found."""

    sentence: int
    start: int
    end: int
    text: str
    kind: str
    """'org', 'person', 'initiative', 'program', 'branch' or 'acronym'."""
    label: str
    org: OrgMention | None = None
    person: PersonMention | None = None
    initiative: str | None = None
    group: int | None = None
    extra_names: list[str] = field(default_factory=list)
    parent: Mention | None = None
    """A branch's parent organisation (its mention in the same sentence)."""
    country: str | None = None


def find_mentions(text: str) -> tuple[list[Sentence], list[Mention]]:
    """The sentences of a text and every mention in them, in text order."""
    sentences = split_sentences(text)
    mentions: list[Mention] = []
    links = False
    for number, sentence in enumerate(sentences):
        links = bool(READ_ALSO.match(sentence.text)) or (links and _link_title(sentence.text))
        if not links:
            mentions += sentence_mentions(number, sentence.text)
    return sentences, mentions


READ_ALSO = re.compile(
    r"(?:Read (?:also|more)|Related(?: news| articles| stories)?|See also|More news|Other news)\s*:?\s*$"
)
"""A line that opens a list of other articles' titles ('Read also:' then one title a line)."""


def _link_title(line: str) -> bool:
    """A headline-like line (short, no full stop) under 'Read also:': another article's title."""
    return len(line) <= 140 and not line.rstrip().endswith((".", "!", "?", ":"))


def sentence_mentions(number: int, text: str) -> list[Mention]:
    """The mentions of one sentence, non-overlapping, in order."""
    found = _initiatives(number, text)
    taken = [(m.start, m.end) for m in found]
    for org in find_org_mentions(text, more=find_lowercase_units(text) + find_companies(text)):
        if org.generic and org.mods and ABBR.match(org.mods[0]) and len(org.mods) == 1:
            continue  # 'TCU Council': the acronym is found below, the body is no entity
        if in_furniture(text, org.start, org.end):
            continue
        if not any(org.start < e and s < org.end for s, e in taken):
            found.append(Mention(number, org.start, org.end, org.text, "org", org.label, org=org,
                                 extra_names=list(org.extra_names)))  # fmt: skip
            taken.append((org.start, org.end))
    for person in find_people(text, taken):
        if in_furniture(text, person.start, person.end):
            continue  # a byline or credit: 'Bishkek, 24.kg news agency, by A. Name', 'Li Wei, UzA'
        found.append(Mention(number, person.start, person.end, person.text, "person", "Person", person=person))
        taken.append((person.start, person.end))
    found += _acronyms(number, text, taken)
    _full_unit_names(text, [m for m in found if m.org or m.kind == "acronym"])
    found += [Mention(number, s, e, text[s:e], "program", "Program") for s, e in find_programs(text)]
    found += _branches(number, text, found)
    return sorted(found, key=lambda m: m.start)


def _branches(number: int, text: str, found: list[Mention]) -> list[Mention]:
    """Branch campuses and offices named around the organisations of a sentence."""
    branches: list[Mention] = []
    owners = {m.org.parent_at for m in found if m.org and m.org.parent_at is not None}
    for span in find_branches(text, [m for m in found if m.kind in {"org", "acronym"}]):
        parent = span.parent
        if parent.start in owners and span.start >= parent.start:
            continue  # 'Institute of X of the Academy (CAAS) branch': the unit's branch, not the academy's
        label = parent.label if parent.label in {"University", "Organization", "Lab"} else ""
        label = label or ("University" if parent.text.upper().endswith("U") else "Organization")
        mention = Mention(number, span.start, span.end, text[span.start : span.end], "branch", label, parent=parent)
        mention.country = branch_country(span)
        branches.append(mention)
    return branches


ORGANS = {"council", "committee", "board", "senate", "presidium", "administration", "rectorate"}
CONFUCIUS_IN = re.compile(r"\s+in\s+([A-Z][\w'’-]+)")


def _full_unit_names(text: str, orgs: list[Mention]) -> None:
    """'Confucius Institute at X', 'Academic Lyceum of the X': the unit's full name includes its parent."""
    starts = {m.start: m for m in orgs}
    for mention in orgs:
        unit = mention.org
        place = CONFUCIUS_IN.match(text, mention.end) if mention.text == "Confucius Institute" else None
        if place and is_place(place.group(1)):
            mention.extra_names.append(text[mention.start : place.end()])  # 'Confucius Institute in Samarkand'
        parent = starts.get(unit.parent_at) if unit and unit.parent_at is not None else None
        if unit is None or parent is None:
            continue
        joint = text[mention.end : parent.start].strip().lower()
        of = unit.generic and joint in {"of", "of the"} and mention.label != "Lab" and parent.kind != "acronym"
        of = of and unit.head.lower() not in ORGANS  # 'the Council of X University' is X's, no entity
        if joint in {"at", "at the"} or of:
            full = text[mention.start : parent.end]
            mention.extra_names += [full, re.sub(r"\s*\([^()]*\)$", "", full)]
            unit.generic = False


def _initiatives(number: int, text: str) -> list[Mention]:
    """Named initiatives: Belt and Road in all its names, Luban Workshop(s), Smart Education of China."""
    found: list[Mention] = []
    for key, pattern in INITIATIVES.items():
        for match in pattern.finditer(text):
            surface = match.group().strip('“”"«» ')
            start = match.start() + match.group().find(surface)
            noise = LEADING_NOISE.match(surface)
            if noise:
                surface, start = surface[noise.end() :], start + noise.end()
            if "Institute" in text[match.end() : match.end() + 40].split(".", maxsplit=1)[0][:12]:
                continue
            if in_furniture(text, start, start + len(surface)):
                continue  # 'Previous: X Holds Seminar on Belt and Road Education': another article's title
            found.append(Mention(number, start, start + len(surface), surface, "initiative", "Initiative",
                                 initiative=key))  # fmt: skip
    return found


def _acronyms(number: int, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Bare acronyms outside names ('KazNU', 'HEU', 'UNESCO'): coreference decides what they are."""
    found: list[Mention] = []
    for token in tokenize(text):
        word = token.bare
        if not ABBR.match(word) or word.upper() in NOT_ORG_ACRONYMS or is_place(word):
            continue
        if any(s <= token.start < e for s, e in taken) or len(word) < 2 or in_furniture(text, token.start, token.end):
            continue
        label = "Organization" if word in INTERNATIONAL_ORGS else ""
        found.append(Mention(number, token.start, token.start + len(word), word, "acronym", label))
    return found
