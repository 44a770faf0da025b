"""The Initiatives and Risk context sections: Luban Workshops and Belt and Road, and Entity List partners."""

from __future__ import annotations

import re

from reports import entity_list
from reports.model import Section, Table
from reports.sections import TIE_BASIS, Inputs, org_label
from reports.snapshot import BELT_AND_ROAD, CENTRAL_ASIA, CHINA, fact_year

INITIATIVES = {
    "Luban Workshop": re.compile(r"\bluban\b|\blu ban\b", re.IGNORECASE),
    "Belt and Road": BELT_AND_ROAD,
}
"""Initiatives the section follows, and the pattern that recognises each in a name or an evidence sentence."""


def initiatives(inp: Inputs) -> Section:
    """Hosts, partners and years of the followed initiatives, and ties the sources tie to Belt and Road."""
    section = Section(
        "initiatives",
        "Initiatives",
        "Luban Workshops (Chinese vocational training centres abroad) and cooperation the sources link to the "
        "Belt and Road Initiative: who hosts, who partners, and since when.",
    )
    for title, pattern in INITIATIVES.items():
        section.blocks.append(participants_table(inp, title, pattern))
    section.blocks.append(linked_ties_table(inp))
    return section


def participants_table(inp: Inputs, title: str, pattern: re.Pattern[str]) -> Table:
    """Organisations INVOLVED_IN an initiative whose name matches `pattern`, hosts (Central Asia) first."""
    snap = inp.snapshot
    keys = {
        k
        for k, n in snap.nodes.items()
        if n["label"] == "Initiative"
        and any(pattern.search(x) for x in [k, n.get("name") or "", *n.get("aliases", [])])
    }
    table = Table(
        f"{title}: hosts and partners",
        f"Organisations the sources name as taking part in {title} initiatives; Central Asian hosts come first, "
        "Chinese partners next.",
        f"Query: INVOLVED_IN relationships to Initiative nodes whose name matches “{title}”; catalogue "
        "`initiative_members` (initiative) gives the same for one initiative",
        ["Organisation", "Role", "Initiative", "Year"],
    )
    rows = []
    for fact in snap.facts:
        if fact.type == "INVOLVED_IN" and fact.target in keys:
            country = snap.country(fact.source)
            role = "host" if country in CENTRAL_ASIA else "Chinese partner" if country == CHINA else "partner"
            year = fact_year(snap, fact)
            rows.append(((role != "host", role, snap.name(fact.source)), fact, role, year))
    for _, fact, role, year in sorted(rows, key=lambda r: r[0]):
        table.add(
            [org_label(snap, fact.source), role, snap.name(fact.target), year or "undated"],
            inp.citations.cite(fact.sources),
        )
    return table


def linked_ties_table(inp: Inputs) -> Table:
    """Ties whose evidence sentence names the Belt and Road (or its other names)."""
    pattern = INITIATIVES["Belt and Road"]
    table = Table(
        "Ties the sources link to Belt and Road",
        "Ties between organisations whose source sentence mentions the Belt and Road Initiative (or One Belt "
        "One Road, the Silk Road Economic Belt).",
        "Query: evidence sentences of the facts behind each tie matching “belt and road|one belt|silk road”; "
        + TIE_BASIS,
        ["Organisation", "Partner", "Year", "As the source puts it"],
    )
    found = []
    for tie in inp.ties.values():
        if not any(fact.evidence for fact in tie.facts):  # the store's snapshot keeps only matching evidence
            continue
        hits = [
            (source, sentence)
            for fact in tie.facts
            for source, sentence in zip(fact.sources, fact.evidence, strict=False)
            if pattern.search(sentence or "")
        ]
        if hits:
            found.append((tie, hits))
    for tie, hits in sorted(found, key=lambda th: (th[0].year or 9999, th[0].a, th[0].b)):
        table.add(
            [org_label(inp.snapshot, tie.a), org_label(inp.snapshot, tie.b), tie.year or "undated", _quote(hits[0][1])],
            inp.citations.cite(s for s, _ in hits),
        )
    return table


def risk_context(inp: Inputs) -> Section:
    """Chinese partners whose names are on the US Entity List, and the chains of ties that reach them."""
    snap = inp.snapshot
    listed = inp.listed
    section = Section(
        "risk-context",
        "Risk context",
        "Chinese organisations in this scope that carry the name of an entry on the US Entity List (export "
        "restrictions under 15 CFR Part 744), and how Central Asian institutions are tied to them. This is "
        "context for the reader, not a finding: a name match is not proof of identity, and a tie is not a "
        "transfer of anything. Check the entry text before drawing any conclusion.",
        notes=[f"Entity List copy: {entity_list.source_note()}; see reports/data/SOURCE.md."],
    )
    partners = Table(
        "Partners on the US Entity List",
        "Chinese organisations in the graph whose name matches an Entity List entry, and how it matched.",
        "Query: Chinese organisations' names and aliases compared with reports/data/entity_list_china_academic.json "
        "(loaders.org_names normalisation; abbreviations not used)",
        ["Organisation", "Entity List entry", "Matched on", "Central Asian partners (direct)"],
    )
    for p in listed:
        direct = sorted(
            snap.name(o)
            for pair in inp.ties
            if p.key in pair and snap.country(o := pair[0] if pair[1] == p.key else pair[1]) in CENTRAL_ASIA
        )
        partners.add(
            [
                org_label(snap, p.key),
                p.entry_name,
                f"“{p.matched_name}” = {p.how}, after normalisation",
                "; ".join(direct) or "—",
            ]
        )
    section.blocks.append(partners)
    section.blocks.append(paths_table(inp, listed))
    return section


def paths_table(inp: Inputs, listed: list[entity_list.ListedPartner]) -> Table:
    """Each Central Asian institution's shortest chain of ties to each listed partner, sources for every hop."""
    snap = inp.snapshot
    table = Table(
        "Paths from Central Asian institutions to listed partners",
        f"The shortest chain of ties (up to {entity_list.MAX_HOPS} hops) from each Central Asian university or "
        "organisation to "
        "each listed partner; the footnotes give the documents for every hop, in order.",
        f"Metric: shortest paths (breadth-first) in the tie network; {TIE_BASIS}; catalogue `cooperation_path` "
        "(source, target) shows every fact on a chain",
        ["From", "To (listed)", "Hops", "Chain of ties"],
    )
    for path in entity_list.paths_to(snap, inp.ties, listed):
        cites: list[int] = []
        steps = []
        for a, b in path.hops:
            tie = entity_list.hop_tie(inp.ties, a, b)
            numbers = inp.citations.cite(tie.sources, limit=3)
            cites.extend(n for n in numbers if n not in cites)
            steps.append(f"{snap.name(a)} → {snap.name(b)} [{', '.join(map(str, numbers)) or 'no source'}]")
        table.add([org_label(snap, path.start), org_label(snap, path.listed), len(path.hops), "; ".join(steps)], cites)
    return table


def _quote(sentence: str, limit: int = 220) -> str:
    """A sentence cut to `limit` characters at a word boundary."""
    text = " ".join(sentence.split())
    return text if len(text) <= limit else text[: text.rfind(" ", 0, limit)] + " …"
