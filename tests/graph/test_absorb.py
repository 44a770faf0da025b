"""Folding a node into another: facts keep their sources and evidence, mentions their names, and the graph
is the one the same facts written under the kept key give."""

from __future__ import annotations

from graph.absorb import absorb_entity
from graph.export import node_link
from graph.store import GraphStore
from graph.upsert import refresh_aliases, upsert_facts, upsert_mentions, upsert_nodes
from tests.graph.factories import make_fact

DOCS = ["doc_a", "doc_b"]


def write_graph(store: GraphStore, *, old: str) -> None:
    """The institution under key `old` in doc_a and 'apu' in doc_b, with a person and partners."""
    upsert_nodes(store, label="Document", rows=[{"key": d, "props": {"source_id": d, "text": d}} for d in DOCS])
    upsert_nodes(
        store,
        label="University",
        rows=[{"key": k, "props": {"name": k}} for k in sorted({old, "apu", "aaa_partner", "zzz_partner"})],
    )
    upsert_nodes(store, label="Person", rows=[{"key": "asanov", "props": {"name": "Asanov"}}])
    upsert_mentions(
        store,
        rows=[
            {"key": old, "document": "doc_a", "names": ["Altai Mining Institute"]},
            {"key": "apu", "document": "doc_b", "names": ["Altai Polytechnic University", "Altai Mining Institute"]},
            *({"key": k, "document": d, "names": [k]} for k in ("aaa_partner", "zzz_partner", "asanov") for d in DOCS),
        ],
    )
    upsert_facts(
        store,
        rel_type="COOPERATES_WITH",
        rows=[
            make_fact(*sorted((old, "aaa_partner")), source="doc_a"),
            make_fact(*sorted((old, "zzz_partner")), source="doc_a"),
            make_fact("apu", "zzz_partner", source="doc_b"),
        ],
    )
    upsert_facts(
        store,
        rel_type="VISITED",
        rows=[
            make_fact(old, "zzz_partner", source="doc_a", visit=True, date="2024-05-03"),
            make_fact(old, "aaa_partner", source="doc_a", visit=True),
            make_fact("apu", "aaa_partner", source="doc_b", visit=True),
        ],
    )
    upsert_facts(
        store,
        rel_type="AFFILIATED_WITH",
        rows=[
            make_fact("asanov", old, source="doc_a", title="Rector"),
            make_fact("asanov", "apu", source="doc_b", title="Rector of the University"),
        ],
    )
    refresh_aliases(store, keys=[old, "apu", "aaa_partner", "zzz_partner", "asanov"])


def test_an_absorbed_node_leaves_the_graph_that_one_key_gives(store: GraphStore) -> None:
    write_graph(store, old="yyy_old")
    absorb_entity(store, drop="yyy_old", keep="apu")
    graph = node_link(store)
    assert "yyy_old" not in {n["id"] for n in graph["nodes"]}
    apu = next(n for n in graph["nodes"] if n["id"] == "apu")
    assert apu["aliases"] == ["Altai Mining Institute", "Altai Polytechnic University"]
    links = {(ln["source"], ln["type"], ln["target"], ln.get("date")): ln for ln in graph["links"]}
    assert links[("aaa_partner", "COOPERATES_WITH", "apu", None)]["sources"] == ["doc_a"]  # smaller key first
    assert links[("apu", "COOPERATES_WITH", "zzz_partner", None)]["sources"] == DOCS
    assert links[("apu", "VISITED", "zzz_partner", "2024-05-03")]["sources"] == ["doc_a"]
    assert links[("apu", "VISITED", "aaa_partner", None)]["sources"] == DOCS  # one undated visit, both sources
    rector = links[("asanov", "AFFILIATED_WITH", "apu", None)]
    assert rector["titles"] == ["Rector", "Rector of the University"] and rector["sources"] == DOCS
    mentions = [ln for ln in graph["links"] if ln["type"] == "MENTIONED_IN" and ln["source"] == "apu"]
    assert {ln["target"] for ln in mentions} == set(DOCS)


def test_absorbing_a_missing_node_changes_nothing(store: GraphStore) -> None:
    write_graph(store, old="yyy_old")
    before = node_link(store)
    absorb_entity(store, drop="no_such_key", keep="apu")
    absorb_entity(store, drop="apu", keep="apu")
    assert node_link(store) == before
