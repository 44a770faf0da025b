"""The parts every agreement rule shares: what a signing looks like, the Agreement candidate, its parties."""

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
LIST_GAP = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
"""Between two listed parties: ', ', ' and ', after a parenthesis ('X (East China) and the Y')."""
THE_TWO = re.compile(r"\bthe two (?:universities|institutions|institutes)\b", re.IGNORECASE)
TOPIC = re.compile(r"\b(?:on|in the fields? of|for|providing for|to)\s+(?:the\s+)?([^.,;]{4,80})", re.IGNORECASE)


def add_agreement(
    context: Context, text: str, kind: re.Match[str], parties: list[str], status: str, *, rest: str | None = None
) -> None:
    """One Agreement candidate and its PARTY_TO edges; `rest` is what follows the kind word (its topic)."""
    local = f"a{len(context.candidates)}"
    name = f"{kind.group(1)} between " + " and ".join(context.candidate(p).names[0] for p in parties)
    dates = find_dates(text, year=context.year)
    props = {
        "kind": kind_of(kind.group(1)),
        "date": dates[0].value if dates else None,
        "status": status,
        "topics": topics_of(text[kind.end() :] if rest is None else rest),
    }
    context.candidates.append(Candidate(local, "Agreement", [name], props=props))
    for party in parties:
        context.add("PARTY_TO", party, local, text)


def between(context: Context, text: str, after: int, reach: int = 80) -> list[str]:
    """'a memorandum ... between X and Y' (or 'Between X and Y the memorandum was signed'): the organisations
    listed after 'between' (units too: a unit can be a party)."""
    between = re.compile(r"\bbetween\s+(?:the\s+)?").search(text, after)
    if not between or between.start() - after > reach:
        between = re.compile(r"^\W*between\s+(?:the\s+)?", re.I).search(text)
    if not between:
        return []
    orgs = sentence_orgs(context, text, units=True)
    listed = [m for m in orgs if m.start >= between.end()][:1]
    for mention in orgs:
        if listed and mention.start > listed[-1].end and LIST_GAP.fullmatch(text[listed[-1].end : mention.start]):
            listed.append(mention)
    ids = [i for i in dict.fromkeys(context.id_of(m) for m in listed) if i]
    return ids if len(ids) >= 2 else []


def sentence_orgs(context: Context, text: str, *, units: bool = False) -> list[Mention]:
    """The organisation (and with `units`, unit) mentions of the sentence with this text (branches aside)."""
    number = sentence_of(context, text)
    orgs = [m for m in context.mentions if m.sentence == number and m.kind != "branch" and m.group is not None]
    labels = {"University", "Organization", "Lab"} if units else {"University", "Organization"}
    return [m for m in orgs if context.label(context.id_of(m)) in labels]


def sentence_of(context: Context, text: str) -> int:
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


def named_together(context: Context, text: str) -> list[str]:
    """'the two universities': the last two universities a sentence before this one named together (e.g. the
    pair that will open a centre), when the text says so; else nothing (the document's two sides decide)."""
    number = sentence_of(context, text)
    if not THE_TWO.search(text) or number < 1:
        return []
    for previous in range(number - 1, max(-1, number - 4), -1):
        said = [context.id_of(m) for m in context.mentions if m.sentence == previous and m.kind != "branch"]
        named = [i for i in dict.fromkeys(said) if i and context.label(i) == "University"]
        if len(named) == 2:
            return named
        if named:
            return []
    return []


def parties_joined(context: Context, text: str) -> list[str]:
    """'signed by the two universities and X JV, a company in which Y holds a stake': X, joined to the two."""
    the_two = THE_TWO.search(text)
    orgs = sentence_orgs(context, text)
    joined: list[str] = []
    at = the_two.end() if the_two else len(text)
    for mention in orgs:
        if mention.start >= at and LIST_GAP.fullmatch(text[at : mention.start]):
            joined.append(context.id_of(mention) or "")
            at = mention.end
    return [j for j in joined if j]


def kind_of(word: str) -> str:
    """memorandum | agreement | contract | other."""
    lowered = word.lower()
    if lowered.startswith("memorand") or lowered == "mou":
        return "memorandum"
    if lowered.startswith("agreement"):
        return "agreement"
    if lowered.startswith("contract"):
        return "contract"
    return "other"


def topics_of(rest: str) -> list[str]:
    """What it is about: the phrase after 'on', 'in the field of', 'providing for'."""
    match = TOPIC.search(rest[:120])
    return [match.group(1).strip()] if match else []
