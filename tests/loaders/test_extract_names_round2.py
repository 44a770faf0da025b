"""Name spans of the genre the first development sets did not show, each in an invented sentence."""

from __future__ import annotations

from loaders.extract import extract
from loaders.facts import Document
from loaders.gazetteer import cities, is_place
from loaders.read import document_key


def names(text: str, label: str) -> set[str]:
    extraction = extract(Document(key=document_key(text), text=text, published="2025-03-01"))
    return {c.names[0] for c in extraction.candidates if c.label == label}


def test_two_letter_initial_of_an_eponym_does_not_end_the_sentence() -> None:
    text = (
        "Last week the Agrarian Institute named after Zh. Tashenov welcomed a delegation of Jilin University. "
        "The Research Institute of Soil Science named after Kh. Mirzaev joined the talks."
    )
    found = names(text, "University") | names(text, "Lab") | names(text, "Organization")
    assert "Agrarian Institute named after Zh. Tashenov" in found
    assert "Research Institute of Soil Science named after Kh. Mirzaev" in found


def test_regional_administrations_are_organisations_and_akim_is_a_title() -> None:
    text = (
        "The guests held talks at the Akimat of Turkistan region with Deputy Akim Berik Zhaksylykuly, "
        "and later at the Fergana Regional Khokimiyat."
    )
    assert {"Akimat of Turkistan region", "Fergana Regional Khokimiyat"} <= names(text, "Organization")
    assert "Berik Zhaksylykuly" in names(text, "Person")


def test_a_conservatory_is_a_university() -> None:
    text = "A memorandum between the National Conservatory of Kazakhstan and Xinghai Conservatory of Music was signed."
    assert "Xinghai Conservatory of Music" in names(text, "University")


def test_hyphenated_pinyin_after_a_unit_is_the_person_not_the_unit() -> None:
    text = (
        "The guests were the Dean of the School of Mechanical Engineering Zhao Hai-feng and the rector of "
        "Osh State University."
    )
    assert "School of Mechanical Engineering" in names(text, "Lab")
    assert "Zhao Hai-feng" in names(text, "Person")


def test_regional_cities_are_places() -> None:
    assert all(is_place(city) for city in ("Termez", "Karshi", "Osh", "Aktau", "Urgench"))
    assert "Kazakh" not in cities()  # an alternate spelling that is a nationality is no city


def test_hospitals_named_in_full_are_bodies_and_a_university_s_own_stays_a_unit() -> None:
    text = (
        "Residents will train at the Second Affiliated Hospital of Xinjiang Medical University and at the "
        "Urumqi Friendship Hospital; the Gansu Provincial Center for Disease Control and Prevention joined. "
        "Later they visited Lanzhou University and its First Clinical Hospital."
    )
    organisations = names(text, "Organization")
    assert {
        "Second Affiliated Hospital of Xinjiang Medical University",
        "Urumqi Friendship Hospital",
        "Gansu Provincial Center for Disease Control and Prevention",
    } <= organisations
    assert "First Clinical Hospital" in names(text, "Lab")


def test_a_chinese_name_after_a_unit_is_the_person() -> None:
    text = (
        "The director of the Institute of Arid Land Agriculture Zhou Ming and the rector of Karshi State "
        "University met."
    )
    assert "Institute of Arid Land Agriculture" in names(text, "Lab") | names(text, "Organization")
    assert "Zhou Ming" in names(text, "Person")


def test_eponym_and_head_is_a_short_form_of_the_eponymous_name() -> None:
    text = (
        "Zhetysu University named after I. Zhansugurov hosted a delegation of Xinjiang University. "
        "The rector of Zhansugurov University thanked the guests."
    )
    extraction = extract(Document(key=document_key(text), text=text, published="2025-03-01"))
    full = next(c for c in extraction.candidates if c.names[0].startswith("Zhetysu University"))
    assert "Zhansugurov University" in full.names


def test_the_person_a_university_bears_the_name_of_takes_no_part() -> None:
    text = (
        "The rector Aibek Sultanov said the university, founded in 1952, since 1991 bears the name of the poet "
        "Zhambyl Zhabayev. The guests visited the library named after Zh. Zhabayev."
    )
    people = names(text, "Person")
    assert "Aibek Sultanov" in people
    assert not people & {"Zhambyl Zhabayev", "Zh. Zhabayev", "Zhabayev"}


def test_a_region_the_gazetteer_lacks_still_ends_a_body_s_name() -> None:
    text = "The delegation was received at the Akimat of Zhetisu region by Deputy Akim Daniyar Ospanov."
    assert "Akimat of Zhetisu region" in names(text, "Organization")


def test_a_site_menu_line_is_page_furniture() -> None:
    text = (
        "NEWS.KG  Politics  Society  Economy  Education\n"
        "Home | Press Centre | Science Council | Contacts\n\n"
        "Osh State University and Xinjiang University signed a memorandum on joint research."
    )
    found = names(text, "Organization") | names(text, "Lab")
    assert not found & {"KG  Politics  Society", "Science Council", "Press Centre"}
    assert {"Osh State University", "Xinjiang University"} <= names(text, "University")


def test_less_common_chinese_surnames_with_hyphenated_given_names() -> None:
    text = (
        "Zhang Wei, Dean of the School of Law, and Qu Yun-fei, Director of the International Office, "
        "met Nie Hong-bo of Lanzhou University."
    )
    assert {"Qu Yun-fei", "Nie Hong-bo"} <= names(text, "Person")


def test_an_eponym_before_a_university_acronym_is_the_unit_s_parent() -> None:
    text = "Students of the Faculty of Foreign Languages of Abai KazNPU spent a semester in Urumqi."
    units = names(text, "Lab")
    assert "Faculty of Foreign Languages" in units
    assert "Faculty of Foreign Languages of Abai KazNPU" not in units


def test_a_lower_case_unit_s_field_stops_before_between() -> None:
    text = (
        "They signed a memorandum on a joint research center of glaciology between the Institute of Water "
        "Problems and Lanzhou University."
    )
    assert "joint research center of glaciology" in names(text, "Lab")


def test_a_local_government_printed_in_lower_case() -> None:
    text = "The head of the Naryn regional state administration Bakyt Usenov greeted the guests from Kashgar."
    assert "Naryn regional state administration" in names(text, "Organization")
    assert "Bakyt Usenov" in names(text, "Person")


def test_a_joint_unit_retold_loosely_is_the_named_joint_unit() -> None:
    text = (
        "Osh State University and Kashgar University opened the Kyrgyz-Chinese Joint Laboratory of Arid Soil "
        "Ecology and Irrigation. The joint laboratory for irrigation research will admit ten doctoral students a year."
    )
    extraction = extract(Document(key=document_key(text), text=text, published="2025-03-01"))
    units = [c for c in extraction.candidates if c.label == "Lab"]
    assert len(units) == 1
    assert "joint laboratory for irrigation research" in units[0].names


def test_turkmen_spellings_of_people() -> None:
    text = (
        "The rector Ö. Annaýewa, Öwezmyrat Çaryýew and the Deputy Director Ýazmuhammet Şatlykow met the "
        "delegation of Jilin University."
    )
    assert {"Ö. Annaýewa", "Öwezmyrat Çaryýew", "Ýazmuhammet Şatlykow"} <= names(text, "Person")


def test_forms_of_address_are_no_people() -> None:
    text = (
        "Madam Chairperson, dear Colleagues and Honourable Guests, the rector Mr. Askar Nurlanov welcomed "
        "the delegation of Shihezi University."
    )
    assert names(text, "Person") == {"Askar Nurlanov"}


def test_a_campus_city_belongs_to_the_university_s_name() -> None:
    text = (
        "Students of China University of Mining and Technology, Beijing (CUMTB) and of China University of "
        "Geosciences (Wuhan) came to Almaty. CUMTB will host the next school."
    )
    extraction = extract(Document(key=document_key(text), text=text, published="2025-03-01"))
    by_first = {c.names[0]: c for c in extraction.candidates if c.label == "University"}
    assert "CUMTB" in by_first["China University of Mining and Technology, Beijing (CUMTB)"].names
    assert "China University of Geosciences (Wuhan)" in by_first
