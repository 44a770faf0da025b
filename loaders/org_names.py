"""Organisation names taken apart: the descriptive core, the eponym, a country qualifier, abbreviations.

"KSTU named after I. Razzakov", "I. Razzakov KSTU" and "Iskhak Razzakov Kyrgyz State Technical University"
share the eponym Razzakov; "Harbin University of Engineering" and "Harbin Engineering University" share
the core signature (sorted content words); "KazNU" abbreviates "Kazakh National University" (word
prefixes), "NWPU" abbreviates "Northwestern Polytechnical University" but not "Northwest University".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.names import STOPWORDS, fold, fold_transliteration, is_abbreviation, org_word

NATIONALITY_WORDS = frozenset(
    "kazakh kazakhstan kyrgyz kirghiz kyrgyzstan tajik tajikistan uzbek uzbekistan turkmen turkmenistan "  # noqa: SIM905
    "russian russia chinese china british german korean american turkish eurasian".split()
)
"""Words after which the leading words of a name are an eponym ("Al-Farabi Kazakh National University")."""

GENERIC_ORG_WORDS = frozenset(
    "university institute college academy school state national international technical technological "  # noqa: SIM905
    "polytechnic pedagogical normal medical agrarian agricultural research higher south north east west "
    "central new republic republican city regional".split()
)

STATUS_WORDS = frozenset("state national research republican federal named".split())  # noqa: SIM905
"""Words Central Asian universities gain or lose when renamed; the eponym then carries the identity."""

COUNTRY_QUALIFIERS = {
    "china": "CN",
    "prc": "CN",
    "kazakhstan": "KZ",
    "kyrgyzstan": "KG",
    "kyrgyz republic": "KG",
    "tajikistan": "TJ",
    "uzbekistan": "UZ",
    "turkmenistan": "TM",
    "russia": "RU",
    "the peoples republic of china": "CN",
    "peoples republic of china": "CN",
}

_NAMED_AFTER = re.compile(
    r"\s*,?\s*(?:named after|named for|n\.\s?a\.|im\.|in the name of|\.\s+and)\s+"
    r"(?:(?:academician|academic|professor|prof\.)\s+)?(?P<ep>[^,()]+?)\s*$",
    re.IGNORECASE,
)
_LEADING_INITIALS = re.compile(r"^(?P<ep>(?:[A-Z][a-z]?\.\s*)+[A-Z][\w'-]+)\s+(?P<rest>.+)$")
_COUNTRY_PHRASES = (
    ("the peoples republic of china", "china"),
    ("peoples republic of china", "china"),
    ("the prc", "china"),
    ("prc", "china"),
    ("the kyrgyz republic", "kyrgyzstan"),
    ("kyrgyz republic", "kyrgyzstan"),
    ("the republic of kazakhstan", "kazakhstan"),
    ("republic of kazakhstan", "kazakhstan"),
    ("the republic of uzbekistan", "uzbekistan"),
    ("republic of uzbekistan", "uzbekistan"),
    ("the republic of tajikistan", "tajikistan"),
    ("republic of tajikistan", "tajikistan"),
    ("the russian federation", "russia"),
    ("russian federation", "russia"),
)
"""Official long country names and their short forms, as printed inside organisation names."""

_DEFINED_ABBREVIATION = re.compile(r"\s*\(\s*([A-Za-z][A-Za-z&-]{1,9})\s*\)\s*$")
_TRAILING_QUALIFIER = re.compile(r"\s*(?:\((?P<p>[^()]+)\)|,\s*(?P<c>[^,]+)|\s+(?:of|in)\s+(?P<o>[^,]+))$")


@dataclass(frozen=True)
class OrgName:
    """One organisation name, parsed."""

    text: str
    words: tuple[str, ...]
    """Folded content words of the core, canonical renderings, in printed order."""
    eponym: str = ""
    """Surname the institution is named after (folded), if printed."""
    core_abbreviation: str = ""
    """The core when it is a bare abbreviation: "KSTU" in "I. Razzakov KSTU" or in "KSTU"."""

    @property
    def signature(self) -> str:
        """Order-free identity of the core: "harbin engineering university" = "harbin university of engineering"."""
        return " ".join(sorted(set(self.words)))

    @property
    def loose_signature(self) -> str:
        """The signature without status words, which renamings add and drop ("State", "Research")."""
        return " ".join(sorted(set(self.words) - STATUS_WORDS))

    @property
    def abbreviation(self) -> bool:
        """Whether the core of the name is a bare abbreviation (the eponym aside)."""
        return bool(self.core_abbreviation)


@lru_cache(maxsize=65536)
def parse_org(text: str) -> OrgName:
    """Split a printed organisation name into core words, eponym and trailing qualifier."""
    raw = " ".join(text.replace("’", "'").split()).strip(" .,;:\"'“”«»")
    raw = re.sub(r"^(?:the)\s+", "", raw, flags=re.IGNORECASE)
    if (defined := _DEFINED_ABBREVIATION.search(raw)) and is_abbreviation(defined.group(1)):
        raw = raw[: defined.start()]
    eponym = ""
    if match := _NAMED_AFTER.search(raw):
        eponym, raw = match.group("ep"), raw[: match.start()]
    elif match := _LEADING_INITIALS.match(raw):
        eponym, raw = match.group("ep"), match.group("rest")
    elif (parts := raw.rsplit(" ", 1)) and len(parts) == 2 and is_abbreviation(parts[1]) and _name_like(parts[0]):
        eponym, raw = parts
    words = [org_word(fold_transliteration(w)) for w in _canonical_countries(fold(raw)).split()]
    if not eponym:
        words, eponym_words = _split_leading_eponym(words)
        eponym = " ".join(eponym_words)
    content = tuple(w for w in words if w not in STOPWORDS)
    abbreviation = raw.strip(". ") if is_abbreviation(raw) else ""
    return OrgName(text=text, words=content, eponym=_surname(eponym), core_abbreviation=abbreviation)


def _canonical_countries(folded: str) -> str:
    """One word per country inside a name: "of the Kyrgyz Republic" = "of Kyrgyzstan", "of the PRC" = "of China"."""
    padded = f" {folded} "
    for phrase, word in _COUNTRY_PHRASES:
        padded = padded.replace(f" {phrase} ", f" {word} ")
    return padded.strip()


def _name_like(text: str) -> bool:
    """Whether words before an abbreviation are a person's name ("al-Farabi KazNU"), not a description."""
    words = fold(text).split()
    return 0 < len(words) <= 3 and not any(w in GENERIC_ORG_WORDS or w in NATIONALITY_WORDS for w in words)


def strip_qualifier(text: str) -> tuple[str, str]:
    """Split a trailing "(China)", ", Xi'an" or " of China" from a name: (core text, folded qualifier)."""
    match = _TRAILING_QUALIFIER.search(text.strip())
    if not match:
        return text, ""
    qualifier = fold(match.group("p") or match.group("c") or match.group("o") or "")
    return text[: match.start()].strip(), qualifier


def _split_leading_eponym(words: list[str]) -> tuple[list[str], list[str]]:
    """Take "al farabi" off "al farabi kazakh national university" (a person's name before a nationality)."""
    for i, word in enumerate(words[:4]):
        if word in NATIONALITY_WORDS and i > 0:
            lead = words[:i]
            if all(w not in GENERIC_ORG_WORDS and w not in STOPWORDS for w in lead):
                return words[i:], lead
            return words, []
    return words, []


def _surname(eponym: str) -> str:
    """The comparable part of an eponym: its last folded word ("I. Razzakov" → "razzakov")."""
    words = [fold_transliteration(w) for w in fold(eponym).split() if len(w) > 1]
    if not words:
        return ""
    if len(words) >= 2 and words[-2] in {"al", "el", "ibn"}:
        return " ".join(words[-2:])
    return words[-1]


def same_eponym(a: str, b: str) -> bool:
    """Whether two eponyms agree: equal, one absent, or one spelling of the other ("Falabi"/"Farabi")."""
    if not a or not b or a == b:
        return True
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) >= 80 or fuzz.ratio(a.rsplit(maxsplit=1)[-1], b.rsplit(maxsplit=1)[-1]) >= 80


def abbreviates(abbreviation: str, name: OrgName) -> bool:
    """Whether an abbreviation's letters start the name's words, in order ("KazNU": Kaz-akh National University)."""
    chunks = _chunks(abbreviation)
    words = [w for w in fold(name.text).split() if w not in {"named", "after"}]
    eponym = set(fold(name.eponym).split())
    optional = [w in STOPWORDS or w in eponym or len(w) == 1 for w in words]
    if not chunks or not words:
        return False
    return _consume(chunks, tuple(words), tuple(optional))


def _chunks(abbreviation: str) -> tuple[str, ...]:
    """An abbreviation cut where a capital starts a word: "KazNU" → kaz, n, u; "KSTU" → k, s, t, u."""
    text = "".join(c for c in abbreviation if c.isalnum())
    if text.islower() or text.isupper():
        return tuple(text.lower())
    return tuple(m.lower() for m in re.findall(r"[A-Z0-9][a-z]*|[a-z]+", text))


@lru_cache(maxsize=65536)
def _consume(chunks: tuple[str, ...], words: tuple[str, ...], optional: tuple[bool, ...]) -> bool:
    """Dynamic programme: each mandatory word takes one chunk that starts it, or two ("NW": north-western)."""
    if not words:
        return not chunks
    if optional[0] and _consume(chunks, words[1:], optional[1:]):
        return True
    if not chunks:
        return False
    word = words[0]
    if word.startswith(chunks[0]) and _consume(chunks[1:], words[1:], optional[1:]):
        return True
    if len(chunks) >= 2 and len(chunks[0]) == len(chunks[1]) == 1:
        pair = chunks[0] + chunks[1]
        return pair in _pieces(word) and _consume(chunks[2:], words[1:], optional[1:])
    return False


_VOWELS = frozenset("aeiouy")


def _pieces(word: str) -> list[str]:
    """Two initials one word may give: "nw" for "northwestern", "jt" for "jiaotong" (a syllable onset)."""
    pieces: list[str] = []
    if len(word) >= 7:  # a second syllable's onset: "jt" in "jiaotong" (XJTU)
        pieces += [
            word[0] + c
            for i, c in enumerate(word[2:-1], start=2)
            if c not in _VOWELS and word[i - 1] in _VOWELS and word[i + 1] in _VOWELS
        ]
    for head in ("north", "south"):
        if word.startswith(head) and len(word) > len(head) + 2:
            pieces.append(word[0] + word[len(head)])
    return pieces


MISSIONS = frozenset({"embassy", "consulate", "mission", "representation", "representative"})


def mission_order(parsed: OrgName) -> tuple[str, ...]:
    """The countries of an embassy or consulate in printed order: whose mission first, then where it is.

    "Embassy of Turkmenistan in China" and "Embassy of China in Turkmenistan" share their words (and so
    their signature) but are two missions."""
    if not MISSIONS & set(parsed.words):
        return ()
    return tuple(w for w in parsed.words if w in COUNTRY_QUALIFIERS or w in NATIONALITY_WORDS)
