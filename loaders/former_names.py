"""Former names an article states: "X (formerly Y)", "Y, now X", "X, former Y", "Y was renamed X",
"X, founded in 1934 as Y and later known as Z", "X, which grew out of Y", "Y (as X was then called)".

Each statement makes the former name one more name of the institution in this document, so Y's mention
joins X's node (and, as X's alias, later articles that print Y find X). The subject may be a name, an
abbreviation or "the university" — the one organisation the sentence (or the one before) names first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from loaders.doc_context import find_definitions
from loaders.facts import Candidate, Extraction
from loaders.names import is_abbreviation, normalise
from loaders.org_names import abbreviates, parse_org

ORG_LABELS = frozenset({"University", "Organization", "Lab"})
_CAP = r"(?:(?:[A-Z]\.[ ]?)+[A-Z][\w'’&-]*|[A-Z][\w'’&-]*)"
_NAME = rf"{_CAP}(?:(?:[ ]+(?:(?:of|and|for|the|named[ ]+after|at)[ ]+)*|,[ ]+(?=\w+[ ]+and[ ]+)){_CAP})*"
"""A capitalised name; a comma only in a list closed by 'and' ('Ministry of Higher Education, Science and ...')."""
_THE = r"(?:the\s+)?"
_GENERIC = r"(?:[Tt]he|[Oo]ur|[Tt]his)\s+(?:university|institute|academy|college|school)"
_UNIT = r"(?:[Tt]he|[Tt]his)\s+(?:center|centre|laboratory|institute|classroom)"
"""'the center was renamed X': a unit the sentence before names."""
_DESCRIBED = r"[Tt]he\s+(?:[A-Z][a-z]+\s+){1,2}(?:university|institute|academy|college)(?:\s+of\s+[A-Z][a-z]+)?"
"""'the Agrarian university of Tajikistan': the one institution whose name holds these capitalised words."""
_SUBJECT = rf"(?P<now>{_NAME}|{_GENERIC}|{_DESCRIBED})"
_YEAR = r"(?:\s+in\s+(?:\d{4}|[A-Z][\w'’-]+)){0,2}"
"""'in 1958', 'in 1897 in Hangzhou', 'in Alar in 1958'."""
_UNTIL = r"(?:\s+and\s+known(?:\s+until\s+\d{4})?)?"
"""'founded in 1923 and known until 2017 as Y'."""
_KNOWN_AS = r"(?:known\s+as\s+|called\s+|named\s+)?"
_LATER = (
    rf"(?:\s*(?:,|and)\s*(?:(?:was\s+)?later\s+|then\s+|subsequently\s+)?(?:known|renamed|called)"
    rf"(?:\s+for\s+many\s+years)?\s+(?:as\s+|to\s+|into\s+)?{_THE}(?P<later>{_NAME}))?"
)
_ABBR = r"(?:\s*\(\s*[A-Z][A-Za-z&-]{1,9}\s*\))?"
"""The subject's defined abbreviation: 'Zhejiang University (ZJU), founded in 1897 as ...'."""
_APPOSITIVE = r"(?:,\s*[^,.()]{3,90},)?"

_FORMERLY = re.compile(
    rf"(?P<now>{_NAME})\s*\(\s*(?:formerly|former|previously|until\s+\d{{4}})[,:]?\s+{_KNOWN_AS}{_THE}(?P<was>{_NAME})\s*\)"
)
_FORMER = re.compile(rf"(?P<now>{_NAME}),\s+(?:formerly|former|previously)\s+{_KNOWN_AS}{_THE}(?P<was>{_NAME})")
_NOW = re.compile(
    rf"(?P<was>{_NAME})\s*[,(]\s*now\s+(?:known\s+as\s+|called\s+|renamed\s+)?{_THE}(?P<now>{_NAME})"
    r"(?=\s*(?:[,.;)]|$))"  # an aside: "Y, now X, ..." or "Y (now X)", not "Y, now X hosts ..."
)
_RENAMED = re.compile(
    rf"(?:{_THE}(?P<was>{_NAME})|(?P<unit>{_UNIT}))\s+(?:was|is|has\s+been|had\s+been)(?:\s+officially)?\s+renamed{_YEAR}\s+(?:as\s+|to\s+|into\s+)?{_THE}"
    rf"(?P<now>{_NAME})"
)
_FOUNDED = re.compile(
    rf"{_SUBJECT}{_ABBR}{_APPOSITIVE}\s*,?\s+(?:which\s+)?(?:was\s+)?(?:founded|established|created|set\s+up|"
    rf"began\s+its\s+history|started){_YEAR}{_UNTIL}\s+as\s+{_THE}(?P<was>{_NAME}){_LATER}"
)
_KNOWN = re.compile(
    rf"{_SUBJECT}{_ABBR}{_APPOSITIVE}\s*,?\s+(?:which|that)\s+(?:was|had\s+been)\s+(?:known|called)(?:\s+until\s+\d{{4}})?"
    rf"\s+as\s+{_THE}(?P<was>{_NAME})"
)
_DASH_KNOWN = re.compile(
    rf"{_SUBJECT}{_ABBR}\s*[–—(,]\s*(?:until\s+\d{{4}}\s+|formerly\s+|previously\s+)?(?:known|called)\s+as\s+{_THE}"
    rf"(?P<was>{_NAME})"
)
"""'the institute – until 2019 known as Y – now has ...': an aside between dashes, brackets or commas."""
_GREW = re.compile(rf"{_SUBJECT}{_ABBR}{_APPOSITIVE}\s*,?\s+(?:which\s+)?grew\s+out\s+of\s+{_THE}(?P<was>{_NAME})")
_THEN_CALLED = re.compile(
    rf"{_THE}(?P<was>{_NAME})\s*\(\s*as\s+(?P<now>{_NAME})\s+was\s+(?:then|formerly|previously)\s+called"
)
PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "formerly": (_FORMERLY, _FORMER),
    "former": (_FORMERLY, _FORMER),
    "previously": (_FORMERLY, _FORMER),
    "until": (_FORMERLY,),
    "now": (_NOW,),
    "renamed": (_RENAMED,),
    "founded": (_FOUNDED,),
    "established": (_FOUNDED,),
    "created": (_FOUNDED,),
    "set": (_FOUNDED,),
    "began": (_FOUNDED,),
    "started": (_FOUNDED,),
    "grew": (_GREW,),
    "known": (_KNOWN, _DASH_KNOWN),
    "then": (_THEN_CALLED,),
}
"""The statements each trigger word can open."""

TRIGGER = re.compile(
    r"\b(?:formerly|former|previously|until|now|renamed|founded|established|created|set\s+up|began|started|grew"
    r"|then\s+called|known)\b"
)
WINDOW = 240
"""Characters either side of a trigger word a statement may span."""


@dataclass(frozen=True)
class Renaming:
    """One statement: the institution (a candidate's local id) was once called `name` (another candidate's,
    or one the extractor gave the institution's own candidate)."""

    current: str
    former: str
    name: str


def find_renamings(extraction: Extraction) -> list[Renaming]:
    """Every (current, former) pair of organisation candidates the text states, in text order."""
    text = extraction.document.text
    statements = list(_statements(text))
    if not statements:
        return []
    orgs = [c for c in extraction.candidates if c.label in ORG_LABELS]
    definitions = find_definitions(text)
    found: list[Renaming] = []
    for start, now, formers in statements:
        current = _speakers_org(now, start, extraction, orgs) or _subject(now, start, text, orgs, definitions)
        current = current or _one_of_kind(now, formers, orgs)
        for was in formers:
            former = _named(was, orgs) or _unit_before(was, start, text, orgs)
            if current and former:
                renaming = Renaming(current=current.local_id, former=former.local_id, name=was)
                if renaming not in found:
                    found.append(renaming)
    return found


def former_names(renamings: list[Renaming], candidate: Candidate) -> set[str]:
    """The names of a candidate that the text says were another's: its own former names (normalised)."""
    return {normalise(r.name) for r in renamings if r.current == r.former == candidate.local_id}


def _statements(text: str) -> Iterator[tuple[int, str, list[str]]]:
    """(where the subject starts, subject as printed, former names as printed) for every statement.

    The patterns run only on a window around each word that can open one ("formerly", "founded"...), so
    the cost stays linear in the text whatever runs of capitalised words it holds."""
    seen: set[tuple[int, str]] = set()
    for trigger in TRIGGER.finditer(text):
        offset = max(0, trigger.start() - WINDOW)
        window = text[offset : trigger.end() + WINDOW]
        for pattern in PATTERNS[trigger.group().split()[0]]:
            for match in pattern.finditer(window):
                if not match.start() <= trigger.start() - offset < match.end():
                    continue
                groups = match.groupdict()
                formers = [g for g in (groups.get("was"), groups.get("later"), groups.get("unit")) if g]
                if (offset + match.start("now"), groups["now"]) not in seen:
                    seen.add((offset + match.start("now"), groups["now"]))
                    yield offset + match.start("now"), groups["now"], formers


def _named(printed: str, orgs: list[Candidate]) -> Candidate | None:
    """The candidate one of whose names is this printed name (or its abbreviation)."""
    wanted = normalise(printed.removeprefix("the ").removeprefix("The "))
    exact = [c for c in orgs if any(normalise(n) == wanted for n in c.names)]
    if len(exact) == 1 or (exact and all(c.local_id == exact[0].local_id for c in exact)):
        return exact[0]
    if is_abbreviation(printed):
        spelled = [
            c for c in orgs if any(not is_abbreviation(n) and abbreviates(printed, parse_org(n)) for n in c.names)
        ]
        return spelled[0] if len(spelled) == 1 else None
    return None


def _speakers_org(printed: str, start: int, extraction: Extraction, orgs: list[Candidate]) -> Candidate | None:
    """For "our university" / "the university": the one organisation the people the sentence names work for
    ('"Our university, which began ...," Rector X said.')."""
    if not re.fullmatch(_GENERIC, printed):
        return None
    text = extraction.document.text
    end = _SENTENCE_END.search(text, start)
    sentence = text[_sentence_start(text, start) : end.start() if end else len(text)]
    people = {c.local_id for c in extraction.candidates if c.label == "Person" and _printed_in(c, sentence, {})}
    by_id = {c.local_id: c for c in orgs if c.label != "Lab"}
    found = {r.b for r in extraction.relations if r.type == "AFFILIATED_WITH" and r.a in people and r.b in by_id}
    return by_id[found.pop()] if len(found) == 1 else None


def _subject(
    printed: str, start: int, text: str, orgs: list[Candidate], definitions: dict[str, str]
) -> Candidate | None:
    """The institution a statement is about: named, else the one organisation named just before it."""
    if re.fullmatch(_DESCRIBED, printed):
        return _described(printed, orgs)
    if not re.fullmatch(_GENERIC, printed):
        return _named(printed, orgs)
    sentence = _sentence_start(text, start)
    for begin in (sentence, _sentence_start(text, max(sentence - 2, 0))):
        span = text[begin:start]
        before = {c.local_id: c for c in orgs if c.label != "Lab" and _printed_in(c, span, definitions)}
        if before:
            return next(iter(before.values())) if len(before) == 1 else None
    return None


def _one_of_kind(printed: str, formers: list[str], orgs: list[Candidate]) -> Candidate | None:
    """'the institute' when the article names one institute (not counting the former name itself): that one."""
    if not re.fullmatch(_GENERIC, printed):
        return None
    head = printed.rsplit(maxsplit=1)[-1].lower()
    gone = {normalise(f) for f in formers}
    fits = {
        c.local_id: c
        for c in orgs
        if c.label != "Lab"
        and not {normalise(n) for n in c.names} & gone
        and any(n.split()[-1].lower() == head for n in c.names if n.split())
    }
    return next(iter(fits.values())) if len(fits) == 1 else None


def _described(printed: str, orgs: list[Candidate]) -> Candidate | None:
    """'the Agrarian university of Tajikistan': the one institution with 'Agrarian' (and 'Tajik...') in a name."""
    words = [w.lower()[:5] for w in re.findall(r"\b[A-Z][a-z]+", printed) if w != "The"]
    fits = [
        c
        for c in orgs
        if c.label != "Lab" and any(all(w in {x[:5] for x in n.lower().split()} for w in words) for n in c.names)
    ]
    return fits[0] if len(fits) == 1 else None


def _unit_before(printed: str, start: int, text: str, orgs: list[Candidate]) -> Candidate | None:
    """For 'the center': the one unit the sentence before names ('... established a language center. In 2007,
    the center was renamed X')."""
    if not re.fullmatch(_UNIT, printed):
        return None
    end = begin = _sentence_start(text, start)
    for _ in range(2):
        begin = _sentence_start(text, max(begin - 2, 0))
        units = {c.local_id: c for c in orgs if c.label == "Lab" and _printed_in(c, text[begin:end], {})}
        if units:
            return next(iter(units.values())) if len(units) == 1 else None
    return None


_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bProf)(?<!\b[A-Z])[.!?][\"”’]?\s+|\n")


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` begins (after a full stop, question or exclamation mark, a line break)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, position)]
    return ends[-1] if ends else 0


def _printed_in(candidate: Candidate, span: str, definitions: dict[str, str]) -> bool:
    """Whether one of the candidate's names, or an abbreviation the text defines for one, is printed in `span`."""
    names = {n for n in candidate.names if n.strip()}
    names |= {abbr for abbr, full in definitions.items() if any(full.startswith(n) for n in names)}
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", span) for n in names)
