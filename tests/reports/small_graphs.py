"""Hand-built graphs whose metrics are worked out by hand in the tests."""

from __future__ import annotations

from graph.store import GraphStore
from graph.upsert import upsert_facts, upsert_nodes
from tests.graph.factories import make_fact


def add_documents(store: GraphStore, *keys: str, published: str = "2024-03-01") -> None:
    """Documents with a title, publisher, date and URL."""
    rows = [
        {
            "key": k,
            "props": {
                "source_id": k,
                "title": f"Title {k}",
                "publisher": "Pub",
                "published": published,
                "url": f"https://example.org/{k}",
                "text": k,
            },
        }
        for k in keys
    ]
    upsert_nodes(store, label="Document", rows=rows)


def add_orgs(store: GraphStore, **countries: str) -> None:
    """Universities keyed by name, each in its country."""
    rows = [{"key": k, "props": {"name": k.replace("_", " ").title(), "country": c}} for k, c in countries.items()]
    upsert_nodes(store, label="University", rows=rows)


def build_star(store: GraphStore) -> None:
    """KZ hub tied to three Chinese universities (hub–cn_a stated twice), and KG kg_x that visited cn_a.

    kg_x ── cn_a ══ kz_hub ── cn_b
                      │
                      cn_c
    """
    add_documents(store, "doc_1", "doc_2", "doc_3", "doc_4")
    add_orgs(store, kz_hub="KZ", kg_x="KG", cn_a="CN", cn_b="CN", cn_c="CN")
    upsert_facts(
        store,
        rel_type="COOPERATES_WITH",
        rows=[
            make_fact("cn_a", "kz_hub", source="doc_1"),
            make_fact("cn_a", "kz_hub", source="doc_2"),
            make_fact("cn_b", "kz_hub", source="doc_1"),
            make_fact("cn_c", "kz_hub", source="doc_3"),
        ],
    )
    upsert_facts(
        store,
        rel_type="VISITED",
        rows=[
            make_fact("kg_x", "cn_a", source="doc_4", visit=True, date="2021-05-04"),
        ],
    )


def build_spread(store: GraphStore) -> None:
    """KZ k1 tied to six Chinese partners, KZ k2 tied to cn1 as well: cn1 holds 2 of KZ's 7 ties."""
    add_documents(store, "doc_1")
    add_orgs(store, k1="KZ", k2="KZ", **{f"cn{i}": "CN" for i in range(1, 7)})
    rows = [make_fact(f"cn{i}", "k1", source="doc_1") for i in range(1, 7)]
    rows.append(make_fact("cn1", "k2", source="doc_1"))
    upsert_facts(store, rel_type="COOPERATES_WITH", rows=rows)


def build_two_cliques(store: GraphStore) -> None:
    """Two triangles (KZ side, CN side) joined by one tie: Louvain must find the two."""
    add_documents(store, "doc_1")
    add_orgs(store, k1="KZ", k2="KZ", k3="KZ", c1="CN", c2="CN", c3="CN")
    pairs = [("k1", "k2"), ("k1", "k3"), ("k2", "k3"), ("c1", "c2"), ("c1", "c3"), ("c2", "c3"), ("c1", "k1")]
    upsert_facts(store, rel_type="COOPERATES_WITH", rows=[make_fact(a, b, source="doc_1") for a, b in pairs])
