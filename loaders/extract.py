"""Document → Extraction: offline and deterministic (spaCy blank English, patterns, word lists).

Mentions are found sentence by sentence (mentions.py), grouped into one candidate per entity (coref.py),
and relations are read off the sentences (relations.py). The publisher, when the text names it, is the
candidate its URL host abbreviates or names ("kbtu.kz" → KBTU) and is marked {"publisher": True}.
"""

from __future__ import annotations

import re
from collections import Counter

from loaders.coref import abbreviates, group_mentions
from loaders.facts import Candidate, Document, Extraction
from loaders.gazetteer import country_of, is_place
from loaders.initiatives import find_initiatives, group_initiatives, type_forums
from loaders.mentions import Mention, find_mentions
from loaders.orgs import tokenize
from loaders.places import find_places
from loaders.relations import Context, read_relations
from loaders.resolve_units import is_generic

INITIATIVE_NAMES = {
    "belt_and_road": "Belt and Road Initiative",
    "silk_road_economic_belt": "Silk Road Economic Belt",
    "luban_workshop": "Luban Workshop",
    "smart_education": "Smart Education of China",
}
HOST_NOISE = {"www", "en", "eng", "english", "news", "edu", "ac", "com", "org", "gov", "net", "info", "int",
              "university", "www2", "web", "portal", "main"}  # fmt: skip


def extract(document: Document) -> Extraction:
    """Everything one document says: one candidate per entity, and the relations between them."""
    sentences, mentions = find_mentions(document.text)
    mentions = _without_eponyms(document.text, mentions)
    _label_short_forms(mentions)
    _spell_ampersands(mentions)
    _eponym_short_forms(mentions)
    named = find_initiatives(sentences, mentions)
    count = group_initiatives(named, start=group_mentions(mentions))
    _join_lowercase_units(mentions)
    mentions = sorted(mentions + named, key=lambda m: (m.sentence, m.start))
    groups = [[m for m in mentions if m.group == n] for n in range(count)]
    candidates = [_candidate(f"e{n}", group) for n, group in enumerate(groups) if group]
    type_forums(candidates, mentions, sentences)
    _add_bare_names(sentences, mentions, candidates)
    candidates += find_places(sentences, mentions)
    publisher = _publisher(document, candidates)
    context = Context(document, sentences, mentions, candidates, publisher)
    relations = read_relations(context)
    return Extraction(document=document, candidates=context.candidates, relations=relations)


EPONYM = re.compile(
    r"\b(?:named\s+after|(?:bears|bore|carries|received|was\s+given)\s+the\s+name\s+of|named\s+in\s+honou?r\s+of)"
    r"\s+(?:the\s+)?(?:[a-z]+\s+){0,4}?((?:[A-Z][a-z]?\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)


def _without_eponyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """'a workshop named after Lu Ban' ... 'Lu Ban was a carpenter', 'since 1993 bears the name of the scientist
    X': the person an organisation or an initiative ('Luban Workshop') is named after takes no part in the story."""
    eponyms = {m.group(1) for m in EPONYM.finditer(text)}
    squashed = {w for m in mentions if m.kind == "initiative" for w in m.text.lower().split()}
    return [
        m
        for m in mentions
        if m.kind != "person" or (m.text not in eponyms and m.text.replace(" ", "").lower() not in squashed)
    ]


def _label_short_forms(mentions: list[Mention]) -> None:
    """'the Xinjiang Institute' after 'the Xinjiang Institute of Ecology and Geography': a short form takes the
    type of the full name it begins, so that coreference can join them."""
    full = {m.text: m.label for m in mentions if m.org and " of " in m.text}
    if not full:
        return
    for mention in mentions:
        if mention.org and not mention.org.generic and " " in mention.text and mention.text.endswith(mention.org.head):
            labels = {label for name, label in full.items() if name.startswith(mention.text + " of ")}
            if len(labels) == 1:
                mention.label = labels.pop()


AMPERSAND = re.compile(r"\b([A-Z])&([A-Z])\b")
QUALIFIER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’]+$|\s*\([^()]*\)$")
SPELLED_PAIR = re.compile(r"\b([A-Z])[a-z]+ and ([A-Z])[a-z]+\b")


def _spell_ampersands(mentions: list[Mention]) -> None:
    """'Northwest A&F University' = 'Northwest Agriculture and Forestry University': letters joined by '&' are
    the initials of two words joined by 'and'; each name becomes a name of the other."""
    short = {QUALIFIER.sub("", m.text): m for m in mentions if m.org and AMPERSAND.search(m.text)}
    if not short:
        return
    for mention in mentions:
        if not mention.org or "&" in mention.text:
            continue
        for pair in SPELLED_PAIR.finditer(mention.text):
            letters = f"{pair.group(1)}&{pair.group(2)}"
            other = short.get(QUALIFIER.sub("", mention.text[: pair.start()] + letters + mention.text[pair.end() :]))
            if other is not None and other.label == mention.label:
                other.extra_names.append(mention.text)
                mention.extra_names.append(other.text)


def _eponym_short_forms(mentions: list[Mention]) -> None:
    """'Yessenov University' = 'Caspian University of Technology and Engineering named after Sh. Yessenov': the
    genre's short form is the eponym's surname and the head word; each name becomes a name of the other."""
    full: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.org and m.org.eponym and m.label == "University":
            full.setdefault(f"{m.org.eponym.split()[-1]} {m.org.head}", []).append(m)
    for mention in mentions:
        named = full.get(mention.text, []) if mention.org and not mention.org.eponym else []
        if len({m.text for m in named}) == 1:
            named[0].extra_names.append(mention.text)
            mention.extra_names.append(named[0].text)


FIELD_AFTER = re.compile(r"\b(?:of|for|on)\s+(.+)$")


def _join_lowercase_units(mentions: list[Mention]) -> None:
    """'joint center for cotton breeding' in a headline, 'Tajik-Chinese Center for Cotton Breeding and Seed
    Production' in the story: a lower-case unit is the named unit with its head and field, when one is."""
    named = [m for m in mentions if m.org and m.label == "Lab" and m.text[:1].isupper() and m.group is not None]
    for mention in mentions:
        head = mention.org.head.lower() if mention.org and mention.text[:1].islower() else ""
        field = FIELD_AFTER.search(mention.text) if head else None
        if field is None:
            continue
        words = field.group(1).lower()
        same_head = [m for m in named if m.org and m.org.head.lower() == head]
        fits = {m.group for m in same_head if words in m.text.lower()} or _joint_fits(mention.text, same_head)
        if len(fits) == 1:
            mention.group = fits.pop()


def _joint_fits(text: str, named: list[Mention]) -> set[int | None]:
    """'joint institute of green construction' = 'Uzbek-Chinese Joint Institute of Green Building and Urban
    Planning': a joint unit retold loosely shares a field word's stem with the one joint unit of that head."""
    if not text.lower().startswith("joint "):
        return set()
    stems = {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower().split(" ", 2)[-1]) if w not in {"joint", "with"}}
    joint = [m for m in named if "Joint" in m.text]
    if len({m.group for m in joint}) != 1:
        return set()
    shared = stems & {w[:5] for w in re.findall(r"[a-z]{4,}", joint[0].text.lower())}
    return {joint[0].group} if shared else set()


def _candidate(local_id: str, group: list[Mention]) -> Candidate:
    """One candidate from the mentions of one entity: every name used, the fullest first."""
    first = group[0]
    if first.kind == "initiative":
        label = "Initiative"
    else:
        labels = Counter(m.label for m in group if m.label)
        label = labels.most_common(1)[0][0] if labels else "Organization"
        if "University" in labels:
            label = "University"
    names: list[str] = []
    for mention in group:
        names += _surface_forms(mention)
    if first.kind == "initiative" and first.initiative:
        names.append(INITIATIVE_NAMES[first.initiative])
    names = sorted(dict.fromkeys(n for n in names if n), key=lambda n: (-len(n), n))
    props: dict[str, object] = {}
    country = None
    if label not in {"Person", "Program"}:
        country = next((c for n in names for c in [country_of(n)] if c), None)
    if first.kind == "initiative":
        props["initiative"] = first.initiative
    if first.kind == "branch":
        props["branch"] = True
        country = next((m.country for m in group if m.country), None)
    return Candidate(local_id=local_id, label=label, names=names, country=country, props=props)


def _surface_forms(mention: Mention) -> list[str]:
    """The names one mention contributes: as printed, without '(ABBR)', the ABBR, without a place tail."""
    text = mention.text.strip()
    forms = [text, *mention.extra_names]
    if mention.extra_names and text.startswith("Confucius") and is_generic(text):
        forms = list(mention.extra_names)  # 'Confucius Institute at X' names one of many in full only
    if mention.org and mention.org.abbr:
        bare = re.sub(r"\s*\([^)]*\)\s*", " ", text).strip()
        forms += [bare, mention.org.abbr]
    place_tail = re.match(r"^(.*?)\s+(?:of|in)\s+(?:the\s+)?([A-Z][\w'’ -]+)$", text)
    if place_tail and is_place(place_tail.group(2).split()[-1]) and mention.label != "Organization":
        forms.append(place_tail.group(1))
    if mention.person:
        forms.append(re.sub(r"^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+", "", text))
    return forms


def _add_bare_names(sentences: list, mentions: list[Mention], candidates: list[Candidate]) -> None:
    """A bare surname of a person named in full ('Hong', 'Tokayev') is one more name of that person."""
    people = [c for c in candidates if c.label == "Person"]
    words = {w: c for c in people for n in c.names for w in n.split() if len(w) > 1 and w[0].isupper()}
    ambiguous = {w for w in words if sum(any(w in n.split() for n in c.names) for c in people) > 1}
    taken_in: dict[int, set[int]] = {}
    for mention in mentions:
        taken_in.setdefault(mention.sentence, set()).update(range(mention.start, mention.end))
    for number, sentence in enumerate(sentences):
        taken = taken_in.get(number, set())
        for token in tokenize(sentence.text):
            word = token.bare
            free = token.start not in taken
            known = word in words and word not in ambiguous
            if known and free and not is_place(word) and word not in words[word].names:
                words[word].names.append(word)


def _publisher(document: Document, candidates: list[Candidate]) -> Candidate | None:
    """The candidate the document's publisher is ('kbtu.kz' → KBTU, 'buketov.edu.kz' → Buketov University)."""
    host = (document.publisher or "").lower()
    parts = [p for p in re.split(r"[.\-]", host) if p and p not in HOST_NOISE and len(p) > 1]
    if not parts or len(parts) < 1:
        return None
    parts = parts[:-1] if len(parts) > 1 else parts
    orgs = [c for c in candidates if c.label in {"University", "Organization"}]
    for part in parts:
        fits = [c for c in orgs if any(_host_names(part, name) for name in c.names)]
        if len(fits) == 1:
            fits[0].props["publisher"] = True
            return fits[0]
    return None


def _host_names(part: str, name: str) -> bool:
    """A host label that is a name's acronym or one of its distinctive words."""
    if name.lower() == part or (len(part) <= 6 and abbreviates(part, name) and part.upper() in name.upper()):
        return True
    if len(part) <= 6 and abbreviates(part, name):
        return True
    words = [w.lower().strip("-") for w in re.findall(r"[\w-]+", name)]
    return len(part) >= 5 and any(part == w or part == w.split("-")[-1] for w in words)
