"""The tail of an organisation name after its head: "of/for/in ..." fields, a place, "under the President of X".

A tail stops where another organisation starts (its start is returned as the name's parent), where a person
follows ('... of Philology Omarov B.K.', '... in Almaty Mr. Gao') and before a described owner ('of the
Chinese university'). Split from org_spans.py, which decides how far a name reaches on either side.
"""

from __future__ import annotations

import re

from loaders.gazetteer import (
    FIELD_WORDS,
    HONORIFICS,
    NATIONALITIES,
    TITLE_WORDS,
    has_surname_ending,
    is_chinese_name,
    is_place,
)
from loaders.org_tokens import ABBR, INITIALS, PLURAL_HEADS, Token, head_kind, is_cap

PLACE_WORDS = {"republic", "people", "people's", "people’s", "peoples", "federation", "autonomous", "region",
               "province", "city", "hui", "uygur", "uyghur", "uighur", "zhuang", "special",
               "administrative", "oblast"}  # fmt: skip
"""Words of an official place name ('the Kyrgyz Republic', 'Ningxia Hui Autonomous Region')."""
PERSON_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?|(?:[A-Z][a-z]?\.)+")


STATE_PATRONS = ("President", "Government", "Cabinet")


def under_state(tokens: list[Token], i: int) -> int | None:
    """'under the President [of the Republic of X]', 'under the Cabinet of Ministers': the last token, or None."""
    if i + 1 >= len(tokens) or tokens[i].text != "the" or tokens[i + 1].text not in STATE_PATRONS:
        return None
    last = i + 1
    if tokens[last].text == "Cabinet" and [t.text for t in tokens[last + 1 : last + 3]] == ["of", "Ministers"]:
        last += 2
    if last + 1 < len(tokens) and tokens[last + 1].text == "of":
        stop, _ = place_tail(tokens, last + 2)
        last = stop if stop is not None else last
    return last


def tail(tokens: list[Token], i: int) -> tuple[int | None, int | None]:
    """After 'of/for/in/at': the last token of a capitalised run, or where a parent organisation starts."""
    if i < len(tokens) and tokens[i].text.lower() == "the":
        i += 1
    start, last = i, None
    while i < len(tokens):
        token = tokens[i]
        if (parent := _parent_starts(tokens, start, i, last)) is not None:
            return None, parent if parent >= 0 else None
        if _stops_name(tokens, i, last):
            break
        if is_cap(token) or token.text[:1].isdigit():
            last = i
        elif token.text in LANGUAGE_FIELDS and last == i - 1 and tokens[last].text.lower() in NATIONALITIES:
            last = i = _lower_fields(tokens, i)  # 'Center of Chinese language and maritime logistics'
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
    return _with_region(tokens, last), None


def _parent_starts(tokens: list[Token], start: int, i: int, last: int | None) -> int | None:
    """Where the tail's organisation starts when the word at i shows the tail names one (-1: it names no
    organisation but ends the tail), else None."""
    token = tokens[i]
    if _eponym_acronym(tokens, start, i):
        return tokens[start].start  # '... of Ablai Khan KazUIRWL': the university's name
    if _is_parent_head(token) or (ABBR.match(token.text) and last is None and not is_place(token.text)):
        return tokens[start].start if _names_org(tokens, start) else -1
    return None


REGION_WORDS = {"region", "oblast", "province", "district", "prefecture"}


def _with_region(tokens: list[Token], last: int | None) -> int | None:
    """'Akimat of Mangystau region': a lower-case 'region' after a place (or a word the gazetteer lacks) is the
    place's, so the name's."""
    if last is None or last + 1 >= len(tokens) or tokens[last + 1].text not in REGION_WORDS:
        return last
    word = tokens[last].text
    return last + 1 if is_place(word) or (word.isalpha() and word[1:].islower()) else last


LANGUAGE_FIELDS = {"language", "languages", "literature", "philology", "studies"}


def _generic_owner(tokens: list[Token], i: int) -> bool:
    """'the Chinese university', 'the Kazakh side': a nationality before a lower-case noun names no field."""
    following = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if tokens[i].text.lower() not in NATIONALITIES or not following[:1].islower():
        return False
    return following not in LANGUAGE_FIELDS and following not in {"and", "of", "for"}


LOWER_FIELD = re.compile(r"[a-z][a-z-]{2,}")
FIELD_ENDS = {"at", "in", "of", "on", "for", "with", "by", "to", "from", "which", "that", "who", "was", "were",
              "is", "are", "will", "has", "have", "and", "the", "a", "an", "students", "teachers"}  # fmt: skip


def _lower_fields(tokens: list[Token], i: int) -> int:
    """The last token of 'language and maritime logistics' after a language: 'and' + lower-case field words."""
    if i + 2 >= len(tokens) or tokens[i + 1].text != "and":
        return i
    j = i + 2
    while j < len(tokens) and j < i + 5 and LOWER_FIELD.fullmatch(tokens[j].text) and tokens[j].text not in FIELD_ENDS:
        j += 1
    return j - 1 if j > i + 2 else i


def _stops_name(tokens: list[Token], i: int, last: int | None) -> bool:
    """A person after the name: an honorific or title ('... in Almaty Mr. Gao'), a name after a country; or
    a described owner."""
    word = tokens[i].text.lower().rstrip(".")
    if _generic_owner(tokens, i):
        return True  # 'Department of Archaeology of the Chinese university': the owner, described
    if word in HONORIFICS or (word in TITLE_WORDS and tokens[i].text[:1].isupper()):
        return True
    if _initialled(tokens, i):
        return True  # 'Dean of the Faculty of Philology Omarov B.K.', '... of Philology B.K. Omarov
    if _chinese_person(tokens, i):
        return True  # '... of Natural Gas Engineering Wu Guo-qiang': no field is spelt 'Guo-qiang'
    if last is None or (not is_place(tokens[last].bare) and tokens[last].text.lower() != "republic"):
        return False
    return _person_shaped(tokens, i)


HYPHENATED_PINYIN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,6}")


def _chinese_person(tokens: list[Token], i: int) -> bool:
    """'... Engineering Wu Guo-qiang', '... School of Medicine Huang Jin said': a Chinese name ending the phrase."""
    following = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if not is_chinese_name([tokens[i].text, following]) or is_place(f"{tokens[i].text} {following}"):
        return False
    after = tokens[i + 2].text if i + 2 < len(tokens) else ""
    return bool(HYPHENATED_PINYIN.fullmatch(following)) or not after[:1].isupper()


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


def place_tail(tokens: list[Token], i: int) -> tuple[int | None, int | None]:
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


def _eponym_acronym(tokens: list[Token], start: int, i: int) -> bool:
    """A university's acronym ('KazUIRWL', 'KSTU') after one or two name words: 'Ablai Khan KazUIRWL' names the
    university (as 'I. Razzakov KSTU' does), not a field of the unit before it."""
    word = tokens[i].text
    if not (ABBR.match(word) and "U" in word and 1 <= i - start <= 2) or is_place(word):
        return False
    run = tokens[start:i]
    return all(NAME_WORD.fullmatch(t.text) and not head_kind(t) and t.text.lower() not in FIELD_WORDS for t in run)


NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


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
