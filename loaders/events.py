"""Events (conferences, forums, exhibitions, summits): their kind, their date, and who takes part.

The date is the first one printed in a sentence that names the event ("the forum held on May 15-16, 2024");
a day and month take the page's year only when the page shows one. Organisations named with the event in
a sentence that says they organise, host or attend it are INVOLVED_IN it. A forum typed Initiative
(initiatives.py) gets its date here too; who is in it is read there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.dates import find_dates
from loaders.initiatives import is_forum

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

KINDS = {
    "conference": "conference",
    "forum": "conference",
    "symposium": "conference",
    "congress": "conference",
    "seminar": "conference",
    "exhibition": "exhibition",
    "expo": "exhibition",
    "fair": "exhibition",
    "summit": "meeting",
    "meeting": "meeting",
}
TAKING_PART = re.compile(
    r"\b(?:organi[sz]\w*|co-organi[sz]\w*|host\w*|held|attend\w*|took part|take part|taking part|participat\w*|"
    r"presented|exhibited|sponsor\w*)\b",
    re.IGNORECASE,
)


def read_events(context: Context) -> None:
    """Give every Event candidate its kind and date, and INVOLVED_IN edges from the organisations at it."""
    mentions_of: dict[str | None, list[Mention]] = {}
    for mention in context.mentions:
        mentions_of.setdefault(context.id_of(mention), []).append(mention)
    for candidate in context.candidates:
        mentions = mentions_of.get(candidate.local_id, [])
        if candidate.label == "Initiative" and is_forum(candidate):
            for mention in mentions:
                _date_event(context, candidate.props, context.sentences[mention.sentence].text)
        if candidate.label != "Event":
            continue
        head = mentions[0].org.head.lower() if mentions and mentions[0].org else ""
        candidate.props.setdefault("kind", KINDS.get(head, "other"))
        for mention in mentions:
            text = context.sentences[mention.sentence].text
            _date_event(context, candidate.props, text)
            if TAKING_PART.search(text):
                for other in context.mentions:
                    if other.sentence == mention.sentence and context.label(context.id_of(other)) in {
                        "University",
                        "Organization",
                    }:
                        context.add("INVOLVED_IN", context.id_of(other), candidate.local_id, text)


def _date_event(context: Context, props: dict[str, object], text: str) -> None:
    """The first date a sentence naming the event prints, once."""
    if props.get("date"):
        return
    dates = find_dates(text, year=context.year)
    if dates:
        props["date"] = dates[0].value
        if dates[0].value_end:
            props["date_end"] = dates[0].value_end
