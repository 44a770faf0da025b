"""Agreements a sentence says were signed (or are to be signed): an Agreement candidate + PARTY_TO edges.

Parties are the organisations the sentence names; a passive "a memorandum was signed" or "the two sides
signed" takes the visit's two sides. Status is 'planned' for "to sign", "will sign", "plan to sign".
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from loaders.dates import find_dates
from loaders.facts import Candidate

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

SIGNED = re.compile(r"\b(?:sign(?:ed|ing|s)?|inked|concluded)\b", re.IGNORECASE)
KIND = re.compile(r"\b(memorand(?:um|a|ums)|MoU|agreements?|contracts?|charter|treaty|protocol)\b", re.IGNORECASE)
PLANNED = re.compile(
    r"\b(?:to sign|will sign|plan\w* to|intend\w* to|would sign|is to be signed|draft|invit\w*|propos\w*|"
    r"hop(?:e|es|ed|ing) to|expect\w* to|ready to|would like to|agreed to prepare|are to)\b",
    re.I,
)
PLURAL = re.compile(r"memoranda|memorandums|MoUs|agreements|contracts", re.IGNORECASE)
"""'X signed memoranda with A, B and C': one bilateral document per partner, not one four-party one."""
BOTH_SIDES = re.compile(r"\b(?:both sides|the (?:two )?(?:sides|parties|universities)|was signed|were signed)\b", re.I)
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
LIST_LINE = re.compile(r"^\s*(?:[-•–*▪]|\d{1,2}[.)])\s+(?P<pair>[^:]{5,300}?)\s*:\s*(?P<rest>\S.*)$", re.DOTALL)
"""'- A and B: memorandum on ...', '• A – B: agreement on ...': one line of a list of signed documents."""
TOPIC = re.compile(r"\b(?:on|in the fields? of|for|providing for|to)\s+(?:the\s+)?([^.,;]{4,80})", re.IGNORECASE)


def read_agreement(context: Context, text: str, orgs: list[str], visited: list[tuple[str, str]]) -> list[str]:
    """Add the agreement a sentence reports, if any; returns its parties (signed ones only)."""
    sign, kind = SIGNED.search(text), KIND.search(text)
    if kind and not sign:
        return _signing_list_line(context, text, orgs)
    if not sign or not kind:
        return []
    parties = _between(context, text, kind.end()) or _with_partner(context, text, sign.end())
    if len(parties) < 2 and visited:
        parties = list(dict.fromkeys([*parties, *visited[0]]))
    if len(parties) < 2:
        parties = list(orgs)
        if BOTH_SIDES.search(text):
            parties = list(dict.fromkeys(parties + main_pair(context))) if len(parties) < 2 else main_pair(context)
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
    if line is None or kind is None or len(orgs) != 2 or number < 1:
        return []
    intro = next((s.text for s in reversed(context.sentences[:number]) if not LIST_LINE.match(s.text)), "")
    if not SIGNED.search(intro) or intro.rstrip()[-1:] != ":":
        return []
    pair = line.group("pair")
    if not all(any(n in pair for n in context.candidate(o).names) for o in orgs):
        return []
    status = "planned" if PLANNED.search(intro) else "signed"
    _add_agreement(context, text, kind, orgs, status, rest=line.group("rest")[kind.end() :])
    return orgs if status == "signed" else []


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


def _between(context: Context, text: str, after: int) -> list[str]:
    """'a memorandum ... between X and Y': the organisations listed after 'between'."""
    between = re.compile(r"\bbetween\s+(?:the\s+)?").search(text, after)
    if not between or between.start() - after > 80:
        return []
    orgs = _sentence_orgs(context, text)
    listed = [m for m in orgs if m.start >= between.end()][:1]
    for mention in orgs:
        if listed and mention.start > listed[-1].end and LIST_GAP.fullmatch(text[listed[-1].end : mention.start]):
            listed.append(mention)
    ids = [i for i in dict.fromkeys(context.id_of(m) for m in listed) if i]
    return ids if len(ids) >= 2 else []


def _sentence_orgs(context: Context, text: str) -> list[Mention]:
    """The organisation mentions of the sentence with this text (branches aside)."""
    number = _sentence_of(context, text)
    orgs = [m for m in context.mentions if m.sentence == number and m.kind != "branch" and m.group is not None]
    return [m for m in orgs if context.label(context.id_of(m)) in {"University", "Organization"}]


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
