"""Branch campuses and branch offices: "a branch campus of X University (XU)", "the XU Kazakhstan branch",
"the branch of XU in YU", "the Turkmen branch of X Corporation".

A branch is named after its parent, so it is found around a parent's name already found in the sentence
(an organisation name or an acronym). It belongs to the parent (PART_OF), and to the organisation that
hosts it when the sentence says so ("in YU", "on the basis of YU", "located on the campus of YU",
"X and Y agreed to co-build ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from loaders.gazetteer import country_of, is_place

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

BRANCH = r"branch(?:\s+campus)?|branch\s+office"
BEFORE_PARENT = re.compile(rf"\b(?:(?P<place>[A-Z][a-z]+(?:[-–][A-Z][a-z]+)?)\s+)?(?:{BRANCH})\s+of\s+(?:the\s+)?$")
AFTER_PARENT = re.compile(
    rf"^(?:['’]s)?\s+(?:(?P<place>[A-Z][a-z]+(?:[-–][A-Z][a-z]+)?)\s+)?(?P<branch>{BRANCH})\b"
    rf"(?:\s+in\s+(?P<city>[A-Z][a-z]+(?:[-–'’][A-Za-z]+)?)\b)?"
)
NOT_PLACE = {"The", "A", "An", "Its", "Our", "Their", "New", "First", "Second", "Regional", "Local", "Main", "Each"}
HOST_IN = re.compile(r"^\s+(?:in|at)\s+(?:the\s+)?")
HOSTED = re.compile(
    r"\b(?:on the basis of|on the campus of|located (?:at|in|on the campus of|within)|hosted by|at)\s+(?:the\s+)?$"
)
JOINTLY = re.compile(r"\bco-?(?:build|found|establish|create)\w*|\bjointly\b|\bin partnership with\b", re.I)


@dataclass(frozen=True)
class BranchSpan:
    """A branch name in a sentence: its span, its parent's mention and the place it names, if any."""

    start: int
    end: int
    parent: Mention
    place: str | None


def find_branches(text: str, orgs: list[Mention]) -> list[BranchSpan]:
    """Branches named around the organisation and acronym mentions of one sentence."""
    found: list[BranchSpan] = []
    for parent in orgs:
        before = BEFORE_PARENT.search(text[max(0, parent.start - 60) : parent.start])
        if before is not None:
            place = before.group("place")
            start = parent.start - len(text[max(0, parent.start - 60) : parent.start]) + before.start()
            if place and place in NOT_PLACE:
                start += len(place) + 1
                place = None
            end = _host_end(text, parent.end, orgs)
            found.append(BranchSpan(start, end, parent, place))
            continue
        after = AFTER_PARENT.match(text[parent.end : parent.end + 60])
        if after is not None and (not after.group("place") or is_place(after.group("place"))):
            in_place = after.group("city") and is_place(after.group("city"))
            end = parent.end + (after.end() if in_place else after.end("branch"))
            found.append(BranchSpan(parent.start, end, parent, after.group("place")))
    return found


def _host_end(text: str, at: int, orgs: list[Mention]) -> int:
    """The end of 'in <organisation or place>' after a branch's parent, else the parent's end."""
    host_in = HOST_IN.match(text[at:])
    if host_in is None:
        return at
    start = at + host_in.end()
    host = next((m for m in orgs if m.start == start), None)
    if host is not None:
        return host.end
    place = re.match(r"[A-Z][a-z]+(?:[-–'’][A-Za-z]+)?", text[start:])
    return start + place.end() if place and is_place(place.group()) else at


def branch_country(span: BranchSpan) -> str | None:
    """The country a branch's name states ('Kazakhstan branch', 'Turkmen branch')."""
    return country_of(span.place) if span.place else None


def branch_parts(context: Context, text: str, mentions: list[Mention]) -> None:
    """PART_OF from each branch to its parent, and to the organisation hosting it where the sentence says so."""
    for mention in mentions:
        if mention.kind != "branch" or mention.parent is None:
            continue
        branch, parent = context.id_of(mention), context.id_of(mention.parent)
        context.add("PART_OF", branch, parent, text)
        for host in _hosts(context, text, mention, mentions):
            context.add("PART_OF", branch, host, text)


def _hosts(context: Context, text: str, branch: Mention, mentions: list[Mention]) -> list[str]:
    """Organisations the sentence says host the branch or build it together."""
    others = [
        m
        for m in mentions
        if m.kind != "branch"
        and m is not branch.parent
        and context.label(context.id_of(m)) in {"University", "Organization"}
    ]
    hosts = [m for m in others if branch.start < m.start <= branch.end]
    hosts += [
        m for m in others if m.start >= branch.end and HOSTED.search(text[max(branch.end, m.start - 40) : m.start])
    ]
    if JOINTLY.search(text):
        hosts += others
    parent = context.id_of(branch.parent) if branch.parent else None
    ids = [context.id_of(m) for m in hosts]
    return [i for i in dict.fromkeys(ids) if i and i != parent]


def branches_without_host(context: Context, top: str | None) -> None:
    """A branch whose host the text does not name is at the university the article is about (not its parent)."""
    for candidate in context.candidates:
        if not candidate.props.get("branch") or candidate.label != "University" or top is None:
            continue
        owners = [r for r in context.relations if r.type == "PART_OF" and r.a == candidate.local_id]
        if len(owners) == 1 and owners[0].b != top:
            context.add("PART_OF", candidate.local_id, top, owners[0].evidence)
