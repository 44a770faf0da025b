"""Agreements a sentence says were signed (or are to be signed): an Agreement candidate + PARTY_TO edges.

Parties are the organisations the sentence names; a passive "a memorandum was signed" or "the two sides
signed" takes the visit's two sides. Status is 'planned' for "to sign", "will sign", "plan to sign".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.dates import find_dates
from loaders.facts import Candidate

if TYPE_CHECKING:
    from loaders.relations import Context

SIGNED = re.compile(r"\b(?:sign(?:ed|ing|s)?|inked|concluded)\b", re.IGNORECASE)
KIND = re.compile(r"\b(memorand(?:um|a|ums)|MoU|agreements?|contracts?|charter|treaty|protocol)\b", re.IGNORECASE)
PLANNED = re.compile(r"\b(?:to sign|will sign|plan\w* to|intend\w* to|would sign|is to be signed|draft)\b", re.I)
BOTH_SIDES = re.compile(r"\b(?:both sides|the (?:two )?(?:sides|parties|universities)|was signed|were signed)\b", re.I)
TOPIC = re.compile(r"\b(?:on|in the fields? of|for|providing for|to)\s+(?:the\s+)?([^.,;]{4,80})", re.IGNORECASE)


def read_agreement(context: Context, text: str, orgs: list[str], visited: list[tuple[str, str]]) -> list[str]:
    """Add the agreement a sentence reports, if any; returns its parties (signed ones only)."""
    sign, kind = SIGNED.search(text), KIND.search(text)
    if not sign or not kind:
        return []
    parties = list(orgs)
    if len(parties) < 2 and BOTH_SIDES.search(text):
        pair = [x for x in (context.delegation, context.host) if x]
        parties = list(dict.fromkeys(parties + pair))
    if len(parties) < 2:
        return []
    status = "planned" if PLANNED.search(text) else "signed"
    local = f"a{len(context.candidates)}"
    name = f"{kind.group(1)} between " + " and ".join(context.candidate(p).names[0] for p in parties)
    dates = find_dates(text, year=context.year)
    props = {
        "kind": _kind(kind.group(1)),
        "date": dates[0].value if dates else None,
        "status": status,
        "topics": _topics(text[kind.end() :]),
    }
    context.candidates.append(Candidate(local, "Agreement", [name], props=props))
    for party in parties:
        context.add("PARTY_TO", party, local, text)
    return parties if status == "signed" else []


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
