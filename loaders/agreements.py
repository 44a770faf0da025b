"""Agreements a sentence says were signed (or are to be signed): an Agreement candidate + PARTY_TO edges.

Parties are the organisations the sentence names; a passive "a memorandum was signed" or "the two sides
signed" takes the visit's two sides. Status is 'planned' for "to sign", "will sign", "plan to sign".
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING

from loaders.dates import find_dates
from loaders.facts import Candidate

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

SIGNED = re.compile(r"\b(?:sign(?:ed|ing|s)?|inked|concluded)\b", re.IGNORECASE)
KIND = re.compile(
    r"\b(memorand(?:um|a|ums)|MoU|agreements?|contracts?|charter|treaty|protocol|road ?map|"
    r"(?:plan|program|programme)s? (?:of|for|on) (?:[\w-]+ )?(?:cooperation|co-operation|collaboration))\b",
    re.IGNORECASE,
)
"""What is signed; a 'Plan/Programme of Cooperation' or 'roadmap' between ministries is a document too."""
PLANNED = re.compile(
    r"\b(?:to sign|will sign|plan\w* to|intend\w* to|would sign|is to be signed|draft|invit\w*|propos\w*|"
    r"hop(?:e|es|ed|ing) to|expect\w* to|ready to|would like to|agreed to prepare|are to)\b",
    re.I,
)
PLURAL = re.compile(r"memoranda|memorandums|MoUs|agreements|contracts", re.IGNORECASE)
"""'X signed memoranda with A, B and C': one bilateral document per partner, not one four-party one."""
BOTH_SIDES = re.compile(
    r"\b(?:both sides|the (?:two )?(?:sides|parties|universities|institutions|institutes|academies)|was signed|"
    r"were signed)\b",
    re.I,
)
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
LIST_LINE = re.compile(r"^\s*(?:[-•–*▪]|\d{1,2}[.)])\s+(?P<pair>[^:]{5,300}?)\s*:\s*(?P<rest>\S.*)$", re.DOTALL)
"""'- A and B: memorandum on ...', '• A – B: agreement on ...': one line of a list of signed documents."""
BULLET = re.compile(r"^\s*(?:[-•–*▪]|\d{1,2}[.)])\s+")
"""'- Memorandum on ... between A and B': a list line that opens with the document itself."""
ANAPHOR = re.compile(
    r"^\W*(?:The|This|That|These)\s+(?:[\w-]+\s+){0,2}?(?:memorand\w*|MoU|agreements?|contracts?|documents?)\s+"
    r"(?:was|were|has been|have been)\s+signed\b"
)
"""'The memorandum was signed by ...': the agreement the previous sentence named."""
SUBJECT_GAP = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:(?:also|have|has|had|jointly|officially|then|today|will)\s+)*")
TOPIC = re.compile(r"\b(?:on|in the fields? of|for|providing for|to)\s+(?:the\s+)?([^.,;]{4,80})", re.IGNORECASE)


def read_agreement(context: Context, text: str, orgs: list[str], visited: list[tuple[str, str]]) -> list[str]:
    """Add the agreement a sentence reports, if any; returns its parties (signed ones only)."""
    sign, kind = SIGNED.search(text), KIND.search(text)
    if kind and not sign:
        return _signing_list_line(context, text, orgs)
    if not sign or not kind or _already_reported(context, text):
        return []
    if _clause_signings(context, text):
        return []
    parties = _between(context, text, kind.end()) or _with_partner(context, text, sign.end())
    parties = parties or _signers(context, text, sign)
    if len(parties) < 2 and visited:
        parties = list(dict.fromkeys([*parties, *visited[0]]))
    if len(parties) < 2:
        speakers = _speakers(context, text)
        parties = list(orgs)
        if BOTH_SIDES.search(text):
            parties = list(dict.fromkeys(parties + main_pair(context))) if len(parties) < 2 else main_pair(context)
        parties = [p for p in parties if p not in speakers]
    if len(parties) < 2:
        return []
    status = "planned" if PLANNED.search(text) else "signed"
    if PLURAL.fullmatch(kind.group(1)) and len(parties) > 2 and _with_partner(context, text, sign.end()) == parties:
        for partner in parties[1:]:
            _add_agreement(context, text, kind, [parties[0], partner], status)
            if status == "signed":
                context.add("COOPERATES_WITH", parties[0], partner, text)
        return []
    _add_agreement(context, text, kind, parties, status)
    return parties if status == "signed" else []


def _add_agreement(
    context: Context, text: str, kind: re.Match[str], parties: list[str], status: str, *, rest: str | None = None
) -> None:
    """One Agreement candidate and its PARTY_TO edges; `rest` is what follows the kind word (its topic)."""
    local = f"a{len(context.candidates)}"
    name = f"{kind.group(1)} between " + " and ".join(context.candidate(p).names[0] for p in parties)
    dates = find_dates(text, year=context.year)
    props = {
        "kind": _kind(kind.group(1)),
        "date": dates[0].value if dates else None,
        "status": status,
        "topics": _topics(text[kind.end() :] if rest is None else rest),
    }
    context.candidates.append(Candidate(local, "Agreement", [name], props=props))
    for party in parties:
        context.add("PARTY_TO", party, local, text)


def _signing_list_line(context: Context, text: str, orgs: list[str]) -> list[str]:
    """A line of a bulleted list of signings: its own pair signed the document the line names."""
    line = LIST_LINE.match(text)
    number = _sentence_of(context, text)
    kind = KIND.match(line.group("rest")) if line else None
    bullet = BULLET.match(text)
    opening = KIND.match(text, bullet.end()) if bullet and kind is None else None
    if (kind is None and opening is None) or number < 1:
        return []
    intro = _list_intro(context, number)
    if not SIGNED.search(intro):
        return []
    if opening is not None:
        return _opening_list_line(context, text, opening, intro)
    if line is None or kind is None or len(orgs) != 2:
        return []
    pair = line.group("pair")
    if not all(any(n in pair for n in context.candidate(o).names) for o in orgs):
        return []
    status = "planned" if PLANNED.search(intro) else "signed"
    _add_agreement(context, text, kind, orgs, status, rest=line.group("rest")[kind.end() :])
    return orgs if status == "signed" else []


def _list_intro(context: Context, number: int) -> str:
    """The line ending in ':' that a list item belongs to (an item may run on into two sentences of its own)."""
    loose = 0
    for previous in range(number - 1, max(-1, number - 12), -1):
        sentence = context.sentences[previous].text
        if sentence.rstrip().endswith(":"):
            return sentence
        loose = 0 if BULLET.match(sentence) else loose + 1
        if loose > 2:
            return ""
    return ""


def _opening_list_line(context: Context, text: str, kind: re.Match[str], intro: str) -> list[str]:
    """'- Agreement on X between A and B;' under 'the following documents were signed:': A and B signed it."""
    parties = _between(context, text, kind.end(), reach=len(text))
    if len(parties) < 2:
        return []
    status = "planned" if PLANNED.search(intro) else "signed"
    _add_agreement(context, text, kind, parties, status)
    return parties if status == "signed" else []


def _with_partner(context: Context, text: str, after: int) -> list[str]:
    """'X ... signed a memorandum with Y, Z and W': the subject before the verb and the partners after 'with'."""
    with_at = re.compile(r"\bwith\s+(?:the\s+)?").search(text, after)
    if not with_at or with_at.start() - after > 60:
        return []
    orgs = _sentence_orgs(context, text)
    partners = [m for m in orgs if m.start >= with_at.end()][:1]
    for mention in orgs:
        if partners and mention.start > partners[-1].end and LIST_GAP.fullmatch(text[partners[-1].end : mention.start]):
            partners.append(mention)
    if not partners:
        return []
    subject = next((context.id_of(m) for m in orgs if m.start < after), None) or context.delegation
    return [x for x in dict.fromkeys([subject, *(context.id_of(m) for m in partners)]) if x]


def _between(context: Context, text: str, after: int, reach: int = 80) -> list[str]:
    """'a memorandum ... between X and Y' (or 'Between X and Y the memorandum was signed'): the organisations
    listed after 'between' (units too: a unit can be a party)."""
    between = re.compile(r"\bbetween\s+(?:the\s+)?").search(text, after)
    if not between or between.start() - after > reach:
        between = re.compile(r"^\W*between\s+(?:the\s+)?", re.I).search(text)
    if not between:
        return []
    orgs = _sentence_orgs(context, text, units=True)
    listed = [m for m in orgs if m.start >= between.end()][:1]
    for mention in orgs:
        if listed and mention.start > listed[-1].end and LIST_GAP.fullmatch(text[listed[-1].end : mention.start]):
            listed.append(mention)
    ids = [i for i in dict.fromkeys(context.id_of(m) for m in listed) if i]
    return ids if len(ids) >= 2 else []


def _sentence_orgs(context: Context, text: str, *, units: bool = False) -> list[Mention]:
    """The organisation (and with `units`, unit) mentions of the sentence with this text (branches aside)."""
    number = _sentence_of(context, text)
    orgs = [m for m in context.mentions if m.sentence == number and m.kind != "branch" and m.group is not None]
    labels = {"University", "Organization", "Lab"} if units else {"University", "Organization"}
    return [m for m in orgs if context.label(context.id_of(m)) in labels]


def _already_reported(context: Context, text: str) -> bool:
    """'The memorandum was signed by ...' after a sentence that reported one (of that kind): the same document."""
    definite = ANAPHOR.match(text)
    kind = KIND.search(definite.group()) if definite else None
    same = _kind(kind.group(1)) if kind else "other"
    return bool(definite) and any(
        c.label == "Agreement" and same in {c.props.get("kind"), "other"} for c in context.candidates
    )


def _clause_signings(context: Context, text: str) -> bool:
    """'X and Y signed an agreement on A, and X and Z signed a memorandum on B': one agreement per clause,
    each between the organisations listed right before its verb. True when the sentence was read so."""
    orgs = _sentence_orgs(context, text)
    clauses = []
    for sign in SIGNED.finditer(text):
        kind = KIND.search(text, sign.end(), sign.end() + 40)
        listed = _listed_before(context, text, orgs, sign.start())
        if kind and len(listed) > 1:
            clauses.append((sign, kind, listed))
    if len(clauses) < 2:
        return False
    start = 0
    for _sign, kind, listed in clauses:
        status = "planned" if PLANNED.search(text[start : kind.end()]) else "signed"
        _add_agreement(context, text, kind, listed, status, rest=text[kind.end() :])
        if status == "signed":
            for a, b in combinations(listed, 2):
                context.add("COOPERATES_WITH", a, b, text)
        start = kind.end()
    return True


def _listed_before(context: Context, text: str, orgs: list[Mention], at: int) -> list[str]:
    """The organisations listed right before a verb ('X and Y also signed'), each once."""
    before = [m for m in orgs if m.end <= at]
    if not before or not SUBJECT_GAP.fullmatch(text[before[-1].end : at]):
        return []
    listed = [before[-1]]
    for mention in reversed(before[:-1]):
        if not LIST_GAP.fullmatch(text[mention.end : listed[0].start]):
            break
        listed.insert(0, mention)
    return [i for i in dict.fromkeys(context.id_of(m) for m in listed) if i]


def _signers(context: Context, text: str, sign: re.Match[str]) -> list[str]:
    """'A and B signed ...' / '... signed by A and B' (people): the organisations they are affiliated with."""
    number = _sentence_of(context, text)
    people = [m for m in context.mentions if m.sentence == number and m.person is not None]
    by = re.compile(r"\s+by\s+").match(text, sign.end())
    chosen = [m for m in people if m.start >= sign.end()] if by else [m for m in people if m.end <= sign.start()]
    if not by and (
        not chosen or not re.fullmatch(r"[\s.]*(?:also\s+|have\s+|has\s+)?", text[chosen[-1].end : sign.start()])
    ):
        return []
    parties = []
    for person in chosen:
        local = context.id_of(person)
        parties += [r.b for r in context.relations if r.type == "AFFILIATED_WITH" and r.a == local][:1]
    parties = list(dict.fromkeys(parties))
    return parties if len(parties) > 1 else []


def _speakers(context: Context, text: str) -> set[str]:
    """Organisations that report a signing ('The Ministry noted that ... were signed'), not parties to it."""
    orgs = _sentence_orgs(context, text)
    return {
        context.id_of(m) or ""
        for m in orgs
        if re.match(r"\s*(?:also\s+)?(?:noted|said|reported|informed|announced|stated|added)\b", text[m.end :])
    }


def _sentence_of(context: Context, text: str) -> int:
    """The number of the sentence with this text."""
    return next((n for n, s in enumerate(context.sentences) if s.text == text), -1)


def main_pair(context: Context) -> list[str]:
    """The document's two sides: the travelling and the hosting organisation, else the two most named."""
    if context.delegation and context.host:
        return [context.delegation, context.host]
    counts = Counter(
        context.id_of(m)
        for m in context.mentions
        if m.kind != "branch" and context.label(context.id_of(m)) in {"University", "Organization"}
    )
    return [key for key, _ in counts.most_common(2) if key]


def _kind(word: str) -> str:
    """memorandum | agreement | contract | other."""
    lowered = word.lower()
    if lowered.startswith("memorand") or lowered == "mou":
        return "memorandum"
    if lowered.startswith("agreement"):
        return "agreement"
    if lowered.startswith("contract"):
        return "contract"
    return "other"


def _topics(rest: str) -> list[str]:
    """What it is about: the phrase after 'on', 'in the field of', 'providing for'."""
    match = TOPIC.search(rest[:120])
    return [match.group(1).strip()] if match else []
