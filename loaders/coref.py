"""Within-document coreference: one group per entity, whatever names the article uses for it.

Organisations: the same words in any order ("Harbin University of Engineering" = "Harbin Engineering
University"), a shorter form that drops only places or the eponym ("Buketov University"), an abbreviation
defined in the text ("(HEU)") or fitting a name's initials ("KazNU", "NWPU"), a short unit name that one
longer unit name starts with ("Confucius Institute"). People: the same surname with compatible initials
("Chynybaev M.K." = "Chynybaev Mirlan Koychubekovich"), or a bare surname once the full name is known.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from loaders.gazetteer import is_place
from loaders.mentions import Mention
from loaders.orgs import INITIALS

_SPELLING = re.compile(
    r"^((?:north|south)?(?:east|west)|north|south)ern$|(?<=ic)al$|(?<=^techn)(?:ology|ological|ical|ic)$"
)
"""Spellings of one word in one article: 'Northwestern'/'Northwest', 'Polytechnical'/'Polytechnic',
'Technical University'/'University of Technology' (translations of one name)."""
AMPERSAND = re.compile(r"\b[A-Z](?:&[A-Z])+\b")
HEAD_WORDS = {"university", "institute", "college", "academy", "school", "center", "centre", "laboratory"}
FILLER = {"the", "of", "named", "after", "academician", "and", "&", "for", "in", "at", "a"}


def group_mentions(mentions: list[Mention]) -> int:
    """Give every mention a group number (its entity); returns how many groups there are."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        if mention.kind in {"org", "initiative", "person", "program"} and not (mention.org and mention.org.generic):
            target = next((g for g in groups if _same(g, mention)), None) or _surname_group(groups, mention)
            if target is None:
                groups.append([mention])
            else:
                target.append(mention)
    repeated = Counter(m.text for m in mentions if m.kind == "acronym")
    for mention in mentions:
        if mention.kind == "acronym":
            target = _acronym_group(groups, mention.text)
            if target is not None:
                target.append(mention)
            elif mention.label:
                groups.append([mention])
            elif repeated[mention.text] > 1 and _university_acronym(mention.text):
                mention.label = "University"
                groups.append([mention])
    for number, group in enumerate(groups):
        for mention in group:
            mention.group = number
    return _group_branches(mentions, len(groups))


def _group_branches(mentions: list[Mention], count: int) -> int:
    """One group per branch: the same parent and no conflicting country ('XU branch' = 'branch of XU in YU')."""
    branches: dict[tuple[object, str | None], int] = {}
    for mention in mentions:
        if mention.kind != "branch" or mention.parent is None:
            continue
        parent = mention.parent.group if mention.parent.group is not None else mention.parent.text.lower()
        key = next(
            (k for k in branches if k[0] == parent and (not k[1] or not mention.country or k[1] == mention.country)),
            None,
        )
        if key is None:
            key = (parent, mention.country)
            branches[key] = count
            count += 1
        mention.group = branches[key]
    return count


def _surname_group(groups: list[list[Mention]], mention: Mention) -> list[Mention] | None:
    """'Mr. Lü' after 'Lü Jianqiang': a one-word name (people.py takes one only after an honorific or before
    a title) is the one person named in full with that word."""
    if mention.kind != "person" or not re.fullmatch(r"[^\W\d_][\w'’-]*", mention.text):
        return None
    word = mention.text.lower()
    fits = [g for g in groups if g[0].kind == "person" and any(_has_name_word(m.text, word) for m in g)]
    return fits[0] if len(fits) == 1 else None


def _has_name_word(name: str, word: str) -> bool:
    """A full name (two words or more) with this word as its first or last one."""
    words = [w.lower() for w in _name_parts(name)[0]]
    return len(words) >= 2 and word in (words[0], words[-1])


def _same(group: list[Mention], mention: Mention) -> bool:
    """Whether a mention names the entity the group names."""
    first = group[0]
    if first.kind != mention.kind:
        return False
    if mention.kind == "initiative":
        return first.initiative == mention.initiative
    if mention.kind == "person":
        return any(same_person(m.text, mention.text) for m in group)
    if mention.kind == "program":
        return any(same_program(m.text, mention.text) for m in group)
    if not _compatible_labels(first.label, mention.label):
        return False
    return any(same_org(m, mention) for m in group)


_PROGRAM_FIELD = re.compile(r"\b(?:program|programme)\b\s*(?:in|of|on)?\s*(?:the\s+(?:fields?\s+of\s+)?)?(.*)$", re.I)
_PROGRAM_MARKS = (
    ("double", re.compile(r"\b(?:double|dual|twin)[- ]degree\b", re.I)),
    ("joint", re.compile(r"\bjoint\b", re.I)),
)
_PROGRAM_SLOTS = (
    ("level", re.compile(r"\b(?:undergraduate|bachelor|master|graduate|postgraduate|doctoral|ph\.?d)", re.I)),
    ("scheme", re.compile(r"\d\s?\+\s?\d")),
)


def same_program(a: str, b: str) -> bool:
    """'joint double-degree programme in X' = '"2+2" double-degree programme in X': one field, a shared kind
    (double-degree, joint) and no conflicting level or scheme."""
    if a.lower() == b.lower():
        return True
    fields = [_PROGRAM_FIELD.search(t) for t in (a, b)]
    if not fields[0] or not fields[1] or not fields[0].group(1) or _words(fields[0][1]) != _words(fields[1][1]):
        return False
    marks = [{name for name, pattern in _PROGRAM_MARKS if pattern.search(t)} for t in (a, b)]
    for _, pattern in _PROGRAM_SLOTS:
        found = [{m.group().lower().replace(" ", "") for m in pattern.finditer(t)} for t in (a, b)]
        if found[0] and found[1] and found[0] != found[1]:
            return False
    return bool(marks[0] & marks[1])


def _words(text: str) -> list[str]:
    """The lowercased words of a phrase."""
    return re.findall(r"\w+", text.lower())


def _compatible_labels(a: str, b: str) -> bool:
    """Labels one entity may get from different mentions."""
    return a == b or {a, b} <= {"University", "Organization"}


_LONG_COUNTRY = (
    (re.compile(r"\b(?:the\s+)?Republic\s+of\s+(Kazakhstan|Uzbekistan|Tajikistan|Turkmenistan)\b", re.I), r"\1"),
    (re.compile(r"\b(?:the\s+)?Kyrgyz\s+Republic\b", re.I), "Kyrgyzstan"),
    (re.compile(r"\b(?:the\s+)?People['’]?s\s+Republic\s+of\s+China\b|\b(?:the\s+)?PRC\b", re.I), "China"),
    (re.compile(r"\b(?:the\s+)?Russian\s+Federation\b", re.I), "Russia"),
)
"""Official long country names inside organisation names: 'of the Republic of Uzbekistan' = 'of Uzbekistan'."""


def _short_country(text: str) -> str:
    """A name with its official country names in their short form."""
    for pattern, short in _LONG_COUNTRY:
        text = pattern.sub(short, text)
    return text


def org_words(mention: Mention) -> list[str]:
    """The content words of an organisation name, lowercased, without the abbreviation in parentheses."""
    return name_words(mention.text)


def name_words(name: str) -> list[str]:
    """The content words of a name ('of the Republic of Uzbekistan' read as 'of Uzbekistan'), lowercased."""
    return list(_content_words(name))


@lru_cache(maxsize=8192)
def _content_words(name: str) -> tuple[str, ...]:
    """name_words, kept: coreference compares each name with every group's names."""
    text = re.sub(r"\([^)]*\)", " ", name)
    text = _short_country(text)
    text = re.sub(r"['’]s\b", "", text)
    words = re.findall(r"[\w]+(?:-[\w]+)*", text.lower())
    return tuple([_SPELLING.sub(r"\1", w) for w in words if w not in FILLER and len(w) > 1])


def same_org(a: Mention, b: Mention) -> bool:
    """Two organisation mentions name one organisation."""
    if _acronym_headed(a) or _acronym_headed(b):
        return _same_acronym_name(a, b)
    if (a.org and a.org.company) or (b.org and b.org.company):
        return _same_company(a, b)
    wa, wb = org_words(a), org_words(b)
    if set(wa) == set(wb):
        return True
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    short_m, long_m = (a, b) if short is wa else (b, a)
    if not short or not set(short) < set(long_) or set(short) <= HEAD_WORDS:
        return False
    extras = [w for w in long_ if w not in short]
    eponym = (long_m.org.eponym or "").lower() if long_m.org else ""
    if all(is_place(w.capitalize()) or w in eponym for w in extras):
        core = [w for w in long_ if w not in eponym and not is_place(w.capitalize())] or long_
        return short[-1] in {long_[-1], core[-1]} or short_m.label == "Lab"
    ampersand = _ampersand_initials(short_m.text) == "".join(w[0] for w in extras) != ""  # 'A&F' = 'Agri... and F...'
    prefix = short_m.label == "Lab" and long_m.text.lower().startswith(short_m.text.lower()) and len(short) >= 2
    return ampersand or prefix


def _ampersand_initials(name: str) -> str:
    """'A&F' → 'af': the initials an ampersand abbreviation stands for."""
    return "".join(m.group().replace("&", "").lower() for m in AMPERSAND.finditer(name))


def _same_company(a: Mention, b: Mention) -> bool:
    """'Huawei' = 'Huawei Technologies'; 'Huawei Kazakhstan' is another company (its subsidiary)."""
    company_a, company_b = (m.org.company if m.org else None for m in (a, b))
    place_a, place_b = (m.org.place if m.org else None for m in (a, b))
    if company_a and company_b:
        return company_a == company_b and place_a == place_b
    return set(org_words(a)) == set(org_words(b))


def _university_acronym(acronym: str) -> bool:
    """'KSTU', 'KazNU', 'NWPU': an acronym the genre uses for universities (it ends in U)."""
    return len(acronym) >= 3 and acronym.endswith("U") and acronym[-2:] != "EU"


def _acronym_headed(mention: Mention) -> bool:
    """'KSTU named after I. Razzakov': a name made of an acronym and an eponym."""
    return bool(mention.org and mention.org.abbr and mention.org.head == mention.org.abbr)


def _same_acronym_name(a: Mention, b: Mention) -> bool:
    """An acronym with an eponym and a full name: the acronym fits it and the eponyms agree."""
    short, other = (a, b) if _acronym_headed(a) else (b, a)
    assert short.org is not None
    acronym = short.org.abbr or ""
    if _acronym_headed(other) and other.org:
        same = (other.org.abbr or "").lower() == acronym.lower()
    else:
        same = abbreviates(acronym, other.text) or bool(other.org and (other.org.abbr or "").lower() == acronym.lower())
    surname = (short.org.eponym or "").split()[-1:]
    other_eponym = (other.org.eponym or "") if other.org else ""
    return same and (not other_eponym or not surname or surname[0].lower() in other_eponym.lower())


def _acronym_group(groups: list[list[Mention]], acronym: str) -> list[Mention] | None:
    """The organisation an acronym stands for: defined in the text, else the one name it abbreviates."""
    for group in groups:
        if any(m.org and m.org.abbr and m.org.abbr.lower() == acronym.lower() for m in group):
            return group
        if any(m.kind == "acronym" and m.text.lower() == acronym.lower() for m in group):
            return group
    fits = [g for g in groups if g[0].kind == "org" and any(abbreviates(acronym, m.text) for m in g)]
    if len(fits) > 1:
        fits = [g for g in fits if any(_initials(m.text) == acronym.lower() for m in g)]
    return fits[0] if len(fits) == 1 else None


def _initials(name: str) -> str:
    """The first letters of a name's content words: 'TIIAME' spells out one of two names it could abbreviate."""
    name = re.sub(r"\([^)]*\)|named after.*$", " ", name)
    return "".join(w[0].lower() for w in re.findall(r"[A-Za-z']+", name) if w.lower() not in FILLER)


def abbreviates(acronym: str, name: str) -> bool:
    """'KazNU' ← 'Kazakh National University', 'NWPU' ← 'Northwestern Polytechnic University'."""
    name = re.sub(r"\([^)]*\)|named after.*$", " ", name)
    words = [w.lower() for w in re.findall(r"[A-Za-z']+", name) if w.lower() not in FILLER]
    return any(_fits(acronym.lower(), words[skip:]) for skip in range(min(3, len(words))))


def _fits(letters: str, words: list[str]) -> bool:
    """Each word gives the next letters: its initial, then (optionally) more of its letters in order."""
    if not words:
        return not letters
    if not letters or letters[0] != words[0][0]:
        return False
    word, rest = words[0], letters[1:]
    for taken in range(len(rest) + 1):
        if _subsequence(rest[:taken], word[1:]) and _fits(rest[taken:], words[1:]):
            return True
    return False


def _subsequence(part: str, word: str) -> bool:
    """`part`'s letters occur in `word` in order."""
    it = iter(word)
    return all(ch in it for ch in part)


def same_person(a: str, b: str) -> bool:
    """'Chynybaev M.K.' = 'M.K. Chynybaev' = 'Chynybaev Mirlan Koychubekovich'; 'Kendirbayeva' ≈ 'Kendirbaeva'."""
    wa, ia = _name_parts(a)
    wb, ib = _name_parts(b)
    if [w.lower() for w in wa] == [w.lower() for w in wb] and ia == ib:
        return True
    shared = [(x, y) for x in wa for y in wb if _similar(x, y)]
    if not shared:
        return False
    if ia or ib:
        initials_a = ia or [w for w in wa if not any(_similar(w, s[0]) for s in shared)]
        initials_b = ib or [w for w in wb if not any(_similar(w, s[1]) for s in shared)]
        return bool(initials_a) and bool(initials_b) and _same_initial(initials_a[0], initials_b[0])
    return {w.lower() for w in wa} == {w.lower() for w in wb} or (
        len(wa) == len(wb) and all(any(_similar(x, y) for y in wb) for x in wa)
    )


def _same_initial(a: str, b: str) -> bool:
    """'Zh' fits 'Zhanat' and 'Z' (a digraph initial of a transliterated name), but not 'Zukhra' against 'Zh'."""
    short, long_ = sorted((a.lower(), b.lower()), key=len)
    return long_.startswith(short) if len(short) > 1 or len(long_) <= 2 else short == long_[0]


def _name_parts(name: str) -> tuple[list[str], list[str]]:
    """A name's words and its initials ('D.Sh.' → ['D', 'Sh'])."""
    words, initials = [], []
    for part in name.replace("Mr.", "").split():
        if INITIALS.match(part):
            initials += [p for p in part.split(".") if p]
        else:
            words.append(part)
    return words, initials


def _similar(a: str, b: str) -> bool:
    """Two spellings of one name word ('Tuimebayev'/'Tuimebaev')."""
    return a.lower() == b.lower() or (min(len(a), len(b)) >= 5 and ratio(a.lower(), b.lower()) >= 85)
