"""The title printed next to a person's name: before it ("Rector of Liaoning Petrochemical University Guo
Changyi", "the rector, professor X") or in an apposition after it ("Hong Jun, vice-president of XJTU,").
Split from people.py, which finds the names.
"""

from __future__ import annotations

import re

from loaders.gazetteer import HONORIFICS, STOP_CAPS, TITLE_HEADS, TITLE_WORDS
from loaders.org_tails import comma_list
from loaders.org_tokens import Token

BOUNDARY_WORDS = {"by", "with", "that", "who", "which", "between", "including", "included", "and", "accompanied",
                  "met", "said", "told", "thanked", "welcomed", "greeted", "invited", "from", "to", "also",
                  "noted", "where", "when", "as", "while", "had", "has", "have", "was", "were", "is"}  # fmt: skip
VERBS = {"stated", "said", "told", "noted", "added", "expressed", "delivered", "thanked", "spoke", "welcomed",
         "made", "gave", "led", "attended", "visited", "signed", "introduced", "extended", "announced", "invited",
         "conveyed", "presented", "held", "met", "opened", "hoped", "believes", "warmly", "briefly", "also",
         "who", "which", "paid", "was", "is", "has", "had", "will", "would"}  # fmt: skip
DIPLOMATS = {"ambassador", "envoy", "consul", "consul-general", "plenipotentiary", "chargé", "representative"}
"""Titles followed by 'of X to Y': 'to' does not end them ('Ambassador of China to Kazakhstan Zhang Wei')."""


def apposition_title(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """', <title> [of <org>]' right after a name: the span of the title phrase, up to the next ',' or '.'."""
    if j >= len(tokens) or tokens[j].text not in {",", "–", "—"}:
        return None
    k = j + 1
    if k < len(tokens) and tokens[k].text.lower() in {"a", "the", "an"}:
        k += 1
    stop = k
    while stop < len(tokens) and tokens[stop].text not in {",", ".", ";", "(", "“", '"'}:
        if tokens[stop].text.lower() in VERBS:
            break
        stop += 1
    while stop < len(tokens) and tokens[stop].text == "(":
        close = next((x for x in range(stop, len(tokens)) if tokens[x].text == ")"), stop)
        stop = close + 1
        while stop < len(tokens) and tokens[stop].text not in {",", ".", ";"}:
            stop += 1
    words = [t.text.lower().replace("–", "-") for t in tokens[k:stop]][:6]
    heads = TITLE_HEADS | {"member"}
    if stop == k or not any(w in heads or w.split("-")[-1] in heads for w in words):
        return None
    return tokens[k].start, tokens[stop - 1].end


def title_before(tokens: list[Token], i: int, *, floor: int = 0, apposed: bool = False) -> tuple[int, int] | None:
    """The title phrase ending right before the name ('Rector of Liaoning Petrochemical University'); with
    `apposed` the name stands between commas ('The rector of X, Askar Beisenov, said')."""
    j = i - 1
    while j >= 0 and (
        tokens[j].text.lower().rstrip(".") in HONORIFICS
        or (tokens[j].text == "." and j and tokens[j - 1].text.lower() in HONORIFICS)  # 'Mrs' '.'
    ):
        j -= 1
    if j >= 0 and tokens[j].text in {",", "–", "—"} and (j + 1 < i or apposed):
        j -= 1  # 'the rector, professor X', 'Vice-Rector of X, Mr. Y'
    elif j >= 0 and tokens[j].text in {"–", "—"}:
        j -= 1  # 'the university's first vice-rector – Serik Omirbayev'
    end = j
    last_title = next((x for x in range(end, max(floor - 1, end - 22), -1) if is_title_token(tokens[x])), None)
    if last_title is None or any(
        tokens[x].text in {",", ".", ";"}
        and not tokens[x].taken
        and not (tokens[x].text == "," and comma_list(tokens, x))
        for x in range(last_title, end + 1)
    ):
        return None
    envoy = tokens[last_title].text.lower() in DIPLOMATS
    if any(_boundary(tokens, x) and not (envoy and tokens[x].text == "to") for x in range(last_title, end + 1)):
        return None
    start = last_title
    while start > floor and _title_left(tokens[start - 1]) and not _boundary(tokens, start - 1):
        start -= 1
    while start < last_title and tokens[start].text.lower() in {"of", "the", "for", "and", "-", "–"}:
        start += 1
    return tokens[start].start, tokens[end].end


def _boundary(tokens: list[Token], x: int) -> bool:
    """A word that ends a title phrase ('by', 'said'; 'and' unless it joins two capitalised words)."""
    word = tokens[x].text.lower()
    if tokens[x].taken or word not in BOUNDARY_WORDS | VERBS:
        return False
    if word == "and" and 0 < x < len(tokens) - 1:
        return not (tokens[x - 1].text[:1].isupper() and tokens[x + 1].text[:1].isupper())
    return True


def _title_left(token: Token) -> bool:
    """A word that may stand left of a title word inside the title ('Kazakh Deputy', 'KBTU', 'of the')."""
    word = token.text.lower()
    if token.taken or is_title_token(token) or word in {"of", "the", "for", "-", "–", "and"} | TITLE_WORDS:
        return True
    return token.text[:1].isupper() and word not in STOP_CAPS and not token.text.endswith(".")


def is_title_token(token: Token) -> bool:
    """A title word such as 'Rector', 'Vice-Rector', 'vice-minister'."""
    word = token.text.lower().replace("–", "-")
    return word in TITLE_HEADS or word.split("-")[-1] in TITLE_HEADS or word == "chargé"


def clean_title(title: str) -> str:
    """The title as printed, without leading articles or trailing honorifics."""
    title = re.sub(r"^(?:the|a|an)\s+", "", title.strip(" ,–—"), flags=re.IGNORECASE)
    return re.sub(r"[\s,]+(?:Mr|Mrs|Ms|Dr|Prof)\.?$", "", title).strip(" ,")
