"""Visits: VISITED (visitor → host, with the date the sentence states), read sentence by sentence.

The genre's shapes: "a delegation of X visited Y", "paid a working visit to Y", "arrived at Y", "was received
by Y", "held talks with the leadership of Y", and the other way round, "Y hosted/received/welcomed a
delegation from X". Who travels is remembered across sentences ("the delegation visited ..."); a visit
to a city or country ("the working visit of the X delegation to Urumqi") names no host by itself, but a
rector "leading a delegation to Lanzhou" visits the one organisation the article names after that city, and
"visited Qingdao, where got acquainted with the laboratories of UPC" visits UPC. A sentence may name several
visits ("..., and also visited the Shengli Oilfield"); "received by the Deputy Minister X" visits X's
ministry; officials attending a ceremony or opening held at an organisation visited it (companies aside).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from loaders.dates import find_dates
from loaders.gazetteer import NATIONALITIES, country_of, is_place
from loaders.visit_cities import delegation_to_city, in_city, stayed_in_city, travelling

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context

ORG_LABELS = {"University", "Organization"}
VISIT = re.compile(
    r"\b(?:visit(?:ed|s|ing)?|paid an? (?:\w+ )?visit to|visit to|meeting (?:was held )?with|met with|"
    r"with the leadership of|arrived (?:at|in)|(?:was|were) (?:also |then |later )?received (?:by|at|in)|"
    r"held talks with|held (?:an? |the )?(?:meetings?|talks|negotiations) (?:in|at)|"
    r"got acquainted with|familiari[sz]ed (?:themselves )?with|"
    r"(?:was|were) hosted by|(?:was|were) welcomed (?:by|at)|attend(?:ed|s)? (?:the|an?) (?=[^.]{0,80}\bof\b))\b",
    re.IGNORECASE,
)
HOSTED = re.compile(
    r"\b(?:hosted|received|welcomed|greeted)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:delegations?|(?P<guests>guests))\b"
    r"(?:\s+(?:of|from|led by)\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
RECEIVED = re.compile(r"\b(?:received|welcomed|greeted|hosted)\s+(?:the\s+)?$", re.IGNORECASE)
MEETING_OF = re.compile(
    r"\b(?:meeting|talks|negotiations) of\s+(?P<host>[^.;]{3,160}?)\s+with (?:the |a )?(?:[\w-]+ ){0,2}?delegations?\b",
    re.IGNORECASE,
)
"""'the meeting of Minister X with the delegation of Y': Y's visit, X's side hosts."""
PLANNED_VISIT = re.compile(r"\b(?:invit\w*|plan\w*|will|ready|expect\w*|hope\w*|intend\w*)\b[^.]{0,40}$", re.I)
PAST_INVITATION = re.compile(r"\b(?:was|were|had been)\s+invited\b[^.]{0,40}$", re.I)
TO_PLACE = re.compile(r"\b(?:to|in)\s+(?:the\s+)?([A-Z][\w'’-]+)")
GUESTS = re.compile(r"\b(?:guests|delegation|delegates)\b(?:\s+(?:\w+)){0,3}\s*$", re.IGNORECASE)
"""'the Chinese guests were received by ...', 'the members of the delegation were received in ...'."""
LEADING = re.compile(
    r"\b(?:leading|led|headed|heading)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}delegation\s+to\s+([A-Z][\w'’-]+)"
)
ATTENDED = re.compile(
    r"\b(?:ceremony|opening|celebration|unveiling)\b[^.]{0,40}?\b(?:was|were) attended by\b|"
    r"\b(?:in|at) the (?:[\w-]+ ){0,2}(?:ceremony|opening)\b[^.]{0,20}?\btook part\b|"
    r"\battended the (?:[\w-]+ ){0,3}(?:ceremony|opening|celebration)\b",
    re.IGNORECASE,
)
OURS = re.compile(r"\s+(?:to\s+|at\s+|by\s+)?our\s+(?:university|institute|academy|college)\b", re.IGNORECASE)
"""'paid a working visit to our university': the publisher's own page speaks of itself."""
SIDELINES = re.compile(r"\bon the (?:sidelines|margins) of\b", re.IGNORECASE)
"""'On the sidelines of the forum, X held talks with Y': a meeting at a third place, no visit."""
THE_VISIT = re.compile(r"\b(?:the|this|that|his|her|their|its)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
IN_PLACE = re.compile(r"\b(?:opened|inaugurated|unveiled|held|took place)\s+(?:[\w-]+\s+){0,3}?in\s+([A-Z][\w'’-]+)")
VENUE_CUE = re.compile(r"\b(?:opened|opens|opening|inaugurat\w*|unveil\w*|held|took place|ceremony)\b", re.I)


def read_visits(context: Context, text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """VISITED pairs a sentence states (visitor → host); the first host becomes the document's host.

    Officials at a ceremony are visits too, but not the document's travelling side, nor partners of the
    venue, so they are not returned."""
    _note_venue(context, text, mentions)
    pairs = (
        _hosted(context, text, mentions)
        or _led_to_city(context, text, mentions)
        or _meeting_of(context, text, mentions)
    )
    recalled = [] if pairs else delegation_to_city(context, text, mentions) or _received_person(context, text, mentions)
    attended = [] if pairs else _attended(context, text, mentions)
    pairs = pairs or ([] if attended else _visited(context, text, mentions))
    pairs = pairs or ([] if attended else stayed_in_city(context, text, mentions))
    if pairs and ";" in text:  # 'X's delegation arrived in Wuhan; on 11 May, Y hosted a delegation of Z'
        cut = text.index(";")
        pairs += stayed_in_city(context, text[:cut], [m for m in mentions if m.end <= cut])
    dates = find_dates(text, year=context.year)
    date, date_end = (dates[0].value, dates[0].value_end) if dates else (None, None)
    pairs, attended, recalled = (_valid(context, found) for found in (pairs, attended, recalled))
    for visitor, host in pairs + attended + recalled:
        context.add("VISITED", visitor, host, text, date=date, date_end=date_end)
    for visitor, host in pairs:
        if context.host is None or context.label(host) == "University":
            context.host = host
        context.delegation = context.delegation or visitor
    return pairs + recalled


def _valid(context: Context, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each pair once, visitor and host two organisations."""
    return [(v, h) for v, h in dict.fromkeys(pairs) if v and v != h and context.label(h) in ORG_LABELS]


def _visited(context: Context, text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """'X visited Y ..., and also visited Z': every visit verb's hosts, visited by whoever the first one names."""
    matches = [m for m in VISIT.finditer(text) if not _back_reference(text, m)]
    if not matches or _planned(text[: matches[0].start()]) or SIDELINES.search(text, 0, matches[0].start()):
        return []
    ends = [m.start() for m in matches[1:]] + [len(text)]
    spans = zip(matches, ends, strict=True)
    hosts = list(dict.fromkeys(h for match, end in spans for h in _hosts(context, text, mentions, match.end(), end)))
    return [(v, h) for v in _visitors(context, text, mentions, matches[0].start(), hosts) for h in hosts]


def _back_reference(text: str, match: re.Match[str]) -> bool:
    """'During the visit, A and B signed ... with CNPC': the visit already told, not a visit to what follows."""
    if match.group().lower() != "visit":
        return False
    return bool(THE_VISIT.search(text[: match.start()])) and not re.match(r"\s+(?:to|of|at)\b", text[match.end() :])


def _planned(before: str) -> bool:
    """'will visit', 'invited ... to visit' (but 'was invited to attend' happened)."""
    return bool(PLANNED_VISIT.search(before)) and not PAST_INVITATION.search(before)


def _orgs_from(context: Context, mentions: list[Mention], at: int) -> list[Mention]:
    """Organisation and unit mentions from offset `at` on (branches aside)."""
    return [
        m
        for m in mentions
        if m.start >= at and m.kind != "branch" and context.label(context.id_of(m)) in ORG_LABELS | {"Lab"}
    ]


def _hosts(context: Context, text: str, mentions: list[Mention], at: int, end: int) -> list[str]:
    """The organisations visited: the list right after the verb (units count as their organisation), or
    the organisation of the official who received the guests."""
    after = [m for m in _orgs_from(context, mentions, at) if context.id_of(m) != context.delegation and m.end <= end]
    official = next((m for m in mentions if at <= m.start < end and m.person), None)
    if official and (not after or official.start < after[0].start) and _right_after(text, at, official):
        return _works_for(context, official)
    if after and _to_a_place(text[at : after[0].start]):
        return []
    ours = OURS.match(text, at)
    if ours and context.publisher and (not after or after[0].start > ours.end()):
        return [context.publisher.local_id]
    listed = after[:1]
    for previous, mention in pairwise(after):
        if not re.fullmatch(r"[\s,]*(?:and\s+)?(?:the\s+)?", text[previous.end : mention.start]):
            break  # the list right after the verb ends ('visit to X; round table with Y and Z')
        listed.append(mention)
    return list(dict.fromkeys(h for h in (context.root(context.id_of(m)) for m in listed) if h))


def _right_after(text: str, at: int, person: Mention) -> bool:
    """A person (with the title printed before the name) comes right after a verb."""
    span = person.person.title_span if person.person else None
    starts = min(person.start, span[0]) if span else person.start
    return bool(re.fullmatch(r"[\s,]*(?:the\s+)?", text[at:starts]))


def _works_for(context: Context, person: Mention) -> list[str]:
    """The organisations a person is affiliated with in this document."""
    local = context.id_of(person)
    return [r.b for r in context.relations if r.type == "AFFILIATED_WITH" and r.a == local]


def _to_a_place(between: str) -> bool:
    """'... delegation to Urumqi, memorandums were signed with X': the visit went to a place, not to X."""
    return any(is_place(m.group(1)) for m in TO_PLACE.finditer(between))


def _visitors(context: Context, text: str, mentions: list[Mention], at: int, hosts: list[str]) -> list[str]:
    """Who visits: the organisation named before the verb, a person's organisation, or the travelling one."""
    if context.delegation and GUESTS.search(text[:at]):
        return travelling(context)
    before = [context.id_of(m) for m in mentions if m.end <= at and m.kind != "branch"]
    visitors = [v for v in dict.fromkeys(before) if v and context.label(v) in ORG_LABELS and v not in hosts]
    if len(visitors) > 1 and not re.search(r"along with|together with", text):
        visitors = visitors[-1:]
    people = [m for m in mentions if m.end <= at and m.person]
    if not visitors and people:
        visitors = [r.b for r in context.relations if r.type == "AFFILIATED_WITH" and r.a == context.id_of(people[0])]
    if not visitors and context.delegation:
        visitors = travelling(context)
    if not visitors and context.publisher and re.search(r"\bdelegation\b", text, re.I):
        visitors = [context.publisher.local_id]
    return visitors


def _hosted(context: Context, text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """'Y hosted a delegation from X': the host before the verb, the visitor after it."""
    match = HOSTED.search(text)
    if match is None:
        return []
    orgs = [m for m in mentions if m.kind != "branch" and context.label(context.id_of(m)) in ORG_LABELS]
    host = next((context.id_of(m) for m in reversed(orgs) if m.end <= match.start()), None)
    visitor = next((context.id_of(m) for m in orgs if m.start >= match.end() and not match.group("guests")), None)
    if visitor is None and context.delegation != host:
        visitor = context.delegation
    return [(visitor, host)] if visitor and host else []


def _received_person(context: Context, text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """'the Minister of X A received the Ambassador of China in X Mr. B': B's embassy visited A's ministry."""
    people = [m for m in mentions if m.person]
    for guest in people[1:]:
        span = guest.person.title_span if guest.person else None
        starts = min(guest.start, span[0]) if span else guest.start
        if RECEIVED.search(text[:starts]):
            hosts, visitors = _works_for(context, people[0]), _works_for(context, guest)
            return [(v, h) for v in visitors[:1] for h in hosts[:1]]
    return []


def _meeting_of(context: Context, text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """'during the meeting of Minister of Education of Y Mr. A with the delegation of X': X visited A's Y."""
    match = MEETING_OF.search(text)
    if match is None or not context.delegation:
        return []
    inside = [m for m in mentions if match.start("host") <= m.start < match.end("host")]
    hosts = [h for m in inside if m.person for h in _works_for(context, m)]
    hosts = hosts or [i for m in inside if context.label(i := context.id_of(m)) in ORG_LABELS and i]
    return [(context.delegation, host) for host in hosts[:1] if host != context.delegation]


def _note_venue(context: Context, text: str, mentions: list[Mention]) -> None:
    """'X was opened at Y', 'in Y was held the opening ceremony': where the document's ceremony takes place."""
    if context.venue or not VENUE_CUE.search(text):
        return
    for mention in mentions:
        local = context.id_of(mention)
        if context.label(local) in ORG_LABELS and re.search(r"\b(?:at|in)\s+(?:the\s+)?$", text[: mention.start]):
            context.venue = local
            return
    city = IN_PLACE.search(text)
    named = [u for u in in_city(context, city.group(1)) if context.label(u) == "University"] if city else []
    if city and is_place(city.group(1)) and len(named) == 1:
        context.venue = named[0]  # 'inaugurated in Samarkand': at the article's one university of that city


def _attended(context: Context, text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """'The opening ceremony was attended by Vice Minister of X ..., rector of Y': X visited the venue."""
    match = ATTENDED.search(text)
    venue = context.venue or context.host
    if match is None or venue is None:
        return []
    start = match.start() if text[match.start() :].lower().startswith(("in ", "at ")) else match.end()
    attendees = [m for m in mentions if m.start >= start or m.person]
    found: list[str] = []
    for mention in attendees:
        if mention.person:
            found += _works_for(context, mention)
        elif context.label(context.id_of(mention)) in ORG_LABELS and not (mention.org and mention.org.company):
            found.append(context.id_of(mention) or "")
    companies = {context.id_of(m) for m in mentions if m.org and m.org.company}
    return [(v, venue) for v in dict.fromkeys(found) if v and v != venue and v not in companies]


def _led_to_city(context: Context, text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """'rector of X, who was leading a delegation to Lanzhou': X visits the organisation named after Lanzhou."""
    match = LEADING.search(text)
    if match is None or not is_place(match.group(1)):
        return []
    people = [m for m in mentions if m.person and m.end <= match.start()]
    visitors = _works_for(context, people[-1]) if people else []
    orgs = [
        context.id_of(m) for m in mentions if m.end <= match.start() and context.label(context.id_of(m)) in ORG_LABELS
    ]
    visitor = (visitors or orgs[-1:] or _national_university(context, text[: match.start()]) or [None])[0]
    city = match.group(1)
    hosts = [
        c.local_id
        for c in context.candidates
        if c.label in ORG_LABELS
        and c.local_id != visitor
        and any(re.search(rf"\b{re.escape(city)}\b", n) for n in c.names)
    ]
    if visitor is None or len(hosts) != 1:
        return []
    context.delegation = visitor
    return [(visitor, hosts[0])]


def _national_university(context: Context, text: str) -> list[str]:
    """'rector of the Kyrgyz university': the one university of that country the article names."""
    named = re.search(r"\bthe (\w+) university\b", text, re.IGNORECASE)
    iso = country_of(named.group(1)) if named and named.group(1).lower() in NATIONALITIES else None
    fits = [c.local_id for c in context.candidates if c.label == "University" and iso and c.country == iso]
    return fits if len(fits) == 1 else []
