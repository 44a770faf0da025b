"""Where a unit belongs, read off the clause after its name.

"X was opened at Y", "X was launched at Y together with Z", "the Confucius Institute at Y, established in 2007
jointly with Z", "..., which has been functioning since 2009 together with Z": Z runs the unit too.
"The Joint Laboratory will be based at the Faculty of Biology of Y", "located on the campus of Y",
"housed at Y": Y hosts it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

PARENT_LABELS = {"University", "Organization", "Lab"}
JOINED_WITH = re.compile(
    r"\b(?:opened|launched|established|created|founded|set up|functioning|operating|run|working)\b"
    r"[^.;]{0,60}?\b(?:together|jointly|in cooperation|in partnership) with\s+(?:the\s+)?",
    re.I,
)
OPENED_AT = re.compile(
    r"\b(?:opened|launched|established|created|inaugurated|set up)\s+(?:on\s+\w+\s+\d{1,2}\s+)?(?:at|in)\s+(?:the\s+)?"
)
BASED_AT = re.compile(
    r"\b(?:based|located|housed|situated|hosted)\s+(?:at|in|on the campus of|on the premises of|by)\s+(?:the\s+)?",
    re.I,
)
REACH = 90
"""How far after the unit's name its clause may go."""


def clause_parents(context: Context, text: str, unit: Mention, mentions: list[Mention]) -> list[str]:
    """Organisations the clause after a unit's name says run or host it."""
    parents: list[str] = []
    for pattern in (OPENED_AT, JOINED_WITH, BASED_AT):
        match = pattern.search(text, unit.end, min(len(text), unit.end + REACH))
        if match is None or _other_unit_between(context, mentions, unit, match.start()):
            continue
        parents += _listed(context, text, mentions, match.end())
    return [p for p in dict.fromkeys(parents) if p != context.id_of(unit)]


def _other_unit_between(context: Context, mentions: list[Mention], unit: Mention, at: int) -> bool:
    """Another unit named between the unit and the cue: the clause is about that one."""
    return any(unit.end <= m.start < at and context.label(context.id_of(m)) == "Lab" for m in mentions)


def _listed(context: Context, text: str, mentions: list[Mention], at: int) -> list[str]:
    """The organisation named right at an offset, and those listed after it ('X, Y and Z')."""
    after = [m for m in mentions if m.start >= at and context.label(context.id_of(m)) in PARENT_LABELS]
    if not after or not re.fullmatch(r"\s*", text[at : after[0].start]):
        return []
    found = [after[0]]
    for mention in after[1:]:
        if not re.fullmatch(r"[\s,]*(?:and\s+)?(?:the\s+)?", text[found[-1].end : mention.start]):
            break
        found.append(mention)
    return [local for m in found if (local := context.id_of(m))]
