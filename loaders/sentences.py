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
    for paragraph, ((offset, _line), doc) in enumerate(zip(lines, docs, strict=True)):
        for sent in doc.sents:
            chunk = sent.text.strip()
            if chunk:
                start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                sentences.append(Sentence(repair_case(chunk), start, paragraph))
    return sentences


def repair_case(text: str) -> str:
    """A shouted sentence in title case (same length, so offsets hold); other text unchanged."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 12 or sum(ch.isupper() for ch in letters) / len(letters) < 0.8:
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
