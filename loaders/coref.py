"""Within-document coreference: one group per entity, whatever names the article uses for it.

Organisations: the same words in any order ("Harbin University of Engineering" = "Harbin Engineering
University"), a shorter form that drops only places or the eponym ("Buketov University"), an abbreviation
defined in the text ("(HEU)") or fitting a name's initials ("KazNU", "NWPU"), a short unit name that one
longer unit name starts with ("Confucius Institute"). People: the same surname with compatible initials
("Chynybaev M.K." = "Chynybaev Mirlan Koychubekovich"), or a bare surname once the full name is known.
"""

from __future__ import annotations

import re

from rapidfuzz.fuzz import ratio

from loaders.gazetteer import is_place
from loaders.mentions import Mention
from loaders.orgs import INITIALS

FILLER = {"the", "of", "named", "after", "academician", "and", "&", "for", "in", "at", "a"}


def group_mentions(mentions: list[Mention]) -> int:
    """Give every mention a group number (its entity); returns how many groups there are."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        if mention.kind in {"org", "initiative", "person"} and not (mention.org and mention.org.generic):
            target = next((g for g in groups if _same(g, mention)), None)
            if target is None:
                groups.append([mention])
            else:
                target.append(mention)
    for mention in mentions:
        if mention.kind == "acronym":
            target = _acronym_group(groups, mention.text)
            if target is not None:
                target.append(mention)
            elif mention.label:
                groups.append([mention])
    for number, group in enumerate(groups):
        for mention in group:
            mention.group = number
    return len(groups)


def _same(group: list[Mention], mention: Mention) -> bool:
    """Whether a mention names the entity the group names."""
    first = group[0]
    if first.kind != mention.kind:
        return False
    if mention.kind == "initiative":
        return first.initiative == mention.initiative
    if mention.kind == "person":
        return any(same_person(m.text, mention.text) for m in group)
    if not _compatible_labels(first.label, mention.label):
        return False
    return any(same_org(m, mention) for m in group)


def _compatible_labels(a: str, b: str) -> bool:
    """Labels one entity may get from different mentions."""
    return a == b or {a, b} <= {"University", "Organization"}


def org_words(mention: Mention) -> list[str]:
    """The content words of an organisation name, lowercased, without the abbreviation in parentheses."""
    text = re.sub(r"\([^)]*\)", " ", mention.text)
    text = re.sub(r"['’]s\b", "", text)
    return [w for w in re.findall(r"[\w]+(?:-[\w]+)*", text.lower()) if w not in FILLER and len(w) > 1]


def same_org(a: Mention, b: Mention) -> bool:
    """Two organisation mentions name one organisation."""
    wa, wb = org_words(a), org_words(b)
    if set(wa) == set(wb):
        return True
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    short_m, long_m = (a, b) if short is wa else (b, a)
    if not short or not set(short) < set(long_):
        return False
    extras = [w for w in long_ if w not in short]
    eponym = (long_m.org.eponym or "").lower() if long_m.org else ""
    if all(is_place(w.capitalize()) or w in eponym for w in extras):
        return short[-1] == long_[-1] or short_m.label == "Lab"
    return short_m.label == "Lab" and long_m.text.lower().startswith(short_m.text.lower()) and len(short) >= 2


def _acronym_group(groups: list[list[Mention]], acronym: str) -> list[Mention] | None:
    """The organisation an acronym stands for: defined in the text, else the one name it abbreviates."""
    for group in groups:
        if any(m.org and m.org.abbr and m.org.abbr.lower() == acronym.lower() for m in group):
            return group
        if any(m.kind == "acronym" and m.text.lower() == acronym.lower() for m in group):
            return group
    fits = [g for g in groups if g[0].kind == "org" and any(abbreviates(acronym, m.text) for m in g)]
    return fits[0] if len(fits) == 1 else None


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
        initials_a = ia or [w[0] for w in wa if not any(_similar(w, s[0]) for s in shared)]
        initials_b = ib or [w[0] for w in wb if not any(_similar(w, s[1]) for s in shared)]
        return bool(initials_a) and bool(initials_b) and initials_a[0] == initials_b[0]
    return {w.lower() for w in wa} == {w.lower() for w in wb} or (
        sorted(map(len, wa)) == sorted(map(len, wb)) and all(any(_similar(x, y) for y in wb) for x in wa)
    )


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
