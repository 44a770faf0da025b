"""AFFILIATED_WITH in the genre's title forms: invented sentences (names not from any corpus)."""

from __future__ import annotations

from tests.loaders.test_relations_genre import labels, relations, run


def affiliations(text: str) -> set[tuple[str, str]]:
    return relations(run(text), "AFFILIATED_WITH")


def test_ambassador_of_a_country_to_another_works_for_its_embassy() -> None:
    text = (
        "The minister received the Ambassador Extraordinary and Plenipotentiary of the People's Republic of China "
        "to the Kyrgyz Republic Mr. Zhou Ping. The Embassy of the People's Republic of China in the Kyrgyz Republic "
        "will support the new centre."
    )
    assert ("Zhou Ping", "Embassy of the People's Republic of China in the Kyrgyz Republic") in affiliations(text)


def test_consul_general_without_a_country_works_for_the_one_consulate() -> None:
    text = (
        "The delegation of Karshi State University was received at the Consulate General of the Republic of "
        "Uzbekistan in Wuhan. Consul General Mr. Rustam Saidov spoke about student exchanges."
    )
    assert ("Rustam Saidov", "Consulate General of the Republic of Uzbekistan in Wuhan") in affiliations(text)


def test_a_title_before_a_name_stops_at_the_previous_person() -> None:
    text = (
        "The memorandum was signed by Vice-Rector of Karshi State University Aziz Karimov and Mr. Zhou Ping, "
        "Chairman of the Board of Sinotech Corporation."
    )
    found = affiliations(text)
    assert ("Zhou Ping", "Sinotech Corporation") in found
    assert ("Zhou Ping", "Karshi State University") not in found


def test_a_bare_title_joined_to_a_named_one_shares_its_organisation() -> None:
    text = (
        "A delegation of Karshi State University visited Hubei University. The Party Secretary of Hubei "
        "University Mr. Zhou Ping and the President Professor Li Gang hosted the guests."
    )
    assert ("Li Gang", "Hubei University") in affiliations(text)


def test_an_official_who_meets_the_delegation_is_the_hosts() -> None:
    text = (
        "A delegation of Karshi State University visited Hubei University on May 3. "
        "Vice President Li Gang met with the delegation in the main building."
    )
    found = affiliations(text)
    assert ("Li Gang", "Hubei University") in found
    assert ("Li Gang", "Karshi State University") not in found


def test_dean_of_a_faculty_of_a_university_and_whose_dean() -> None:
    text = (
        "Dean of the Faculty of Physics of Termez State University Aziz Karimov took part in the talks. "
        "On the part of Hubei University the programme will be run by the School of Law, whose Dean Li Gang "
        "also took part in the talks."
    )
    found = affiliations(text)
    assert ("Aziz Karimov", "Faculty of Physics") in found
    assert ("Aziz Karimov", "Termez State University") in found
    assert ("Li Gang", "School of Law") in found


def test_head_of_an_international_office_works_for_the_university() -> None:
    text = (
        "A delegation of Karshi State University visited Hubei University on May 3. The guests were received "
        "by the Head of the International Cooperation Department Ms. Li Na and her colleagues."
    )
    found = affiliations(text)
    assert found == {("Li Na", "Hubei University")}


def test_a_head_of_state_is_not_the_travelling_ministrys() -> None:
    text = (
        "The delegation of the Ministry of Education of Turkmenistan visited Hubei University. "
        "Under the leadership of President Aman Berdiyev reforms are carried out in the field of education."
    )
    assert not any(person == "Aman Berdiyev" for person, _ in affiliations(text))


def test_accented_name_and_its_bare_surname_are_one_person() -> None:
    text = (
        "President of Hubei University Professor Lü Jianguo opened the forum. Mr. Lü said that workshops "
        "named after the ancient craftsman Lu Ban operate in many countries."
    )
    extraction = run(text)
    people = [c.names for c in extraction.candidates if c.label == "Person"]
    assert people == [["Lü Jianguo", "Lü"]]
    assert ("Lü Jianguo", "Hubei University") in relations(extraction, "AFFILIATED_WITH")
    assert "Lu Ban" not in labels(extraction, "Person")


def test_charge_d_affaires_works_for_the_embassy() -> None:
    text = (
        "Chargé d'affaires of China in Kyrgyzstan Wang Hong attended the ceremony at Naryn State University. "
        "The Embassy of China in Kyrgyzstan sponsored the new classroom."
    )
    assert ("Wang Hong", "Embassy of China in Kyrgyzstan") in affiliations(text)


def test_a_person_from_an_organisation() -> None:
    text = "Professor Wang Tao from Hubei University gave a lecture at Aral State University."
    assert affiliations(text) == {("Wang Tao", "Hubei University")}


def test_a_name_between_commas_after_its_title() -> None:
    text = "The rector of Aral State University, Askar Beisenov, welcomed the guests from Hubei University."
    assert ("Askar Beisenov", "Aral State University") in affiliations(text)


def test_mrs_before_a_name_keeps_the_title() -> None:
    text = (
        "The delegation included the vice-rector on international relations of Balkan State University "
        "Mrs. Ogulnabat Berdiyeva."
    )
    assert ("Ogulnabat Berdiyeva", "Balkan State University") in affiliations(text)


def test_an_acronym_with_the_eponym_before_it() -> None:
    text = (
        "Aral State University named after Abay and Aral State University named after Dulatov signed a "
        "memorandum. The delegation included the rector of Abay ASU Askar Beisenov."
    )
    assert ("Askar Beisenov", "Aral State University named after Abay") in affiliations(text)


def test_the_universitys_vice_rector_after_a_dash() -> None:
    text = (
        "A delegation of Hubei University visited Aral State University on May 3 and had a meeting with the "
        "university's first vice-rector – Askar Beisenov."
    )
    assert affiliations(text) == {("Askar Beisenov", "Aral State University")}


def test_a_meeting_held_with_an_office_head_is_with_the_host() -> None:
    text = (
        "The delegation of Aral State University visited Hubei University on May 3. As part of the visit, meetings "
        "were held with Mr. Li Gang, Head of the Department of International Cooperation and Exchanges."
    )
    assert affiliations(text) == {("Li Gang", "Hubei University")}


def test_three_word_name_with_a_surname_first() -> None:
    text = "The ceremony was attended by Rector of Aral State University Professor Nurzoda Jamshed Nurullo."
    assert affiliations(text) == {("Nurzoda Jamshed Nurullo", "Aral State University")}


def test_organisation_in_brackets_after_a_name() -> None:
    text = "Wang Tao (Hubei University) gave a lecture at Aral State University."
    assert affiliations(text) == {("Wang Tao", "Hubei University")}


def test_its_head_is_the_head_of_the_unit_just_described() -> None:
    text = (
        "Aral State University opened the Joint Laboratory of Soil Ecology. The Joint Laboratory will be based at "
        "the Faculty of Biology of Aral State University. Its head, candidate of sciences Karimov A.B., said that "
        "field work will start in spring."
    )
    assert ("Karimov A.B.", "Joint Laboratory of Soil Ecology") in affiliations(text)


def test_director_of_the_laboratory_is_named_later() -> None:
    text = (
        "The Joint Laboratory of Soil Ecology was launched at Aral State University together with Hubei University. "
        "Both universities are members of the Steppe Universities Alliance. Director of the laboratory is "
        "professor of the Department of Soil Science of Aral State University Dr. Askar Beisenov."
    )
    assert ("Askar Beisenov", "Joint Laboratory of Soil Ecology") in affiliations(text)


def test_represented_by_a_counsellor() -> None:
    text = (
        "The delegation of Hubei University led by its President Wang Tao visited Aral State University. "
        "The Embassy of China in Kazakhstan was represented by the counsellor Li Gang."
    )
    found = affiliations(text)
    assert ("Li Gang", "Embassy of China in Kazakhstan") in found
    assert ("Li Gang", "Hubei University") not in found


def test_head_of_an_office_works_for_the_university_it_belongs_to() -> None:
    text = (
        "Teachers of Aral State University took part in a seminar organised by the Department of International "
        "Cooperation and Exchanges of Hubei University. As part of the programme, meetings were held with Mr. Li "
        "Gang, Head of the Department of International Cooperation and Exchanges, and with the deans."
    )
    assert affiliations(text) == {("Li Gang", "Hubei University")}


def test_the_head_of_a_delegation_works_for_the_organisation_it_comes_from() -> None:
    text = (
        "A delegation of Hubei University (Wuhan, China) headed by the Party Secretary of the university "
        "Mr. Li Gang visited Termez State University on May 3. The delegation of the Ministry of Higher "
        "Education of Tajikistan led by Minister Rustam Saidov arrived in Beijing."
    )
    found = affiliations(text)
    assert ("Li Gang", "Hubei University") in found
    assert ("Li Gang", "Termez State University") not in found
    assert ("Rustam Saidov", "Ministry of Higher Education of Tajikistan") in found


def test_people_at_the_table_of_a_meeting_with_the_visitors_are_the_hosts() -> None:
    text = (
        "On May 3, a delegation of Karshi State University visited Hubei University. "
        "Vice President Prof. Li Gang, Dean Prof. Wang Tao and the heads of several schools attended the meeting."
    )
    found = affiliations(text)
    assert ("Li Gang", "Hubei University") in found
    assert ("Li Gang", "Karshi State University") not in found


def test_the_leader_of_a_delegation_named_without_a_title_of_its_own_works_for_it() -> None:
    text = (
        "From 3 till 6 of May the delegation of Karshi State University under the leadership of the Rector of "
        "university, doctor of chemical sciences, professor Karimov Aziz Bakhodirovich was on working visit in Wuhan."
    )
    assert ("Karimov Aziz Bakhodirovich", "Karshi State University") in affiliations(text)


def test_a_title_that_names_its_body_by_the_head_word_alone() -> None:
    text = (
        "A delegation of Karshi State University visited Hubei University on May 3. At the Department of "
        "Education of Hubei Province the delegation was received by Director of the Department Mr. Zhang Wei."
    )
    found = affiliations(text)
    assert ("Zhang Wei", "Department of Education of Hubei Province") in found
    assert ("Zhang Wei", "Hubei University") not in found


def test_its_director_heads_what_the_last_sentence_was_about() -> None:
    text = (
        "A delegation of Hubei University visited Termez State University on May 3. The Regional Center for "
        "Water Innovation of Surkhandarya will also take part in the project. Its director Aziz Bakhodirovich "
        "Karimov said the centre will provide land plots."
    )
    found = affiliations(text)
    assert ("Aziz Bakhodirovich Karimov", "Hubei University") not in found
    assert any(person == "Aziz Bakhodirovich Karimov" and "Water Innovation" in org for person, org in found)


def test_a_bare_minister_title_is_of_the_ministry_just_named_in_that_country() -> None:
    text = (
        "The project was supported by the Ministry of Higher Education of Uzbekistan. Deputy minister Aziz "
        "Bakhodirovich Karimov, who joined the meeting online, praised the laboratory. The Ministry of Education of "
        "the People's Republic of China sent greetings. Minister Rustam Saidov spoke next."
    )
    found = affiliations(text)
    assert ("Aziz Bakhodirovich Karimov", "Ministry of Higher Education of Uzbekistan") in found
    assert ("Rustam Saidov", "Ministry of Education of the People's Republic of China") not in found


def test_people_listed_after_a_national_side_work_for_that_sides_university() -> None:
    text = (
        "An online meeting was held between Kyrgyz State Medical Academy and Wenzhou Medical University.\n\n"
        "On the Kyrgyz side, the meeting was attended by the rector of the academy A. Toktosunov and the "
        "vice-rector for research K. Bekova; on the Chinese side – the vice-president of Wenzhou Medical "
        "University Professor Chen Hua."
    )
    found = affiliations(text)
    assert ("A. Toktosunov", "Kyrgyz State Medical Academy") in found
    assert ("K. Bekova", "Kyrgyz State Medical Academy") in found
    assert ("Chen Hua", "Wenzhou Medical University") in found
    assert not {pair for pair in found if pair[0] in {"A. Toktosunov", "K. Bekova"}} - {
        ("A. Toktosunov", "Kyrgyz State Medical Academy"),
        ("K. Bekova", "Kyrgyz State Medical Academy"),
    }


def test_our_rector_in_an_interview_is_the_interviewees_university() -> None:
    text = (
        "The Tashkent Times spoke with Dilnoza Karimova, Vice-Rector of Fergana State University, about the deal "
        "with Dalian University of Technology.\n\n"
        "Q: How did it start?\n\n"
        "A: The agreement was signed on May 5 by our Rector, Professor Bakhtiyor Usmonov, and the president of "
        "Dalian University of Technology, Professor Li Gang."
    )
    found = affiliations(text)
    assert ("Bakhtiyor Usmonov", "Fergana State University") in found
    assert ("Li Gang", "Dalian University of Technology") in found


def test_people_met_at_a_body_with_bare_titles_work_for_it() -> None:
    text = (
        "The delegation of Bukhara State Medical Institute was on a working visit in Yunnan. In the course of the "
        "visit the delegation held talks at Kunming Medical University (KMU) with Party Secretary Zhao Lin and "
        "President Wang Ping."
    )
    found = {(person, org.split(" (")[0]) for person, org in affiliations(text)}
    assert found == {("Zhao Lin", "Kunming Medical University"), ("Wang Ping", "Kunming Medical University")}
