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


def test_an_eponym_before_and_ends_the_first_name() -> None:
    found = typed("The memorandum between TSPU named after N. Nizami and Lanzhou Jiaotong University was signed.")
    assert "Lanzhou Jiaotong University" in found
    assert not any(
        n.endswith("Nizami and Lanzhou Jiaotong University") for n, label in found.items() if label == "University"
    )


def test_a_unit_of_a_described_owner_stops_before_it() -> None:
    found = typed("Professors of the School of Mining and Geology of the Kyrgyz university came.")
    assert "School of Mining and Geology" in found
    assert not any("Kyrgyz" in n for n in found)


def test_units_named_by_a_language_keep_their_lower_case_fields() -> None:
    found = typed(
        "They agreed to open a Center of Russian language and regional studies at the university and a "
        "Kazakh language department at Lanzhou University. Graduates of the Uzbek institute for practice came."
    )
    assert found["Center of Russian language and regional studies"] == "Lab"
    assert found["Kazakh language department"] == "Lab"
    assert not any("practice" in n for n in found)


def test_offices_hospitals_networks_and_universities_for_a_field() -> None:
    found = typed(
        "The heads of the Office of Foreign Affairs and Exchanges of Xi'an University, its Second Affiliated "
        "Hospital, the Eurasian Universities Network (EUN) and the University for Peace and Development (UPD) met."
    )
    assert found["Office of Foreign Affairs and Exchanges"] == "Lab"
    assert found["Second Affiliated Hospital"] == "Lab"
    assert found["Eurasian Universities Network (EUN)"] == "Initiative"
    assert found["University for Peace and Development (UPD)"] == "University"


def test_companies_by_their_legal_form_and_subsidiaries_of_listed_companies() -> None:
    found = typed(
        "Interns will work at Kyzylkum Cement JSC, at Altynken Joint Venture, a mine in which China's Zijin "
        "Mining Group holds a stake, and at Alibaba Cloud. The director of Altynken JV spoke."
    )
    assert found["Kyzylkum Cement JSC"] == "Organization"
    assert found["Kyzylkum Cement"] == "Organization"
    assert "Altynken JV" in found and "Altynken Joint Venture" in found
    assert found["Zijin Mining Group"] == "Organization"
    assert "China's Zijin Mining Group" not in found
    assert found["Alibaba Cloud"] == "Organization"


def test_a_short_form_takes_the_type_of_the_full_name_it_begins() -> None:
    text = (
        "The Gansu Institute of Desert Research of the Chinese Academy of Sciences hosted the meeting. "
        "Director of the Gansu Institute Mr. Ma Lin spoke."
    )
    extraction = extract(make_document(text))
    unit = next(c for c in extraction.candidates if "Gansu Institute of Desert Research" in c.names)
    assert unit.label == "Lab"
    assert "Gansu Institute" in unit.names


def test_unit_at_an_acronym_headquarters_and_a_confucius_institute_in_a_city() -> None:
    found = typed(
        "Guests visited the Confucius Institute at TSU, founded with support of the Confucius Institute "
        "Headquarters (Hanban). Since 2016 the Confucius Institute in Bukhara has worked at BSU."
    )
    assert found["Confucius Institute at TSU"] == "Lab"
    assert found["Confucius Institute Headquarters"] == "Organization"
    assert found["Confucius Institute in Bukhara"] == "Lab"


def test_names_after_an_eponym_a_peoples_university_and_an_embassy_in_a_city() -> None:
    found = typed(
        "Signatories were Osh State University named after Kamil Toktomushev and Naryn State University. "
        "The university began as the Turkestan People's University. Guests came to the Embassy of Kyrgyzstan "
        "in the People's Republic of China in Beijing."
    )
    assert found["Naryn State University"] == "University"
    assert found["Turkestan People's University"] == "University"
    assert found["Embassy of Kyrgyzstan in the People's Republic of China"] == "Organization"
    assert not any(n.endswith("in Beijing") for n in found)


def test_a_confucius_institute_named_at_its_host_is_not_named_by_the_bare_words() -> None:
    extraction = extract(make_document("The Confucius Institute at Osh State University marked its anniversary."))
    unit = next(c for c in extraction.candidates if c.label == "Lab")
    assert "Confucius Institute at Osh State University" in unit.names
    assert "Confucius Institute" not in unit.names


def test_letters_joined_by_an_ampersand_spell_two_words_joined_by_and() -> None:
    text = (
        "Osh State University signed with the Southwest R&D University of China. The rector of Southwest "
        "Research and Development University spoke."
    )
    extraction = extract(make_document(text))
    short = next(c for c in extraction.candidates if "Southwest R&D University of China" in c.names)
    assert "Southwest Research and Development University" in short.names


def test_a_lower_case_unit_in_a_headline_is_the_named_unit_of_the_story() -> None:
    text = (
        "Kyrgyz and Chinese geologists open joint laboratory for glacier monitoring\n"
        "Osh State University and Lanzhou University opened the Kyrgyz-Chinese Joint Laboratory for Glacier "
        "Monitoring and Water Security."
    )
    labs = [c for c in extract(make_document(text)).candidates if c.label == "Lab"]
    assert len(labs) == 1
    assert "joint laboratory for glacier monitoring" in labs[0].names


def test_a_branch_after_a_units_owner_is_not_the_owners_branch() -> None:
    text = (
        "The guests visited the Institute of Desert Botany of Chinese Academy of Forestry Sciences (CAFS) "
        "branch in the Gansu, where its director spoke."
    )
    found = typed(text)
    assert found["Institute of Desert Botany"] == "Lab"
    assert not any(n.endswith("branch") for n in found)


def test_a_publishing_house_or_newspaper_named_in_quotes_is_an_organisation() -> None:
    found = typed(
        'They will publish the papers in the publishing house "Bilim Press" and in the newspaper "Kyrgyz Tuusu".'
    )
    assert found["Bilim Press"] == "Organization"
    assert found["Kyrgyz Tuusu"] == "Organization"


def test_one_belt_one_road_with_a_dash() -> None:
    found = typed('Cooperation grows within the initiative "One Belt – One Road" and One Belt-One Road projects.')
    assert found["One Belt – One Road"] == "Initiative"
    assert found["One Belt-One Road"] == "Initiative"


def test_possessive_and_title_like_words_inside_a_name() -> None:
    found = typed("The Kyrgyz National Women's Teacher Training University signed with Beijing Normal University.")
    assert found["Kyrgyz National Women's Teacher Training University"] == "University"


def test_the_council_of_a_university_is_no_entity_of_its_own() -> None:
    text = "The rector met the Chairman of the Council of Lanzhou University Mr. Yan Hua."
    found = typed(text)
    assert found["Lanzhou University"] == "University"
    assert not any(n.startswith("Council") for n in found)


def test_links_to_other_articles_name_nothing_of_the_story() -> None:
    text = (
        "Osh State University signed an agreement with Kashgar University.\n"
        "Previous: OshSU Hosts Forum on Belt and Road Education\n"
        "Next: Naryn State University Opens Chinese Language Center"
    )
    found = typed(text)
    assert "Naryn State University" not in found
    assert not any(label == "Initiative" for label in found.values())


def test_titles_listed_under_read_also_name_nothing_of_the_story() -> None:
    text = (
        "Osh State University signed an agreement with Kashgar University.\n"
        "Read also:\n"
        "Naryn State University and Lanzhou University open Chinese center\n"
        "Bishkek hosts Belt and Road forum"
    )
    found = typed(text)
    assert "Naryn State University" not in found and "Lanzhou University" not in found
    assert {"Osh State University", "Kashgar University"} <= set(found)


def test_eponyms_with_particles_and_companies_with_a_quoted_name() -> None:
    found = typed(
        "Students of Samarkand State Medical Institute named after Abu Ali ibn Sino and of the Sino-Kyrgyz "
        'Mining Company "Altynken" took part.'
    )
    assert found["Samarkand State Medical Institute named after Abu Ali ibn Sino"] == "University"
    assert found['Sino-Kyrgyz Mining Company "Altynken"'] == "Organization"
