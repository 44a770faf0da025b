"""Who signed what: SIGNED_AGREEMENT parties in the genre's sentence shapes (invented names)."""

from __future__ import annotations

from loaders.facts import Extraction
from tests.loaders.test_relations_genre import relations, run


def agreements(extraction: Extraction) -> list[set[str]]:
    names = {c.local_id: c.names[0] for c in extraction.candidates}
    found = [c.local_id for c in extraction.candidates if c.label == "Agreement"]
    return [{names[r.a] for r in extraction.relations if r.type == "PARTY_TO" and r.b == a} for a in found]


def test_one_agreement_per_clause_with_its_own_pair() -> None:
    text = (
        "Hubei University and Karshi State University signed an agreement on joint research, and Hubei "
        "University and Termez State University signed a memorandum on a 2+2 programme."
    )
    extraction = run(text)
    assert agreements(extraction) == [
        {"Hubei University", "Karshi State University"},
        {"Hubei University", "Termez State University"},
    ]
    pairs = {frozenset(p) for p in relations(extraction, "COOPERATES_WITH")}
    assert frozenset({"Karshi State University", "Termez State University"}) not in pairs


def test_between_before_the_document() -> None:
    text = (
        "The forum was held at Termez State University on May 3. Between Karshi State University and Hubei "
        "University the memorandum of mutual understanding was signed, and Termez State University sent greetings."
    )
    assert agreements(run(text)) == [{"Karshi State University", "Hubei University"}]


def test_people_who_sign_stand_for_their_organisations() -> None:
    text = (
        "Rector of Karshi State University Aziz Karimov met President of Hubei University Li Gang on May 3. "
        "During the visit, Aziz Karimov and Li Gang signed an agreement on student exchange."
    )
    assert agreements(run(text)) == [{"Karshi State University", "Hubei University"}]


def test_the_memorandum_was_signed_by_is_the_one_already_reported() -> None:
    text = (
        "Karshi State University and Hubei University signed a memorandum on May 3. The memorandum was signed by "
        "Rector of Karshi State University Aziz Karimov and Mr. Li Gang, Chairman of Sinotech Corporation."
    )
    assert agreements(run(text)) == [{"Karshi State University", "Hubei University"}]


def test_a_ministry_that_reports_a_signing_is_no_party() -> None:
    text = (
        "A delegation of Hubei University visited Karshi State University on May 3. "
        "The Ministry of Education of Uzbekistan noted that three strategic agreements were signed."
    )
    found = agreements(run(text))
    assert found
    assert all("Ministry of Education of Uzbekistan" not in parties for parties in found)


def test_an_agreement_of_another_kind_signed_by_people_is_a_new_one() -> None:
    text = (
        "Karshi State University and Hubei University signed a memorandum on May 3. The agreement was signed by "
        "Rector of Karshi State University Aziz Karimov and President of Termez State University Li Gang."
    )
    assert agreements(run(text)) == [
        {"Karshi State University", "Hubei University"},
        {"Karshi State University", "Termez State University"},
    ]


def test_list_lines_that_open_with_the_document_name_their_parties_after_between() -> None:
    text = (
        "On June 4, in the presence of the rectors, the following documents were signed:\n\n"
        "- Agreement on the joint supervision of doctoral students in chemistry, physics and applied "
        "mathematics for the period 2025-2029, between Termez State University and Hubei University.\n"
        "The agreement was signed by the two rectors;\n\n"
        "- Memorandum of understanding between Karshi State University and Wuhan Textile University on "
        "summer schools."
    )
    assert agreements(run(text)) == [
        {"Termez State University", "Hubei University"},
        {"Karshi State University", "Wuhan Textile University"},
    ]


def test_a_plan_of_cooperation_between_ministries_is_a_signed_document() -> None:
    text = (
        "After the talks, the Ministry of Education of Tajikistan and the Ministry of Education of the People's "
        "Republic of China signed a Programme of Cooperation in the Field of Education for 2026-2028."
    )
    assert agreements(run(text)) == [
        {"Ministry of Education of Tajikistan", "Ministry of Education of the People's Republic of China"}
    ]


def test_the_two_institutions_that_sign_are_the_articles_two_sides() -> None:
    text = (
        "Karshi State University and Hubei University have cooperated since 2019. "
        "Last year the two institutions signed a memorandum on joint research in soil science."
    )
    assert agreements(run(text)) == [{"Karshi State University", "Hubei University"}]


def test_the_two_universities_named_together_just_before_and_the_company_joined_to_them_sign() -> None:
    text = (
        "Termez State University hosted a forum with Wuhan Textile University on May 3. Under the documents, "
        "Karshi State University and Hubei University will open a joint centre. A tripartite agreement on "
        "internships was signed by the two universities and Surkhan Mining Company, a firm in which China "
        "Minmetals Corporation holds a stake."
    )
    assert {"Karshi State University", "Hubei University", "Surkhan Mining Company"} in agreements(run(text))


def test_a_delegation_recalled_in_passing_does_not_become_the_travelling_side() -> None:
    text = (
        "On May 3, a delegation of Karshi State University visited Hubei University. "
        "The rector recalled the visit of the Hubei University delegation to Karshi in April. "
        "Mr. Aziz Karimov, director of Surkhan Mining Company, signed together with the two universities a "
        "tripartite agreement on internships."
    )
    assert {"Karshi State University", "Hubei University", "Surkhan Mining Company"} in agreements(run(text))


def test_a_tripartite_document_signed_with_one_partner_has_the_two_sides_too() -> None:
    text = (
        "On May 3, a delegation of Hubei University visited Termez State University. In addition, a tripartite "
        "memorandum on field trials of drip irrigation was signed with the Surkhandarya Research Institute of "
        "Water Economy."
    )
    assert {
        "Hubei University",
        "Termez State University",
        "Surkhandarya Research Institute of Water Economy",
    } in agreements(run(text))


def test_the_parent_an_institutes_name_ends_with_is_not_a_party() -> None:
    text = (
        "The Institute of Diplomacy of the Ministry of Foreign Affairs of Tajikistan and Hubei University "
        "signed an agreement on the exchange of students."
    )
    assert agreements(run(text)) == [{"Institute of Diplomacy", "Hubei University"}]


def test_a_second_partner_after_an_ellipsis_signed_a_document_of_its_own() -> None:
    text = (
        "It should be recalled that in December 2024, Termez State University signed a cooperation agreement "
        "with Hubei University, and in 2023 with Wuhan Textile University."
    )
    assert agreements(run(text)) == [
        {"Termez State University", "Hubei University"},
        {"Termez State University", "Wuhan Textile University"},
    ]


def test_parties_listed_after_between_may_carry_a_parenthesis() -> None:
    text = (
        "The Minister received the Ambassador of China. On the same day in the Ministry of Education of Tajikistan "
        "the agreement between Hubei University (Wuhan) and the Tajik Technical University on joint training was "
        "signed."
    )
    assert agreements(run(text)) == [
        {"Hubei University (Wuhan)", "Tajik Technical University"}
    ]  # a campus city is named


def test_an_organisation_of_a_later_clause_is_no_party_to_the_signing() -> None:
    text = (
        "It was noted that in May 2022 Andijan State Medical Institute and Zhengzhou University signed a "
        "memorandum of understanding, and in 2023 six Uzbek residents completed an internship at the "
        "First Affiliated Hospital of Zhengzhou University."
    )
    extraction = run(text)
    names = {c.local_id: c.names[0] for c in extraction.candidates}
    parties = {names[r.a] for r in extraction.relations if r.type == "PARTY_TO"}
    assert parties == {"Andijan State Medical Institute", "Zhengzhou University"}
