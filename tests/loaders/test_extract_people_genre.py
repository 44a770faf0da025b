"""People of the genre and the names that only look like people, each shown by a short invented text
(not corpus text): credits and bylines, places named after people, eponyms, honorifics, initials."""

from __future__ import annotations

from loaders.extract import extract
from loaders.facts import Document, Extraction
from loaders.read import document_key
from loaders.sentences import split_sentences


def make_document(text: str) -> Document:
    return Document(key=document_key(text), text=text)


def people(text: str) -> set[str]:
    extraction: Extraction = extract(make_document(text))
    return {c.names[0] for c in extraction.candidates if c.label == "Person"}


def test_bylines_and_photo_credits_name_no_one_of_the_story() -> None:
    text = (
        "Osh, 3 March 2022 | By Gulzat Temirbekova\n"
        "Almaty, Kazinform news agency, by Dana Serikova\n"
        "Rector Askar Beisenov met the guests from Lanzhou University.\n"
        "The guests toured the campus. (Xinhua/Wang Pei)\n"
        "Photo: Kun.uz / Timur Aliev\n"
        "Photographed by Liu Qing\n"
        "Sabina Karimova, UzA"
    )
    assert people(text) == {"Askar Beisenov"}


def test_a_hall_or_an_avenue_named_after_someone_is_no_person() -> None:
    text = (
        "The rector Askar Beisenov opened the exhibition in the Mukhtar Auezov hall. The campus is on the "
        "Kassym Zhomartov avenue."
    )
    assert people(text) == {"Askar Beisenov"}


def test_a_person_right_after_an_eponym_is_found() -> None:
    text = (
        "The Rector of OshSU named after B. Mamyrov Gulnara Toktogulovna Isaeva met the guests. The "
        "Vice-Rector of KazNMU named after Asfendiyarov Nurlan Serikovich Bekov attended."
    )
    found = people(text)
    assert "Gulnara Toktogulovna Isaeva" in found
    assert "Nurlan Serikovich Bekov" in found


def test_an_honourable_person_and_a_surname_said() -> None:
    text = (
        "The programme was backed by the President of the Republic, the Honorable Serdar Atayev. "
        "The Minister of Education of the Republic of Tajikistan Rahim Said received the delegation."
    )
    assert {"Serdar Atayev", "Rahim Said"} <= people(text)


def test_a_person_with_initials_after_a_faculty_is_not_part_of_its_name() -> None:
    text = (
        "Dean of the Faculty of Geology Sadykov A.K. thanked the guests. Head of the Department of Law N.T. Uulu spoke."
    )
    extraction = extract(make_document(text))
    labs = {c.names[0] for c in extraction.candidates if c.label == "Lab"}
    assert {"Faculty of Geology", "Department of Law"} <= labs
    assert {"Sadykov A.K.", "N.T. Uulu"} <= people(text)


def test_initials_before_a_comma_do_not_end_the_sentence() -> None:
    text = "Professor Nazarova G.Kh., dean of the faculty, met the guests from Xi'an."
    assert len(split_sentences(text)) == 1
    assert "Nazarova G.Kh." in people(text)


def test_the_person_a_workshop_or_a_university_is_named_after_takes_no_part() -> None:
    text = (
        "The Luban Workshop opened at Osh Technological University. It is named after the ancient craftsman "
        "Lu Ban. Lu Ban is honoured in China. Rector Mr. Wang Hai spoke."
    )
    assert people(text) == {"Wang Hai"}


def test_a_chinese_surname_printed_in_capitals() -> None:
    text = "WANG Lei, Vice President of Lanzhou Jiaotong University, welcomed the delegation of KazNU."
    assert people(text) == {"WANG Lei"}


def test_a_name_before_a_head_word_names_an_organisation_not_a_person() -> None:
    text = "Pupils of Bekmuratov Presidential Schools and Rector Askar Beisenov came to Urumqi."
    assert people(text) == {"Askar Beisenov"}
