"""Initiatives beyond the three the gazetteer knows: forums, alliances, state and corporate programmes.

GOLD_FORMAT types forums, alliances and associations of universities as Initiative, and so are named
programmes spanning many organisations: a state programme ('the "Bright Road" state program', 'the Smart
Tajikistan national programme'), a company's programme ('Acme "Young Talents" programme') and a forum or
exhibition with a quoted name ('International Forum "Silk Gate – 2030"'). A forum only announced ("to be
held") stays an Event. INVOLVED_IN follows what the sentence says (see `read_involvement`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.coref import abbreviates
from loaders.facts import Candidate
from loaders.generic_terms import PAIR_NOUNS

if TYPE_CHECKING:
    from loaders.mentions import Mention
    from loaders.relations import Context
    from loaders.sentences import Sentence

QUOTED = r"[“\"«](?P<name>[A-Z][^”\"»]{2,80})[”\"»]"
PROGRAMME = r"program(?:me)?s?\b"
NAMED = [
    re.compile(rf"\b(?:state|national|government|presidential)\s+{PROGRAMME}\s+{QUOTED}"),
    re.compile(rf"{QUOTED}\s+(?:(?:state|national|government)\s+)?{PROGRAMME}"),
    re.compile(rf"\b(?P<name>(?:[A-Z][\w-]+\s+){{1,3}}?[A-Z][\w-]+)\s+(?:state|national|government)\s+{PROGRAMME}"),
    re.compile(
        rf"\b(?:International\s+|Regional\s+)?(?:Forum|Conference|Exhibition|Summit|Festival)"
        rf"(?:\s+and\s+(?:Exhibition|Conference|Forum))?\s+{QUOTED}"
    ),
]
NOT_NAME = {"The", "This", "That", "A", "An", "Within", "Under", "In", "Of", "By"}
FORUM_HEADS = {"forum", "alliance", "consortium", "association"}
NETWORK_UNIVERSITY = re.compile(r"\b(?:SCO|CIS|BRICS)\s+(?:Network\s+)?University\b|\bNetwork University\b")
"""'SCO University', 'the CIS Network University': a network of member universities, not one university."""
ANNOUNCED = re.compile(r"\b(?:to be held|will be held|is to be held|is planned to be held)\b", re.I)
BROAD = {"belt_and_road", "silk_road_economic_belt"}
"""Policy-wide initiatives: a university is in one only where the text says it takes part."""
TAKES_PART = re.compile(
    r"\b(?:participant|participat\w*|part of|implement\w*|members?|join(?:ed|s)|contribut\w*|took part|"
    r"take part|taking part|attend\w*|organi[sz]ed|co-organi[sz]ed|host\w*|held|launched|founding|"
    r"sponsor\w*|framework of|sign(?:ed|ing)|charter|entry|entered|accession|initiat\w*|found(?:ed|ers?|ing)|"
    r"among the|establish\w*)\b",
    re.I,
)
TAKES_PART_BROAD = re.compile(
    r"\b(?:participant|participat\w*|part of|implement\w*|contribut\w*|members?|join(?:ed|s))\b", re.I
)
CUT_SHORT = re.compile(r"\b[A-Z][a-z]?\.$")
"""A sentence the splitter ended at an initial ('... named after Zh.'): the next one continues its list."""
HEDGED = re.compile(
    r"\b(?:interested|invit\w*|hope\w*|call(?:ed|s)?\s+(?:on|for|to)|propos\w*|plan\w*\s+to|will|would|"
    r"ready to|expect\w*|intend\w*|to be held)\b",
    re.I,
)
GENERIC_REF = re.compile(
    r"\b(?:the|this)\s+(?P<head>forum|conference|alliance|exhibition|workshop)\b|^It was organi[sz]ed\b", re.I
)
LISTED = re.compile(
    r"\b(?:among the|the new|the)\s+(?P<who>participants|members)\s+(?:were|are|included|include)\b|"
    r"\bAmong the (?P<among>participants|members)\b",
    re.I,
)
"""'Among the participants were X, Y and Z', 'The new members are ...': the forum or alliance named before."""
FRAMED = re.compile(r"\b(?:within|in|under)\s+(?:the\s+)?(?:framework\s+of\s+(?:the\s+)?)?[“\"«]?$", re.I)
"""'cooperate ... in the framework of / under the Belt and Road Initiative': the cooperating sides take part."""
PURPOSE = re.compile(r"\b(?:aim(?:s|ed|ing)? to|in order to|so as to)\b", re.I)
BOTH = re.compile(rf"\b(?:both|the two)\s+(?:{PAIR_NOUNS})\b", re.I)
"""'Both universities are members of ...': the pair the article is about."""
WHICH = re.compile(r",\s+(?:which|that|who)\s+")
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s+")
WITHIN = re.compile(r"\b(?:within|in|under) the framework of\s+(?:the\s+)?$", re.I)


def find_initiatives(sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Named programmes and quoted forums, as mentions; mentions inside them are dropped from `mentions`."""
    from loaders.mentions import Mention

    found: list[Mention] = []
    for number, sentence in enumerate(sentences):
        text = sentence.text
        for pattern in NAMED:
            for match in pattern.finditer(text):
                name = match.group("name").strip()
                if name.split()[0] in NOT_NAME or _taken(found, number, match.start(), match.end()):
                    continue
                start, end = match.start(), match.end()
                mention = Mention(number, start, end, text[start:end], "initiative", "Initiative")
                mention.extra_names = [name, text[match.start("name") - 1 : end].strip()]
                owner = _owner(mentions, number, start)
                if owner is not None:
                    mention.extra_names.append(text[owner.start : end])
                found.append(mention)
    dropped = [m for m in mentions if any(_overlap(m, f) for f in found)]
    for mention in dropped:
        mentions.remove(mention)
    return found


def _owner(mentions: list[Mention], number: int, start: int) -> Mention | None:
    """The organisation printed right before a programme's name ('Acme "Young Talents" programme')."""
    return next((m for m in mentions if m.sentence == number and m.kind == "org" and 0 <= start - m.end <= 1), None)


def _taken(found: list[Mention], number: int, start: int, end: int) -> bool:
    return any(m.sentence == number and m.start < end and start < m.end for m in found)


def _overlap(mention: Mention, initiative: Mention) -> bool:
    return mention.sentence == initiative.sentence and mention.start < initiative.end and initiative.start < mention.end


def group_initiatives(found: list[Mention], start: int) -> int:
    """One group per named initiative: the same quoted name, or one name ending the other ('OGT 2030')."""
    cores: list[str] = []
    for mention in found:
        core = mention.extra_names[0].lower()
        same = next((n for n, c in enumerate(cores) if c.endswith(core) or core.endswith(c)), None)
        if same is None:
            cores.append(core)
            same = len(cores) - 1
        mention.group = start + same
    return start + len(cores)


def type_forums(candidates: list[Candidate], mentions: list[Mention], sentences: list[Sentence]) -> None:
    """Forums, alliances and associations of universities are Initiatives (announced ones stay Events)."""
    for candidate in candidates:
        if candidate.label in {"University", "Organization"} and any(
            NETWORK_UNIVERSITY.search(n) for n in candidate.names
        ):
            candidate.label = "Initiative"
            continue
        if candidate.label not in {"Event", "Organization"}:
            continue
        own = [m for m in mentions if m.group is not None and f"e{m.group}" == candidate.local_id and m.org]
        heads = {m.org.head.lower() for m in own if m.org}
        if not heads & FORUM_HEADS or (candidate.label == "Organization" and not _of_universities(candidate)):
            continue
        if candidate.label == "Event" and all(ANNOUNCED.search(sentences[m.sentence].text) for m in own):
            continue
        candidate.label = "Initiative"
        candidate.props.pop("kind", None)


def _of_universities(candidate: Candidate) -> bool:
    """'Association of Technical Universities of ...', 'Alliance of Colleges': a body of universities."""
    return any(re.search(r"\b(?:Universities|Colleges|Institutes)\b", n) for n in candidate.names)


def read_involvement(context: Context, text: str, mentions: list[Mention], orgs: list[str]) -> None:
    """INVOLVED_IN: who takes part in the initiatives a sentence names or refers to ('the forum')."""
    named = [m for m in mentions if context.label(context.id_of(m)) == "Initiative"]
    pair = _pair(context, text)
    for mention in named:
        local = context.id_of(mention) or ""
        involved = _involved(context, text, mention, mentions, orgs)
        if pair and _pair_involved(context, text, mention):
            involved = [*involved, *pair]
        for org in involved:
            context.add("INVOLVED_IN", org, local, text)
    referred = _referred(context, text, named)
    if not (referred and TAKES_PART.search(text) and not HEDGED.search(text)):
        referred = context.carried
    for org in [*orgs, *pair] if referred else []:
        context.add("INVOLVED_IN", org, referred, text)
    context.carried = referred if referred and CUT_SHORT.search(text.rstrip()) else None


def _involved(context: Context, text: str, mention: Mention, mentions: list[Mention], orgs: list[str]) -> list[str]:
    """The organisations a sentence puts into one initiative it names."""
    candidate = context.candidate(context.id_of(mention) or "")
    key = candidate.props.get("initiative")
    before = [context.id_of(m) for m in mentions if m.end <= mention.start and context.id_of(m) in orgs]
    if key in BROAD:
        cue = TAKES_PART_BROAD.search(_clause(text, mention)) or _framed(text, mention)
        which = [*WHICH.finditer(text, 0, mention.start)]
        if which:  # 'visited X and the School of Y, which cooperates ... within the BRI': Y alone
            named = [context.root(context.id_of(m)) for m in mentions if m.end == which[-1].start()]
            before = [o for o in named if context.label(o) in {"University", "Organization"}] or before
        return [o for o in before if o] if cue and not HEDGED.search(text) else []
    if key:
        return orgs
    orgs = [o for o in orgs if not _named_in(context.candidate(o), candidate)]
    if re.search(PROGRAMME, candidate.names[0], re.I) and not is_forum(candidate):
        owner = [o for m in mentions if 0 <= mention.start - m.end <= 1 and (o := context.id_of(m)) in orgs]
        within = orgs if WITHIN.search(text[: mention.start]) else []
        return [o for o in dict.fromkeys([*owner, *within]) if o]
    if WITHIN.search(text[: mention.start]):
        return orgs
    return orgs if TAKES_PART.search(text) and not HEDGED.search(text) else []


def _clause(text: str, mention: Mention) -> str:
    """The clause naming a mention: 'both are members of the Alliance, and the rector spoke about the BRI'."""
    starts = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, mention.start)]
    after = CLAUSE_BREAK.search(text, mention.end)
    return text[starts[-1] if starts else 0 : after.start() if after else len(text)]


def _framed(text: str, mention: Mention) -> bool:
    """'cooperate ... within the framework of X' (not a purpose: 'aiming to boost research under X')."""
    return bool(FRAMED.search(text[: mention.start])) and not PURPOSE.search(text[: mention.start])


def _named_in(org: Candidate, initiative: Candidate) -> bool:
    """'SCO University ... of the Shanghai Cooperation Organisation': the body an initiative is named for."""
    words = set(initiative.names[0].replace("-", " ").split())
    return any(n in words or abbreviates(w, n) for n in org.names for w in words if w.isupper() and len(w) > 1)


def _pair(context: Context, text: str) -> list[str]:
    """'both universities', 'the two sides': the last two organisations the article paired, if it says so."""
    if not BOTH.search(text):
        return []
    pairs = [(r.a, r.b) for r in context.relations if r.type == "COOPERATES_WITH"]
    return list(pairs[-1]) if pairs else []


def _pair_involved(context: Context, text: str, mention: Mention) -> bool:
    """Whether the pair a sentence refers to takes part in the initiative it names."""
    if HEDGED.search(text):
        return False
    key = context.candidate(context.id_of(mention) or "").props.get("initiative")
    if key in BROAD:
        return bool(_framed(text, mention) or TAKES_PART_BROAD.search(_clause(text, mention)))
    return bool(TAKES_PART.search(text) or FRAMED.search(text[: mention.start]))


def is_forum(candidate: Candidate) -> bool:
    """A forum, conference or exhibition (dated like an Event), not a programme."""
    return any(re.search(r"\b(?:Forum|Conference|Exhibition|Summit|Festival)\b", n) for n in candidate.names)


def _referred(context: Context, text: str, named: list[Mention]) -> str | None:
    """The forum or alliance 'the forum' / 'It was organized' refers to: the last one named before."""
    ref = GENERIC_REF.search(text)
    listed = LISTED.search(text)
    if ref is None and listed is None:
        return None
    if ref is not None:
        head = (ref.group("head") or "forum").lower()
    else:
        head = "alliance" if listed and "members" in listed.group(0).lower() else "forum"
    if head == "workshop":
        luban = [c.local_id for c in context.candidates if c.props.get("initiative") == "luban_workshop"]
        return None if not luban or any(context.id_of(m) == luban[0] for m in named) else luban[0]
    number = next((n for n, s in enumerate(context.sentences) if s.text == text), len(context.sentences))
    earlier = [
        m
        for m in context.mentions
        if m.sentence < number
        and context.label(context.id_of(m)) == "Initiative"
        and not context.candidate(context.id_of(m) or "").props.get("initiative")
    ]
    fits = [
        m
        for m in earlier
        if head in m.text.lower() or (head != "alliance" and is_forum(context.candidate(context.id_of(m) or "")))
    ]
    found = context.id_of(fits[-1]) if fits else None
    return None if any(context.id_of(m) == found for m in named) else found
