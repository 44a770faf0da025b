"""Lists of signed documents: '- A and B: memorandum on ...' or '- Agreement on X between A and B;' lines under
'the following documents were signed:'."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.agreement_parts import KIND, PLANNED, SIGNED, add_agreement, between, main_pair, sentence_of, sentence_orgs

if TYPE_CHECKING:
    from loaders.relations import Context

LIST_LINE = re.compile(r"^\s*(?:[-•–*▪]|\d{1,2}[.)])\s+(?P<pair>[^:]{5,300}?)\s*:\s*(?P<rest>\S.*)$", re.DOTALL)
"""'- A and B: memorandum on ...', '• A – B: agreement on ...': one line of a list of signed documents."""
BULLET = re.compile(r"^\s*(?:[-•–*▪]|\d{1,2}[.)])\s+")
OPENING = re.compile(r"^\s*(?:(?:[-•–*▪]|\d{1,2}[.)])\s+)?(?:the\s+|an?\s+)?", re.IGNORECASE)
"""'- Memorandum on ... between A and B', 'the Agreement on ...;': a list line that opens with the document."""


def signing_list_line(context: Context, text: str, orgs: list[str]) -> list[str]:
    """A line of a bulleted list of signings: its own pair signed the document the line names."""
    line = LIST_LINE.match(text)
    number = sentence_of(context, text)
    kind = KIND.match(line.group("rest")) if line else None
    opening = _opens_with_document(text) if kind is None else None
    if (kind is None and opening is None) or number < 1:
        return []
    intro = _list_intro(context, number)
    if not SIGNED.search(intro):
        return []
    if opening is not None:
        return _opening_list_line(context, text, opening, intro)
    if line is None or kind is None or len(orgs) != 2:
        return []
    pair = line.group("pair")
    if not all(any(n in pair for n in context.candidate(o).names) for o in orgs):
        return []
    status = "planned" if PLANNED.search(intro) else "signed"
    add_agreement(context, text, kind, orgs, status, rest=line.group("rest")[kind.end() :])
    return orgs if status == "signed" else []


def _list_intro(context: Context, number: int) -> str:
    """The line ending in ':' that a list item belongs to (an item may run on into two sentences of its own)."""
    loose = 0
    for previous in range(number - 1, max(-1, number - 12), -1):
        sentence = context.sentences[previous].text
        if sentence.rstrip().endswith(":"):
            return sentence
        loose = 0 if BULLET.match(sentence) or _opens_with_document(sentence) else loose + 1
        if loose > 2:
            return ""
    return ""


def _opens_with_document(text: str) -> re.Match[str] | None:
    """The kind word a line opens with ('- Agreement on ...', 'the Memorandum of ...')."""
    opening = OPENING.match(text)
    return KIND.match(text, opening.end()) if opening else None


def _opening_list_line(context: Context, text: str, kind: re.Match[str], intro: str) -> list[str]:
    """'- Agreement on X between A and B;' under 'the following documents were signed:': A and B signed it."""
    parties = between(context, text, kind.end(), reach=len(text))
    if not parties and not sentence_orgs(context, text):
        parties = main_pair(context)  # '- the Agreement on the double degree programme in X;': the two sides
    if len(parties) < 2:
        return []
    status = "planned" if PLANNED.search(intro) else "signed"
    add_agreement(context, text, kind, parties, status)
    return parties if status == "signed" else []
