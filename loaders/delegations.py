"""Whose delegation is travelling, carried from sentence to sentence ('the delegation visited ...')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.cooperation import is_official
from loaders.gazetteer import NATIONALITIES, country_of

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

ORG_LABELS = {"University", "Organization"}
DELEGATION_OF = re.compile(r"delegation (?:of|from) (?:the )?$", re.IGNORECASE)
RECALLED_VISIT = re.compile(
    r"\b(?:the|a|an|its|their) visit of (?:the |a |an )?(?:delegation (?:of|from) (?:the )?)?$", re.I
)
"""'during the visit of the delegation of X to China', 'recalled the visit of the X delegation to Almaty': a visit
told in passing, not the delegation the article follows."""
PLANNED_DELEGATION = re.compile(r"\b(?:will|expected to|plan\w* to|is to|are to|invit\w*)\b", re.IGNORECASE)
"""'... when a NWAFU delegation visits Tashkent' (next year): not the delegation the article follows."""
DELEGATES = re.compile(
    r"\bdelegation\b[^.;]{0,60}?\b(?:consist(?:ing|ed|s) of|composed of|comprising|made up of|included|includes)\b",
    re.I,
)
NATIONAL_UNIVERSITY = re.compile(
    r"\bdelegation (?:of|from) the (\w+) ((?:[\w-]+ ){0,3})(?:university|institute)\b", re.I
)
"""'a delegation of the Turkmen oil university': the one university of that country the article names."""


def note_delegation(context: Context, text: str, mentions: list[Mention]) -> None:
    """'delegation of/from X', 'X delegation', 'the Turkmen delegation': whose delegation travels."""
    if context.delegation and PLANNED_DELEGATION.search(text):
        return
    if _note_delegates(context, text, mentions):
        return
    for mention in mentions:
        local = context.id_of(mention)
        if context.label(local) not in ORG_LABELS:
            continue
        before, after = text[: mention.start], text[mention.end : mention.end + 14]
        if context.delegation and RECALLED_VISIT.search(before[-50:]):
            continue
        if DELEGATION_OF.search(before[-30:]) or re.match(r"\s*(?:['’]s\s+)?delegation", after):
            context.delegation = local
            return
    nation = re.search(r"\b(\w+) delegation\b", text)
    if nation and nation.group(1).lower() in NATIONALITIES:
        iso = country_of(nation.group(1))
        same = [
            c
            for c in context.candidates
            if c.country == iso
            and not c.props.get("branch")
            and (c.label == "University" or (c.label == "Organization" and is_official(context, c.local_id)))
        ]  # a university or an official body travels, not a newspaper that reports it
        if len(same) == 1:
            context.delegation = same[0].local_id
    described = NATIONAL_UNIVERSITY.search(text)
    if described and described.group(1).lower() in NATIONALITIES:
        context.delegation = _described_university(context, described) or context.delegation


def _note_delegates(context: Context, text: str, mentions: list[Mention]) -> bool:
    """'the delegation ... consisting of representatives of X, Y and Z' / 'the delegation included ...'."""
    members = DELEGATES.search(text)
    if members is None:
        return False
    after = [context.id_of(m) for m in mentions if m.start >= members.end() and m.kind != "branch"]
    found = [o for o in dict.fromkeys(after) if o and context.label(o) in ORG_LABELS]
    if not found:
        return False
    context.delegates = list(dict.fromkeys([*context.delegates, *found]))
    context.delegation = context.delegation or context.delegates[0]
    return True


def _described_university(context: Context, described: re.Match[str]) -> str | None:
    """'the Turkmen oil university': the first university of that country (or none stated) with those words;
    'the Tajik university': the one university of that country (else the first of no stated country)."""
    iso = country_of(described.group(1))
    words = described.group(2).lower().split()
    fits = [
        c.local_id
        for c in context.candidates
        if c.label == "University"
        and c.country in (iso, None)
        and not c.props.get("branch")
        and all(w in {x.lower() for n in c.names for x in re.findall(r"[\w-]+", n)} for w in words)
    ]
    if not words:  # 'a delegation of the Tajik university': the one university of that country
        ours = [f for f in fits if context.candidate(f).country == iso]
        return ours[0] if len(ours) == 1 else None if ours else next(iter(fits), None)
    return fits[0] if fits else None
