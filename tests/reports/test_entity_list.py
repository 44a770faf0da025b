"""Entity List matching: full names after normalisation, never bare abbreviations; paths cite every hop."""

from __future__ import annotations

import json

import pytest

from graph.store import GraphStore
from graph.upsert import upsert_facts, upsert_nodes
from reports.entity_list import DATA, load_entries, match_partners, name_key, paths_to
from reports.snapshot import load_snapshot, tie_network
from tests.conftest import SHARED
from tests.graph.factories import make_fact
from tests.reports.small_graphs import add_documents


def test_shipped_copy_matches_the_shared_data() -> None:
    shared = SHARED / "data" / "us-entity-list-china-academic" / "entity_list_china_academic.json"
    if not shared.exists():
        pytest.skip("../shared is not here")
    assert json.loads(DATA.read_text()) == json.loads(shared.read_text())
    assert len(load_entries()) == 60
    assert (DATA.parent / "SOURCE.md").read_text().count("public domain") >= 1


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("Harbin Engineering University", True),
        ("Harbin University of Engineering", True),  # same core words, other order
        ("Northwest Polytechnic University", True),  # an alias of Northwestern Polytechnical University
        ("Beihang University", True),
        ("Northwest University", False),  # a different university in Xi'an
        ("Xinjiang University", False),
        ("HEU", False),  # abbreviations identify nothing by themselves
        ("USTC", False),
    ],
)
def test_name_matching(store: GraphStore, name: str, listed: bool) -> None:
    upsert_nodes(store, label="University", rows=[{"key": "x", "props": {"name": name, "country": "CN"}}])
    snapshot = load_snapshot(store)
    assert bool(match_partners(snapshot, {"x"})) is listed


def test_only_chinese_or_unplaced_organisations_match(store: GraphStore) -> None:
    upsert_nodes(
        store,
        label="University",
        rows=[
            {"key": "kz", "props": {"name": "Tianjin University", "country": "KZ"}},
            {"key": "cn", "props": {"name": "Tianjin University", "country": "CN"}},
        ],
    )
    assert [p.key for p in match_partners(load_snapshot(store), {"kz", "cn"})] == ["cn"]


def test_name_key_ignores_abbreviations_and_empties() -> None:
    assert name_key("HEU") is None
    assert name_key("  ") is None
    assert name_key("Harbin Engineering University") == name_key("harbin  engineering university.")


def test_paths_run_from_central_asian_institutions(store: GraphStore) -> None:
    add_documents(store, "doc_1", "doc_2")
    upsert_nodes(
        store,
        label="University",
        rows=[
            {"key": "heu", "props": {"name": "Harbin Engineering University", "country": "CN"}},
            {"key": "kaznu", "props": {"name": "KazNU", "country": "KZ"}},
            {"key": "kstu", "props": {"name": "KSTU", "country": "KG"}},
        ],
    )
    upsert_facts(
        store,
        rel_type="COOPERATES_WITH",
        rows=[
            make_fact("heu", "kaznu", source="doc_1"),
            make_fact("kaznu", "kstu", source="doc_2"),
        ],
    )
    snapshot = load_snapshot(store)
    ties = tie_network(snapshot)
    listed = match_partners(snapshot, set(snapshot.nodes))
    paths = {p.start: p.hops for p in paths_to(snapshot, ties, listed)}
    assert paths == {"kaznu": (("kaznu", "heu"),), "kstu": (("kstu", "kaznu"), ("kaznu", "heu"))}
