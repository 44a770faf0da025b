"""extract.py on invented articles of the genre: names, coreference, titles, relations, dates."""

from __future__ import annotations

import pytest

from loaders.coref import abbreviates, same_person
from loaders.dates import find_dates
from loaders.extract import extract
from loaders.facts import Candidate, Document, Extraction
from loaders.read import document_key


def make_document(text: str, **fields: str) -> Document:
    return Document(key=document_key(text), text=text, **fields)


def by_name(extraction: Extraction, name: str) -> Candidate:
    [found] = [c for c in extraction.candidates if name in c.names]
    return found


def relations(extraction: Extraction, kind: str) -> set[tuple[str, str]]:
    names = {c.local_id: c.names[-1] if c.label == "Person" else c.names[0] for c in extraction.candidates}
    return {(names[r.a], names[r.b]) for r in extraction.relations if r.type == kind}


VISIT = (
    "A delegation from Qinghai Normal University (QNU) visited the Osh State Technical University named after "
    "B. Sydykov on March 3, 2024. The guests were greeted by Vice-Rector for Research Asel Bekmuratova. "
    "Wang Lifang, vice-president of QNU, spoke about the Laboratory of Plateau Ecology of QNU. "
    "At the end of the meeting, the parties signed a memorandum of cooperation on joint research. "
    "Both universities take part in the Belt and Road Initiative."
)


def test_organisations_with_abbreviations_and_eponyms() -> None:
    extraction = extract(make_document(VISIT, published="2024-03-05"))
    qnu = by_name(extraction, "Qinghai Normal University")
    assert qnu.label == "University" and "QNU" in qnu.names and qnu.country == "CN"
    osh = by_name(extraction, "Osh State Technical University named after B. Sydykov")
    assert osh.label == "University"
    assert by_name(extraction, "Laboratory of Plateau Ecology").label == "Lab"


def test_people_titles_and_affiliations() -> None:
    extraction = extract(make_document(VISIT, published="2024-03-05"))
    wang = by_name(extraction, "Wang Lifang")
    assert wang.label == "Person" and "vice-president of QNU" in wang.props["titles"]
    affiliated = relations(extraction, "AFFILIATED_WITH")
    assert ("Qinghai Normal University (QNU)", "Wang Lifang") not in affiliated
    pairs = {(a, b) for a, b in affiliated}
    assert ("Wang Lifang", "Qinghai Normal University (QNU)") in pairs
    assert ("Asel Bekmuratova", "Osh State Technical University named after B. Sydykov") in pairs


def test_visit_agreement_cooperation_initiative_part_of() -> None:
    extraction = extract(make_document(VISIT, published="2024-03-05"))
    qnu, osh = "Qinghai Normal University (QNU)", "Osh State Technical University named after B. Sydykov"
    assert relations(extraction, "VISITED") == {(qnu, osh)}
    visit = next(r for r in extraction.relations if r.type == "VISITED")
    assert visit.props["date"] == "2024-03-03"
    assert "visited" in visit.evidence
    assert relations(extraction, "COOPERATES_WITH") in ({(qnu, osh)}, {(osh, qnu)})
    [agreement] = [c for c in extraction.candidates if c.label == "Agreement"]
    assert agreement.props["kind"] == "memorandum" and agreement.props["status"] == "signed"
    parties = {a for a, b in relations(extraction, "PARTY_TO")}
    assert parties == {qnu, osh}
    assert ("Laboratory of Plateau Ecology", qnu) in relations(extraction, "PART_OF")


def test_initiative_names_fold_into_one() -> None:
    text = (
        "The One Belt One Road initiative, also called the Silk Road Economic Belt, was discussed. "
        "Two Luban Workshops and the Kazakhstan Luban Workshop opened at Aktobe Regional University."
    )
    extraction = extract(make_document(text))
    initiatives = [c for c in extraction.candidates if c.label == "Initiative"]
    assert len(initiatives) == 3  # the Silk Road Economic Belt is keyed on its own, as the annotators do
    belt = next(c for c in initiatives if c.props["initiative"] == "belt_and_road")
    assert "One Belt One Road initiative" in belt.names and "Silk Road Economic Belt" not in belt.names
    luban = next(c for c in initiatives if c.props["initiative"] == "luban_workshop")
    assert "Kazakhstan Luban Workshop" in luban.names
    assert ("Aktobe Regional University", "Kazakhstan Luban Workshop") in relations(extraction, "INVOLVED_IN") or (
        "Aktobe Regional University",
        luban.names[0],
    ) in relations(extraction, "INVOLVED_IN")


def test_person_name_forms_are_one_person() -> None:
    text = (
        "Rector of Naryn State University Abdyldaev T.K. met guests. "
        "Later, T.K. Abdyldaev and the rector Talant Kasymovich Abdyldaev signed nothing."
    )
    extraction = extract(make_document(text))
    people = [c for c in extraction.candidates if c.label == "Person"]
    assert len(people) == 1
    assert {"Abdyldaev T.K.", "T.K. Abdyldaev"} <= set(people[0].names)


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("KazNU", "Al-Farabi Kazakh National University", True),
        ("NWPU", "Northwestern Polytechnical University", True),
        ("XJTU", "Xi'an Jiaotong University", True),
        ("HEU", "Harbin Engineering University", True),
        ("KSTU", "Kazakh National University", False),
    ],
)
def test_abbreviations(acronym: str, name: str, expected: bool) -> None:
    assert abbreviates(acronym, name) is expected


def test_same_person_across_spellings_and_initials() -> None:
    assert same_person("Kendirbayeva D.Sh.", "Dogdurkul Kendirbaeva")
    assert same_person("Chynybaev M.K.", "Chynybaev Mirlan Koychubekovich")
    assert not same_person("Wang Zheng", "Wang Zhongliang")


def test_dates_partial_and_ranges() -> None:
    [march] = find_dates("signed an agreement in March 2024", year=None)
    assert march.value == "2024-03"
    [day] = find_dates("On May 17, the delegation", year=2024)
    assert day.value == "2024-05-17"
    assert find_dates("On May 17, the delegation", year=None) == []
    [span] = find_dates("From October 29 to November 2, 2025", year=None)
    assert (span.value, span.value_end) == ("2025-10-29", "2025-11-02")


def test_publisher_is_marked_from_the_url_host() -> None:
    text = "A delegation of Lanzhou University visited the Kazakh-British Technical University (KBTU) today."
    extraction = extract(make_document(text, publisher="kbtu.kz"))
    assert by_name(extraction, "KBTU").props.get("publisher") is True


def test_shouted_headline_is_read() -> None:
    extraction = extract(make_document("KHUJAND STATE UNIVERSITY SIGNED A MEMORANDUM\nText follows here."))
    assert by_name(extraction, "Khujand State University").label == "University"
