"""Agreements a sentence says were signed (or are to be signed): an Agreement candidate + PARTY_TO edges.

Parties are the organisations the sentence names; a passive "a memorandum was signed" or "the two sides
signed" takes the visit's two sides. Status is 'planned' for "to sign", "will sign", "plan to sign".
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import TYPE_CHECKING

from loaders.agreement_parts import (
    KIND,
    LIST_GAP,
    PLANNED,
    SIGNED,
    add_agreement,
    between,
    kind_of,
    main_pair,
    named_together,
    parties_joined,
    sentence_of,
    sentence_orgs,
)
from loaders.signing_lists import signing_list_line

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

TRIPARTITE = re.compile(r"\b(?:tripartite|trilateral|three-party|three-way)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
WITH_AT = re.compile(r"\bwith\s+(?:the\s+)?")
ELLIPSIS = re.compile(r",?\s+and\s+(?:[^,;.]{0,30}?\s+)?with\s+(?:the\s+)?")
PLURAL = re.compile(r"memoranda|memorandums|MoUs|agreements|contracts", re.IGNORECASE)
"""'X signed memoranda with A, B and C': one bilateral document per partner, not one four-party one."""
BOTH_SIDES = re.compile(
    r"\b(?:both sides|the (?:two )?(?:sides|parties|universities|institutions|institutes|academies)|was signed|"
    r"were signed)\b",
    re.I,
)
ANAPHOR = re.compile(
    r"^\W*(?:The|This|That|These)\s+(?:[\w-]+\s+){0,2}?(?:memorand\w*|MoU|agreements?|contracts?|documents?)\s+"
    r"(?:was|were|has been|have been)\s+signed\b"
)
"""'The memorandum was signed by ...': the agreement the previous sentence named."""
CLAUSE = re.compile(r",\s+(?:and|but|while)\s+(?=(?:in|on|at|since|later|then|now|today|the|a|an|\d+|\w+ed)\b)")
SUBJECT_GAP = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:(?:also|have|has|had|jointly|officially|then|today|will)\s+)*")


def read_agreement(context: Context, text: str, orgs: list[str], visited: list[tuple[str, str]]) -> list[str]:
    """Add the agreement a sentence reports, if any; returns its parties (signed ones only)."""
    sign, kind = SIGNED.search(text), KIND.search(text)
    if kind and not sign:
        return signing_list_line(context, text, orgs)
    if not sign or not kind or _already_reported(context, text):
        return []
    if _clause_signings(context, text):
        return []
    parties = between(context, text, kind.end()) or _with_partner(context, text, sign.end())
    parties = parties or _signers(context, text, sign)
    if len(parties) < 2 and visited:
        parties = list(dict.fromkeys([*parties, *visited[0]]))
    if len(parties) < 2:
        parties = _sides(context, text, _in_clause(context, text, orgs, sign.start()))
    if len(parties) == 2 and TRIPARTITE.search(text[: kind.start()]):
        parties = list(dict.fromkeys(parties + main_pair(context)))  # 'a tripartite memorandum ... with X'
    if len(parties) < 2:
        return []
    status = "planned" if PLANNED.search(text) else "signed"
    more = _elliptic_partners(context, text, sign.end())
    each = PLURAL.fullmatch(kind.group(1)) and len(parties) > 2 and _with_partner(context, text, sign.end()) == parties
    if each or (more and _with_partner(context, text, sign.end()) == parties):
        for partner in [*parties[1:], *more]:
            add_agreement(context, text, kind, [parties[0], partner], status)
            if status == "signed":
                context.add("COOPERATES_WITH", parties[0], partner, text)
        return []
    add_agreement(context, text, kind, parties, status)
    return parties if status == "signed" else []


def _in_clause(context: Context, text: str, orgs: list[str], at: int) -> list[str]:
    """The organisations of the signing verb's clause, when it names two ('X and Y signed a memorandum, and in
    2024 eight doctors completed an internship at Z': not Z)."""
    cuts = [0, *(m.start() for m in CLAUSE.finditer(text)), len(text)]
    start, end = max(c for c in cuts if c <= at), min(c for c in cuts if c > at)
    named = {context.id_of(m) for m in sentence_orgs(context, text) if start <= m.start < end}
    inside = [o for o in orgs if o in named]
    return inside if len(inside) > 1 else orgs


def _sides(context: Context, text: str, orgs: list[str]) -> list[str]:
    """Parties the sentence does not list: its organisations, 'the two universities' (named together just
    before), or 'both sides' (the document's two), without those that only report the signing."""
    speakers = _speakers(context, text)
    parties = list(orgs)
    if BOTH_SIDES.search(text):
        together = named_together(context, text)
        pair = together or main_pair(context)
        if together:
            parties = list(dict.fromkeys(together + parties_joined(context, text)))
        else:
            parties = list(dict.fromkeys(parties + pair)) if len(parties) < 2 else pair
    return [p for p in parties if p not in speakers]


def _with_partner(context: Context, text: str, after: int) -> list[str]:
    """'X ... signed a memorandum with Y, Z and W': the subject before the verb and the partners after 'with'."""
    orgs = sentence_orgs(context, text)
    partners = _partners_after(context, text, orgs, after)
    if not partners:
        return []
    subject = next((context.id_of(m) for m in orgs if m.start < after), None) or context.delegation
    return [x for x in dict.fromkeys([subject, *(context.id_of(m) for m in partners)]) if x]


def _partners_after(context: Context, text: str, orgs: list[Mention], after: int) -> list[Mention]:
    """The organisations listed after the 'with' that follows a signing verb."""
    with_at = WITH_AT.search(text, after)
    if not with_at or with_at.start() - after > 60:
        return []
    partners = [m for m in orgs if m.start >= with_at.end()][:1]
    for mention in orgs:
        if partners and mention.start > partners[-1].end and LIST_GAP.fullmatch(text[partners[-1].end : mention.start]):
            partners.append(mention)
    return partners


def _elliptic_partners(context: Context, text: str, after: int) -> list[str]:
    """'X signed an agreement with Y in 2024, and in 2023 with Z': Z signed one of its own with X."""
    orgs = sentence_orgs(context, text)
    partners = _partners_after(context, text, orgs, after)
    more = ELLIPSIS.match(text, partners[-1].end) if partners else None
    return [i for m in orgs if more and m.start == more.end() and (i := context.id_of(m))]


def _already_reported(context: Context, text: str) -> bool:
    """'The memorandum was signed by ...' after a sentence that reported one (of that kind): the same document."""
    definite = ANAPHOR.match(text)
    kind = KIND.search(definite.group()) if definite else None
    same = kind_of(kind.group(1)) if kind else "other"
    return bool(definite) and any(
        c.label == "Agreement" and same in {c.props.get("kind"), "other"} for c in context.candidates
    )


def _clause_signings(context: Context, text: str) -> bool:
    """'X and Y signed an agreement on A, and X and Z signed a memorandum on B': one agreement per clause,
    each between the organisations listed right before its verb. True when the sentence was read so."""
    orgs = sentence_orgs(context, text)
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
        add_agreement(context, text, kind, listed, status, rest=text[kind.end() :])
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
    number = sentence_of(context, text)
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
    orgs = sentence_orgs(context, text)
    return {
        context.id_of(m) or ""
        for m in orgs
        if re.match(r"\s*(?:also\s+)?(?:noted|said|reported|informed|announced|stated|added)\b", text[m.end :])
    }
