"""How far an organisation name reaches from its head word.

Left: capitalised modifiers ("Kyrgyz State Technical"), '&'/'-'/'and' inside a name, a quoted name, initials
of an eponym. Right: "of/for/in ..." tails, "named after ...", a defining "(ABBR)". A tail that names
another organisation is not swallowed: where it starts is returned as the name's parent.
"""

from __future__ import annotations

import re

from loaders.gazetteer import HONORIFICS, TITLE_WORDS, has_surname_ending, is_chinese_name, is_place
from loaders.org_tokens import ABBR, INITIALS, PLURAL_HEADS, Token, head_kind, is_cap

PLACE_WORDS = {"republic", "people", "people's", "people’s", "peoples", "federation", "autonomous", "region",
               "province", "city", "hui", "uygur", "uyghur", "uighur", "zhuang", "special",
               "administrative", "oblast"}  # fmt: skip
"""Words of an official place name ('the Kyrgyz Republic', 'Ningxia Hui Autonomous Region')."""
PERSON_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?|(?:[A-Z][a-z]?\.)+")


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
    return not (token.bare != token.text and not is_place(token.bare) and lowered not in {"people", "peoples"})


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


def extend_right(tokens: list[Token], h: int, kind: str) -> tuple[int, str | None, int | None, str | None]:
    """The last token of the name, its defining abbreviation, where a parent starts, the eponym."""
    end, abbr, parent_at, eponym = h, None, None, None
    i = h + 1
    if tokens[h].text.lower() == "consulate" and i < len(tokens) and tokens[i].text == "General":
        end, i = i, i + 1  # 'Consulate General of X in Y'
    while i < len(tokens):
        word = tokens[i].text
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
        if word == "under" and (stop := _under_state(tokens, i + 1)) is not None:
            end, i = stop, stop + 1  # '... Center of the Aral Sea Region under the President of Uzbekistan'
            continue
        if word in _TAIL_WORDS.get(kind, ()):
            stop, parent = _place_tail(tokens, i + 1) if (kind, word) == ("O", "in") else _tail(tokens, i + 1)
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


STATE_PATRONS = ("President", "Government", "Cabinet")


def _under_state(tokens: list[Token], i: int) -> int | None:
    """'under the President [of the Republic of X]', 'under the Cabinet of Ministers': the last token, or None."""
    if i + 1 >= len(tokens) or tokens[i].text != "the" or tokens[i + 1].text not in STATE_PATRONS:
        return None
    last = i + 1
    if tokens[last].text == "Cabinet" and [t.text for t in tokens[last + 1 : last + 3]] == ["of", "Ministers"]:
        last += 2
    if last + 1 < len(tokens) and tokens[last + 1].text == "of":
        stop, _ = _place_tail(tokens, last + 2)
        last = stop if stop is not None else last
    return last


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
        return i, " ".join(t.text for t in tokens[start : i + 1])
    return None, None


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


def _tail(tokens: list[Token], i: int) -> tuple[int | None, int | None]:
    """After 'of/for/in/at': the last token of a capitalised run, or where a parent organisation starts."""
    if i < len(tokens) and tokens[i].text.lower() == "the":
        i += 1
    start, last = i, None
    while i < len(tokens):
        token = tokens[i]
        if _is_parent_head(token) or (ABBR.match(token.text) and last is None and not is_place(token.text)):
            return None, tokens[start].start if _names_org(tokens, start) else None
        if _stops_name(tokens, i, last):
            break
        if is_cap(token) or token.text[:1].isdigit():
            last = i
        elif token.text == "," and last is not None and comma_list(tokens, i) and not _has_and(tokens, start, i):
            pass  # 'of Construction, Transport and Architecture'
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


def _stops_name(tokens: list[Token], i: int, last: int | None) -> bool:
    """A person after the name: an honorific or title ('... in Almaty Mr. Gao'), a name after a country."""
    word = tokens[i].text.lower().rstrip(".")
    if word in HONORIFICS or (word in TITLE_WORDS and tokens[i].text[:1].isupper()):
        return True
    if _initialled(tokens, i):
        return True  # 'Dean of the Faculty of Philology Omarov B.K.', '... of Philology B.K. Omarov
    if last is None or (not is_place(tokens[last].bare) and tokens[last].text.lower() != "republic"):
        return False
    return _person_shaped(tokens, i)


def _initialled(tokens: list[Token], i: int) -> bool:
    """A surname with its initials at i ('Omarov B.K.', 'B.K. Omarov'): a person, never a field of a name."""
    if i + 1 >= len(tokens):
        return False
    first, second = tokens[i], tokens[i + 1]
    if INITIALS.match(first.text):
        return bool(PERSON_WORD.fullmatch(second.text)) and not head_kind(second) and second.text[1:].islower()
    third = tokens[i + 2].text if i + 2 < len(tokens) else ""
    if PERSON_WORD.fullmatch(third) and third[1:].islower():
        return False  # 'Philology B.K. Omarov': the initials are the next word's
    return bool(INITIALS.match(second.text)) and first.text[1:].islower() and not head_kind(first)


def _person_shaped(tokens: list[Token], i: int) -> bool:
    """'Liu Jiangping', 'Nurlan Abenov', 'Abenov N.': the capitalised words at i are a person's name."""
    words = [t.text for t in tokens[i : i + 3] if PERSON_WORD.fullmatch(t.text)]
    if len(words) < 2 or head_kind(tokens[i]) or is_place(words[0]):
        return False
    return is_chinese_name(words[:2]) or has_surname_ending(words[:2]) or bool(INITIALS.match(words[1]))


def _place_tail(tokens: list[Token], i: int) -> tuple[int | None, int | None]:
    """After an organisation's 'in': only the place ('Embassy of X in the Republic of Tajikistan')."""
    if i < len(tokens) and tokens[i].text.lower() == "the":
        i += 1
    last = None
    while i < len(tokens):
        token = tokens[i]
        lowered = token.bare.lower()
        if is_place(token.bare) or (token.text[:1].isupper() and lowered in PLACE_WORDS):
            last = i
        elif lowered not in {"of", "the"} or last is None:
            break
        if token.bare != token.text and lowered not in {"people", "peoples"}:
            break
        i += 1
    return last, None


def _has_and(tokens: list[Token], start: int, i: int) -> bool:
    """An 'and' already in the tail: 'of Chemical Engineering and Technology, Geology and Mining' lists two."""
    return any(t.text in {"and", "&"} for t in tokens[start:i])


def comma_list(tokens: list[Token], i: int) -> bool:
    """', Transport and Architecture' after 'of Construction': a list of fields closed by 'and', inside one name."""
    items, size, j = 0, 0, i + 1
    while j < len(tokens):
        token = tokens[j]
        if token.text in {",", "and"} and size:
            if token.text == "and":
                return items >= 0 and _list_item(tokens, j + 1) > 0
            items, size = items + 1, 0
        elif _list_word(token):
            size += 1
        else:
            return False
        j += 1
    return False


def _list_item(tokens: list[Token], j: int) -> int:
    """How many capitalised field words start at j (0 when the item is no field)."""
    size = 0
    while j + size < len(tokens) and _list_word(tokens[j + size]):
        size += 1
    return size


def _list_word(token: Token) -> bool:
    """A word of a field in a name's list ('Higher', 'Education'), not a place, a head, a title or a person."""
    word = token.bare
    if not is_cap(token) or head_kind(token) or token.bare != token.text or INITIALS.match(token.text):
        return False
    lowered = word.lower()
    return not (is_place(word) or lowered in TITLE_WORDS or lowered in HONORIFICS or has_surname_ending([word]))


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
