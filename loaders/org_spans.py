"""How far an organisation name reaches from its head word.

Left: capitalised modifiers ("Kyrgyz State Technical"), '&'/'-'/'and' inside a name, a quoted name, initials
of an eponym. Right: "of/for/in ..." tails, "named after ...", a defining "(ABBR)". A tail that names
another organisation is not swallowed: where it starts is returned as the name's parent.
"""

from __future__ import annotations

import re

from loaders.gazetteer import TITLE_WORDS, cities, is_place
from loaders.org_tails import place_tail, tail, under_state
from loaders.org_tokens import ABBR, INITIALS, Token, head_kind, is_cap

ORDINALS = {"First", "Second", "Third", "Fourth", "Fifth"}


def extend_left(tokens: list[Token], h: int) -> int:
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
            people = prev.bare.lower() in NAME_NOUNS
            if prev.bare != prev.text and i < h and not people:
                break  # 'China's Zijin Mining Group' is the Zijin Mining Group ('Kazakhstan's Majilis' keeps it)
            i -= 1
            if prev.bare != prev.text and not people:
                break  # ('the Turkestan People's University' goes on)
        elif INITIALS.match(prev.text) and i < h and tokens[i].text[:1].isupper() and not head_kind(tokens[i]):
            i -= 1
        elif prev.text in ORDINALS and i < h and i > 1:
            i -= 1  # 'its First Affiliated Hospital' (not a sentence's 'First, ...')
            break
        else:
            break
    return i


NAME_NOUNS = {"people", "peoples", "women", "teacher", "teachers", "children", "workers", "youth"}
"""Words of a name that are also titles or take a possessive: 'Women's Teacher Training University'."""


def _left_word(token: Token) -> bool:
    """A capitalised word that may stand left of a head ('Kyrgyz', 'Xi'an', 'ZTE'), not a title."""
    lowered = token.bare.lower()
    if not is_cap(token) or INITIALS.match(token.text) or (lowered in TITLE_WORDS and lowered not in NAME_NOUNS):
        return False
    return not (token.bare != token.text and not is_place(token.bare) and lowered not in NAME_NOUNS)


def _and_joins(tokens: list[Token], i: int) -> bool:
    """'and' inside a name ('Language and Culture') rather than between two names ('KBTU and China ...')."""
    word = tokens[i]
    j = i
    while j >= 1 and _left_word(tokens[j - 1]) and not head_kind(tokens[j - 1]) and j > i - 3:
        j -= 1
    if j >= 1 and (INITIALS.match(tokens[j - 1].text) or tokens[j - 1].text == "after"):
        return False  # 'KNU named after J. Balasagyn and Xinjiang University': the eponym ends a name
    return _left_word(word) and not ABBR.match(word.text) and not head_kind(word) and not is_place(word.text)


def _quote_start(tokens: list[Token], close: int) -> int | None:
    """Index of the opening quote that matches the closing quote at `close`, within a few words."""
    for j in range(close - 1, max(-1, close - 6), -1):
        if tokens[j].text in {"“", '"', "«"}:
            return j
    return None


def extend_right(tokens: list[Token], h: int, kind: str) -> tuple[int, str | None, int | None, str | None]:
    """The last token of the name, its defining abbreviation, where a parent starts, the eponym."""
    end, abbr, parent_at, eponym = h, None, None, None
    i = h + 1
    if tokens[h].text.lower() == "consulate" and i < len(tokens) and tokens[i].text == "General":
        end, i = i, i + 1  # 'Consulate General of X in Y'
    while i < len(tokens):
        word = tokens[i].text
        if (stop := _joined(tokens, h, i, kind)) is not None:
            end, i = stop, stop + 1
            continue
        if word == "(":
            abbr, i = _paren_abbr(tokens, i, end)
            if abbr:
                end = i - 1
            break
        if word == "named" and i + 1 < len(tokens) and tokens[i + 1].text == "after":
            stop, eponym = eponym_at(tokens, i + 2)
            if stop is None:
                break
            end, i = stop, stop + 1
            continue
        if word in _TAIL_WORDS.get(kind, ()):
            stop, parent = place_tail(tokens, i + 1) if (kind, word) == ("O", "in") else tail(tokens, i + 1)
            if parent is not None:
                parent_at = parent
                break
            if stop is None or word == "at":
                break
            end, i = stop, stop + 1
            if tokens[end].bare != tokens[end].text or (kind, word) == ("O", "in"):
                break  # one place only: 'Embassy of X in the People's Republic of China' (in Beijing)
            continue
        break
    return end, abbr, parent_at, eponym


_TAIL_WORDS = {
    "U": ("of", "for"),
    "I": ("of", "for", "at"),
    "O": ("of", "for", "in", "to"),
    "L": ("of", "for", "in", "at", "on"),
    "N": ("of", "for", "on"),
    "E": ("of", "for", "on"),
}


def _joined(tokens: list[Token], h: int, i: int, kind: str) -> int | None:
    """The new last token when what follows at i still belongs to the name: a campus city ('China University
    of Petroleum, Beijing (CUPB)', '... (Beijing)'), a company's quoted name ('Mining Company "Zijin"'), a
    state body's 'under the President of X'."""
    word = tokens[i].text
    if kind == "U" and (campus := _campus(tokens, i)) is not None:
        return campus
    if word in {'"', "“", "«"} and tokens[h].bare.lower() in COMPANY_HEADS:
        return _quoted(tokens, i)
    return under_state(tokens, i + 1) if word == "under" else None


def _campus(tokens: list[Token], i: int) -> int | None:
    """A campus city printed after a university's name, as '(Beijing)' or as ', Beijing' before its own
    '(ABBR)': the index of the name's new last token."""
    word = tokens[i].text
    if word == "(" and i + 2 < len(tokens) and tokens[i + 2].text == ")" and tokens[i + 1].text in cities():
        return i + 2  # (a country, 'Hubei University (China)', says where it is, not which campus)
    if word == "," and i + 4 < len(tokens) and tokens[i + 1].text in cities() and tokens[i + 2].text == "(":
        return i + 1 if tokens[i + 4].text == ")" and ABBR.match(tokens[i + 3].text) else None
    return None


def _paren_abbr(tokens: list[Token], i: int, end: int) -> tuple[str | None, int]:
    """'(ABBR)' right after a name: the abbreviation and the index after ')'."""
    inside = tokens[i + 1].text if i + 2 < len(tokens) and tokens[i + 2].text == ")" else ""
    if ABBR.match(inside) and not is_place(inside) and inside != "PRC":
        return inside, i + 3
    return None, i


EPONYM_STOP = {"state", "national", "university", "institute", "and", "the", "of", "in", "named", "kazakh", "kyrgyz",
               "tajik", "uzbek", "turkmen", "chinese", "russian", "technical", "pedagogical", "medical"}  # fmt: skip
"""Words that end an eponym: they start the next organisation's name ('named after X Kazakh National ...')."""


def eponym_at(tokens: list[Token], i: int) -> tuple[int | None, str | None]:
    """'named after [academician] [I.] Razzakov': index of the surname and the eponym text."""
    start = i
    if i < len(tokens) and tokens[i].text.lower() == "academician":
        i += 1
    while i < len(tokens) and INITIALS.match(tokens[i].text):
        i += 1
    if _eponym_word(tokens, i) or (i < len(tokens) and tokens[i].text[:1].isupper() and tokens[i].text.isalpha()):
        if i == start and _eponym_word(tokens, i + 1) and not _person_follows(tokens, i + 2):
            i += 1  # 'named after Jusup Balasagyn', 'named after Islam Karimov' (not after 'M. Osimi')
        while i + 2 < len(tokens) and tokens[i + 1].text in NAME_PARTICLES and _particle_name(tokens[i + 2]):
            i += 2  # 'named after Abu Ali ibn Sino', 'named after Abu Nasr al Farabi'
        return i, " ".join(t.text for t in tokens[start : i + 1])
    return None, None


NAME_PARTICLES = {"ibn", "bin", "al", "ul", "ad", "ar", "as", "ash", "az", "ibni"}


COMPANY_HEADS = {"company", "corporation", "concern", "group"}


def _quoted(tokens: list[Token], i: int) -> int | None:
    """The closing quote of a short capitalised name opening at i ('"Zijin"', '«Kazakhtelecom»'), if any."""
    for j in range(i + 1, min(i + 6, len(tokens))):
        if tokens[j].text in {'"', "”", "»"}:
            following = tokens[j + 1].text.lower() if j + 1 < len(tokens) else ""
            named = j > i + 1 and tokens[i + 1].text[:1].isupper() and following not in QUOTED_THINGS
            return j if named else None
    return None


QUOTED_THINGS = {"programme", "program", "project", "initiative", "contest", "competition", "award", "platform",
                 "course", "courses", "scholarship", "forum", "campaign"}  # fmt: skip
"""'the Minsk Corporation "Bright Minds" programme': a quoted name before these is the thing's, not the company's."""


def _particle_name(token: Token) -> bool:
    """The name after 'ibn', 'al' ('Sino' in 'Abu Ali ibn Sino', whatever else the word may be)."""
    return token.text[:1].isupper() and token.text.isalpha() and not head_kind(token)


def _person_follows(tokens: list[Token], i: int) -> bool:
    """A third name word ('named after Abai Nurlan Serikovich Dzhumabekov'): the second starts a person (but
    'named after Mirzo Ulugbek Karimov B.T.': a surname with initials is a person of its own)."""
    initials = i + 1 < len(tokens) and INITIALS.match(tokens[i + 1].text)
    return _eponym_word(tokens, i) and tokens[i].text.lower() not in TITLE_WORDS and not initials


def _eponym_word(tokens: list[Token], i: int) -> bool:
    """A capitalised word of a person's name (not a place, nor a word that starts the next organisation)."""
    if i >= len(tokens):
        return False
    text = tokens[i].text
    if not text[:1].isupper() or not (text.isalpha() or "-" in text):
        return False
    return head_kind(tokens[i]) is None and text.lower() not in EPONYM_STOP and not is_place(text)


__all__ = ["eponym_at", "extend_left", "extend_right"]
