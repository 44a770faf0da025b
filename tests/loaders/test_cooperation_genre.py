"""COOPERATES_WITH needs cooperation evidence: invented sentences of the genre (names not from any corpus)."""

from __future__ import annotations

from tests.loaders.test_relations_genre import relations, run


def pairs(text: str) -> set[frozenset[str]]:
    return {frozenset(p) for p in relations(run(text), "COOPERATES_WITH")}


def test_forum_hosts_are_not_partners_of_its_organisers() -> None:
    text = (
        "The forum, held at Aral State University, was co-organized by the Ministry of Education of Kazakhstan "
        "and the Hubei Provincial Department of Education."
    )
    assert pairs(text) == {
        frozenset({"Ministry of Education of Kazakhstan", "Hubei Provincial Department of Education"})
    }


def test_a_call_at_an_embassy_is_no_cooperation() -> None:
    text = (
        "On May 3 the delegation of Aral State University visited Hubei University. "
        "On May 5 the delegation visited the Embassy of Kazakhstan in the People's Republic of China."
    )
    extraction = run(text)
    visited = relations(extraction, "VISITED")
    assert ("Aral State University", "Embassy of Kazakhstan in the People's Republic of China") in visited
    assert {frozenset(p) for p in relations(extraction, "COOPERATES_WITH")} == {
        frozenset({"Aral State University", "Hubei University"})
    }


def test_members_of_a_joint_delegation_cooperate_only_where_they_sign() -> None:
    text = (
        "The delegation consisting of representatives of Balkan State University and Dashoguz Agricultural "
        "Institute visited Hubei University on May 3. The agreement on cooperation between Balkan State "
        "University and Hubei University was signed."
    )
    assert pairs(text) == {frozenset({"Balkan State University", "Hubei University"})}


def test_cooperation_between_two_named_after_a_third() -> None:
    text = (
        "Speaking at Karshi State University, the minister praised the cooperation between Hunan Normal "
        "University and Termez State University."
    )
    assert pairs(text) == {frozenset({"Hunan Normal University", "Termez State University"})}


def test_founders_of_a_joint_unit_all_cooperate() -> None:
    text = (
        "The laboratory was created by Karshi State University together with Hunan Normal University "
        "and Hubei University."
    )
    assert pairs(text) == {
        frozenset({"Karshi State University", "Hunan Normal University"}),
        frozenset({"Karshi State University", "Hubei University"}),
        frozenset({"Hunan Normal University", "Hubei University"}),
    }


def test_mentioned_together_is_not_cooperation() -> None:
    text = (
        "The rector of Karshi State University, a graduate of Hubei University, spoke about student exchange "
        "and talks on new programmes."
    )
    assert pairs(text) == set()


def test_a_welcome_to_a_ministry_and_a_university_is_no_partnership() -> None:
    text = (
        "The rector extended a warm welcome to the Ministry of Education of China and Hubei University, noting "
        "that the new centre marks the beginning of a new partnership."
    )
    assert pairs(text) == set()


def test_agreed_that_several_will_jointly_act() -> None:
    text = (
        "The sides also agreed that Karshi State University, Hunan Normal University and Hubei University will "
        "sign a memorandum next year."
    )
    assert pairs(text) == {
        frozenset({"Karshi State University", "Hunan Normal University"}),
        frozenset({"Karshi State University", "Hubei University"}),
        frozenset({"Hunan Normal University", "Hubei University"}),
    }


def test_two_that_established_something_together() -> None:
    text = "In 2002, Hubei University and Aral State University established a Chinese language centre in Aral."
    assert pairs(text) == {frozenset({"Hubei University", "Aral State University"})}


def test_built_at_the_expense_of_two() -> None:
    text = (
        "A new building of the Confucius Institute was put into operation at the expense of Hubei University "
        "and Aral State University."
    )
    assert pairs(text) == {frozenset({"Hubei University", "Aral State University"})}


def test_interest_in_cooperation_with_two_pairs_only_the_subject() -> None:
    text = "Aral State University expressed interest in cooperation with Hubei University and Wuhan University."
    assert pairs(text) == {
        frozenset({"Aral State University", "Hubei University"}),
        frozenset({"Aral State University", "Wuhan University"}),
    }


def test_representatives_discussed_cooperation() -> None:
    text = (
        "Representatives of Hubei University and Aral State University discussed prospects of cooperation in chemistry."
    )
    assert pairs(text) == {frozenset({"Hubei University", "Aral State University"})}


def test_partners_listed_after_including() -> None:
    text = (
        "Aral State University, founded in 1934, cooperates with more than 50 universities, including Hubei "
        "University and Wuhan University."
    )
    assert pairs(text) == {
        frozenset({"Aral State University", "Hubei University"}),
        frozenset({"Aral State University", "Wuhan University"}),
    }


def test_the_university_as_the_subject_of_cooperation() -> None:
    text = (
        "A delegation of Hubei University visited Aral State University on May 3. The rector noted that the "
        "university already cooperates with more than 30 Chinese universities, including Wuhan University and "
        "Lanzhou University."
    )
    assert pairs(text) == {
        frozenset({"Hubei University", "Aral State University"}),
        frozenset({"Aral State University", "Wuhan University"}),
        frozenset({"Aral State University", "Lanzhou University"}),
    }


def test_a_founder_placed_in_its_city_stays_in_the_list_of_founders() -> None:
    text = (
        "The laboratory was jointly established by Hubei Polytechnic Institute in Huangshi and Karshi State University."
    )
    pairs = {frozenset(p) for p in relations(run(text), "COOPERATES_WITH")}
    assert frozenset({"Hubei Polytechnic Institute", "Karshi State University"}) in pairs


def test_the_partner_with_which_the_university_has_cooperated() -> None:
    text = (
        "The delegation visited Termez State University, where the sides discussed the preparation of a "
        "memorandum with Hubei University (China), with which the university has cooperated since 2019."
    )
    pairs = {frozenset(p) for p in relations(run(text), "COOPERATES_WITH")}
    assert frozenset({"Termez State University", "Hubei University"}) in pairs


def test_a_body_that_will_take_part_in_the_project_cooperates_with_both_sides() -> None:
    text = (
        "A delegation of Hubei University visited Termez State University on May 3 and signed a memorandum on a "
        "joint laboratory. The Surkhandarya Water Management Agency will also take part in the project."
    )
    pairs = {frozenset(p) for p in relations(run(text), "COOPERATES_WITH")}
    center = "Surkhandarya Water Management Agency"
    assert frozenset({center, "Hubei University"}) in pairs
    assert frozenset({center, "Termez State University"}) in pairs


def test_an_education_ministrys_own_delegation_works_with_whom_it_visits_but_a_political_body_does_not() -> None:
    ministry = (
        "The delegation of the Ministry of Education of the People's Republic of China visited Termez State "
        "University on May 3."
    )
    pairs = {frozenset(p) for p in relations(run(ministry), "COOPERATES_WITH")}
    assert frozenset({"Ministry of Education of the People's Republic of China", "Termez State University"}) in pairs
    committee = (
        "The delegation of the Foreign Affairs Committee of the Majilis visited Karshi State University on May 4."
    )
    assert relations(run(committee), "VISITED") and not relations(run(committee), "COOPERATES_WITH")


def test_a_body_the_parties_plan_to_involve_cooperates_with_both_sides() -> None:
    text = (
        "A delegation of Hubei University visited Termez State University on May 3. The parties agreed to prepare "
        "an agreement on a joint laboratory, in which it is planned to involve also the Uzbek Research Institute "
        "of Cotton Breeding."
    )
    pairs = {frozenset(p) for p in relations(run(text), "COOPERATES_WITH")}
    institute = "Uzbek Research Institute of Cotton Breeding"
    assert frozenset({institute, "Hubei University"}) in pairs
    assert frozenset({institute, "Termez State University"}) in pairs


def test_a_company_the_delegation_toured_is_no_partner_but_one_it_met_is() -> None:
    text = (
        "A delegation of Andijan State University visited Zhejiang University of Technology on 4 May. "
        "On 5 May the delegation also paid a visit to Hangzhou Robotics Equipment Co., Ltd. in Xiaoshan. "
        "The delegation then met with the representatives of Ningbo Port Logistics Company."
    )
    pairs = relations(run(text), "COOPERATES_WITH")
    assert not {p for p in pairs if "Hangzhou Robotics Equipment Co., Ltd." in p}
    assert {p for p in pairs if "Ningbo Port Logistics Company" in p}


def test_guests_received_by_one_body_and_holding_talks_with_another_pair_only_with_the_guests() -> None:
    text = (
        "A delegation of Naryn State University visited Xinjiang Agricultural University on 10 May. "
        "In Urumqi, the guests were also received by the Xinjiang Department of Education, and held talks "
        "with the leadership of Xinjiang University of Finance and Economics on joint training of economists."
    )
    found = pairs(text)
    assert frozenset({"Xinjiang Department of Education", "Xinjiang University of Finance and Economics"}) not in found
    assert frozenset({"Naryn State University", "Xinjiang University of Finance and Economics"}) in found


def test_a_unit_created_jointly_with_a_partner_pairs_the_partner_with_the_venue() -> None:
    text = (
        "On 14 April, the solemn opening of the Confucius Classroom took place at Batken State University. "
        "The classroom was created jointly with Xinjiang Normal University, which will send two teachers."
    )
    assert frozenset({"Batken State University", "Xinjiang Normal University"}) in pairs(text)
