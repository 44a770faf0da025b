"""Organisation names of the genre, their reach and their type, each shown by a short invented text (not
corpus text): research institutes, institutes of academies and ministries, state centres, joint institutes."""

from __future__ import annotations

from loaders.extract import extract
from loaders.facts import Document
from loaders.read import document_key


def make_document(text: str) -> Document:
    return Document(key=document_key(text), text=text)


def typed(text: str) -> dict[str, str]:
    """Every name of every candidate → the candidate's label."""
    return {n: c.label for c in extract(make_document(text)).candidates for n in c.names}


def test_institutes_are_typed_by_what_they_are_part_of() -> None:
    found = typed(
        "The Uzbek Research Institute of Cotton Breeding, the Kyrgyz Research Institute of Livestock and the "
        "Xinjiang Institute of Desert Soils of the Chinese Academy of Sciences signed with the Institute of "
        "Diplomacy of the Ministry of Foreign Affairs of Kazakhstan, the Geological Institute of Turkmenistan "
        "(GIT) and the Kazakh-Chinese Joint Institute for Steppe Ecology."
    )
    assert found["Uzbek Research Institute of Cotton Breeding"] == "Organization"
    assert found["Kyrgyz Research Institute of Livestock"] == "Organization"
    assert found["Xinjiang Institute of Desert Soils"] == "Lab"
    assert found["Institute of Diplomacy"] == "University"
    assert found["Geological Institute of Turkmenistan (GIT)"] == "University"
    assert found["Kazakh-Chinese Joint Institute for Steppe Ecology"] == "Lab"


def test_a_centre_under_the_president_is_a_state_body_with_its_full_name() -> None:
    found = typed(
        "The Republican Center for Water Monitoring under the Cabinet of Ministers of the Republic of "
        "Tajikistan and the Scientific Center of Glaciology under the President of Kyrgyzstan took part."
    )
    assert found[
        "Republican Center for Water Monitoring under the Cabinet of Ministers of the Republic of Tajikistan"
    ] == ("Organization")
    assert found["Scientific Center of Glaciology under the President of Kyrgyzstan"] == "Organization"
