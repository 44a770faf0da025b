"""Dates as the genre prints them ("On May 17", "January 30-31, 2024", "06.09.2022") → ISO strings.

Regex first, because articles print a handful of shapes and partial dates must stay partial ("March 2024"
is "2024-03", never a guessed day); dateparser only normalises free-form record values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?P<{0}>(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\.?"
)
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"

PATTERNS = [
    re.compile(rf"\b{_YEAR.format('y')}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    re.compile(rf"\b(?P<d>[0-3]?\d)\.(?P<m>[01]\d)\.{_YEAR.format('y')}\b"),
    # "January 30-31, 2024", "From October 29 to November 2, 2025", "May 15 to 21"
    re.compile(
        rf"\b{_MONTH.format('mon')}\s+{_DAY.format('d')}(?:\s*(?:-|–|to|and)\s*"
        rf"(?:{_MONTH.format('mon2')}\s+)?{_DAY.format('d2')})?(?:,?\s+{_YEAR.format('y')})?\b"
    ),
    # "21 march, 2024", "20 August 2019", "29 October to 2 November 2025"
    re.compile(
        rf"\b{_DAY.format('d')}(?:\s*(?:-|–|to)\s*{_DAY.format('d2')})?\s+{_MONTH.format('mon')}"
        rf"(?:,?\s+{_YEAR.format('y')})?\b"
    ),
    re.compile(rf"\b{_MONTH.format('mon')}\s+(?:of\s+)?{_YEAR.format('y')}\b"),
]


@dataclass(frozen=True)
class DateMention:
    """One date printed in a text: where it is and what it means (ISO, maybe partial; maybe a range)."""

    start: int
    end: int
    value: str
    value_end: str | None = None


def find_dates(text: str, *, year: int | None = None) -> list[DateMention]:
    """Every date in `text`, in order; day-and-month dates take `year` (the page's) or stay undated."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            mention = _to_mention(match, year)
            if mention is not None:
                found.append(mention)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def _to_mention(match: re.Match[str], year: int | None) -> DateMention | None:
    """Turn one regex match into ISO values; None when it is no real date or lacks a year."""
    groups = match.groupdict()
    month = _month(groups.get("mon") or groups.get("m"))
    found_year = int(groups["y"]) if groups.get("y") else year
    if month is None or found_year is None:
        return None
    day = int(groups["d"]) if groups.get("d") else None
    value = _iso(found_year, month, day)
    if value is None:
        return None
    value_end = None
    if groups.get("d2"):
        value_end = _iso(found_year, _month(groups.get("mon2")) or month, int(groups["d2"]))
    return DateMention(match.start(), match.end(), value, value_end)


def _month(text: str | None) -> int | None:
    """A month number from a name or a two-digit number."""
    if text is None:
        return None
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(text.lower().rstrip("."))


def _iso(year: int, month: int, day: int | None) -> str | None:
    """YYYY-MM or YYYY-MM-DD, or None for an impossible day."""
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def year_of(iso: str | None) -> int | None:
    """The year of an ISO date string, if any."""
    if iso and re.match(r"^\d{4}", iso):
        return int(iso[:4])
    return None


URL_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]\d)(?:[/-]?(?P<d>[0-3]\d))?(?!\d)")


def date_from_url(url: str | None) -> str | None:
    """The date a URL path states (…/2023-05/19/…, …/2024/0629/…), as ISO."""
    if not url:
        return None
    match = URL_DATE.search(url)
    if match is None or not 1 <= int(match["m"]) <= 12:
        return None
    return _iso(int(match["y"]), int(match["m"]), int(match["d"]) if match["d"] else None)


def normalise_date(value: object) -> str | None:
    """A record's `published` as ISO: already ISO (maybe partial), else parsed offline by dateparser."""
    if value is None:
        return None
    text = str(value).strip()
    iso = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if iso:
        return "-".join(part for part in iso.groups() if part)
    mentions = find_dates(text)
    if mentions:
        return mentions[0].value
    return _dateparser(text)


@lru_cache(maxsize=256)
def _dateparser(text: str) -> str | None:
    """dateparser, English only and with no language detection, so nothing is downloaded."""
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
    )
    return parsed.date().isoformat() if parsed else None
