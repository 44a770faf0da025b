"""VISITED shapes of the genre, and the lists, programmes and ministries around them, each shown by a short
invented article (names not from any corpus)."""

from __future__ import annotations

from loaders.extract import extract
from loaders.facts import Document, Extraction
from loaders.read import document_key


def run(text: str, published: str = "2023-09-20") -> Extraction:
    return extract(Document(key=document_key(text), text=text, published=published))


def relations(extraction: Extraction, kind: str) -> set[tuple[str, str]]:
    names = {c.local_id: c.names[0] for c in extraction.candidates}
    return {(names[r.a], names[r.b]) for r in extraction.relations if r.type == kind}


def visits(text: str) -> set[tuple[str, str]]:
    return relations(run(text), "VISITED")


def test_officials_attending_an_opening_at_a_university_visited_it() -> None:
    text = (
        "A Silk Robotics Center opened at Termez Polytechnic University on Monday.\n\n"
        "The opening ceremony was attended by Deputy Minister of Innovation of the Republic of Uzbekistan "
        "Bobur Rashidov, Counsellor of the Embassy of the People's Republic of China in Uzbekistan Gao Min "
        "and rector of Termez Polytechnic University Anvar Kholov."
    )
    found = visits(text)
    assert ("Embassy of the People's Republic of China in Uzbekistan", "Termez Polytechnic University") in found
    assert any(visitor.startswith("Ministry of Innovation") for visitor, _ in found)
    assert all(host == "Termez Polytechnic University" for _, host in found)


def test_a_ceremony_with_no_organisation_as_venue_names_no_host() -> None:
    text = (
        "ASHGABAT, May 4. Murgab Agricultural University and Hebei Water Institute signed an agreement at an "
        "exhibition held in the capital. The ceremony was attended by the representatives of the Embassy of "
        "the People's Republic of China in Turkmenistan."
    )
    assert not visits(text)


def test_received_by_an_official_is_a_visit_to_the_official_s_ministry() -> None:
    text = (
        "A delegation of Qilian Normal University arrived in Khujand on May 3. On May 4, as the press service "
        "of the Ministry of Labour of the Republic of Tajikistan reported, the Chinese guests were received by "
        "the Deputy Minister of Labour Saidov K.M."
    )
    assert ("Qilian Normal University", "Ministry of Labour of the Republic of Tajikistan") in visits(text)


def test_delegation_received_in_a_provincial_department() -> None:
    text = (
        "The delegation of Naryn State University visited Yili Normal University on 3 June. "
        "On 4 June the members of the delegation were received in the Education Department of Qinghai Province."
    )
    found = visits(text)
    assert ("Naryn State University", "Education Department of Qinghai Province") in found


def test_rector_leading_a_delegation_to_a_city_visits_the_university_there() -> None:
    text = (
        "Xining University signed an agreement with Naryn State University on Friday.\n\n"
        "Bakyt Osmonov, rector of Naryn State University, who was leading a delegation to Xining from "
        "Sept. 10 to 14, said the partners will exchange students.\n\n"
        "The delegation was also received by officials of the Education Department of Qinghai Province."
    )
    extraction = run(text)
    found = relations(extraction, "VISITED")
    assert ("Naryn State University", "Xining University") in found
    assert ("Naryn State University", "Education Department of Qinghai Province") in found
    visit = next(r for r in extraction.relations if r.type == "VISITED" and r.props.get("date_end"))
    assert (visit.props["date"], visit.props["date_end"]) == ("2023-09-10", "2023-09-14")


def test_past_visit_to_a_city_then_a_company_oilfield() -> None:
    text = (
        "Balkan Oil Institute and Dongying University signed a memorandum on Monday. "
        "It should be recalled that in June a delegation of the Turkmen oil institute visited Dongying, where "
        "got acquainted with the laboratories of Dongying University, and also visited the Gudao Oilfield of "
        "PetroChina."
    )
    found = visits(text)
    assert ("Balkan Oil Institute", "Dongying University") in found
    assert any(host.startswith("Gudao Oilfield") for _, host in found)


def test_planned_and_invited_visits_and_visits_to_cities_are_not_visits() -> None:
    text = (
        "Kulob State University hosted a delegation of Gansu Agricultural University on March 2. "
        "A delegation of Kulob State University will visit Lanzhou in November. "
        "The rector invited Gansu Agricultural University to visit Kulob Medical College next year."
    )
    assert visits(text) == {("Gansu Agricultural University", "Kulob State University")}


def test_a_planned_delegation_does_not_replace_the_travelling_one() -> None:
    text = (
        "A delegation from Fergana Polytechnic Institute paid a visit to Baotou University of Science on May 2. "
        "The next memorandum is expected to be signed when a Baotou University of Science delegation visits Fergana. "
        "During the stay, the delegation visited the Baotou Iron and Steel Company."
    )
    assert ("Fergana Polytechnic Institute", "Baotou Iron and Steel Company") in visits(text)


def test_each_line_of_a_signing_list_is_its_own_agreement() -> None:
    text = (
        "The following documents were signed during the forum:\n"
        "- Osh Technological University and Kashi Vocational College: memorandum on joint training;\n"
        "- Talas State University and Hotan Normal College: agreement on student exchange;\n"
        "• Batken State University – Aksu University: memorandum on research cooperation."
    )
    extraction = run(text)
    names = {c.local_id: c.names[0] for c in extraction.candidates}
    parties: dict[str, set[str]] = {}
    for r in extraction.relations:
        if r.type == "PARTY_TO":
            parties.setdefault(r.b, set()).add(names[r.a])
    assert sorted(map(sorted, parties.values())) == [
        ["Aksu University", "Batken State University"],
        ["Hotan Normal College", "Talas State University"],
        ["Kashi Vocational College", "Osh Technological University"],
    ]


def test_one_programme_printed_two_ways_is_one_node() -> None:
    text = (
        "Khorog State University and Chengdu University of Geology signed an agreement on the joint "
        "double-degree programme in mining engineering. The first 20 students will be enrolled to the "
        '"2+2" double-degree programme in mining engineering in September.'
    )
    programs = [c for c in run(text).candidates if c.label == "Program"]
    assert len(programs) == 1


def test_a_minister_s_title_attaches_to_the_ministry_already_named() -> None:
    text = (
        "The Ministry of Water Resources of Turkmenistan and Hohai Polytechnic signed a memorandum. "
        "Minister of Water Resources of the Republic of Turkmenistan Serdar Annayev spoke at the ceremony."
    )
    extraction = run(text)
    ministries = [c for c in extraction.candidates if c.names[0].startswith("Ministry")]
    assert len(ministries) == 1
    assert ("Serdar Annayev", "Ministry of Water Resources of Turkmenistan") in relations(extraction, "AFFILIATED_WITH")


def test_a_joint_delegation_visits_with_every_member() -> None:
    text = (
        "From 2 to 7 June the delegation of Kyrgyzstan consisting of representatives of the Ministry of Science "
        "of the Kyrgyz Republic, Naryn State University and Talas State University was on a trip to China. "
        "On June 3, the delegation visited Hubei University in Wuhan."
    )
    assert visits(text) == {
        ("Ministry of Science of the Kyrgyz Republic", "Hubei University"),
        ("Naryn State University", "Hubei University"),
        ("Talas State University", "Hubei University"),
    }


def test_a_delegation_staying_in_a_city_visits_the_article_s_university_there() -> None:
    text = (
        "Andijan State University and Hubei University will open a joint institute. "
        "A delegation of Hubei University led by Vice-President Mr. Gao Peng stayed in Andijan from 4 to 8 May. "
        "Andijan State University also cooperates with Samarkand State University."
    )
    extraction = run(text)
    visit = next(r for r in extraction.relations if r.type == "VISITED")
    assert relations(extraction, "VISITED") == {("Hubei University", "Andijan State University")}
    assert (visit.props["date"], visit.props["date_end"]) == ("2023-05-04", "2023-05-08")


def test_the_delegation_held_a_meeting_at_a_university() -> None:
    text = (
        "A delegation of Karshi State University arrived in China on May 2. "
        "On May 4 the delegation held a meeting at Hubei University, where joint research was discussed."
    )
    assert visits(text) == {("Karshi State University", "Hubei University")}


def test_during_the_visit_refers_back_and_visits_nobody_new() -> None:
    text = (
        "A delegation of Aral State University visited Hubei University on May 3. During the visit, the two "
        "universities agreed with Sinotech Corporation to conclude a contract on internships."
    )
    extraction = run(text)
    names = {c.local_id: c.names[0] for c in extraction.candidates}
    visited = {(names[r.a], names[r.b]) for r in extraction.relations if r.type == "VISITED"}
    assert visited == {("Aral State University", "Hubei University")}


def test_a_visit_told_in_passing_goes_to_the_organisation_the_article_places_in_that_city() -> None:
    text = (
        "The centre was jointly built by Hubei Polytechnic Institute (HPI) in Huangshi and Karshi State "
        "University (KSU). The two institutions signed an agreement to build it in March 2024, during a visit "
        "of a KSU delegation to Huangshi."
    )
    extraction = run(text)
    both = ("Karshi State University (KSU)", "Hubei Polytechnic Institute (HPI)")
    assert both in relations(extraction, "VISITED")
    assert frozenset(both) in {frozenset(p) for p in relations(extraction, "COOPERATES_WITH")}


def test_the_rector_who_welcomes_the_guests_is_the_host_and_a_recalled_visit_keeps_the_delegation() -> None:
    text = (
        "A delegation of Hubei University led by its Vice-President Mr. Li Gang paid a visit to the city from May 3 "
        "to 5. The visit followed the memorandum signed in Wuhan in 2023, during the visit of the delegation of "
        "Termez State University to China. The Rector of Termez State University, Professor A.B. Karimov welcomed "
        "the guests. On May 4, the delegation visited the Faculty of Chemistry."
    )
    found = relations(run(text), "VISITED")
    assert ("Hubei University", "Termez State University") in found
    assert ("Termez State University", "Hubei University") in found
    assert ("Termez State University", "Faculty of Chemistry") not in found


def test_the_meeting_of_a_minister_with_a_delegation_is_the_delegations_visit_to_the_ministry() -> None:
    text = (
        "The issue was discussed on March 4 in Dushanbe during the meeting of Minister of Education of Tajikistan "
        "Rustam Saidov with the delegation of the Ministry of Education of the People's Republic of China led by "
        "Vice Minister Li Gang. The parties signed the Programme of cooperation in the field of education."
    )
    extraction = run(text)
    pair = ("Ministry of Education of the People's Republic of China", "Ministry of Education of Tajikistan")
    assert pair in relations(extraction, "VISITED")
    assert frozenset(pair) in {frozenset(p) for p in relations(extraction, "COOPERATES_WITH")}


def test_the_university_of_a_person_who_arrived_with_a_delegation_visited_the_host_in_that_city() -> None:
    text = (
        "Kyrgyz National University and Hubei University (China) signed a memorandum on a Chinese studies centre. "
        "The document was signed on May 3 by Rector of KNU Professor Aibek Osmonov and President of Hubei "
        "University Li Gang, who arrived in Bishkek with a delegation of five people."
    )
    assert ("Hubei University", "Kyrgyz National University") in visits(text)


def test_a_national_delegation_is_the_countrys_university_not_a_company_named_in_passing() -> None:
    text = (
        "Turkmenistan Airlines opened a new route to Wuhan. On May 3, the Turkmen delegation visited Hubei University."
    )
    assert not visits(text)


def test_a_delegation_that_visited_a_city_visited_the_university_the_article_is_about_there() -> None:
    text = (
        "A delegation of Hubei University (Wuhan, China) headed by its rector visited Tashkent on March 3-4. "
        "During the visit, a memorandum was signed with the Tashkent State Technical University."
    )
    assert ("Hubei University", "Tashkent State Technical University") in visits(text)


def test_a_visit_without_a_named_host_went_to_the_partner_of_what_was_done_during_it() -> None:
    text = (
        "A delegation of Hubei University (Wuhan, China) headed by its rector visited Nukus on March 3-4. "
        "During the visit, a memorandum was signed with the Karakalpak State University named after Berdakh."
    )
    assert ("Hubei University", "Karakalpak State University named after Berdakh") in visits(text)


def test_a_recalled_visit_to_a_country_went_to_the_documents_side_from_that_country() -> None:
    text = (
        "A delegation of Hubei University paid a visit to Termez from May 3 to 5. The visit followed the memorandum "
        "signed in 2023, during the visit of the delegation of Termez State University to China. Professors of "
        "Wuhan Textile University joined the delegation."
    )
    assert ("Termez State University", "Hubei University") in visits(text)


def test_an_official_received_by_a_minister_visited_the_ministry_without_becoming_the_host() -> None:
    text = (
        "On May 3 the Minister of Education of the Republic of Tajikistan Rustam Saidov received the Ambassador "
        "of the People's Republic of China in the Republic of Tajikistan Mr. Li Gang. The Embassy of the People's "
        "Republic of China in the Republic of Tajikistan will support the new centre. A delegation of Hubei "
        "University stayed in Dushanbe and visited the Tajik Technical University, where the guests were "
        "introduced to the Faculty of Energy."
    )
    extraction = run(text)
    found = relations(extraction, "VISITED")
    assert (
        "Embassy of the People's Republic of China in the Republic of Tajikistan",
        "Ministry of Education of the Republic of Tajikistan",
    ) in found
    assert ("Faculty of Energy", "Tajik Technical University") in relations(extraction, "PART_OF")


def test_officials_at_a_ceremony_held_in_a_city_visited_its_one_university_there() -> None:
    text = (
        "The Silk Road Center, jointly established by Hubei University and Bukhara State University, was "
        "inaugurated in Bukhara, Uzbekistan on May 22. The unveiling ceremony was attended by Li Gang, "
        "vice-minister of the Ministry of Education of the People's Republic of China, and Wang Tao, "
        "vice-president of Hubei University."
    )
    found = visits(text)
    assert ("Hubei University", "Bukhara State University") in found
    assert ("Ministry of Education of the People's Republic of China", "Bukhara State University") in found


def test_a_recalled_visit_to_a_city_where_no_body_is_placed_went_to_the_other_side_of_that_country() -> None:
    text = (
        "On May 3, a delegation of the Kazakh National Agrarian University visited Hubei University. The rector "
        "thanked Hubei University for the hospitality and recalled the visit of the Hubei University delegation "
        "to Almaty in April this year."
    )
    assert ("Hubei University", "Kazakh National Agrarian University") in visits(text)


def test_a_visit_to_our_university_goes_to_the_publisher_whose_rector_receives_the_guests() -> None:
    text = (
        "Zhetysu Pedagogical University and Yunnan Minzu University signed a memorandum in 2019. "
        "Last year Yunnan Minzu University also opened a joint school with Dali Medical College.\n\n"
        "On 3 March, a Yunnan Minzu University delegation headed by Vice-President Li Ming paid a working visit "
        "to our university. The guests were received by the Rector of the university Serikbayev Arman Tolegenovich."
    )
    document = Document(key=document_key(text), text=text, published="2024-03-05", publisher="zhetysu.edu.kz")
    extraction = extract(document)
    assert ("Yunnan Minzu University", "Zhetysu Pedagogical University") in relations(extraction, "VISITED")
    affiliated = relations(extraction, "AFFILIATED_WITH")
    assert ("Serikbayev Arman Tolegenovich", "Zhetysu Pedagogical University") in affiliated
    assert not {pair for pair in affiliated if pair[0] == "Serikbayev Arman Tolegenovich"} - {
        ("Serikbayev Arman Tolegenovich", "Zhetysu Pedagogical University")
    }


def test_a_delegation_of_the_tajik_university_is_the_one_tajik_university_named() -> None:
    text = (
        "Bokhtar State University and Sichuan Agricultural University signed an agreement on 12 April in Ya'an, "
        "where a delegation of the Tajik university, led by rector Saidov Farrukh Rahimovich, paid a working visit. "
        "The Tajik guests were also received by the Sichuan Provincial Department of Education."
    )
    extraction = run(text)
    assert ("Bokhtar State University", "Sichuan Provincial Department of Education") in relations(
        extraction, "VISITED"
    )
    assert ("Saidov Farrukh Rahimovich", "Bokhtar State University") in relations(extraction, "AFFILIATED_WITH")


def test_a_visit_goes_only_to_the_list_right_after_the_verb() -> None:
    text = (
        "From 2 to 5 June, Atyrau University hosted a delegation of China University of Petroleum (Beijing).\n\n"
        "• 3 June – visit to the laboratories of the Institute of Petrochemistry; a seminar with specialists "
        "of Embamunaigas JSC and Atyrau Drilling Engineering LLP on drilling fluids."
    )
    hosts = {host for _, host in visits(text)}
    assert not hosts & {"Embamunaigas JSC", "Atyrau Drilling Engineering LLP"}


def test_units_in_the_titles_of_a_delegations_members_are_the_delegations() -> None:
    text = (
        "From 3 to 6 June 2024, Atyrau University hosted a delegation of China University of Petroleum. "
        "The delegation was headed by the Vice-President of the university Professor Zhang Wei and included "
        "Dean of the College of Geosciences Liu Bo and Director of the Office of International Affairs Ms. Chen Yu."
    )
    parts = relations(run(text), "PART_OF")
    assert ("College of Geosciences", "China University of Petroleum") in parts
    assert not {p for p in parts if p[1] == "Atyrau University"}


def test_two_visits_in_one_sentence_the_first_to_the_publishing_university() -> None:
    text = (
        "This week Sichuan Agricultural University received two delegations from Central Asia. On May 9, a "
        "delegation from Samarkand Agroinnovations University arrived in Ya'an; on May 11, Sichuan Agricultural "
        "University hosted a delegation of Kostanay Regional University."
    )
    document = Document(key=document_key(text), text=text, published="2024-05-13", publisher="sicau.edu.cn")
    found = relations(extract(document), "VISITED")
    assert ("Samarkand Agroinnovations University", "Sichuan Agricultural University") in found
    assert ("Kostanay Regional University", "Sichuan Agricultural University") in found


def test_talks_on_the_sidelines_of_a_forum_are_no_visit() -> None:
    text = (
        "On the sidelines of the forum in Almaty, the rector of Kazakh National Agrarian Research University "
        "held talks with the vice-president of Nanjing Agricultural University Zhou Ming."
    )
    assert visits(text) == set()
