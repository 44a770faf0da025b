"""Organisation-like names in one sentence: universities, organisations, labs, initiatives, events.

A name is found from its head word ("University", "Ministry", "Laboratory", "Forum"...) outwards
(org_spans.py): capitalised modifiers to the left, then "of/for ..." tails, "named after ..." and a
defining "(ABBR)" to the right. A tail that names another organisation is recorded as the name's parent
("Center ... of the Institute of ...", "Confucius Institute at ..."). Then the name is typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.gazetteer import GENERIC_MODS, NATIONALITIES, NOT_ORG_ACRONYMS, STOP_CAPS, is_place
from loaders.org_spans import eponym_at, extend_left, extend_right
from loaders.org_tokens import (
    ABBR,
    HEADS,
    INITIALS,
    KIND_LABEL,
    PLURAL_HEADS,
    UNIVERSITY_MODS,
    Token,
    head_kind,
    is_cap,
    tokenize,
)

__all__ = ["ABBR", "HEADS", "INITIALS", "OrgMention", "Token", "find_org_mentions", "head_kind", "is_cap", "tokenize"]


@dataclass
class OrgMention:
    """An organisation-like name found in a sentence (offsets are into the sentence)."""

    start: int
    end: int
    text: str
    label: str
    head: str
    abbr: str | None = None
    generic: bool = False
    parent_at: int | None = None
    """Where a following 'of/at <organisation>' starts: the organisation this one belongs to."""
    mods: list[str] = field(default_factory=list)
    eponym: str | None = None
    place: str | None = None
    company: str | None = None
    """The listed company a name is (companies.py); `place` is then its subsidiary's country."""
    extra_names: list[str] = field(default_factory=list)


def find_org_mentions(text: str, *, more: list[OrgMention] | None = None) -> list[OrgMention]:
    """Every organisation-like name in one sentence (and `more` found otherwise), longest where they overlap."""
    tokens = tokenize(text)
    found = [m for i, t in enumerate(tokens) if head_kind(t) for m in [_mention_at(text, tokens, i)] if m]
    found += _acronym_names(text, tokens)
    return _drop_overlaps(found + (more or []))


def _acronym_names(text: str, tokens: list[Token]) -> list[OrgMention]:
    """'KSTU named after I. Razzakov', 'I. Razzakov KSTU': an acronym with its eponym is a name of its own."""
    found: list[OrgMention] = []
    for i, token in enumerate(tokens):
        if not _org_acronym(token):
            continue
        start, stop, eponym = i, None, None
        if i + 2 < len(tokens) and tokens[i + 1].text == "named" and tokens[i + 2].text == "after":
            stop, eponym = eponym_at(tokens, i + 3)
        elif i >= 2 and INITIALS.match(tokens[i - 2].text) and _name_word(tokens[i - 1]):
            start, stop, eponym = i - 2, i, f"{tokens[i - 2].text} {tokens[i - 1].text}"
        if stop is None:
            continue
        end = tokens[stop].start + len(tokens[stop].bare)
        label = "University" if token.text.upper().endswith("U") else "Organization"
        found.append(OrgMention(tokens[start].start, end, text[tokens[start].start : end], label, token.text,
                                abbr=token.text, eponym=eponym))  # fmt: skip
    return found


def _org_acronym(token: Token) -> bool:
    """An acronym that may name an organisation ('KSTU', 'KazNU'), not a place or a common abbreviation."""
    return bool(ABBR.match(token.text)) and not is_place(token.text) and token.text.upper() not in NOT_ORG_ACRONYMS


def _name_word(token: Token) -> bool:
    """A capitalised surname-like word ('Razzakov')."""
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", token.text)) and token.text.lower() not in STOP_CAPS


def _mention_at(text: str, tokens: list[Token], h: int) -> OrgMention | None:
    """Grow a name around the head at index h, then type it."""
    kind = head_kind(tokens[h]) or ""
    left = extend_left(tokens, h)
    if tokens[h].text[:1].islower() and not any(tokens[i].text.lower() in NATIONALITIES for i in range(left, h)):
        return None
    if tokens[h].bare != tokens[h].text:
        end, abbr, parent_at, eponym = h, None, None, None
    else:
        end, abbr, parent_at, eponym = extend_right(tokens, h, kind)
    own_hospital = _own_hospital(tokens, left, h)
    if parent_at is not None and own_hospital:
        end, parent_at = _parent_end(tokens, parent_at, end), None
    mods = [t.text for t in tokens[left:h] if t.text[:1].isalpha()]
    inner = [tokens[j + 1].text for j in range(left, h - 2) if tokens[j].text == "(" and tokens[j + 2].text == ")"]
    abbr = abbr or (inner[0] if inner else None)
    mention = OrgMention(
        start=tokens[left].start,
        end=tokens[end].start + len(tokens[end].bare),
        text="",
        label="",
        head=tokens[h].bare,
        abbr=abbr,
        parent_at=parent_at,
        mods=mods,
        eponym=eponym,
    )
    mention.text = text[mention.start : mention.end]
    mention.label = _label(kind, mention, has_tail=end > h, parent=_parent_head(text, parent_at))
    if own_hospital and (end > h or "Affiliated" not in mods):
        mention.label = "Organization"  # 'Urumqi Friendship Hospital', 'First Affiliated Hospital of X University'
    mention.generic = _is_generic(mods, has_tail=end > h, eponym=eponym) or _is_organ(mention)
    if tokens[h].text.lower() in PLURAL_HEADS and end == h:
        return None
    return mention


def _own_hospital(tokens: list[Token], left: int, h: int) -> bool:
    """A hospital named in full ('First Affiliated Hospital of X University') is a body of its own; 'its First
    Hospital', told as the university's, stays a unit (and so does a bare 'First Affiliated Hospital')."""
    return tokens[h].text.lower() == "hospital" and (left == 0 or tokens[left - 1].text.lower() != "its")


def _parent_end(tokens: list[Token], parent_at: int, end: int) -> int:
    """The last token of the organisation a tail names from `parent_at` (or `end` if none is found)."""
    first = next((j for j, t in enumerate(tokens) if t.start >= parent_at), len(tokens))
    head = next((j for j in range(first, min(first + 8, len(tokens))) if head_kind(tokens[j])), None)
    return extend_right(tokens, head, head_kind(tokens[head]) or "")[0] if head is not None else end


def _parent_head(text: str, parent_at: int | None) -> str:
    """The head word of the organisation a name's tail names ('of the Chinese Academy of Sciences': academy)."""
    if parent_at is None:
        return ""
    head = next((t for t in tokenize(text[parent_at : parent_at + 80]) if head_kind(t) and is_cap(t)), None)
    return head.text.lower() if head else ""


def _label(kind: str, mention: OrgMention, *, has_tail: bool, parent: str = "") -> str:
    """The entity label of a mention, from its head and modifiers (and the head of its parent, if any)."""
    if kind == "I":
        return _institute_label(mention, parent)
    if kind == "L" and STATE_BODY.search(mention.text):
        return "Organization"  # 'International Innovation Center of X under the President of Uzbekistan'
    if kind == "O" and mention.head.lower() == "association" and re.search(r"Universities|Colleges", mention.text):
        return "Initiative"
    if kind == "L" and (_government_body(mention) or HEALTH_BODY.search(mention.text)):
        return "Organization"
    return KIND_LABEL.get(kind, "Organization")


def _institute_label(mention: OrgMention, parent: str) -> str:
    """An institute, college, academy or school: a university, a unit, or an academy of sciences."""
    lowered = {m.lower() for m in mention.mods}
    if mention.head.lower() == "institute" and "confucius" in lowered:
        return "Lab"
    if mention.head.lower() == "academy" and re.search(r"\bSciences?\b", mention.text):
        return "Organization"  # 'Academy of Sciences', 'Academy of Agricultural Sciences'
    if mention.head.lower() == "institute" and (parent or lowered & {"joint", "research"}):
        return _unit_institute(lowered, parent)
    if mention.head.lower() == "institute" and OF_COUNTRY.search(re.sub(r"\s*\([^()]*\)$", "", mention.text)):
        return "University"  # 'Mining-Metallurgical Institute of Tajikistan'
    if any(is_place(m) or _nations(m) for m in mention.mods) or lowered & UNIVERSITY_MODS:
        return "University" if mention.head.lower() != "school" else "Lab"
    return "Lab"


def _unit_institute(mods: set[str], parent: str) -> str:
    """An institute of an academy is its unit, of a ministry its college; a joint one a unit; a research one a body."""
    if parent == "ministry":
        return "University"  # 'Institute of International Relations of the Ministry of Foreign Affairs'
    if parent or "joint" in mods:
        return "Lab"  # 'X Institute of Ecology of the Chinese Academy of Sciences', 'Uzbek-Chinese Joint Institute'
    return "Organization"  # 'Kazakh Research Institute of Water Economy'


OF_COUNTRY = re.compile(r"\bof\s+(?:the\s+)?(?:Republic\s+of\s+)?(?:Kazakhstan|Kyrgyzstan|Tajikistan|Uzbekistan|"
                        r"Turkmenistan|Kyrgyz Republic|China)$")  # fmt: skip
STATE_BODY = re.compile(r"\bunder\s+the\s+(?:President|Government|Cabinet\s+of\s+Ministers)\b")
HEALTH_BODY = re.compile(r"\bfor Disease Control\b")
"""A centre for disease control is a state body, not a unit."""
GOVERNMENT_HEADS = {"department", "office", "commission", "administration", "bureau"}
REGION_WORDS = {"provincial", "province", "municipal", "municipality", "region", "regional", "autonomous",
                "prefecture", "county", "oblast", "city", "xpcc", "xuar"}  # fmt: skip


def _government_body(mention: OrgMention) -> bool:
    """'Education Department of Gansu Province', 'Sichuan Provincial Department of Commerce': a state body."""
    if mention.head.lower() not in GOVERNMENT_HEADS or mention.parent_at is not None:
        return False
    words = re.findall(r"[\w'’]+", mention.text)
    return any(w.lower() in REGION_WORDS or (is_place(w) and w.lower() not in NATIONALITIES) for w in words)


def _nations(word: str) -> bool:
    """'Uzbek-Chinese', 'Sino-Kazakh': a compound of nations, which makes an institute a university."""
    parts = re.split(r"[-–]", word)
    return len(parts) > 1 and all(p.lower() in NATIONALITIES or is_place(p) for p in parts)


def _is_generic(mods: list[str], *, has_tail: bool, eponym: str | None) -> bool:
    """'International Department', 'Standing Committee', 'a Chinese University': no name of its own."""
    if has_tail or eponym:
        return False
    words = [m.lower().strip('“”"') for m in mods]
    if len(words) == 1 and words[0] in NATIONALITIES:
        return True
    return all(w in GENERIC_MODS for w in words)


def _is_organ(mention: OrgMention) -> bool:
    """'TCU Council', 'KSTU Committee': a body of an organisation, not one of its own."""
    return (
        bool(mention.mods)
        and all(ABBR.match(m) for m in mention.mods)
        and mention.head.lower() in {"council", "committee", "board", "administration", "group"}
    )


def _drop_overlaps(mentions: list[OrgMention]) -> list[OrgMention]:
    """Keep the longest of overlapping mentions, in text order."""
    kept: list[OrgMention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
