"""evaluate.py pinned on small hand-made graphs with hand-computed precision, recall, F1, fragmentation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import BadRequest
from loaders.evaluate import format_report, gold_files, load_gold, normalise_name, score

GOLD = [
    {
        "id": "a1",
        "gold": {
            "entities": [
                {"key": "kaznu", "type": "University", "names": ["Al-Farabi Kazakh National University", "KazNU"]},
                {"key": "heu", "type": "University", "names": ["Harbin Engineering University", "HEU"]},
                {"key": "ibraimov", "type": "Person", "names": ["Margulan Ibraimov"]},
                {"key": "ci_a", "type": "Lab", "names": ["Confucius Institute at A", "Confucius Institute"]},
            ],
            "relations": [
                {"type": "COOPERATES_WITH", "a": "kaznu", "b": "heu"},
                {"type": "AFFILIATED_WITH", "person": "ibraimov", "org": "kaznu", "title": "Vice-Rector"},
                {"type": "SIGNED_AGREEMENT", "parties": ["kaznu", "heu"], "kind": "memorandum"},
                {"type": "SIGNED_AGREEMENT", "parties": ["kaznu", "ci_a"], "status": "planned"},
                {"type": "VISITED", "visitor": "heu", "host": "kaznu", "date": None},
            ],
        },
    },
    {
        "id": "a2",
        "gold": {
            "entities": [
                {"key": "ci_b", "type": "Lab", "names": ["Confucius Institute at B", "Confucius Institute"]},
                {"key": "heu", "type": "University", "names": ["Harbin University of Engineering"]},
            ],
            "relations": [{"type": "PART_OF", "unit": "ci_b", "org": "heu"}],
        },
    },
]


def node(key: str, label: str, name: str, *aliases: str, **props: object) -> dict:
    return {"id": key, "label": label, "name": name, "aliases": list(aliases), **props}


def test_normalise_name_drops_case_accents_punctuation_honorifics() -> None:
    assert normalise_name("Mr. Xu Xianyi") == "xu xianyi"
    assert normalise_name("Professor  Zhou-Jianping") == "zhou jianping"
    assert normalise_name("Xi’an Jiaotong University") == normalise_name("Xi'an jiaotong university")
    assert normalise_name("Tuimebaev") != normalise_name("Tuimebayev")


def test_entities_per_type_and_fragmentation() -> None:
    graph = {
        "nodes": [
            node("n1", "University", "KazNU"),  # matches kaznu
            node("n2", "University", "Al-Farabi Kazakh National University"),  # kaznu again: fragment
            node("n3", "University", "Harbin University of Engineering"),  # heu (name from the other article)
            node("n4", "Person", "Mr. Margulan Ibraimov"),  # honorific dropped
            node("n5", "Lab", "Confucius Institute"),  # name shared by two gold keys: matches nothing
            node("n6", "Organization", "KazNU"),  # right name, wrong type: spurious
            node("n7", "City", "Almaty"),  # not a gold type: ignored
        ],
        "links": [],
    }
    report = score(graph, GOLD)
    uni = report.entities["University"]
    assert (uni.correct_predicted, uni.predicted, uni.correct_expected, uni.expected) == (3, 3, 2, 2)
    lab = report.entities["Lab"]
    assert (lab.precision, lab.recall) == (0.0, 0.0)
    total = report.entity_total
    # typed nodes 6, matching 4 → P = 4/6; gold keys 5, found 3 → R = 3/5
    assert total.precision == pytest.approx(4 / 6)
    assert total.recall == pytest.approx(3 / 5)
    assert total.f1 == pytest.approx(2 * (4 / 6) * (3 / 5) / (4 / 6 + 3 / 5))
    assert report.fragmentation == pytest.approx(4 / 3)
    assert "Lab ci_a" in report.missed_entities
    assert "Organization 'KazNU'" in report.spurious_entities
    assert report.fragmented_entities == ["kaznu: 'Al-Farabi Kazakh National University' (n2) | 'KazNU' (n1)"]
    text = format_report(report)
    assert "Fragmented entities (nodes per gold entity) (1):" in text
    assert text.index("Fragmented entities") > text.index("Spurious relations")


def test_relations_as_key_tuples() -> None:
    graph = {
        "nodes": [
            node("k", "University", "KazNU"),
            node("h", "University", "HEU"),
            node("p", "Person", "Margulan Ibraimov"),
            node("ag", "Agreement", "memorandum", status="signed"),
            node("pl", "Agreement", "plan", status="planned"),
            node("x", "University", "Unknown University"),
            node("ev", "Event", "Forum"),
        ],
        "links": [
            {"source": "h", "target": "k", "type": "COOPERATES_WITH"},  # reversed: still right (unordered)
            {"source": "p", "target": "k", "type": "AFFILIATED_WITH", "title": "Rector"},  # right
            {"source": "k", "target": "ag", "type": "PARTY_TO"},
            {"source": "h", "target": "ag", "type": "PARTY_TO"},  # SIGNED_AGREEMENT kaznu|heu right
            {"source": "k", "target": "pl", "type": "PARTY_TO"},  # planned: not scored
            {"source": "k", "target": "h", "type": "VISITED"},  # wrong direction
            {"source": "x", "target": "k", "type": "COOPERATES_WITH"},  # unmatched node: spurious
            {"source": "k", "target": "ev", "type": "INVOLVED_IN"},  # Event: not scored
        ],
    }
    report = score(graph, GOLD)
    rel = report.relations
    assert (rel["COOPERATES_WITH"].correct_predicted, rel["COOPERATES_WITH"].predicted) == (1, 2)
    assert rel["AFFILIATED_WITH"].f1 == 1.0
    assert rel["SIGNED_AGREEMENT"].f1 == 1.0
    assert (rel["VISITED"].precision, rel["VISITED"].recall) == (0.0, 0.0)
    assert (rel["PART_OF"].predicted, rel["PART_OF"].expected) == (0, 1)
    total = report.relation_total
    # predicted 5 tuples, 3 right; gold 5 (planned excluded), 3 found
    assert (total.correct_predicted, total.predicted, total.correct_expected, total.expected) == (3, 5, 3, 5)
    assert "VISITED heu | kaznu" in report.missed_relations
    assert "VISITED kaznu | heu" in report.spurious_relations


def test_report_ends_with_four_summary_lines() -> None:
    graph = {"nodes": [node("k", "University", "KazNU")], "links": []}
    lines = format_report(score(graph, GOLD)).splitlines()[-4:]
    assert lines[0].startswith("entities: P=1.000 R=0.200")
    assert lines[1].startswith("fragmentation: 1.000")
    assert lines[2] == "relations: P=0.000 R=0.000 F1=0.000"
    assert lines[3].startswith("summary: entity_f1=0.333")


def test_only_files_with_gold_are_loaded_or_scored(tmp_path: Path) -> None:
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "README.md").write_text("# how the set was made\nXinjiang University signed ...")
    (tmp_path / "set" / "plain.json").write_text(json.dumps({"id": "p", "text": "No gold here."}))
    (tmp_path / "set" / "a.json").write_text(json.dumps(GOLD))
    assert gold_files([tmp_path / "set"]) == [tmp_path / "set" / "a.json"]
    assert [doc["id"] for doc in load_gold([tmp_path / "set"])] == ["a1", "a2"]
    (tmp_path / "set" / "broken.json").write_text("{")
    with pytest.raises(BadRequest, match=r"broken\.json"):
        gold_files([tmp_path / "set"])
