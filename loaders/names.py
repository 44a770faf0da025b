"""Name normalisation: one comparable form for every spelling of an organisation's or a person's name.

Libraries: `anyascii` turns any script into ASCII (Cyrillic "Алматы" → "Almaty", Chinese "西安" →
"XiAn"); it is pure Python, table-driven, deterministic, has no native dependency and is actively kept.
`normality`/`rigour` were considered: normality's ASCII folding needs PyICU (or falls back to
text-unidecode, which is GPL), and rigour pulls in a large data package for what we need — a fold, a few
transliteration rules and `rapidfuzz` (C++, MIT) for fuzzy comparison, which `registry` and `resolve` use.

Every function here is idempotent: f(f(x)) == f(x) (pinned by a hypothesis test).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii

HONORIFICS = frozenset(
    "mr mrs ms miss dr prof professor academician academic rector vice vice-rector president minister "  # noqa: SIM905
    "deputy chairman chairwoman dean director ambassador madam sir he h e comrade mister doctor the".split()
)
"""Words that may precede a name and never belong to it (compared after folding)."""

STOPWORDS = frozenset("of the and for in at a an on named after im na n".split())  # noqa: SIM905

ORG_SYNONYMS = {
    "northwestern": "northwest",
    "northeastern": "northeast",
    "southwestern": "southwest",
    "southeastern": "southeast",
    "polytechnical": "polytechnic",
    "pedagogical": "normal",
    "centre": "center",
    "univ": "university",
    "uni": "university",
    "inst": "institute",
    "workshops": "workshop",
    "universities": "university",
    "st": "state",
    "intl": "international",
}
"""English renderings that vary for one institution name (the registry's own sources disagree this way:
ROR "Northwestern Polytechnical University" is Hipo "Northwest Polytechnical University"; Chinese
师范大学 is rendered both "Normal" and "Pedagogical" University)."""

_QUOTES = re.compile(r"[\"'`´‘’‚‛“”„‟«»‹›]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_YEV = re.compile(r"(?<=[aeiouy])y(?=ev(a|ich|na)?\b)")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase ASCII words separated by single spaces, so case, accents, quotes and punctuation vanish."""
    text = unicodedata.normalize("NFKC", text)
    text = _QUOTES.sub("", text)
    text = anyascii(text).lower().replace("&", " and ")
    text = _QUOTES.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def fold_transliteration(word: str) -> str:
    """Merge Russian-style transliteration variants of one word: -ayev/-aev, -iyev/-iev, -yeva/-eva."""
    return _YEV.sub("", word)


def normalise(text: str) -> str:
    """The comparable form of any name: folded, leading honorifics dropped, transliteration folded."""
    words = fold(text).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(fold_transliteration(w) for w in words)


def slugify(text: str) -> str:
    """A graph key: lowercase ASCII words joined by underscores ("Xi'an Jiaotong" → "xian_jiaotong")."""
    words = fold(text).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return "_".join(words) or "unnamed"


def fuller_name(*names: str) -> str:
    """The display name two articles agree on whatever their order: the one with most words, then longest."""
    return max(names, key=lambda n: (len(n.split()), len(n), n))


def org_word(word: str) -> str:
    """One folded organisation word in its canonical English rendering."""
    return ORG_SYNONYMS.get(word, word)


def is_abbreviation(name: str) -> bool:
    """Whether a surface form is a bare abbreviation such as KSTU, KazNU, HEU or XJTU."""
    stripped = name.strip().strip(".")
    if " " in stripped or not 2 <= len(stripped) <= 10 or not stripped.replace("-", "").isalnum():
        return False
    upper = sum(c.isupper() for c in stripped)
    return upper >= 2 and upper >= len(stripped) / 2 - 1


# ---------------------------------------------------------------- person names

PATRONYMIC = re.compile(r"(ovich|evich|ovna|evna|ichna|vich|uly|uly|kyzy|qizi|ogly|oglu)$")
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.[\s-]*)+$|^[A-Z]{1,3}$")


@dataclass(frozen=True)
class PersonName:
    """A person's name split into parts: surname, given names (or initials), patronymic."""

    surname: str
    given: tuple[str, ...] = ()
    initials: str = ""
    printed: tuple[str, ...] = field(default=(), compare=False)
    """Surname and given names in printed order ("Rahimzoda Jamshed Nurullo"), to read initials against."""

    @property
    def key(self) -> str:
        """Graph key: given name then surname ("mirlan_chynybaev"), else initials ("mk_chynybaev")."""
        if self.given:
            return "_".join((self.given[0], self.surname)).replace(" ", "_")
        return "_".join(w for w in (self.initials, self.surname) if w).replace(" ", "_")


@lru_cache(maxsize=65536)  # pure, and asked for every known namesake's names at each person mention
def parse_person(name: str) -> PersonName | None:
    """Read "Chynybaev M.K.", "M.K. Chynybaev", "Chynybaev Mirlan Koychubekovich" or "Dogdurkul Kendirbayeva"."""
    raw = strip_titles(name.replace("’", "'"))
    tokens = _person_tokens(raw)
    if not tokens:
        return None
    initials = [t for t in tokens if _INITIALS.match(t)]
    words = [normalise(t.replace("-", "")) for t in tokens if not _INITIALS.match(t)]  # "Kassym-Jomart": one name
    words = [w for w in words if w]
    if not words:
        return None
    letters = "".join(c.lower() for t in initials for c in t if c.isupper())
    if initials:
        return PersonName(surname="_".join(words), initials=letters)
    printed = tuple(words)
    if len(words) >= 3 and PATRONYMIC.search(words[-1]):
        return PersonName(surname=words[0], given=printed[1:], initials=_letters(words[1:]), printed=printed)
    if len(words) == 1:
        return PersonName(surname=words[0])
    return PersonName(surname=words[-1], given=printed[:-1], initials=_letters(words[:-1]), printed=printed)


def strip_titles(name: str) -> str:
    """Drop leading titles ("Rector", "Professor", "Mr.") from a person's name as printed."""
    tokens = name.split()
    while len(tokens) > 1 and fold(tokens[0]).replace(" ", "") in HONORIFICS | {"vicerector"}:
        tokens = tokens[1:]
    return " ".join(tokens)


def _person_tokens(raw: str) -> list[str]:
    """Split a printed name into name words and initials groups ("M.K." stays one token)."""
    spaced = re.sub(r"(?<=\.)(?=[A-Z][a-z]{2,})", " ", raw)
    return [t.strip(",;") for t in spaced.split() if t.strip(",;")]


def _letters(words: list[str] | tuple[str, ...]) -> str:
    """First letters of given names, to compare with printed initials."""
    return "".join(w[0] for w in words if w)


def same_person(a: PersonName, b: PersonName) -> bool:
    """Whether two name forms can denote one person: one surname, compatible given names or initials."""
    if a.given and b.given:
        return {a.surname, *a.given} == {b.surname, *b.given} or (a.surname == b.surname and a.given[0] == b.given[0])
    full, short = (a, b) if a.given else (b, a)
    if full.given and not short.given:
        names = {full.surname, *full.given}
        if short.surname not in names:
            return False
        rest = _letters([w for w in full.printed or (*full.given, full.surname) if w != short.surname])
        return not short.initials or (
            bool(rest) and (rest.startswith(short.initials) or short.initials.startswith(rest))
        )
    return a.surname == b.surname and (
        not a.initials or not b.initials or a.initials.startswith(b.initials) or b.initials.startswith(a.initials)
    )
