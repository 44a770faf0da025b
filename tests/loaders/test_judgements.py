"""Analyst judgements: stored as JSON lines, applied inside resolve on every load, and as graph operations."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import BadRequest
from loaders.judgements import Judgement, Judgements, MergeEntities, RenameEntity, SplitName
from tests.loaders.test_resolve import Loader, make_candidate


def test_judgements_persist_and_reload(tmp_path: Path) -> None:
    path = tmp_path / "judgements.jsonl"
    judgements = Judgements.load(path)
    judgements.record(path, Judgement(kind="merge", a="keep_me", b="drop_me"))
    judgements.record(path, Judgement(kind="rename", a="keep_me", name="Kept"))
    again = Judgements.load(path)
    assert again.canonical("drop_me") == "keep_me"
    assert again.name_for("keep_me") == "Kept"
    assert len(path.read_text().splitlines()) == 2


def test_bad_judgements_are_refused(tmp_path: Path) -> None:
    with pytest.raises(BadRequest):
        Judgement(kind="merge", a="x", b="x")
    with pytest.raises(BadRequest):
        Judgement(kind="explode", a="x")
    path = tmp_path / "j.jsonl"
    path.write_text("{not json\n")
    with pytest.raises(BadRequest, match=r"j\.jsonl:1"):
        Judgements.load(path)


def test_merge_is_applied_on_every_load() -> None:
    loader = Loader(Judgements([Judgement(kind="merge", a="harbin_engineering_university", b="hrbeu_lab_x")]))
    keys = loader.keys(make_candidate("Organization", "HRBEU Lab X"))
    assert keys == ["harbin_engineering_university"]


def test_not_same_keeps_an_automatic_match_apart() -> None:
    plain = Loader()
    assert plain.keys(make_candidate("University", "Northwest Polytechnical University")) == [
        "northwestern_polytechnical_university"
    ]
    judged = Loader(
        Judgements(
            [
                Judgement(
                    kind="not-same", a="northwestern_polytechnical_university", b="northwest_polytechnical_university"
                )
            ]
        )
    )
    assert judged.keys(make_candidate("University", "Northwest Polytechnical University")) == [
        "northwest_polytechnical_university"
    ]


def test_not_same_cancels_an_earlier_merge() -> None:
    judgements = Judgements(
        [Judgement(kind="merge", a="a_key", b="b_key"), Judgement(kind="not-same", a="a_key", b="b_key")]
    )
    assert judgements.canonical("b_key") == "b_key"


def test_split_separates_a_name_from_an_entity() -> None:
    judged = Loader(
        Judgements(
            [
                Judgement(
                    kind="split",
                    a="northwest_university",
                    name="Northwestern University",
                    b="northwestern_university_us",
                )
            ]
        )
    )
    assert judged.keys(make_candidate("University", "Northwestern University")) == ["northwestern_university_us"]
    assert judged.keys(make_candidate("University", "Northwest University")) == ["northwest_university"]


def test_split_without_name_undoes_merges() -> None:
    judgements = Judgements([Judgement(kind="merge", a="a_key", b="b_key"), Judgement(kind="split", a="a_key")])
    assert judgements.canonical("b_key") == "b_key"


def test_rename_changes_the_name_not_the_key() -> None:
    judged = Loader(Judgements([Judgement(kind="rename", a="harbin_engineering_university", name="HEU (Harbin)")]))
    resolution_keys = judged.keys(make_candidate("University", "Harbin Engineering University"))
    assert resolution_keys == ["harbin_engineering_university"]
    assert judged.index.get("harbin_engineering_university").name == "HEU (Harbin)"  # type: ignore[union-attr]


def test_graph_operations_for_existing_keys() -> None:
    judgements = Judgements(
        [
            Judgement(kind="merge", a="keep", b="drop"),
            Judgement(kind="merge", a="keep", b="absent"),
            Judgement(kind="rename", a="keep", name="Kept"),
            Judgement(kind="split", a="keep", name="Other Name"),
        ]
    )
    assert judgements.graph_operations({"keep", "drop"}) == [
        MergeEntities(keep="keep", drop="drop"),
        RenameEntity(key="keep", name="Kept"),
        SplitName(key="keep", name="other name", new_key="other_name"),
    ]


def test_merge_chains_resolve_to_the_last_keeper_without_cycles() -> None:
    judgements = Judgements(
        [
            Judgement(kind="merge", a="b", b="c"),
            Judgement(kind="merge", a="a", b="b"),
            Judgement(kind="merge", a="c", b="a"),
        ]
    )
    assert judgements.canonical("c") == "a"
    assert judgements.canonical("a") == "a"


def test_cli_records_judgements_and_renames_in_the_live_graph(
    store: object, settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from api.cli_entities import entities_app
    from graph.settings import get_settings

    graph_store = store  # the fixture's own graph
    graph_store.write(  # type: ignore[attr-defined]
        "CREATE (:Entity:University {key: 'heu', name: 'HEU', aliases: ['HEU'], country: 'CN'})"
    )
    monkeypatch.setenv("COOPGRAPH_DATA_DIR", str(settings.data_dir))  # type: ignore[attr-defined]
    monkeypatch.setenv("COOPGRAPH_GRAPH_NAME", graph_store.graph_name)  # type: ignore[attr-defined]
    get_settings.cache_clear()
    runner = CliRunner()
    result = runner.invoke(entities_app, ["rename", "heu", "Harbin Engineering University"])
    assert result.exit_code == 0, result.output
    rows = graph_store.read("MATCH (n:Entity {key: 'heu'}) RETURN n.name AS name")  # type: ignore[attr-defined]
    assert rows == [{"name": "Harbin Engineering University"}]
    shown = runner.invoke(entities_app, ["show", "heu"])
    assert shown.exit_code == 0 and '"rename"' in shown.output
    listed = runner.invoke(entities_app, ["list", "--label", "University"])
    assert '"heu"' in listed.output
    assert Judgements.load(get_settings().judgements_path).name_for("heu") == "Harbin Engineering University"


def test_a_person_renamed_by_the_analyst_keeps_that_name_when_a_fuller_form_arrives() -> None:
    judged = Loader(Judgements([Judgement(kind="rename", a="bt_asanov", name="B.T. Asanov (rector)")]))
    first = judged.keys(make_candidate("Person", "Asanov B.T."))
    later = judged.keys(make_candidate("Person", "Bakyt Tursunovich Asanov"))
    assert first == later == ["bt_asanov"]
    assert judged.last.entities[next(iter(judged.last.entities))].name == "B.T. Asanov (rector)"


def test_not_same_keeps_a_fuller_form_off_the_person_it_would_join() -> None:
    judged = Loader(Judgements([Judgement(kind="not-same", a="bt_asanov", b="bakyt_asanov")]))
    judged.keys(make_candidate("Person", "Asanov B.T."))
    assert judged.keys(make_candidate("Person", "Bakyt Asanov")) == ["bakyt_asanov"]


def test_a_merge_of_two_people_wins_over_their_different_initials() -> None:
    judged = Loader(Judgements([Judgement(kind="merge", a="bt_asanov", b="bk_asanov")]))
    assert judged.keys(make_candidate("Person", "Asanov B.T.")) == ["bt_asanov"]
    assert judged.keys(make_candidate("Person", "Asanov B.K.")) == ["bt_asanov"]


def test_a_stated_former_name_follows_a_merge_and_a_rename() -> None:
    judged = Loader(
        Judgements(
            [
                Judgement(kind="merge", a="altai_university", b="altai_polytechnic_university"),
                Judgement(kind="rename", a="altai_university", name="Altai University"),
            ]
        )
    )
    keys = judged.keys(
        make_candidate("University", "Altai Polytechnic University"),
        make_candidate("University", "Altai Mining Institute"),
        text="Altai Polytechnic University (formerly Altai Mining Institute) hosted a forum.",
    )
    assert keys == ["altai_university", "altai_university"]
    assert {e.name for e in judged.last.entities.values()} == {"Altai University"}
