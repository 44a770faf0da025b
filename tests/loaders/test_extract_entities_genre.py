"""Entity patterns of the genre beyond universities, each shown by a short invented text (not corpus text):
long official names, state bodies, companies, officials' titles, initials and bylines."""

from __future__ import annotations

from loaders.extract import extract
from loaders.facts import Candidate, Document, Extraction
from loaders.read import document_key
from loaders.sentences import split_sentences


def make_document(text: str, **fields: str) -> Document:
    return Document(key=document_key(text), text=text, **fields)


def names(extraction: Extraction, label: str) -> set[str]:
    return {c.names[0] for c in extraction.candidates if c.label == label}


def candidate(extraction: Extraction, name: str) -> Candidate:
    return next(c for c in extraction.candidates if name in c.names)


def relations(extraction: Extraction, kind: str) -> set[tuple[str, str]]:
    first = {c.local_id: c.names[0] for c in extraction.candidates}
    return {(first[r.a], first[r.b]) for r in extraction.relations if r.type == kind}


def test_long_official_names_keep_their_comma_lists() -> None:
    text = (
        "The forum was organised by the Ministry of Agriculture, Water Resources and Forestry of the Kyrgyz "
        "Republic. Tashkent University of Architecture, Construction and Design named after M. Ulugbek "
        "(TUACD) joined the Ministry of Education and Culture of Tajikistan in the project."
    )
    orgs = names(extract(make_document(text)), "Organization")
    universities = names(extract(make_document(text)), "University")
    assert "Ministry of Agriculture, Water Resources and Forestry of the Kyrgyz Republic" in orgs
    assert "Ministry of Education and Culture of Tajikistan" in orgs
    assert "Tashkent University of Architecture, Construction and Design named after M. Ulugbek (TUACD)" in universities
    assert not any(n.endswith((" and", ",")) for n in orgs | universities)


def test_name_lists_of_two_organisations_stay_apart() -> None:
    text = "Delegates of Samarkand State University, Bukhara State University and Fergana State University came."
    universities = names(extract(make_document(text)), "University")
    assert universities == {"Samarkand State University", "Bukhara State University", "Fergana State University"}


def test_an_official_after_an_embassy_is_not_part_of_its_name() -> None:
    text = (
        "Consul of the Consulate General of the People's Republic of China in Almaty Mr. Gao Feng and "
        "Counsellor of the Embassy of Kazakhstan in the Republic of Tajikistan Nurlan Abenov attended."
    )
    extraction = extract(make_document(text))
    orgs = names(extraction, "Organization")
    assert "Consulate General of the People's Republic of China in Almaty" in orgs
    assert "Embassy of Kazakhstan in the Republic of Tajikistan" in orgs
    assert {"Gao Feng", "Nurlan Abenov"} <= names(extraction, "Person")


def test_regional_government_bodies_are_organisations_not_units() -> None:
    text = (
        "The delegation of Naryn State University was received by the Education Department of Qinghai "
        "Province and the Sichuan Provincial Department of Commerce. Officials of the People's Government of "
        "Ningxia Hui Autonomous Region and the Science and Technology Bureau of the city met them."
    )
    extraction = extract(make_document(text))
    orgs = names(extraction, "Organization")
    assert {
        "Education Department of Qinghai Province",
        "Sichuan Provincial Department of Commerce",
        "People's Government of Ningxia Hui Autonomous Region",
    } <= orgs
    assert not names(extraction, "Lab")
    assert not relations(extraction, "PART_OF")


def test_academies_of_sciences_are_organisations() -> None:
    text = "Researchers of the Gansu Academy of Agricultural Sciences and Osh Technological University met."
    extraction = extract(make_document(text))
    assert "Gansu Academy of Agricultural Sciences" in names(extraction, "Organization")


def test_well_known_companies_and_their_national_subsidiaries() -> None:
    text = (
        "Students of Jizzakh Polytechnic Institute will do internships at ZTE, PowerChina and Uzbekneftegaz. "
        "CEO of ZTE Uzbekistan Tom Li said the Export-Import Bank of China would fund the project. "
        "The State Concern \u201cTürkmennebit\u201d also joined."
    )
    extraction = extract(make_document(text))
    orgs = names(extraction, "Organization")
    assert {"ZTE", "PowerChina", "Uzbekneftegaz", "ZTE Uzbekistan", "Export-Import Bank of China"} <= orgs
    assert any("Türkmennebit" in n for n in orgs)
    assert candidate(extraction, "ZTE").country == "CN"
    assert candidate(extraction, "Uzbekneftegaz").country == "UZ"
    assert candidate(extraction, "ZTE Uzbekistan") is not candidate(extraction, "ZTE")
    assert "Tom Li" in names(extraction, "Person")


def test_one_ministry_whether_or_not_the_republic_is_spelled_out() -> None:
    text = (
        "The Ministry of Health of the Republic of Kazakhstan supported the school. "
        "A letter of the Ministry of Health of Kazakhstan was read."
    )
    orgs = [c for c in extract(make_document(text)).candidates if c.label == "Organization"]
    assert len(orgs) == 1


def test_russian_style_initials_are_kept_whole() -> None:
    text = (
        "The meeting was attended by Vice-Rector for research Karimova D.Sh. and Dean Usmonov B.A. of the "
        "Faculty of Energy. Rector Khodjaev Sh.R. thanked the guests; the lecture was named after N. Kuliev."
    )
    assert len(split_sentences(text)) == 2
    people = names(extract(make_document(text)), "Person")
    assert {"Karimova D.Sh.", "Usmonov B.A.", "Khodjaev Sh.R."} <= people


def test_title_words_are_not_glued_to_a_name() -> None:
    text = (
        "The guests were received by the Deputy Minister of Industry and Science Nazarova M.T. "
        "First Deputy Minister of Higher and Secondary Education Tursunov A.A. also spoke."
    )
    extraction = extract(make_document(text))
    assert names(extraction, "Person") == {"Nazarova M.T.", "Tursunov A.A."}
    nazarova = candidate(extraction, "Nazarova M.T.")
    assert nazarova.props["titles"] == ["Deputy Minister of Industry and Science"]


def test_long_title_before_a_name_is_the_title() -> None:
    text = (
        "Vice Minister of Energy, Industry and Mineral Resources of the Republic of Kazakhstan Askar Beisenov, "
        "Rector of Aktobe Regional University Marat Kuanyshev and President of Sinohydro Liu Qiang attended."
    )
    extraction = extract(make_document(text))
    beisenov = candidate(extraction, "Askar Beisenov")
    assert beisenov.props["titles"] == [
        "Vice Minister of Energy, Industry and Mineral Resources of the Republic of Kazakhstan"
    ]
    assert candidate(extraction, "Marat Kuanyshev").props["titles"] == ["Rector of Aktobe Regional University"]
    assert ("Liu Qiang", "Sinohydro") in relations(extraction, "AFFILIATED_WITH")


def test_bylines_and_editors_are_not_people() -> None:
    text = (
        "Shanghai University hosted students from Kyrgyzstan. Rector Wang Jun welcomed them.\n"
        "By Zhang Wei\nEditor: Chen Hui\n(Edited by: Sun Li)\nAuthor: Liu Ming   Date: 2024-05-01\n"
        "Photo by Zhao Lei"
    )
    assert names(extract(make_document(text)), "Person") == {"Wang Jun"}


def test_a_chinese_surname_at_the_end_of_a_sentence_is_no_initial() -> None:
    text = "The memorandum was signed by the general manager of CRBC Kazakhstan Mr. Ma Wu."
    assert "Ma Wu" in names(extract(make_document(text)), "Person")


def test_news_agency_mastheads_and_source_lines_are_no_entities() -> None:
    text = (
        "STEPPE NEWS | National News Agency of Kyrgyzstan (NNAK)\n\n"
        "Naryn State University and Hubei University opened a joint laboratory.\n\n"
        "Source: Tengrinews | 2024-03-02 | Editor: Aibek Osmonov\n"
        "Zhetysu Information Agency reports that the rector attended."
    )
    extraction = extract(make_document(text))
    names = {n for c in extraction.candidates for n in c.names}
    assert {"Naryn State University", "Hubei University"} <= names
    assert not any("Agency" in n or n in {"NNAK", "Tengrinews"} for n in names)


def test_an_eponym_keeps_given_name_and_surname() -> None:
    text = (
        "Naryn State University named after Jusup Balasagyn and the Fergana Institute named after Mirzo Ulugbek "
        "Karimov B.T. signed a memorandum; the rector of TTU named after M. Osimi Davlatzoda Kh.A. attended."
    )
    names = {n for c in extract(make_document(text)).candidates for n in c.names}
    assert "Naryn State University named after Jusup Balasagyn" in names
    assert "Fergana Institute named after Mirzo Ulugbek" in names
    assert "TTU named after M. Osimi" in names
    assert not any("Karimov" in n and "Institute" in n for n in names)
