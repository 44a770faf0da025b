"""Small builders for test graphs."""

from __future__ import annotations

from typing import Any

from graph.store import GraphStore
from graph.upsert import refresh_aliases, upsert_facts, upsert_mentions, upsert_nodes


def make_fact(a: str, b: str, *, source: str, evidence: str = "", **props: Any) -> dict[str, Any]:
    """One fact row stated by one document."""
    merge = {"date": props.pop("date", None)} if "visit" in props and props.pop("visit") else {}
    return {
        "a": a,
        "b": b,
        "sources": [source],
        "evidence": [evidence or f"{a} and {b}."],
        "props": props,
        "merge": merge,
    }


def build_small_graph(store: GraphStore) -> None:
    """Two universities, a person, two documents and a few sourced facts."""
    upsert_nodes(
        store,
        label="Document",
        rows=[
            {"key": "doc_a", "props": {"source_id": "a", "title": "A", "published": "2024-02-01", "text": "A text"}},
            {"key": "doc_b", "props": {"source_id": "b", "title": "B", "text": "B text"}},
        ],
    )
    upsert_nodes(
        store,
        label="University",
        rows=[
            {"key": "kaznu", "props": {"name": "Al-Farabi Kazakh National University", "country": "KZ"}},
            {"key": "xinjiang_university", "props": {"name": "Xinjiang University", "country": "CN", "city": "Urumqi"}},
        ],
    )
    upsert_nodes(store, label="Person", rows=[{"key": "jin_gang", "props": {"name": "Jin Gang"}}])
    upsert_mentions(
        store,
        rows=[
            {"key": "kaznu", "document": "doc_a", "names": ["KazNU", "Al-Farabi Kazakh National University"]},
            {"key": "xinjiang_university", "document": "doc_a", "names": ["Xinjiang University"]},
            {"key": "kaznu", "document": "doc_b", "names": ["Al-Farabi KazNU"]},
            {"key": "xinjiang_university", "document": "doc_b", "names": ["XJU"]},
            {"key": "jin_gang", "document": "doc_b", "names": ["Mr. Jin Gang"]},
        ],
    )
    upsert_facts(
        store,
        rel_type="COOPERATES_WITH",
        rows=[
            make_fact("kaznu", "xinjiang_university", source="doc_b", evidence="B says so."),
            make_fact("kaznu", "xinjiang_university", source="doc_a", evidence="A says so."),
        ],
    )
    upsert_facts(
        store,
        rel_type="AFFILIATED_WITH",
        rows=[
            make_fact("jin_gang", "xinjiang_university", source="doc_b", title="Vice-Rector"),
        ],
    )
    upsert_facts(
        store,
        rel_type="VISITED",
        rows=[
            make_fact("kaznu", "xinjiang_university", source="doc_a", visit=True, date="2024-01-27"),
            make_fact("kaznu", "xinjiang_university", source="doc_b", visit=True),
        ],
    )
    refresh_aliases(store, keys=["kaznu", "xinjiang_university", "jin_gang"])
