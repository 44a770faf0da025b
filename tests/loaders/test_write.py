"""The writer: resolved documents → nodes, mentions and sourced facts; completion marks; replacement."""

from __future__ import annotations

import pytest

from graph.export import node_link
from graph.retract import retract_document
from graph.store import GraphStore
from loaders.facts import Candidate, Document, Entity, Extraction, Relation, Resolution
from loaders.write import DocumentPlan, document_states, write_plans

KAZNU = Entity(key="kaznu", label="University", name="Al-Farabi Kazakh National University", country="KZ")
XJU = Entity(key="xinjiang_university", label="University", name="Xinjiang University", country="CN")
PERSON = Entity(key="margulan_ibraimov", label="Person", name="Margulan Ibraimov")


def make_plan(key: str, source_id: str, *, with_person: bool = True) -> DocumentPlan:
    """A resolved document about KazNU and Xinjiang University."""
    document = Document(
        key=key, text=f"text of {key}", source_id=source_id, title=f"Title {key}", published="2024-01-27"
    )
    candidates = [
        Candidate(local_id="c1", label="University", names=["KazNU", "Al-Farabi Kazakh National University"]),
        Candidate(local_id="c2", label="University", names=["Xinjiang University"]),
    ]
    relations = [
        Relation(type="COOPERATES_WITH", a="c2", b="c1", evidence=f"They cooperate ({key})."),
        Relation(type="VISITED", a="c1", b="c2", evidence="KazNU visited XJU.", props={"date": "2024-01-27"}),
    ]
    entities = {"c1": KAZNU, "c2": XJU}
    if with_person:
        candidates.append(Candidate(local_id="c3", label="Person", names=["Margulan Ibraimov"]))
        relations.append(
            Relation(
                type="AFFILIATED_WITH", a="c3", b="c1", evidence="Ibraimov of KazNU.", props={"title": "Vice-Rector"}
            )
        )
        entities["c3"] = PERSON
    extraction = Extraction(document=document, candidates=candidates, relations=relations)
    return DocumentPlan(document=document, extraction=extraction, resolution=Resolution(entities=entities))


def test_written_graph_has_sourced_facts(store: GraphStore) -> None:
    write_plans(store, [make_plan("doc_1", "a1")])
    data = node_link(store)
    links = {(ln["source"], ln["type"], ln["target"]): ln for ln in data["links"]}
    coop = links[("kaznu", "COOPERATES_WITH", "xinjiang_university")]  # stored smaller key → larger key
    assert coop["sources"] == ["doc_1"] and coop["evidence"] == ["They cooperate (doc_1)."]
    assert links[("margulan_ibraimov", "AFFILIATED_WITH", "kaznu")]["title"] == "Vice-Rector"
    assert links[("kaznu", "VISITED", "xinjiang_university")]["date"] == "2024-01-27"
    assert links[("kaznu", "MENTIONED_IN", "doc_1")]["names"] == ["Al-Farabi Kazakh National University", "KazNU"]
    doc = next(n for n in data["nodes"] if n["id"] == "doc_1")
    assert doc["label"] == "Document" and "_complete" not in doc and doc["source_id"] == "a1"
    labels = store.read("MATCH (n:Entity {key: 'kaznu'}) RETURN labels(n) AS labels")[0]["labels"]
    assert sorted(labels) == ["Entity", "University"]


def test_document_states(store: GraphStore) -> None:
    write_plans(store, [make_plan("doc_1", "a1")])
    edited = Document(key="doc_2", text="edited", source_id="a1")
    same = Document(key="doc_1", text="text of doc_1", source_id="a1")
    fresh = Document(key="doc_3", text="other", source_id="a3")
    states = document_states(store, [edited, same, fresh])
    assert states == {"doc_2": ("replaced", ["doc_1"]), "doc_1": ("unchanged", []), "doc_3": ("new", [])}


def test_half_written_document_is_not_unchanged(store: GraphStore) -> None:
    store.write("CREATE (:Document {key: 'doc_1', source_id: 'a1'})")  # as if a load died before the mark
    assert document_states(store, [Document(key="doc_1", text="t", source_id="a1")])["doc_1"][0] == "new"


def test_replacing_a_document_keeps_other_sources(store: GraphStore) -> None:
    write_plans(store, [make_plan("doc_1", "a1"), make_plan("doc_2", "a2", with_person=False)])
    retract_document(store, doc_key="doc_1")
    write_plans(store, [make_plan("doc_1b", "a1", with_person=False)])
    data = node_link(store)
    coop = next(ln for ln in data["links"] if ln["type"] == "COOPERATES_WITH")
    assert coop["sources"] == ["doc_1b", "doc_2"]
    assert "margulan_ibraimov" not in {n["id"] for n in data["nodes"]}, "only the old version named him"


def test_writing_twice_changes_nothing(store: GraphStore) -> None:
    plans = [make_plan("doc_1", "a1"), make_plan("doc_2", "a2")]
    write_plans(store, plans)
    first = node_link(store)
    write_plans(store, plans)
    assert node_link(store) == first


def test_a_key_keeps_the_type_it_has(store: GraphStore) -> None:
    write_plans(store, [make_plan("doc_1", "a1")])
    retyped = make_plan("doc_2", "a2")
    retyped.resolution.entities["c1"] = Entity(key="kaznu", label="Organization", name="KazNU")
    also_new = make_plan("doc_3", "a3")
    also_new.resolution.entities["c2"] = Entity(key="new_key", label="Lab", name="New")
    retyped_new = make_plan("doc_4", "a4")
    retyped_new.resolution.entities["c2"] = Entity(key="new_key", label="University", name="New")
    write_plans(store, [retyped, also_new, retyped_new])  # a unique-key violation would fail the batch
    labels = {
        r["key"]: sorted(r["labels"])
        for r in store.read(
            "MATCH (n:Entity) WHERE n.key IN ['kaznu', 'new_key'] RETURN n.key AS key, labels(n) AS labels"
        )
    }
    assert labels == {"kaznu": ["Entity", "University"], "new_key": ["Entity", "Lab"]}


def titled_plan(key: str, *, title: str, titles: list[str]) -> DocumentPlan:
    """A document naming the person with one title in the text and `titles` on the person."""
    plan = make_plan(key, key.replace("doc", "a"))
    person = Entity(key=PERSON.key, label="Person", name=PERSON.name, props={"titles": titles})
    plan.resolution.entities["c3"] = person
    plan.extraction.relations[-1].props["title"] = title
    return plan


@pytest.mark.parametrize("together", [True, False])
def test_titles_two_articles_state_differently_are_all_kept(store: GraphStore, together: bool) -> None:
    first = titled_plan("doc_1", title="Vice-Rector", titles=["Vice-Rector"])
    second = titled_plan("doc_2", title="Vice-Rector for Science", titles=["vice-rector", "Vice-Rector for Science"])
    for batch in [[first, second]] if together else [[second], [first]]:
        write_plans(store, batch)
    data = node_link(store)
    node = next(n for n in data["nodes"] if n["id"] == PERSON.key)
    assert node["titles"] == ["Vice-Rector", "Vice-Rector for Science"]  # "vice-rector" is "Vice-Rector"
    link = next(ln for ln in data["links"] if ln["type"] == "AFFILIATED_WITH")
    assert link["titles"] == ["Vice-Rector", "Vice-Rector for Science"]
    assert link["title"] == "Vice-Rector for Science"  # the fuller one, whichever came last
    assert link["sources"] == ["doc_1", "doc_2"]
