"""Former names stated in the ways the genre states them, each shown by a short invented text (not corpus
text): the node of the institution takes its former name instead of a node of its own."""

from __future__ import annotations

from loaders.extract import extract
from loaders.facts import Document
from loaders.former_names import find_renamings
from loaders.read import document_key


def renamed(text: str) -> set[tuple[str, str]]:
    """(current name, former name) for every renaming the text states."""
    extraction = extract(Document(key=document_key(text), text=text))
    first = {c.local_id: c.names[0] for c in extraction.candidates}
    return {
        (first[r.current], r.name if r.current == r.former else first[r.former]) for r in find_renamings(extraction)
    }


def test_founded_in_a_year_and_a_city_as() -> None:
    text = "Osh Technological University, founded in 1963 in Osh as the Osh Technical Institute, signed the plan."
    assert ("Osh Technological University", "Osh Technical Institute") in renamed(text)


def test_known_until_a_year_as() -> None:
    text = (
        "Rector of Bukhara Engineering University Karim Saidov said the university, founded in 1930 and known "
        "until 2015 as the Bukhara Institute of Irrigation, trains engineers. Dushanbe Mining College, which was "
        "known as the Dushanbe Mining School, joined."
    )
    found = renamed(text)
    assert ("Bukhara Engineering University", "Bukhara Institute of Irrigation") in found
    assert ("Dushanbe Mining College", "Dushanbe Mining School") in found


def test_a_unit_renamed_later() -> None:
    text = (
        "In 2005, Xinjiang University and Kyrgyz National University opened a Russian language center. It was "
        "the first in the region. In 2010, the center was renamed the Confucius Institute at Kyrgyz National "
        "University."
    )
    assert ("Confucius Institute at Kyrgyz National University", "Russian language center") in renamed(text)


def test_founded_as_after_a_defined_abbreviation() -> None:
    text = "Lanzhou University (LZU), founded in 1909 in Lanzhou as the Gansu Law School, hosted the forum."
    assert ("Lanzhou University (LZU)", "Gansu Law School") in renamed(text)


def test_a_former_name_of_a_name_with_a_comma_list() -> None:
    text = (
        "The plan was backed by the Ministry of Digital Development, Innovation and Aerospace (formerly the "
        "Ministry of Information and Communications)."
    )
    assert (
        "Ministry of Digital Development, Innovation and Aerospace",
        "Ministry of Information and Communications",
    ) in renamed(text)


def test_a_described_subject_is_the_institution_whose_name_holds_its_words() -> None:
    text = (
        "The delegation of the Kyrgyz Agrarian University named after K.I. Skryabin visited Urumqi. It should be "
        "noted that the Agrarian university of Kyrgyzstan was founded in 1933 as the Kyrgyz Zootechnical Institute."
    )
    assert (
        "Kyrgyz Agrarian University named after K.I. Skryabin",
        "Kyrgyz Zootechnical Institute",
    ) in renamed(text)


def test_a_timeline_s_present_tense_renaming_and_an_aside_between_dashes() -> None:
    text = (
        "A delegation of Jilin University visited Karshi Engineering-Economics Institute (KEEI). Ten lecturers of "
        "KEEI will train at Jilin University every year.\n"
        "According to the rector, the institute – until 2018 known as Karshi Irrigation Institute – now has "
        "9,000 students.\n"
        "2016. Xinjiang Teachers College is renamed Xinjiang Normal University."
    )
    found = renamed(text)
    assert ("Karshi Engineering-Economics Institute (KEEI)", "Karshi Irrigation Institute") in found
    assert ("Xinjiang Normal University", "Xinjiang Teachers College") in found
