"""Unit names printed without capitals: "key laboratories of multilingual information technologies, signal
detection and processing", "school of foreign languages of X University", "joint research center of
Chinese-Kazakh universities".

A lower-case unit needs a unit modifier ("key", "joint", "research") before a laboratory/centre head, or a
school/faculty/institute head, and a field after "of/for" made of lower-case words. Plural heads take a
list of fields, one unit each; "heads of research centers of local universities" names no unit.
"""

from __future__ import annotations

import re

from loaders.orgs import OrgMention

_UNIT_MOD = r"(?:key|joint|research|scientific|international|innovation|engineering|training|educational|academic)"
LOWER_UNIT = re.compile(
    rf"(?<![\w-])(?:(?P<mods>(?:{_UNIT_MOD}\s+){{1,3}})(?P<head>laborator(?:y|ies)|labs?|cent(?:er|re)s?|institutes?)"
    r"|(?P<plain>school|faculty|institute))\s+(?:of|for)\s+(?=[a-z]|[A-Z][a-z]+[-–][A-Z])"
)
_FIELD = re.compile(r"(?:[a-z][a-z'’-]*|[A-Z][a-z]+[-–][A-Z][a-z]+)(?:\s+(?:[a-z][a-z'’-]*|and))*")
_FIELD_STOP = {"the", "a", "an", "our", "its", "their", "this", "these", "at", "in", "with", "which", "that", "was",
               "were", "is", "are", "will", "has", "have", "had", "from", "to", "by", "on", "for", "as", "where",
               "students", "specialists", "staff", "and", "of", "more", "than", "about", "over", "between",
               "among", "during", "under", "within", "together", "jointly", "be"}  # fmt: skip
_PLURAL_OWNERS = {"universities", "institutions", "colleges", "schools", "countries", "enterprises", "companies",
                  "organizations", "organisations"}  # fmt: skip
MAX_FIELD = 6


LANGUAGE_UNIT = re.compile(
    r"(?<![\w-])(?:Chinese|Kazakh|Kyrgyz|Uzbek|Tajik|Turkmen|Russian|English)\s+(?:language|philology)\s+"
    r"(?:department|chair|center|centre|faculty|school)\b"
)
"""'a Chinese language department': a unit named by the language it teaches."""
NATIONALITY_BEFORE = re.compile(r"(?:Chinese|Kazakh|Kyrgyz|Uzbek|Tajik|Turkmen|Russian)\s+$")


LOCAL_GOVERNMENT = re.compile(
    r"(?<![\w-])(?!The\s)(?:[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)\s+(?:regional|oblast|city|district|provincial)\s+"
    r"(?:state\s+)?(?:administration|akimat|khokimiyat|hokimiyat|government)\b"
)
"""'the Issyk-Kul regional state administration': a local government printed in lower case after its place."""


def find_lowercase_units(text: str) -> list[OrgMention]:
    """'key laboratories of multilingual information technologies, signal detection and processing',
    'school of foreign languages', 'joint research center of Chinese-Kazakh universities': units without capitals
    (and local governments, 'the Osh city administration')."""
    languages = LANGUAGE_UNIT.finditer(text)
    found = [OrgMention(m.start(), m.end(), m.group(), "Lab", m.group().split()[-1]) for m in languages]
    found += [
        OrgMention(m.start(), m.end(), m.group(), "Organization", m.group().split()[-1])
        for m in LOCAL_GOVERNMENT.finditer(text)
    ]
    for match in LOWER_UNIT.finditer(text):
        end = _field_end(text, match.end())
        if end is None or (match.group("plain") and NATIONALITY_BEFORE.search(text[: match.start()])):
            continue  # 'graduates of the Turkmen institute for practice': the institution, described
        head = match.group("head") or match.group("plain") or ""
        plural = head.endswith(("ies", "s")) and not head.endswith("us")
        if plural and set(text[match.end() : end].lower().split()) & _PLURAL_OWNERS:
            continue  # 'heads of research centers of local universities': no unit of its own
        owner = re.match(r"\s+of\s+(?:the\s+)?(?=[A-Z])", text[end:])
        parent_at = end + owner.end() if owner else None
        found.append(OrgMention(match.start(), end, text[match.start() : end], "Lab", head, parent_at=parent_at))
        if plural:
            found += _listed_units(text, end, head)
    return found


def _field_end(text: str, at: int) -> int | None:
    """The end of a lower-case field phrase ('multilingual information technologies'), None if there is none."""
    field = _FIELD.match(text, at)
    if field is None:
        return None
    words = list(re.finditer(r"\S+", field.group()))
    kept = 0
    for number, word in enumerate(words[:MAX_FIELD]):
        lowered = word.group().lower()
        if lowered in _FIELD_STOP - {"and"} or (lowered == "and" and _and_ends(words, number)):
            break
        if number and lowered.endswith("ed"):
            break  # a verb after the field ('... of local universities attended')
        kept = number + 1
    if not kept or words[0].group().lower() in _FIELD_STOP:
        return None
    return at + words[kept - 1].end()


def _and_ends(words: list[re.Match[str]], number: int) -> bool:
    """An 'and' that ends the field: the last word, or followed by a stop word."""
    following = words[number + 1].group().lower() if number + 1 < len(words) else ""
    return not following or following in _FIELD_STOP or following.endswith("ed")


def _listed_units(text: str, at: int, head: str) -> list[OrgMention]:
    """Further fields after a plural unit head: '..., signal detection and processing and the Center ...'."""
    found: list[OrgMention] = []
    while (comma := re.match(r",\s+(?=[a-z])", text[at:])) is not None:
        start = at + comma.end()
        end = _field_end(text, start)
        if end is None:
            break
        name = text[start:end]
        cut = re.search(r"\s+and$", name)
        end = start + (cut.start() if cut else len(name))
        if " " not in text[start:end]:
            break
        found.append(OrgMention(start, end, text[start:end], "Lab", head))
        at = end
    return found
