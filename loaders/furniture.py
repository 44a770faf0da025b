"""Page furniture around an article: mastheads, bylines, photo credits, source lines, copyright footers.

GOLD_FORMAT: "Bylines, photo credits and news-agency attributions are not annotated". A name printed only
there ("DUNYO Information Agency", "Source: Kazinform", "Photo: press service of X", "© 2024 Y") is no
entity of the story; the same name in the story's own sentences still is.
"""

from __future__ import annotations

import re

MEDIA = re.compile(
    r"\b(?:News|Information|Press|Telegraph|Media)\s+(?:Agency|Service|Centre|Center)\b|"
    r"\b(?:[Nn]ews|[Ii]nformation|[Pp]ress|[Tt]elegraph)\s+(?:[Aa]gency|[Ss]ervice)\b|"
    r"\b(?:Kazinform|KAZINFORM|Xinhua|AKIpress|Kabar|Khovar|Dunyo|DUNYO|UzA|Trend|TASS|Interfax|Sputnik|"
    r"Tengrinews|Asia-Plus|CGTN|Turkmenistan Today|TURKMENISTAN TODAY|China Daily|Global Times|People's Daily|"
    r"Astana Times)\b"
)
CREDIT_LINE = re.compile(
    r"^\s*(?:Source|Editor|Author|Reporter|Correspondent|Previous|Prev|Next)\s*:|\|\s*Editor\s*:",
    re.I,
)
"""A line that attributes the story or links another: 'Source: Xinhua | Editor: huaxia', 'Next: ...'. (A photo credit
may name the publisher's own unit, which annotators keep: there only a medium's name is dropped.)"""
MASTHEAD_CHARS = 80
"""A line this short naming a medium is a masthead ('TURKMENISTAN TODAY | State News Agency of Turkmenistan (TDH)')."""


def in_furniture(text: str, start: int, end: int) -> bool:
    """Whether a name at text[start:end] is page furniture: in a medium's name, a masthead or a credit line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = line_end if line_end >= 0 else len(text)
    line = text[line_start:line_end]
    if CREDIT_LINE.search(line) or (len(line) <= MASTHEAD_CHARS and MEDIA.search(line)) or _menu(line):
        return True
    return any(m.start() < end and start < m.end() for m in MEDIA.finditer(text, line_start, line_end))


MENU_SEPARATOR = re.compile(r"\s*[|·•]\s*|\s{2,}|\t")


def _menu(line: str) -> bool:
    """A site's navigation line ('Politics | Economy | Society', 'VB.KG  Politics  Society  Economy'): three or
    more items of one to three words, nothing else."""
    if len(line) > MASTHEAD_CHARS + 40:
        return False
    items = [item for item in MENU_SEPARATOR.split(line.strip()) if item]
    return len(items) >= 3 and all(len(item.split()) <= 3 and item[:1].isupper() for item in items)


BYLINE = re.compile(
    r"(?:(?:^|\|)\W*[Bb]y|\b(?:[Ee]dited|[Pp]hoto(?:graph)?(?:s|ed)?|[Ww]ritten|[Tt]ranslated|[Rr]eported|[Cc]ompiled|[Pp]osted|"
    r"[Pp]roofread|[Rr]eviewed)\s+by|\b(?:Editors?|Author|Reporters?|Correspondent|Journalist|Photo(?:graph)?s?|"
    r"Source|Text|Translator|Proofreader|Reviewer|Edited by)\s*:)\s*$"
)
"""What stands before a byline, an editor's or photographer's credit: these names are no people of the story."""
CREDIT_SLASH = re.compile(r"\w\s*/\s*$")
"""'(Xinhua/Li Wei)', 'Photo: Kun.uz / Li Wei': a name after a medium and a slash is a photographer's credit."""
FACILITIES = {"hall", "avenue", "ave", "street", "str", "st", "square", "boulevard", "prospect", "prospekt", "museum",
              "library", "auditorium", "stadium", "theatre", "theater", "building", "park", "house"}  # fmt: skip
"""Places named after people ('the Chingiz Aitmatov hall', 'on Abai avenue'): the name there is no one present."""


def credited(text: str, start: int) -> bool:
    """A name at `start` that follows a byline or credit ('By', 'Photo:', 'Xinhua/'): no person of the story."""
    before = text[:start]
    return bool(BYLINE.search(before) or CREDIT_SLASH.search(before))


def names_a_place(following: str) -> bool:
    """A name followed by 'hall', 'avenue', 'street'... is the place's name ('the Chingiz Aitmatov hall')."""
    return following.lower().rstrip(".") in FACILITIES
