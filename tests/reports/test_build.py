"""A report from a realistic graph (gold-annotated real articles): every section, every citation a Document."""

from __future__ import annotations

import re
from typing import Any

import pytest

from graph.errors import Ambiguous, BadRequest, NotFound
from graph.store import GraphStore
from reports.build import SECTION_TITLES, build_report, make_scope, render
from reports.model import Report
from reports.snapshot import Scope, load_snapshot, tie_network
from tests.reports.small_graphs import build_star


@pytest.fixture
def report(gold_store: GraphStore) -> Report:
    return build_report(gold_store, Scope())


def test_every_section_is_there(report: Report) -> None:
    assert tuple(s.title for s in report.sections) == SECTION_TITLES
    titles = {t.title for s in report.sections for t in s.tables}
    for title in (
        "Entities by country and type",
        "New ties per year",
        "Agreements per year by country pair",
        "Data coverage",
        "Most partners",
        "Best documented",
        "Brokers between Central Asia and China",
        "Influence (PageRank)",
        "Communities",
        "Concentration of ties with China",
        "Ties by country pair",
        "Luban Workshop: hosts and partners",
        "Partners on the US Entity List",
        "Paths from Central Asian institutions to listed partners",
    ):
        assert title in titles


def test_every_table_names_its_basis_and_says_what_it_shows(report: Report) -> None:
    for section in report.sections:
        for table in section.tables:
            assert table.basis.startswith(("Query:", "Metric:")), table.title
            assert table.sentence.endswith("."), table.title


def test_every_citation_resolves_to_a_document_in_the_graph(gold_store: GraphStore, report: Report) -> None:
    numbers = {fn.number for fn in report.footnotes}
    cited = {n for s in report.sections for t in s.tables for row in t.cites for n in row}
    assert cited == numbers == set(range(1, len(numbers) + 1))
    for fn in report.footnotes:
        rows = gold_store.read("MATCH (d:Document {key: $k}) RETURN d.title AS title, d.url AS url", {"k": fn.key})
        assert rows, fn.key
        assert fn.title == (rows[0]["title"] or fn.title)


def test_tie_rows_cite_the_documents_that_state_the_tie(gold_store: GraphStore, report: Report) -> None:
    ties = tie_network(load_snapshot(gold_store))
    by_number = {fn.number: fn.key for fn in report.footnotes}
    [table] = [t for s in report.sections for t in s.tables if t.title == "Best-documented ties"]
    names = {(t.a, t.b) for t in ties.values()}
    assert table.rows and len(names) >= len(table.rows)
    for row, cites in zip(table.rows, table.cites, strict=True):
        weight = int(row[-1])
        assert len(cites) == min(weight, 6)
        docs = {by_number[n] for n in cites}
        assert any(docs <= t.sources and t.weight == weight for t in ties.values())


def test_entity_list_context_finds_harbin_engineering_university(report: Report) -> None:
    [section] = [s for s in report.sections if s.anchor == "risk-context"]
    listed, paths = section.tables
    assert any(row[1] == "Harbin Engineering University" for row in listed.rows)
    direct = [row for row in paths.rows if row[2] == "1" and "Harbin Engineering" in row[1]]
    assert any("Al-Farabi" in row[0] for row in direct)
    assert all(cites for cites in paths.cites)


def test_html_and_markdown_carry_every_section_and_footnote(report: Report) -> None:
    html, md = render(report, "html"), render(report, "md")
    for title in SECTION_TITLES:
        assert f">{title}</h2>" in html
        assert f"## {title}" in md
    refs = set(re.findall(r'href="#fn-(\d+)"', html))
    anchors = set(re.findall(r'id="fn-(\d+)"', html))
    assert refs and refs <= anchors
    assert set(re.findall(r"\[\^(\d+)\]:", md)) == {str(fn.number) for fn in report.footnotes}
    assert html.count("<svg") == 2
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.split('<ol class="footnotes">')[0])


def test_country_scope_keeps_ties_touching_the_country(gold_store: GraphStore) -> None:
    report = build_report(gold_store, make_scope(country="tm"))
    assert report.scope == "ties of TM"
    [matrix] = [t for s in report.sections for t in s.tables if t.title == "Ties by country pair"]
    assert [row[0] for row in matrix.rows] == ["TM"]
    [conc] = [t for s in report.sections for t in s.tables if t.title == "Concentration of ties with China"]
    assert [row[0] for row in conc.rows] == ["TM"]


def test_entity_scope_resolves_names_and_since_drops_older_facts(store: GraphStore) -> None:
    build_star(store)  # all ties dated 2024 by their documents, except the 2021 visit
    report = build_report(store, make_scope(entity="Kg X"))
    assert report.scope == "ties of Kg X"
    assert report.method["ties"] == "1"
    later = build_report(store, make_scope(since=2022))
    assert later.method["ties"] == "3"  # the 2021 visit is gone


def test_bad_scopes_are_refused(store: GraphStore) -> None:
    build_star(store)
    with pytest.raises(BadRequest):
        make_scope(country="KZ", entity="x")
    with pytest.raises(BadRequest):
        make_scope(scope="country")
    with pytest.raises(BadRequest):
        make_scope(since=20)
    with pytest.raises(BadRequest):
        build_report(store, make_scope(country="Kazakhstan"))
    with pytest.raises(NotFound):
        build_report(store, make_scope(entity="no such university"))


def test_ambiguous_entity_names_say_so(store: GraphStore, gold_data: dict[str, Any]) -> None:
    from graph.upsert import upsert_nodes

    upsert_nodes(
        store,
        label="University",
        rows=[
            {"key": "a", "props": {"name": "Same Name", "country": "KZ"}},
            {"key": "b", "props": {"name": "Same Name", "country": "CN"}},
        ],
    )
    with pytest.raises(Ambiguous):
        build_report(store, make_scope(entity="same name"))


def test_empty_graph_still_gives_every_section(store: GraphStore) -> None:
    report = build_report(store, Scope())
    assert tuple(s.title for s in report.sections) == SECTION_TITLES
    assert "Nothing in this scope." in render(report, "html")


def test_catalogue_queries_named_in_tables_exist(report: Report) -> None:
    from queries.catalog import load_catalog

    names = {q.name for q in load_catalog()}
    cited = {n for s in report.sections for t in s.tables for n in re.findall(r"catalogue `(\w+)`", t.basis)}
    assert cited >= {"agreements", "fact_sources", "country_pair", "initiative_members", "cooperation_path"}
    assert cited <= names


def test_agreements_table_agrees_with_the_catalogue(gold_store: GraphStore, report: Report) -> None:
    from queries.catalog import load_catalog

    rows = load_catalog().run(gold_store, "agreements", {"limit": 500})
    [table] = [t for s in report.sections for t in s.tables if t.title == "Agreements per year by country pair"]
    assert sum(int(row[2].split(":")[0]) for row in table.rows) == len(rows)
    by_year: dict[str, int] = {}
    for row in rows:
        year = (row["date"] or "")[:4] or "undated"
        by_year[year] = by_year.get(year, 0) + 1
    for year, count in by_year.items():
        assert sum(int(r[2].split(":")[0]) for r in table.rows if r[0] == year) == count
