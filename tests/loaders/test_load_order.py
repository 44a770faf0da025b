"""Keys do not depend on load order: the same articles loaded in two orders export the same graph."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from graph.connect import open_store
from graph.export import node_link
from graph.settings import Settings
from graph.store import GraphStore
from loaders.facts import Document
from loaders.judgements import Judgement
from loaders.names import slugify
from loaders.pipeline import load_items
from loaders.read import document_key
from loaders.reload import apply_judgement

TEXTS = [
    "Rector of Naryn State University Temirov A.K. received a delegation of Hubei University on May 3. "
    "The Embassy of Kyrgyzstan in China helped to organise the visit.",
    "Temirov A.K., rector of Naryn State University, visited Hubei University on June 9. "
    "He met the staff of the Embassy of China in Kyrgyzstan.",
    "Vice-Rector Hubei University Mr. Gao Peng said that Naryn State University named after S. Naamatov "
    "and Hubei University opened the Centre for Mountain Ecology together.",
]


@pytest.fixture
def second_store(server_store: GraphStore, settings: Settings) -> Iterator[GraphStore]:
    """A second graph on the session's server, deleted after the test."""
    graph_store = open_store(settings, graph_name=f"t_{uuid.uuid4().hex[:12]}")
    yield graph_store
    try:
        graph_store.command("GRAPH.DELETE", graph_store.graph_name)  # type: ignore[attr-defined]
    finally:
        graph_store.close()


def make_documents(texts: list[str]) -> list[Document]:
    return [
        Document(key=document_key(t), text=t, source_id=f"a{TEXTS.index(t)}", published="2024-06-10") for t in texts
    ]


def test_two_load_orders_give_the_same_export(store: GraphStore, second_store: GraphStore, settings: Settings) -> None:
    load_items(store, make_documents(TEXTS), settings=settings)
    load_items(second_store, make_documents(TEXTS[::-1]), settings=settings)
    first, second = node_link(store), node_link(second_store)
    keys = {n["id"] for n in first["nodes"]}
    assert "ak_temirov" in keys
    assert len([k for k in keys if k.startswith("embassy")]) == 2  # of Kyrgyzstan in China, of China in Kyrgyzstan
    assert keys == {n["id"] for n in second["nodes"]}
    assert first["nodes"] == second["nodes"]  # keys, names, aliases
    assert _facts(first) == _facts(second)


def _facts(graph: dict[str, list[dict[str, object]]]) -> list[tuple[object, ...]]:
    """Each link by its ends, type and sources (a property two sources state differently is the writer's)."""
    return sorted((ln["source"], ln["type"], ln["target"], str(ln.get("sources"))) for ln in graph["links"])


PERSON_TEXTS = [
    "Rector of Naryn State University Asanov B.T. received a delegation of Hubei University on May 3.",
    "Bakyt Asanov, Rector of Naryn State University, visited Hubei University on June 9. "
    "Mr. Asanov said the visit opened new horizons.",
]


def test_a_person_first_printed_with_initials_is_one_node_in_either_order(
    store: GraphStore, second_store: GraphStore, settings: Settings
) -> None:
    documents = [Document(key=document_key(t), text=t, source_id=f"p{i}") for i, t in enumerate(PERSON_TEXTS)]
    load_items(store, documents, settings=settings)
    load_items(second_store, documents[::-1], settings=settings)
    people = [_people(node_link(s)) for s in (store, second_store)]
    for found in people:
        assert len(found) == 1
        assert found[0]["name"] == "Bakyt Asanov"
        assert {"Asanov B.T.", "Bakyt Asanov"} <= set(found[0]["aliases"])
    first, second = ({k: v for k, v in p[0].items() if k != "id"} for p in people)
    assert first == second  # the key may be either form's; name, aliases and titles are the same


def _people(graph: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The graph's Person nodes."""
    return [n for n in graph["nodes"] if n.get("label") == "Person"]


RENAMED_TEXTS = [
    "On May 3, 2024 the Ust-Kamenogorsk Road and Construction College signed a memorandum of cooperation with "
    "Hubei University.",
    "On June 9, 2024 a delegation of Altai Polytechnic University (formerly Ust-Kamenogorsk Road and Construction "
    "College) visited Xinjiang University. The two universities agreed to open a joint laboratory.",
]


@pytest.mark.parametrize("former_first", [True, False])
def test_a_former_name_printed_before_the_article_that_states_it_is_one_node(
    store: GraphStore, settings: Settings, former_first: bool
) -> None:
    documents = [Document(key=document_key(t), text=t, source_id=f"r{i}") for i, t in enumerate(RENAMED_TEXTS)]
    load_items(store, documents if former_first else documents[::-1], settings=settings)
    graph = node_link(store)
    universities = {n["id"]: n for n in graph["nodes"] if n.get("label") == "University"}
    assert set(universities) == {"altai_polytechnic_university", "hubei_university", "xinjiang_university"}
    node = universities["altai_polytechnic_university"]
    assert node["name"] == "Altai Polytechnic University"
    assert "Ust-Kamenogorsk Road and Construction College" in node["aliases"]
    partners = {ln["target"] for ln in graph["links"] if ln["type"] == "COOPERATES_WITH"}
    assert partners >= {"hubei_university", "xinjiang_university"}


def test_a_split_after_a_fold_gives_the_former_name_its_node_back(store: GraphStore, settings: Settings) -> None:
    documents = [Document(key=document_key(t), text=t, source_id=f"r{i}") for i, t in enumerate(RENAMED_TEXTS)]
    load_items(store, documents, settings=settings)
    name = "Ust-Kamenogorsk Road and Construction College"
    former = slugify(name)
    judgement = Judgement(kind="split", a="altai_polytechnic_university", name=name)
    apply_judgement(store, judgement=judgement, settings=settings)
    nodes = {n["id"]: n for n in node_link(store)["nodes"]}
    assert former in nodes and "Altai Polytechnic University" not in nodes[former]["aliases"]
    assert "Ust-Kamenogorsk Road and Construction College" not in nodes["altai_polytechnic_university"]["aliases"]
