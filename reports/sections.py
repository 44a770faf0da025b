"""The Overview, Who matters and Structure sections, from the scoped snapshot, its ties and their metrics."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

from reports import charts
from reports.entity_list import ListedPartner, match_partners
from reports.metrics import Concentration, Metrics, concentration, country_pairs
from reports.model import Chart, Citations, Section, Table
from reports.snapshot import CENTRAL_ASIA, CHINA, Snapshot, Tie, nodes_in, year_of

TOP = 10
TIE_BASIS = "ties = COOPERATES_WITH, VISITED, PART_OF and shared PARTY_TO between organisations (reports.snapshot)"


@dataclass
class Inputs:
    """Everything a section builder reads."""

    whole: Snapshot
    snapshot: Snapshot
    ties: dict[tuple[str, str], Tie]
    metrics: Metrics
    citations: Citations
    core: set[str] | None

    @cached_property
    def listed(self) -> list[ListedPartner]:
        """Organisations in the network whose name is on the Entity List (the summary and Risk context use it)."""
        return match_partners(self.snapshot, set(self.metrics.nodes))

    @cached_property
    def shares(self) -> list[Concentration]:
        """Concentration of each Central Asian country's ties with China (the summary and a table use it)."""
        return concentration(self.snapshot, self.ties)


def org_label(snapshot: Snapshot, key: str) -> str:
    """ "Name (CC)" for a table cell."""
    return f"{snapshot.name(key)} ({snapshot.country(key)})"


def overview(inp: Inputs) -> Section:
    """Entities by country and type, new ties per year, agreements per year by country pair, data coverage."""
    section = Section(
        "overview",
        "Overview",
        "What the graph holds in this scope and what it rests on: the entities, when ties first appear in the "
        "sources, the agreements signed, and the documents behind them.",
    )
    section.blocks.append(entities_table(inp))
    section.blocks.append(ties_per_year(inp))
    section.blocks.append(agreements_table(inp))
    section.blocks.extend(coverage_tables(inp))
    return section


def entities_table(inp: Inputs) -> Table:
    """Entity counts by country (rows) and type (columns)."""
    snap = inp.snapshot
    keys = set(snap.nodes) if inp.core is None else (nodes_in(snap) | inp.core) & set(snap.nodes)
    counts = Counter((_country_cell(snap, k), snap.nodes[k]["label"]) for k in keys)
    types = sorted({t for _, t in counts})
    table = Table(
        "Entities by country and type",
        "How many universities, organisations, people and other entities the graph holds, by country "
        "(“?”: an organisation whose country the sources do not give; “—”: types that have no country).",
        "Query: entity nodes in scope counted by `country` and type label; catalogue `entities` (type, country) "
        "lists them",
        ["Country", *types, "Total"],
    )
    for country in _country_order({c for c, _ in counts}):
        row = [counts.get((country, t), 0) for t in types]
        table.add([country, *row, sum(row)])
    return table


def ties_per_year(inp: Inputs) -> Chart:
    """Ties by the year they first appear (their earliest dated fact)."""
    years = Counter(t.year for t in inp.ties.values() if t.year is not None)
    undated = sum(1 for t in inp.ties.values() if t.year is None)
    data = Table(
        "New ties per year",
        "Organisation pairs by the year their tie first appears in a dated fact or source"
        + (f"; {undated} ties have no date and are not counted." if undated else "."),
        f"Metric: first year of each tie (fact date, agreement date, else earliest source publication); {TIE_BASIS}",
        ["Year", "New ties"],
    )
    for year in sorted(years):
        data.add([year, years[year]])
    svg = charts.bar_chart(dict(years), title="New ties per year", unit="new ties")
    return Chart("New ties per year", svg, data.basis, data)


def agreements_table(inp: Inputs) -> Table:
    """Agreements per year and country pair, each row citing the documents that state the parties."""
    snap = inp.snapshot
    parties: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for fact in snap.facts:
        if fact.type == "PARTY_TO":
            parties[fact.target].append((fact.source, fact.sources))
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for agreement, members in parties.items():
        year = year_of(snap.nodes.get(agreement, {}).get("date"))
        countries = "–".join(_country_order({snap.country(m) for m, _ in members}))
        groups[(str(year) if year else "undated", countries)].append(agreement)
    table = Table(
        "Agreements per year by country pair",
        "Agreements and memoranda the sources report, by year signed (or planned) and the countries of the parties.",
        "Query: catalogue `agreements` (Agreement nodes, their PARTY_TO parties and sources), grouped here by "
        "`date` year and party countries",
        ["Year", "Countries", "Agreements", "Parties"],
    )
    for (when, countries), agreements in sorted(groups.items()):
        names = "; ".join(
            f"{snap.name(a)} ({snap.nodes[a].get('status') or 'signed'})" for a in sorted(agreements) if a in snap.nodes
        )
        party_names = sorted({snap.name(m) for a in agreements for m, _ in parties[a]})
        sources = [s for a in agreements for _, srcs in parties[a] for s in srcs]
        table.add([when, countries, f"{len(agreements)}: {names}", ", ".join(party_names)], inp.citations.cite(sources))
    return table


def coverage_tables(inp: Inputs) -> list[Table]:
    """What the figures rest on: documents, publishers and years."""
    snap = inp.snapshot
    cited = {s for f in snap.facts for s in f.sources if s in snap.documents}
    years = Counter(year_of(snap.documents[d].get("published")) for d in cited)
    publishers = Counter(str(snap.documents[d].get("publisher") or "not recorded") for d in cited)
    dated = sorted(y for y in years if y is not None)
    summary = Table(
        "Data coverage",
        "The documents the facts in this report come from; every figure rests on these and on nothing else.",
        "Query: Documents named in the `sources` of the facts in scope",
        ["Measure", "Value"],
    )
    summary.add(["Documents stating facts in scope", len(cited)])
    summary.add(["Documents in the graph", len(inp.whole.documents)])
    summary.add(["Publishers", len(publishers)])
    summary.add(["Publication years", f"{dated[0]}–{dated[-1]}" if dated else "none dated"])
    summary.add(["Documents without a publication date", years.get(None, 0)])
    summary.add(["Organisations with ties / ties", f"{len(inp.metrics.nodes)} / {len(inp.ties)}"])
    if snap.dropped_undated:
        summary.add(["Undated facts left out by --since", snap.dropped_undated])
    top = Table(
        "Documents by publisher",
        "Who published the documents; a report resting on one publisher's news pages says what that publisher says.",
        "Query: Documents in scope grouped by `publisher`",
        ["Publisher", "Documents"],
    )
    for publisher, n in sorted(publishers.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]:
        top.add([publisher, n])
    return [summary, top]


def who_matters(inp: Inputs) -> Section:
    """Top organisations by each centrality, with one plain sentence per table."""
    method = inp.metrics.method
    section = Section(
        "who-matters",
        "Who matters",
        f"Centrality in the network of {method['nodes']} organisations and {method['ties']} ties "
        f"({TIE_BASIS}). Computed with {method['library']}; betweenness {method['betweenness']}.",
    )
    specs = [
        (
            "degree",
            "Most partners",
            "Organisations tied to the largest number of other organisations.",
            "Partners",
            "Metric: degree (distinct partner organisations)",
        ),
        (
            "weighted_degree",
            "Best documented",
            "Organisations whose ties are stated by the most source documents "
            "(a tie stated by three documents counts three).",
            "Source-weighted ties",
            "Metric: weighted degree, each tie weighted by its independent sources (distinct Documents)",
        ),
        (
            "brokerage",
            "Brokers between Central Asia and China",
            "Organisations that lie on the most shortest "
            "chains of ties from a Central Asian to a Chinese organisation: the go-betweens.",
            "CA–CN paths through it",
            f"Metric: betweenness restricted to Central Asian sources and Chinese targets ({method['betweenness']})",
        ),
        (
            "pagerank",
            "Influence (PageRank)",
            "Organisations tied to other well-connected organisations, counting better-documented ties more.",
            "PageRank",
            f"Metric: PageRank ({method['pagerank']})",
        ),
    ]
    for attr, title, sentence, column, basis in specs:
        section.blocks.append(_ranking(inp, attr, title=title, sentence=sentence, column=column, basis=basis))
    section.blocks.append(strongest_ties(inp))
    return section


def _ranking(inp: Inputs, attr: str, *, title: str, sentence: str, column: str, basis: str) -> Table:
    """Top organisations by one metric (ties broken by key), zero scores left out."""
    nodes = [n for n in inp.metrics.nodes.values() if getattr(n, attr) > 0]
    nodes.sort(key=lambda n: (-getattr(n, attr), n.key))
    table = Table(title, sentence, basis, ["#", "Organisation", "Type", column, "Betweenness"])
    for rank, node in enumerate(nodes[:TOP], start=1):
        table.add(
            [
                rank,
                org_label(inp.snapshot, node.key),
                inp.snapshot.nodes[node.key]["label"],
                _fmt(getattr(node, attr)),
                _fmt(node.betweenness),
            ]
        )
    return table


def strongest_ties(inp: Inputs) -> Table:
    """The ties stated by the most documents, each citing them."""
    table = Table(
        "Best-documented ties",
        "The pairs of organisations whose tie the most documents state, with those documents.",
        f"Metric: independent sources per tie; {TIE_BASIS}; catalogue `fact_sources` (a, b) gives each document "
        "with its sentence",
        ["Organisation", "Partner", "How", "First year", "Documents"],
    )
    ranked = sorted(inp.ties.values(), key=lambda t: (-t.weight, t.a, t.b))
    for tie in ranked[:TOP]:
        how = ", ".join(sorted({_how(f.type) for f in tie.facts}))
        table.add(
            [org_label(inp.snapshot, tie.a), org_label(inp.snapshot, tie.b), how, tie.year or "undated", tie.weight],
            inp.citations.cite(tie.sources),
        )
    return table


def structure(inp: Inputs) -> Section:
    """Communities, concentration of each Central Asian country's Chinese ties, the country-pair matrix."""
    section = Section(
        "structure",
        "Structure",
        "How the network clusters, how dependent each Central Asian country is on a few Chinese partners, "
        "and which countries are tied to which.",
    )
    section.blocks.append(communities_table(inp))
    section.blocks.append(concentration_table(inp))
    order, counts = country_pairs(inp.snapshot, inp.ties)
    rows = [c for c in order if c in CENTRAL_ASIA] or order
    data = Table(
        "Ties by country pair",
        "Number of organisation pairs tied across (or within) each pair of countries.",
        f"Metric: ties counted by the countries of their two organisations; {TIE_BASIS}; catalogue `country_pair` "
        "(a, b) lists the pairs behind a cell",
        ["Country", *order],
    )
    for row in rows:
        data.add([row, *(counts.get((row, col), 0) for col in order)])
    svg = charts.heatmap(rows, order, counts, title="Ties by country pair")
    section.blocks.append(Chart("Ties by country pair", svg, data.basis, data))
    return section


def communities_table(inp: Inputs) -> Table:
    """Communities (Louvain; Leiden on large networks) with their size, countries and best-connected members."""
    table = Table(
        "Communities",
        "Groups of organisations more tied to each other than to the rest, found by "
        f"{inp.metrics.method['communities'].split(', weighted')[0]}; each line is one cluster.",
        f"Metric: {inp.metrics.method['communities']}",
        ["#", "Organisations", "Countries", "Leading members"],
    )
    for number, members in enumerate(inp.metrics.communities, start=1):
        countries = Counter(inp.snapshot.country(k) for k in members)
        mix = ", ".join(f"{c} {n}" for c, n in sorted(countries.items(), key=lambda kv: (-kv[1], kv[0])))
        lead = "; ".join(inp.snapshot.name(k) for k in members[:4])
        table.add([number, len(members), mix, lead])
    return table


def concentration_table(inp: Inputs) -> Table:
    """Top-5 share and HHI of each Central Asian country's ties with Chinese organisations."""
    table = Table(
        "Concentration of ties with China",
        "For each Central Asian country, how much of its tie count with Chinese organisations its five main "
        "Chinese partners hold, and the Herfindahl–Hirschman index (10,000 = one partner holds everything; "
        "above 2,500 is usually called highly concentrated).",
        "Metric: share of top-5 Chinese partners and HHI = Σ(partner share)² × 10,000 over organisation-pair ties",
        ["Country", "Ties with CN", "CN partners", "Top-5 share", "HHI", "Top partners (ties)"],
    )
    for c in inp.shares:
        partners = "; ".join(f"{inp.snapshot.name(k)} ({n})" for k, n in c.top)
        table.add([c.country, c.ties, c.partners, f"{c.top_share:.0%}", f"{c.hhi:,.0f}", partners])
    return table


def _country_cell(snapshot: Snapshot, key: str) -> str:
    """An entity's country for the count table; "—" for types that carry none (people, agreements, …)."""
    return snapshot.country(key) if snapshot.is_org(key) or "country" in snapshot.nodes.get(key, {}) else "—"


def _how(rel_type: str) -> str:
    """How a fact type reads in a table."""
    return {"COOPERATES_WITH": "cooperation", "VISITED": "visit", "PART_OF": "unit of", "PARTY_TO": "agreement"}.get(
        rel_type, rel_type.lower()
    )


def _fmt(value: float | int) -> str:
    """Integers as they are, small fractions with three significant digits."""
    return str(value) if isinstance(value, int) else f"{value:.3g}"


def _country_order(countries: set[str]) -> list[str]:
    """Central Asia, then China, then the rest alphabetically, unknown last."""
    first = [c for c in (*CENTRAL_ASIA, CHINA) if c in countries]
    return first + sorted(countries - set(first), key=lambda c: (c in "?—", c))
