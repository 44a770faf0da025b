"""Where a person works when the title names no organisation: the delegation they lead, or the body the
sentence named with the title's head word ('Director of the Department')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

ORG_LABELS = {"University", "Organization"}
LED_BY = re.compile(
    r"\bdelegations?\b[^.;]{0,120}?\b(?:(?:led|headed)\s+by|under\s+the\s+(?:leadership|guidance)\s+of)\s+"
    r"[^.;]{0,90}$",
    re.IGNORECASE,
)
"""'a delegation of X (city) headed by the Party Secretary of the university Y': Y leads X's delegation."""
DELEGATION_HEAD = re.compile(r"\bdelegation\s+(?:of|from)\s+(?:the\s+)?$|^\s*(?:['’]s\s+)?delegation\b", re.I)
GENERIC_HEAD = re.compile(
    r"\bof\s+(?:the\s+)?(department|ministry|institute|cent(?:er|re)|academy|committee|council|agency|laboratory)$",
    re.IGNORECASE,
)
"""A title that names its body by the head word alone ('Director of the Department')."""


def delegation_led(context: Context, text: str, person: Mention, mentions: list[Mention]) -> list[str]:
    """'the delegation of X headed by Minister Y', 'X delegation led by its rector Y': Y works for X."""
    span = person.person.title_span if person.person else None
    starts = min(person.start, span[0]) if span else person.start
    led = LED_BY.search(text[:starts])
    if led is None:
        return []
    for mention in reversed([m for m in mentions if m.end <= starts and m.kind != "person"]):
        local = context.id_of(mention)
        if context.label(local) not in ORG_LABELS:
            continue
        head = DELEGATION_HEAD.search(text[max(0, mention.start - 20) : mention.start])
        tail = DELEGATION_HEAD.match(text[mention.end : mention.end + 16])
        return [local] if local and (head or tail) else []
    return []


def head_named(context: Context, person: Mention, mentions: list[Mention]) -> list[str]:
    """'At the Department of Education of X ... Director of the Department Y', 'the Institute of Cotton Research,
    where the vice director of institute Y': the body the sentence named with the title's head word."""
    head = GENERIC_HEAD.search(person.person.title or "") if person.person else None
    if head is None:
        return []
    word = head.group(1).lower()
    named = [
        context.id_of(m)
        for m in mentions
        if m.end <= person.start
        and m.kind != "person"
        and m.text.lower().startswith(word)
        and context.label(context.id_of(m)) in ORG_LABELS | {"Lab"}
    ]
    return [i for i in named[-1:] if i]
