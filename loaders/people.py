"""People in one sentence, with the title printed next to them and where in the sentence their body is.

Name shapes of the genre: "Chynybaev M.K.", "M.K. Chynybaev", "Mr. Xu Xianyi", "Professor Zhou Jianping",
"Aidaraliev Arsen Asylbekovich". A run of capitalised words counts as a name when something vouches
for it: an honorific, a title next to it, a Chinese surname with a pinyin given name, or a Central Asian
surname/patronymic ending. The title is read from just before the name ("Rector of X Guo Changyi") or from
an apposition after it ("Hong Jun, vice-president of XJTU,"): person_titles.py reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.furniture import credited, names_a_place
from loaders.gazetteer import (
    CHINESE_SURNAMES,
    COUNTRY_OF_WORD,
    FIELD_WORDS,
    HONORIFICS,
    MONTH_WORDS,
    NATIONALITIES,
    STOP_CAPS,
    TITLE_WORDS,
    has_surname_ending,
    is_chinese_name,
    is_place,
)
from loaders.orgs import ABBR, HEADS, INITIALS, Token, head_kind, tokenize
from loaders.person_titles import apposition_title, clean_title, is_title_token, title_before

PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ich|kyzy|qizi|uly|ogly|o'g'li)$", re.IGNORECASE)
NOT_NAME_WORDS = {"republic", "kingdom", "region", "province", "street", "avenue", "city", "district", "nation",
                  "unity", "letter", "workshop", "workshops", "road", "belt", "silk", "park", "hall", "campus",
                  "peace", "no", "co", "st", "ltd", "inc", "photo", "image", "xinhua", "eighteen-year-old",
                  "news", "times", "global", "daily", "china", "chinese", "office", "chairperson", "guests",
                  "guest", "colleagues", "friends", "participants", "ladies", "gentlemen", "delegates", "excellency",
                  "excellencies", "audience", "everyone", "all"}  # fmt: skip
NOT_INITIALS = frozenset(HONORIFICS | NOT_NAME_WORDS)
"""Words that end with a full stop like initials but are none ('Mr.', 'No.', 'Co.'): one set, built once."""
HOST_CUE = re.compile(r"\b(?:greeted|welcomed|received|hosted)\b|\bwith\s+(?:the\s+)?\w*\s*$")
NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-ÞŞŽŇÇ](?:[a-zß-öø-ÿ]|[^\W\d_A-Z])+(?:[-–][A-Z]?[a-zß-öø-ÿ]+)*$")
"""A capitalised word, accented letters included ('Lü', 'Özgür')."""


@dataclass
class PersonMention:
    """A person named in a sentence (offsets into the sentence) with the title printed around it."""

    start: int
    end: int
    text: str
    title: str | None = None
    title_span: tuple[int, int] | None = None
    """Where the title phrase is: organisations inside it are where the person works."""
    host_cue: bool = False
    """The person receives the visitors ('greeted by', 'meeting with the rector')."""


def find_people(text: str, taken: list[tuple[int, int]]) -> list[PersonMention]:
    """Every person named in one sentence outside the spans already taken by organisation names."""
    tokens = tokenize(text)
    inside = {offset for s, e in taken for offset in range(s, e)}
    for token in tokens:
        token.taken = token.start in inside
    found: list[PersonMention] = []
    i = floor = 0
    while i < len(tokens):
        length = 0 if tokens[i].taken else _name_length(tokens, i)
        following = tokens[i + length].text if length and i + length < len(tokens) else ""
        if length and (credited(text, tokens[i].start) or names_a_place(following) or _heads(following)):
            i += length
        elif length:
            mention = _mention(text, tokens, i, length, floor=floor)
            found.append(mention)
            i += length
            floor = i
        else:
            i += 1
    return found


def _heads(word: str) -> bool:
    """A head word after a name ('Nazarbayev Intellectual Schools'): the name is an organisation's."""
    lowered = word.lower()
    return lowered in HEADS or (lowered.endswith("s") and lowered[:-1] in HEADS)


def _name_length(tokens: list[Token], i: int) -> int:  # noqa: PLR0911 - one exit per name shape
    """How many tokens from i form a person's name (0 when none does)."""
    if _initials_then_word(tokens, i) or (_word_then_initials(tokens, i) and not _initials_then_word(tokens, i + 1)):
        return 2
    words = _name_words(tokens, i)
    three = PATRONYMIC.search(tokens[i + 2].bare) or PATRONYMIC.search(tokens[i + 1].bare) if words == 3 else None
    if words == 3 and not three and not has_surname_ending([tokens[i].bare]):
        return 0  # the name is the last two words; the loop tries them next
    if words == 0:
        return 0
    if words >= 2 and i + words < len(tokens) and _initials(tokens[i + words]):
        return 0  # 'Deputy Rector Karimov Sh.R.': the name is the last word and its initials; tried next
    parts = [t.bare for t in tokens[i : i + words]]
    if all(is_place(part) for part in parts) or is_place(" ".join(parts)):
        return 0
    before = tokens[i - 1].text.lower().rstrip(".") if i else ""
    if before == "" and i >= 2 and tokens[i - 2].text.lower() in HONORIFICS:
        before = tokens[i - 2].text.lower()  # 'Mrs' '.' as two tokens
    if i >= 2 and tokens[i - 2].text.lower() == "named" and before == "after":
        return 0  # an eponym ('a workshop named after Lu Ban'), not a person taking part
    if any(_open_eponym(tokens, x, i) for x, _ in _clause_before(tokens, i)):
        return 0  # 'named after the ancient Chinese craftsman Lu Ban'
    after_comma_title = apposition_title(tokens, i + words) is not None
    vouched = before in HONORIFICS or after_comma_title or title_before(tokens, i) is not None
    shaped = is_chinese_name(parts[:2]) or has_surname_ending(parts)
    if before in {"for", "of", "and"} and not shaped:
        return 0
    if i + words + 1 < len(tokens) and _initials(tokens[i + words]) and _name_word(tokens[i + words + 1]):
        return 0
    if words >= 2 and (vouched or shaped):
        return words
    title_next = i + 2 < len(tokens) and (is_title_token(tokens[i + 2]) or tokens[i + 2].text.lower() in TITLE_WORDS)
    if words == 1 and (
        before in HONORIFICS or (title_next and after_comma_title and _comma_before_or_start(tokens, i))
    ):
        return 1
    return 0


def _name_words(tokens: list[Token], i: int) -> int:
    """How many name words (at most 3) follow one another from i, with 'Jack Wu.' ending a sentence."""
    words = 0
    while (
        i + words < len(tokens)
        and words < 3
        and (_name_word(tokens[i + words]) or _said_surname(tokens, i, words) or _shouted_surname(tokens, i, words))
    ):
        if words and (
            tokens[i + words].start - tokens[i + words - 1].end > 1
            or tokens[i + words - 1].bare != tokens[i + words - 1].text
        ):
            break
        words += 1
    if 1 <= words < 3 and _surname_initial(tokens, i + words):
        words += 1
    return words


def _shouted_surname(tokens: list[Token], i: int, words: int) -> bool:
    """'ZHANG Wei, President of X': a Chinese surname in capitals before a given name, as Chinese media print it."""
    surname, following = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    if words or following is None or not surname.text.isupper() or surname.text.lower() not in CHINESE_SURNAMES:
        return False
    return len(surname.text) > 1 and _name_word(following) and not following.text.isupper()


def _open_eponym(tokens: list[Token], x: int, i: int) -> bool:
    """'named after' at x whose eponym is still open at i (not one an organisation's name already holds)."""
    if tokens[x].text.lower() != "named" or tokens[x + 1].text.lower() != "after":
        return False
    return not (x + 2 < i and tokens[x + 2].taken)


def _said_surname(tokens: list[Token], i: int, words: int) -> bool:
    """'Minister Nuriddin Said received': a capitalised 'Said' after a given name, before a lower-case verb."""
    j = i + words
    following = tokens[j + 1].text if j + 1 < len(tokens) else ""
    return words == 1 and tokens[j].text == "Said" and following[:1].islower()


def _clause_before(tokens: list[Token], i: int) -> list[tuple[int, Token]]:
    """The (at most eight) tokens before i back to the last comma, semicolon or full stop."""
    found: list[tuple[int, Token]] = []
    for x in range(i - 1, max(-1, i - 9), -1):
        if tokens[x].text in {",", ";", "."}:
            break
        found.append((x, tokens[x]))
    return found


def _comma_before_or_start(tokens: list[Token], i: int) -> bool:
    """A single-word name is only trusted at a clause start ('In his response, Dingxing, Deputy Head...')."""
    return i == 0 or tokens[i - 1].text in {",", ";", ":"}


def _name_word(token: Token) -> bool:
    """A word that can be part of a person's name."""
    return not token.taken and _free_name_word(token.text)


@lru_cache(maxsize=16384)
def _free_name_word(text: str) -> bool:
    """_name_word of a word outside the names already taken, kept: a sentence's words are asked again and again."""
    token = Token(text, 0, len(text))
    word = token.bare
    lowered = word.lower()
    if not NAME_WORD.match(word) or lowered in STOP_CAPS or (lowered in MONTH_WORDS and len(word) > 3):
        return False
    if lowered in TITLE_WORDS or lowered in NOT_NAME_WORDS or lowered in FIELD_WORDS:
        return False
    if _heads(lowered):
        return False  # 'Nazarbayev Intellectual Schools', 'Kazakh-Chinese Centers'
    return not (head_kind(token) or lowered in HONORIFICS or lowered in COUNTRY_OF_WORD or lowered in NATIONALITIES)


def _initials_then_word(tokens: list[Token], i: int) -> bool:
    """'M.K. Chynybaev' (and not 'I. Razzakov KSTU', part of a university's name)."""
    if i + 1 >= len(tokens) or not _initials(tokens[i]) or not _name_word(tokens[i + 1]):
        return False
    following = tokens[i + 2].text if i + 2 < len(tokens) else ""
    return not (ABBR.match(following) or (following[:1].isupper() and head_kind(tokens[i + 2])))


def _word_then_initials(tokens: list[Token], i: int) -> bool:
    """'Chynybaev M.K.', 'Kendirbayeva D.Sh.' (and not 'Jack Wu.' at the end of a sentence)."""
    if i + 1 >= len(tokens) or not _name_word(tokens[i]):
        return False
    return _initials(tokens[i + 1]) and not _surname_initial(tokens, i + 1)


def _surname_initial(tokens: list[Token], j: int) -> bool:
    """'Wu.' ending a sentence after a given name ('Jack Wu.', 'Zhang Yu.'): a Chinese surname and the full stop."""
    if j + 1 != len(tokens):
        return False
    word = tokens[j].text.rstrip(".")
    if not tokens[j].text.endswith(".") or not re.fullmatch(r"[A-Z][a-z]", word):
        return False
    if word.lower() not in CHINESE_SURNAMES | {"yu"}:
        return False
    return j > 0 and not has_surname_ending([tokens[j - 1].bare])


def _initials(token: Token) -> bool:
    """'M.K.', 'D.Sh.', 'E.' (and not 'Mr.', 'No.', 'Co.')."""
    return not token.taken and bool(INITIALS.match(token.text)) and token.text.lower().rstrip(".") not in NOT_INITIALS


def _mention(text: str, tokens: list[Token], i: int, length: int, *, floor: int = 0) -> PersonMention:
    """The person and the title phrase printed before or after the name (a title before it starts after
    the previous person: 'Rector of X Mr. A and Vice-Rector of Y Mr. B')."""
    start, end = tokens[i].start, tokens[i + length - 1].start + len(tokens[i + length - 1].bare)
    if _surname_initial(tokens, i + length - 1):
        end -= 1
    mention = PersonMention(start, end, text[start:end])
    after = apposition_title(tokens, i + length)
    apposed = i + length < len(tokens) and tokens[i + length].text in {",", "–", "—"}
    before = title_before(tokens, i, floor=floor, apposed=apposed)
    span = before if before and tokens[i - 1].text not in {",", "–", "—"} else after or before
    if span:
        mention.title_span = span
        mention.title = clean_title(text[span[0] : span[1]])
    before_text = text[max(0, start - 60) : start]
    mention.host_cue = bool(HOST_CUE.search(before_text)) and not re.search(
        r"(?:along|together)\s+with\s+\S*$", before_text
    )
    return mention
