"""COOPERATES_WITH only where a sentence gives cooperation evidence, between the organisations it links.

Evidence of the genre: the parties of a signed agreement; a visit between two institutions (not a call at
a ministry, embassy or consulate, and not every member of a joint delegation with every host); "cooperation
between X and Y"; "X cooperates / partners / agreed with Y"; "X together with Y" or "in partnership with Y"
(a joint creation: every founder with every other); "X and Y will jointly / agreed to ..."; "co-organised /
jointly established by X, Y and Z"; "with the support of Z". Organisations merely present in the sentence
(hosts of a forum, ministries that "noted", embassies mentioned) are not paired.
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import TYPE_CHECKING

from loaders.agreement_parts import main_pair
from loaders.generic_terms import PAIR_NOUNS, UNIT_WORDS

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

ORG_LABELS = {"University", "Organization"}
OFFICIAL = re.compile(
    r"\b(?:Ministry|Embassy|Consulate|Committee|Parliament|Government|Commission|Administration|Majilis|Akimat)\b|"
    r"\bDepartment of Education\b",
    re.IGNORECASE,
)
"""Official bodies: a visit to or by one is protocol, not cooperation between institutions."""
EDUCATION_BODY = re.compile(r"\b(?:Education|Educational|Science|Scholarship)\b", re.IGNORECASE)
BETWEEN = re.compile(
    r"\b(?:cooperation|co-operation|partnership|collaboration|relations|ties|exchanges?|contacts)\s+"
    r"(?:[\w-]+\s+){0,3}?between\s+",
    re.IGNORECASE,
)
WITH = re.compile(
    r"\b(?:cooperat(?:es|ed|ing|e)|co-operat\w+|collaborat(?:es|ed|ing|e)|partner(?:s|ed|ing)?|"
    r"(?:cooperation|partnership|collaboration|agreed|agreement|negotiations|talks)|(?:is|are|was|were) partners)\s+"
    r"with\s+",
    re.IGNORECASE,
)
"""'X cooperates with Y', 'X's partnership with Y', 'X agreed with Y to ...': the subject with each partner."""
JOINT_WITH = re.compile(
    r"\b(?:together|jointly|(?:(?:created|established|opened|founded|launched|set up|built|organi[sz]ed|run|held|"
    r"developed|implemented)\s+)(?:[\w-]+\s+){0,3}?in (?:partnership|cooperation|collaboration))\s+with\s+",
    re.IGNORECASE,
)
"""'created by X together with Y and Z', 'opened in partnership with Y and Z': every founder with every other
(but 'interest in cooperation with Y and Z' pairs only the subject with each)."""
JOINT_BY = re.compile(
    r"\b(?:co-?(?:organi[sz]ed|sponsored|hosted|founded|established|funded)|"
    r"(?:organi[sz]ed|sponsored|hosted|established|created|opened|built|founded|run|launched|set up)\s+jointly|"
    r"jointly\s+(?:organi[sz]ed|sponsored|hosted|established|created|opened|built|founded|run|launched|set up)|"
    r"organi[sz]ed|sponsored|funded|financed)\s+by\s+|\bat the expense of\s+",
    re.IGNORECASE,
)
"""'co-organised by X and Y', 'jointly established by X and Y' (and 'organised / funded by X and Y', 'at the
expense of X and Y' when two are named)."""
SUPPORT = re.compile(r"\bwith the (?:support|assistance|help) of\s+", re.IGNORECASE)
COORDINATED = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*)?(?:also\s+|have\s+|has\s+|had\s+|will\s+|would\s+|then\s+|further\s+|both\s+)*"
    r"(?:jointly|together|cooperat\w*|collaborat\w*|partner\w*|agreed|decided to|co-\w+|will sign|plan\w* to sign|"
    r"(?:establish(?:ed)?|open(?:ed)?|found(?:ed)?|create[d]?|launch(?:ed)?|set up|buil[dt])\s+(?:an?|the|their)\s|"
    r"discussed\b(?=[^.;]*\b(?:cooperation|partnership|collaboration|joint)\b))",
    re.IGNORECASE,
)
"""'X and Y (will) jointly / agreed / cooperate / established a ...' right after a list of two or more."""
INCLUDING = re.compile(r"[^.;:]{0,80}?\b(?:including|such as|among them|among which|in particular)\s+(?:the\s+)?", re.I)
"""'cooperates with more than 50 universities, including X and Y'."""
JOINS = re.compile(
    r"\b(?:will|would|is to|are to)\s+(?:also\s+)?(?:take part|participate|be involved|join)\s+in\s+(?:the|this)\s+"
    r"(?:project|work|programme|program)\b",
    re.IGNORECASE,
)
"""'X will also take part in the project': a third partner of the two sides' joint project."""
INVOLVE = re.compile(r"\bto involve\s+(?:also\s+)?", re.IGNORECASE)
AGREED_THAT = re.compile(r"\bagreed (?:that|on)\s+", re.IGNORECASE)
WITH_WHICH = re.compile(r"\bwith (?:which|whom)\b", re.IGNORECASE)
WITH_WHICH_OURS = re.compile(
    r",?\s*with (?:which|whom) (?:the|our) (?:university|institute) (?:has|had|have)?\s*(?:been )?"
    r"(?:cooperat|collaborat|partner)\w*",
    re.IGNORECASE,
)
BOTH = re.compile(rf"\b(?:the two|both) (?:{PAIR_NOUNS})\b[^.;]*$", re.I)
GENERIC = re.compile(r"\b(?:the|our)\s+university\b(?![\w'’])[^.;,]*$", re.IGNORECASE)
"""'... noted that the university cooperates with ...': the subject is the university in question."""
LIST_GAP = re.compile(
    r"\)?\s*(?:\([^()]{0,80}\)\s*)?(?-i:in\s+[A-Z][\w'’-]+\s*)?"
    r"(?:,\s*(?:and\s+|as well as\s+)?|\band\s+|as well as\s+|&\s*)?(?:the\s+)?\(?",
    re.IGNORECASE,
)
LEAD = re.compile(r"[\s:]*(?:(?:the|representatives|of|both|leadership|management|universities|are)\s+|:\s*)*", re.I)
CLAUSE_END = re.compile(r"[;]|\.\s|\bwhere\b|\bwhile\b")


COMPANY = re.compile(r"\b(?:Co\.|Company|Corporation|Ltd\b|LLP|LLC|JSC|PJSC|GmbH|Inc\b)")
"""A company's name: the place a delegation toured is no partner for it (a signed document still is)."""
MET = re.compile(r"\b(?:met|meetings?|talks|negotiat\w*|discuss\w*)\b", re.IGNORECASE)


AGENT = re.compile(r"\b(?:was|were)\s+(?:\w+\s+){0,2}?(?:received|welcomed|hosted|greeted)\s+by\s+(?:the\s+)?$", re.I)
UNIT_SUBJECT = re.compile(
    rf"^\W*(?:the|this)\s+(?:new\s+)?(?:{UNIT_WORDS})\s+"
    r"(?:was|has been|is)\s+(?:\w+\s+)?(?:created|established|opened|set up|founded)\s+$",
    re.IGNORECASE,
)
GUESTS = re.compile(r"\b(?:guests|delegation|delegates)\b", re.IGNORECASE)


def read_cooperation(
    context: Context,
    text: str,
    mentions: list[Mention],
    parties: list[str],
    visited: list[tuple[str, str]],
) -> None:
    """COOPERATES_WITH from agreement parties, institutional visits and the sentence's cooperation phrases."""
    for a, b in combinations(parties, 2):
        context.add("COOPERATES_WITH", a, b, text)
    toured = not MET.search(text)
    for visitor, host in visited:
        if toured and any(COMPANY.search(name) for name in context.candidate(host).names):
            continue  # 'the delegation also visited X Machinery Co., Ltd.': a site toured, not a partner
        if _institutional_visit(context, visitor, host):
            context.add("COOPERATES_WITH", visitor, host, text)
    orgs = [m for m in mentions if m.kind != "branch" and context.label(context.id_of(m)) in ORG_LABELS | {"Lab"}]
    for group in _linked_groups(context, text, orgs):
        linked = [o for o in group if context.label(o) in ORG_LABELS]
        for a, b in combinations(dict.fromkeys(linked), 2):
            context.add("COOPERATES_WITH", a, b, text)


def is_official(context: Context, local: str) -> bool:
    """A ministry, embassy, consulate, committee or commission (by any of its names)."""
    return any(OFFICIAL.search(name) for name in context.candidate(local).names)


def _institutional_visit(context: Context, visitor: str, host: str) -> bool:
    """A visit between institutions, not to or by an official body (but an education ministry's own delegation
    works with whom it visits), nor one member of a joint delegation."""
    travelling_authority = visitor == context.delegation and _education_body(context, visitor)
    if (is_official(context, visitor) or is_official(context, host)) and not travelling_authority:
        return False
    return not (len(context.delegates) > 1 and visitor in context.delegates)


def _education_body(context: Context, local: str) -> bool:
    """A ministry, department or commission of education (or science): a partner in academic cooperation."""
    return any(EDUCATION_BODY.search(name) for name in context.candidate(local).names)


def _linked_groups(context: Context, text: str, orgs: list[Mention]) -> list[list[str]]:
    """Sets of organisations the sentence says cooperate, each group fully paired."""
    groups: list[list[str]] = []
    for match in BETWEEN.finditer(text):
        groups.append(_listed(context, text, orgs, match.end()))
    for match in JOINT_BY.finditer(text):
        listed = _listed(context, text, orgs, match.end())
        groups.append(listed if len(listed) > 1 else [])
    for match in JOINT_WITH.finditer(text):
        subject = _subject(context, text, orgs, match.start())
        groups.append([*subject, *_listed(context, text, orgs, match.end())] if subject else [])
    for match in WITH.finditer(text):
        subject = _subject(context, text, orgs, match.start())
        including = INCLUDING.match(text, match.end())
        partners = _listed(context, text, orgs, match.end()) or (
            _listed(context, text, orgs, including.end()) if including else []
        )
        groups += [[*subject, partner] for partner in partners]
    groups += _coordinated(context, text, orgs)
    groups += _partners_with_which(context, text, orgs)
    groups += _partner_of_the_university(context, text, orgs)
    groups += _joins_the_project(context, text, orgs)
    groups += _supporters(context, text, orgs, groups)
    return [g for g in groups if len(set(g)) > 1]


def _listed(context: Context, text: str, orgs: list[Mention], at: int) -> list[str]:
    """The organisations listed from `at` on: 'X, Y (city) and the Z', each once."""
    first = next((m for m in orgs if m.start >= at), None)
    if first is None or not LEAD.fullmatch(text[at : first.start]):
        return []
    listed = [first]
    for mention in orgs:
        if mention.start >= listed[-1].end and LIST_GAP.fullmatch(text[listed[-1].end : mention.start]):
            listed.append(mention)
    return [i for i in dict.fromkeys(context.id_of(m) for m in listed) if i]


def _subject(context: Context, text: str, orgs: list[Mention], at: int) -> list[str]:
    """Who does it: the organisation named last before `at` in the same clause, or 'the two sides'."""
    before = [
        m
        for m in orgs
        if m.end <= at and context.label(context.id_of(m)) in ORG_LABELS and not CLAUSE_END.search(text[m.end : at])
    ]
    if before and AGENT.search(text, 0, before[-1].start) and re.search(r",\s+and\s", text[before[-1].end : at]):
        # 'the guests were received by X, and held talks with Y': the guests talked with Y, not X
        return [context.delegation] if context.delegation and GUESTS.search(text[: before[-1].start]) else []
    if before:
        return [i for i in [context.id_of(before[-1])] if i]
    if UNIT_SUBJECT.match(text[:at]) and context.venue and context.label(context.venue) in ORG_LABELS:
        return [context.venue]  # 'The classroom was created jointly with X': the venue it opened at, and X
    if GENERIC.search(text[:at]) and orgs:
        return _salient_university(context, orgs[0].sentence)
    return main_pair(context) if BOTH.search(text[:at]) else []


def _salient_university(context: Context, sentence: int, also_in_sentence: Mention | None = None) -> list[str]:
    """What 'the university' means: the university named last before this sentence (or before a mention of
    it), not the travelling one, nor the partner that mention names."""
    partner = context.id_of(also_in_sentence) if also_in_sentence else None
    named = [
        local
        for m in context.mentions
        if (local := context.id_of(m))
        and (m.sentence < sentence or (also_in_sentence and m.sentence == sentence and m.end <= also_in_sentence.start))
        and context.label(local) == "University"
        and m.kind != "branch"
        and local not in (context.delegation, partner)
    ]
    return named[-1:]


def _coordinated(context: Context, text: str, orgs: list[Mention]) -> list[list[str]]:
    """'X and Y will jointly ...', 'agreed that X, Y and Z will ...': a list followed by a joint verb."""
    return [group for group, _ in _coordinated_at(context, text, orgs)]


def founders_before(context: Context, text: str, mentions: list[Mention], at: int) -> list[str]:
    """'X and Y agreed to set up a joint centre': the organisations a joint verb before `at` has as subject."""
    orgs = [m for m in mentions if m.kind != "branch" and context.label(context.id_of(m)) in ORG_LABELS]
    found = [group for group, end in _coordinated_at(context, text, orgs) if end <= at]
    return found[-1] if found else []


def _coordinated_at(context: Context, text: str, orgs: list[Mention]) -> list[tuple[list[str], int]]:
    """Each list of organisations followed by a joint verb, with where the list ends."""
    groups = []
    for start, mention in enumerate(orgs):
        if start and LIST_GAP.fullmatch(text[orgs[start - 1].end : mention.start]):
            continue  # not the head of a list
        listed = _listed(context, text, orgs[start:], mention.start)
        last = max((m.end for m in orgs[start:] if context.id_of(m) in listed), default=mention.end)
        follows = COORDINATED.match(text[last:])
        agreed = AGREED_THAT.search(text[max(0, mention.start - 20) : mention.start])
        if len(listed) > 1 and (follows or agreed):
            groups.append((listed, last))
    return groups


def _partners_with_which(context: Context, text: str, orgs: list[Mention]) -> list[list[str]]:
    """'the universities with which X cooperates are: A, B, C': X with each one listed after."""
    which = WITH_WHICH.search(text)
    if which is None:
        return []
    after = [m for m in orgs if m.start >= which.end()]
    if not after:
        return []
    subject = context.id_of(after[0])
    listed = next((found for m in after[1:] if len(found := _listed(context, text, after, m.start)) > 1), [])
    return [[subject, partner] for partner in listed if subject]


def _partner_of_the_university(context: Context, text: str, orgs: list[Mention]) -> list[list[str]]:
    """'... with X (China), with which the university has cooperated since 2021': X and the university meant."""
    which = WITH_WHICH_OURS.search(text)
    before = [m for m in orgs if which and m.end <= which.start() and context.label(context.id_of(m)) in ORG_LABELS]
    if not which or not before or not LIST_GAP.fullmatch(text[before[-1].end : which.start()].rstrip(", ")):
        return []
    ours = _salient_university(context, before[-1].sentence, also_in_sentence=before[-1])
    return [[context.id_of(before[-1]) or "", *ours]]


def _joins_the_project(context: Context, text: str, orgs: list[Mention]) -> list[list[str]]:
    """'The X Center will also take part in the project', '... in which it is planned to involve also X': X with
    each of the document's two sides."""
    joins, involve = JOINS.search(text), INVOLVE.search(text)
    third = _subject(context, text, orgs, joins.start()) if joins else []
    third = third or (_listed(context, text, orgs, involve.end())[:1] if involve else [])
    return [[*third, side] for side in main_pair(context) if third and side not in third]


def _supporters(context: Context, text: str, orgs: list[Mention], groups: list[list[str]]) -> list[list[str]]:
    """'opened by X together with Y with the support of Z': Z with each of those who did it."""
    found = []
    for match in SUPPORT.finditer(text):
        doers = [o for g in groups for o in g]
        for supporter in _listed(context, text, orgs, match.end()):
            found += [[supporter, doer] for doer in dict.fromkeys(doers)]
    return found
