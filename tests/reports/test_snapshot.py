"""The report's own read (graph.snapshot: projected rows) gives the same figures as the full export read."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from graph.store import GraphStore
from graph.upsert import upsert_facts
from reports.build import build_from_snapshot, render
from reports.metrics import compute_metrics
from reports.model import Report
from reports.snapshot import Scope, Snapshot, load_exported_snapshot, load_snapshot, tie_network
from tests.graph.factories import make_fact
from tests.reports.small_graphs import add_documents, add_orgs, build_star

NODE_FIELDS = ("label", "name", "aliases", "country", "date", "status")


def facts_of(snapshot: Snapshot) -> Counter[tuple[object, ...]]:
    """Facts without their evidence, sources as sets (the order a store returns them in is its own)."""
    return Counter((f.type, f.source, f.target, frozenset(f.sources), f.date) for f in snapshot.facts)


def html_of(snapshot: Snapshot, scope: Scope | None = None) -> str:
    """The rendered report, its time stamp fixed."""
    built: Report = build_from_snapshot(snapshot, scope or Scope())
    return render(replace(built, generated="fixed"), "html")


def test_store_read_holds_what_the_export_read_holds(gold_store: GraphStore) -> None:
    fast, full = load_snapshot(gold_store), load_exported_snapshot(gold_store)
    assert len(full.facts) > 100 and facts_of(fast) == facts_of(full)
    assert fast.nodes == {k: {f: n[f] for f in NODE_FIELDS if f in n} for k, n in full.nodes.items()}
    assert set(fast.documents) == set(full.documents)
    assert all(fast.documents[k]["published"] == d.get("published") for k, d in full.documents.items())
    assert fast.inferred_country == full.inferred_country
    fast_ties, full_ties = tie_network(fast), tie_network(full)
    assert {p: (t.sources, t.year, len(t.facts)) for p, t in fast_ties.items()} == {
        p: (t.sources, t.year, len(t.facts)) for p, t in full_ties.items()
    }


@pytest.mark.parametrize("scope", [Scope(), Scope("country", "KZ"), Scope("all", None, 2023)])
def test_reports_from_both_reads_are_identical(gold_store: GraphStore, scope: Scope) -> None:
    fast, full = load_snapshot(gold_store), load_exported_snapshot(gold_store)
    html = html_of(fast, scope)
    assert html == html_of(full, scope)
    assert html.count('href="#fn-') >= 5


@pytest.mark.parametrize("engine", ["networkx", "igraph"])
def test_metrics_from_both_reads_are_identical(store: GraphStore, engine: str) -> None:
    build_star(store)
    fast, full = load_snapshot(store), load_exported_snapshot(store)
    a = compute_metrics(fast, tie_network(fast), engine=engine)
    b = compute_metrics(full, tie_network(full), engine=engine)
    assert a.nodes == b.nodes and a.communities == b.communities and a.method == b.method
    assert a.nodes["kz_hub"].degree == 3 and a.nodes["kz_hub"].weighted_degree == 4


def test_only_belt_and_road_evidence_is_kept_and_quoted_from_the_right_source(store: GraphStore) -> None:
    add_documents(store, "doc_1", "doc_2", "doc_3")
    add_orgs(store, kz_a="KZ", cn_b="CN", cn_c="CN")
    rows = [
        make_fact("cn_b", "kz_a", source="doc_2", evidence="They signed under the Silk  Road Economic Belt."),
        make_fact("cn_b", "kz_a", source="doc_1", evidence="They met in Almaty."),
        make_fact("cn_c", "kz_a", source="doc_3", evidence="They met in Urumqi."),
    ]
    upsert_facts(store, rel_type="COOPERATES_WITH", rows=rows)
    fast, full = load_snapshot(store), load_exported_snapshot(store)
    kept = {(f.source, f.target): f for f in fast.facts}
    assert kept[("cn_b", "kz_a")].sources == ("doc_1", "doc_2")
    assert kept[("cn_b", "kz_a")].evidence == ("They met in Almaty.", "They signed under the Silk  Road Economic Belt.")
    assert kept[("cn_c", "kz_a")].evidence == ()
    html = html_of(fast)
    assert "Silk Road Economic Belt" in html and html == html_of(full)


def test_footnotes_carry_titles_read_for_the_cited_documents_only(store: GraphStore) -> None:
    build_star(store)
    snapshot = load_snapshot(store)
    assert "title" not in snapshot.documents["doc_1"]
    asked: list[list[str]] = []
    details = snapshot.details
    assert details is not None
    snapshot.details = lambda keys: asked.append(sorted(keys)) or details(keys)  # type: ignore[func-returns-value]
    built = build_from_snapshot(snapshot, Scope())
    assert asked == [sorted(f.key for f in built.footnotes)]
    assert {f.title for f in built.footnotes} == {f"Title {f.key}" for f in built.footnotes}
    assert all(f.url == f"https://example.org/{f.key}" for f in built.footnotes)
