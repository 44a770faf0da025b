"""Organisation-like names in one sentence: universities, organisations, labs, initiatives, events.

A name is found from its head word ("University", "Ministry", "Laboratory", "Forum"...) outwards:
capitalised modifiers to the left ("Kyrgyz State Technical"), then "of/for ..." tails, "named after ..."
and a defining "(ABBR)" to the right. A tail that names another organisation is not swallowed: it is
recorded as the name's parent ("Center ... of the Institute of ...", "Confucius Institute at ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from loaders.gazetteer import (
    GENERIC_MODS,
    MONTH_WORDS,
    NATIONALITIES,
    NOT_ORG_ACRONYMS,
    STOP_CAPS,
    TITLE_WORDS,
    is_place,
)

HEADS = {
    **dict.fromkeys(["university", "universities", "universiteti", "polytechnic"], "U"),
    **dict.fromkeys(["institute", "college", "academy", "school"], "I"),
    **dict.fromkeys(
        [
            "ministry",
            "embassy",
            "consulate",
            "council",
            "committee",
            "corporation",
            "company",
            "group",
            "agency",
            "foundation",
            "bank",
            "administration",
            "government",
            "commission",
            "society",
            "union",
            "federation",
            "chamber",
            "parliament",
            "majilis",
            "mazhilis",
            "senate",
            "fund",
            "lyceum",
            "association",
            "organization",
            "organisation",
        ],
        "O",
    ),
    **dict.fromkeys(
        ["laboratory", "laboratories", "lab", "center", "centre", "department", "faculty", "faculties"], "L"
    ),
    **dict.fromkeys(["alliance", "consortium", "initiative"], "N"),
    **dict.fromkeys(
        ["conference", "forum", "summit", "exhibition", "symposium", "seminar", "festival", "congress", "expo"], "E"
    ),
}
KIND_LABEL = {"U": "University", "O": "Organization", "L": "Lab", "N": "Initiative", "E": "Event"}
LOWERCASE_HEADS = {"embassy", "ministry", "consulate"}
PLURAL_HEADS = {"universities", "laboratories", "faculties"}
UNIVERSITY_MODS = {"state", "national", "vocational", "pedagogical", "medical", "polytechnic", "technical",
                   "technological", "normal", "agrarian", "agricultural", "teachers", "language", "linguistic",
                   "economic", "humanitarian", "university", "international"}  # fmt: skip
TOKEN = re.compile(
    r"(?:[A-Z][a-z]?\.){1,3}(?![a-z])|[“”\"«»]|[A-Za-z0-9][\w'’]*(?:[-–][A-Za-z0-9][\w'’]*)*|[()&,;:–—-]|\S"
)
ABBR = re.compile(r"^[A-Z][A-Za-z]{0,6}[A-Z]$|^[A-Z]{2,8}$")
INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.){1,3}$")


@dataclass
class Token:
    """One token of a sentence with its character offsets."""

    text: str
    start: int
    end: int
    taken: bool = False

    @cached_property
    def bare(self) -> str:
        """The word without a possessive 's (asked for often: computed once)."""
        return self.text[:-2] if self.text[-2:] in {"'s", "’s"} else self.text


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


def tokenize(text: str) -> list[Token]:
    """Words, initials, quotes and punctuation with offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def is_cap(token: Token) -> bool:
    """A capitalised word that can be part of a name."""
    word = token.text
    return word[:1].isupper() and word.lower() not in STOP_CAPS and word.lower() not in MONTH_WORDS


def head_kind(token: Token) -> str | None:
    """The kind of organisation a head word makes, if the token is one."""
    word = token.bare.lower()
    if word not in HEADS:
        return None
    if token.text[:1].isupper() or word in LOWERCASE_HEADS:
        return HEADS[word]
    return None


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
            stop, eponym = _eponym(tokens, i + 3)
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
    left = _extend_left(tokens, h)
    if tokens[h].text[:1].islower() and not any(tokens[i].text.lower() in NATIONALITIES for i in range(left, h)):
        return None
    if tokens[h].bare != tokens[h].text:
        end, abbr, parent_at, eponym = h, None, None, None
    else:
        end, abbr, parent_at, eponym = _extend_right(tokens, h, kind)
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
    mention.label = _label(kind, mention, has_tail=end > h)
    mention.generic = _is_generic(mods, has_tail=end > h, eponym=eponym) or _is_organ(mention)
    if tokens[h].text.lower() in PLURAL_HEADS and end == h:
        return None
    return mention


def _extend_left(tokens: list[Token], h: int) -> int:
    """Index of the first modifier left of the head; never the tail of a name before an 'and'."""
    i = _extend_left_raw(tokens, h)
    if i > 1 and tokens[i - 1].text in {"of", "for"} and _ends_name(tokens, i - 2):
        crossed = [j for j in range(i, h) if tokens[j].text == "and"]
        if crossed:
            return crossed[-1] + 1
    return i


def _ends_name(tokens: list[Token], j: int) -> bool:
    """The capitalised run ending at index j contains a head word (so 'of ...' after it is its tail)."""
    while j >= 0 and (is_cap(tokens[j]) or tokens[j].text in {"&", "-"}):
        if head_kind(tokens[j]):
            return True
        j -= 1
    return False


def _extend_left_raw(tokens: list[Token], h: int) -> int:
    """Index of the first modifier left of the head."""
    i = h
    while i > 0:
        prev = tokens[i - 1]
        if (
            (prev.text == "&" and i >= 2 and (is_cap(tokens[i - 2]) or re.fullmatch(r"[A-Z]", tokens[i - 2].text)))
            or (prev.text in {"-", "–"} and i >= 2 and is_cap(tokens[i - 2]) and tokens[i - 2].end == prev.start)
            or (prev.text == "and" and i >= 2 and _and_joins(tokens, i - 2))
        ):
            i -= 2
        elif prev.text == ")" and i >= 3 and tokens[i - 3].text == "(" and ABBR.match(tokens[i - 2].text):
            i -= 3
        elif prev.text in {"”", '"', "»"}:
            opening = _quote_start(tokens, i - 1)
            if opening is None:
                break
            i = opening
        elif _left_word(prev):
            i -= 1
            if prev.bare != prev.text:
                break
        elif INITIALS.match(prev.text) and i < h and tokens[i].text[:1].isupper() and not head_kind(tokens[i]):
            i -= 1
        else:
            break
    return i


def _left_word(token: Token) -> bool:
    """A capitalised word that may stand left of a head ('Kyrgyz', 'Xi'an', 'ZTE'), not a title."""
    lowered = token.bare.lower()
    if not is_cap(token) or INITIALS.match(token.text) or lowered in TITLE_WORDS:
        return False
    return not (token.bare != token.text and not is_place(token.bare))


def _and_joins(tokens: list[Token], i: int) -> bool:
    """'and' inside a name ('Language and Culture') rather than between two names ('KBTU and China ...')."""
    word = tokens[i]
    return _left_word(word) and not ABBR.match(word.text) and not head_kind(word) and not is_place(word.text)


def _quote_start(tokens: list[Token], close: int) -> int | None:
    """Index of the opening quote that matches the closing quote at `close`, within a few words."""
    for j in range(close - 1, max(-1, close - 6), -1):
        if tokens[j].text in {"“", '"', "«"}:
            return j
    return None


def _extend_right(tokens: list[Token], h: int, kind: str) -> tuple[int, str | None, int | None, str | None]:
    """The last token of the name, its defining abbreviation, where a parent starts, the eponym."""
    end, abbr, parent_at, eponym = h, None, None, None
    i = h + 1
    while i < len(tokens):
        word = tokens[i].text
        if word == "(":
            abbr, i = _paren_abbr(tokens, i, end)
            if abbr:
                end = i - 1
            break
        if word == "named" and i + 1 < len(tokens) and tokens[i + 1].text == "after":
            stop, eponym = _eponym(tokens, i + 2)
            if stop is None:
                break
            end, i = stop, stop + 1
            continue
        if word in _TAIL_WORDS.get(kind, ()):
            stop, parent = _tail(tokens, i + 1)
            if parent is not None:
                parent_at = parent
                break
            if stop is None or word == "at":
                break
            end, i = stop, stop + 1
            if tokens[end].bare != tokens[end].text:
                break
            continue
        break
    return end, abbr, parent_at, eponym


_TAIL_WORDS = {
    "U": ("of",),
    "I": ("of", "for", "at"),
    "O": ("of", "for", "in", "to"),
    "L": ("of", "for", "in", "at", "on"),
    "N": ("of", "for", "on"),
    "E": ("of", "for", "on"),
}


def _paren_abbr(tokens: list[Token], i: int, end: int) -> tuple[str | None, int]:
    """'(ABBR)' right after a name: the abbreviation and the index after ')'."""
    inside = tokens[i + 1].text if i + 2 < len(tokens) and tokens[i + 2].text == ")" else ""
    if ABBR.match(inside) and not is_place(inside) and inside != "PRC":
        return inside, i + 3
    return None, i


def _eponym(tokens: list[Token], i: int) -> tuple[int | None, str | None]:
    """'named after [academician] [I.] Razzakov': index of the surname and the eponym text."""
    start = i
    if i < len(tokens) and tokens[i].text.lower() == "academician":
        i += 1
    while i < len(tokens) and INITIALS.match(tokens[i].text):
        i += 1
    if (i < len(tokens) and tokens[i].text[:1].isupper() and tokens[i].text.isalpha()) or (
        i < len(tokens) and "-" in tokens[i].text and tokens[i].text[:1].isupper()
    ):
        return i, " ".join(t.text for t in tokens[start : i + 1])
    return None, None


def _tail(tokens: list[Token], i: int) -> tuple[int | None, int | None]:
    """After 'of/for/in/at': the last token of a capitalised run, or where a parent organisation starts."""
    if i < len(tokens) and tokens[i].text.lower() == "the":
        i += 1
    start, last = i, None
    while i < len(tokens):
        token = tokens[i]
        if _is_parent_head(token) or (ABBR.match(token.text) and last is None and not is_place(token.text)):
            return None, tokens[start].start if _names_org(tokens, start) else None
        if is_cap(token) or token.text[:1].isdigit():
            last = i
        elif token.text in {"and", "&", "-"} and last is not None and i + 1 < len(tokens):
            following = tokens[i + 1]
            if not is_cap(following) or ABBR.match(following.text) or _run_has_head(tokens, i + 1):
                break
        elif token.text in {"“", "”", '"'}:
            pass
        else:
            break
        if token.bare != token.text and token.bare.lower() not in {"people", "peoples"}:
            break
        i += 1
    return last, None


def _is_parent_head(token: Token) -> bool:
    """A singular, capitalised head word: the start of another organisation's name."""
    return bool(head_kind(token)) and token.text[:1].isupper() and token.text.lower() not in PLURAL_HEADS


def _names_org(tokens: list[Token], start: int) -> bool:
    """The capitalised run starting at `start` names an organisation (has a head or is an acronym)."""
    return _run_has_head(tokens, start) or bool(ABBR.match(tokens[start].text) and not is_place(tokens[start].text))


def _run_has_head(tokens: list[Token], i: int) -> bool:
    """A head word occurs in the capitalised run starting at i."""
    while i < len(tokens) and (is_cap(tokens[i]) or tokens[i].text in {"&", "-", "“", "”"}):
        if _is_parent_head(tokens[i]):
            return True
        i += 1
    return False


def _label(kind: str, mention: OrgMention, *, has_tail: bool) -> str:
    """The entity label of a mention, from its head and modifiers."""
    lowered = {m.lower() for m in mention.mods}
    if kind == "I":
        if mention.head.lower() == "institute" and "confucius" in lowered:
            return "Lab"
        if mention.head.lower() == "academy" and "of sciences" in mention.text.lower():
            return "Organization"
        if any(is_place(m) for m in mention.mods) or lowered & UNIVERSITY_MODS:
            return "University" if mention.head.lower() != "school" else "Lab"
        return "Lab"
    if kind == "O" and mention.head.lower() == "association" and re.search(r"Universities|Colleges", mention.text):
        return "Initiative"
    return KIND_LABEL.get(kind, "Organization")


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
