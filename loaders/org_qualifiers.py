"""Campus and branch qualifiers a document prints after a name: "China University of Petroleum (East China)",
"China University of Petroleum, Beijing (CUPB)".

The extractor may keep only the bare name; the qualified one is another institution than its sister
campus, so the document's own qualifier is put back before the name is resolved — when the document
prints one qualifier only, and that qualifier names a campus rather than something else: the registry
knows the qualified name, the abbreviation the text defines spells it, or — for a name the registry does
not know — it reads as a campus ("East China", "Weihai Campus"). "(Urumqi)" after a university's name says
where it is, "(Rector Li Hua)" who leads it: neither is another institution.
"""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.facts import Candidate
from loaders.names import fold, is_abbreviation
from loaders.org_names import abbreviates, parse_org
from loaders.registry import Registry

_PARENTHESISED = r"\s*\((?P<paren>[A-Z][\w'’ .-]{1,40})\)"
_COMMA_DEFINED = r",\s*(?P<comma>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s*\((?P<abbr>[A-Z][A-Za-z]{1,9})\)"
CAMPUS_WORDS = frozenset(
    "campus branch east west north south central northern southern eastern western northeast northwest "  # noqa: SIM905
    "southeast southwest".split()
)
"""Words of a qualifier that tells one campus of an institution from another ("East China", "Weihai Campus")."""
_TAIL = re.compile(rf"{_PARENTHESISED}|{_COMMA_DEFINED}")
_NOT_QUALIFIERS = re.compile(
    r"\b(?:formerly|former|now|hereinafter|previously|until|as|ltd|llc|llp|jsc|inc|plc|co)\b", re.IGNORECASE
)


def with_qualifier(candidate: Candidate, text: str, registry: Registry) -> Candidate:
    """The candidate with its bare name replaced by the qualified one, when the document qualifies it one way
    (the bare name, which sister campuses share, then matches nothing; it stays among the aliases)."""
    for name in candidate.names:
        if is_abbreviation(name) or "(" in name:
            continue
        qualified = _qualified(name, text, registry)
        if qualified is not None:
            rest = [n for n in candidate.names if n not in {name, qualified}]
            return replace(candidate, names=[qualified, *rest])
    return candidate


def _qualified(name: str, text: str, registry: Registry) -> str | None:
    """The one qualified form of `name` the text prints and that names a campus, if any."""
    forms: set[str] = set()
    for match in _after(name, text):
        if match.group("paren") and _campus(name, match.group("paren").strip(), registry):
            forms.add(f"{name} ({match.group('paren').strip()})")
        elif match.group("comma") and _spelled(match.group("abbr"), name, match.group("comma")):
            forms.add(f"{name}, {match.group('comma')}")
    return forms.pop() if len(forms) == 1 else None


def _after(name: str, text: str) -> list[re.Match[str]]:
    """The qualifiers printed right after each whole-word occurrence of `name` (a find, no regex per name)."""
    found = []
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if (start == 0 or not text[start - 1].isalnum()) and (match := _TAIL.match(text, end)):
            found.append(match)
        start = text.find(name, end)
    return found


def _campus(name: str, qualifier: str, registry: Registry) -> bool:
    """Whether a parenthesised qualifier tells one institution of that name from another."""
    if is_abbreviation(qualifier) or _NOT_QUALIFIERS.search(qualifier) or any(ch.isdigit() for ch in qualifier):
        return False
    if _is_org_name(qualifier):
        return False  # another name of the institution: "(Satbayev University)"
    known = [m for m in registry.match_organisation(f"{name} ({qualifier})") if m.how == "name" and m.score >= 0.95]
    bare = {m.org.key for m in registry.match_organisation(name) if m.how == "name"}
    if known:
        return any(m.org.key not in bare for m in known)
    if bare or registry.country(qualifier) is not None:
        return False  # the registry knows it by the bare name: "(Rector Li Hua)", "(China)" say something else
    return bool(CAMPUS_WORDS & set(fold(qualifier).split()))


def _spelled(abbreviation: str, name: str, qualifier: str) -> bool:
    """Whether an abbreviation spells the qualified name and not the bare one ("CUPB", not "CUP")."""
    return abbreviates(abbreviation, parse_org(f"{name} {qualifier}")) and not abbreviates(
        abbreviation, parse_org(name)
    )


def _is_org_name(text: str) -> bool:
    """Whether a qualifier reads as an organisation's own name (it holds a word such as University)."""
    return bool({"university", "institute", "academy", "college", "school"} & set(fold(text).split()))
