"""Within-document coreference the relation rules rely on: invented sentences (names not from any corpus)."""

from __future__ import annotations

from loaders.coref import same_person
from tests.loaders.test_relations_genre import run


def test_a_digraph_initial_is_the_given_name_it_starts() -> None:
    assert same_person("Abenov Zh.K.", "Zhandos Kairatovich Abenov")
    assert same_person("Abenov Z.K.", "Zhandos Abenov")
    assert not same_person("Abenov Zh.", "Zukhra Abenova")


def test_an_acronym_two_names_could_abbreviate_goes_to_the_one_it_spells_out() -> None:
    text = (
        'The centre opened at the "Samarkand Institute of Veterinary Medicine and Engineering" (SIVME) in May. '
        "Rector of SIVME Aziz Karimov said the institute, known until 2019 as the Samarkand Institute of "
        "Veterinary Medicine, trains 6,000 students. SIVME and Hubei University signed an agreement on June 3."
    )
    extraction = run(text)
    full = next(c for c in extraction.candidates if c.names[0].endswith("Medicine and Engineering"))
    assert "SIVME" in full.names


def test_an_ampersand_abbreviation_is_the_words_it_stands_for() -> None:
    text = (
        "Karshi State University and Hubei A&F University opened a joint laboratory. Vice-President of Hubei "
        "Agriculture and Forestry University Mr. Zhao Ming spoke at the ceremony."
    )
    universities = [c for c in run(text).candidates if c.label == "University"]
    assert len(universities) == 2
