"""Sentences with their offsets: spaCy's blank English tokenizer and rule-based sentencizer, no model.

Lines are split first (press releases put headings, datelines and captions on lines of their own), then
each line is sentencized; shouting lines ("BUKETOV UNIVERSITY SIGNED...") get a readable-case copy so the
patterns that rely on capitals work on them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

LOWER_WORDS = {"of", "and", "the", "a", "an", "in", "on", "at", "for", "with", "to", "by", "from", "as"}


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text (case-repaired if it was shouted), where it starts, and its paragraph."""

    text: str
    start: int
    paragraph: int


@lru_cache(maxsize=1)
def _nlp() -> Any:
    """A blank English pipeline with the sentencizer: deterministic, nothing to download."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of `text` in order, with offsets into `text`."""
    sentences: list[Sentence] = []
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    docs = _nlp().pipe(line for _, line in lines)
    for paragraph, ((offset, line), doc) in enumerate(zip(lines, docs, strict=True)):
        for begin, end in _join_initials(line, [(s.start_char, s.end_char) for s in doc.sents]):
            chunk = line[begin:end].strip()
            if chunk:
                start = offset + begin + (len(line[begin:end]) - len(line[begin:end].lstrip()))
                sentences.append(Sentence(repair_case(chunk), start, paragraph))
    return sentences


_CUT_INITIAL = re.compile(r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|(?:[A-Z][a-z]?\.)*[A-Z][a-z]?)\.,?$")
"""A sentence 'ending' in an honorific or an initial ('Mr.', 'Sh.', 'N.', 'Q.Kh.,'): spaCy cuts 'Sh.R.' and 'Mr. Li'."""
_HONORIFIC_END = re.compile(r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof)\.$")


def _join_initials(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin sentences cut inside a name: after an honorific, before more initials, after a one-letter initial."""
    joined: list[tuple[int, int]] = []
    for begin, end in spans:
        if joined:
            before, after = line[joined[-1][0] : joined[-1][1]].rstrip(), line[begin:end].lstrip()
            if _cut_inside_name(before, after):
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((begin, end))
    return joined


def _cut_inside_name(before: str, after: str) -> bool:
    """'... Mr.' + 'Li Wei ...', '... Sh.' + 'R. said', '... D.Sh.' + 'and ...', '... after N.' + 'Isanov ...'."""
    if not _CUT_INITIAL.search(before) or not after[:1].isalpha():
        return False
    if _HONORIFIC_END.search(before) or after[:1].islower() or re.match(r"[A-Z][a-z]?\.", after):
        return True
    if re.search(r"(?:^|\s)(?:Sh|Kh|Zh|Ch|Ts|Yu|Ya|Ye|Gh)\.$", before) and re.match(r"[A-Z][a-z]+\b", after):
        return True  # '... named after Sh.' + 'Yessenov hosted': a transliterated two-letter initial
    return bool(re.search(r"(?:^|[\s.])[A-Z]\.$", before)) and not re.match(r"(?:The|A|An|In|On|At|It)\b", after)


def repair_case(text: str) -> str:
    """A shouted sentence in title case (same length, so offsets hold); other text unchanged."""
    letters = "".join(filter(str.isalpha, text))
    if len(letters) < 12 or sum(map(str.isupper, letters)) / len(letters) < 0.8:
        return text
    return re.sub(r"[A-Za-z][A-Za-z'’]*", _recase_word, text)


def _recase_word(match: re.Match[str]) -> str:
    """One shouted word: function words lower, short words kept as acronyms, the rest capitalised."""
    word = match.group()
    if word.lower() in LOWER_WORDS:
        return word.lower()
    if len(word) <= 4:
        return word
    return word[0] + word[1:].lower()
