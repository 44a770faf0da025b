"""Relation patterns of the genre, each shown by a short invented article (names not from any corpus)."""

from __future__ import annotations

from loaders.extract import extract
from loaders.facts import Document, Extraction
from loaders.read import document_key


def run(text: str, published: str = "2024-05-02") -> Extraction:
    return extract(Document(key=document_key(text), text=text, published=published))


def relations(extraction: Extraction, kind: str) -> set[tuple[str, str]]:
    names = {c.local_id: c.names[0] for c in extraction.candidates}
    return {(names[r.a], names[r.b]) for r in extraction.relations if r.type == kind}


def labels(extraction: Extraction, label: str) -> set[str]:
    return {c.names[0] for c in extraction.candidates if c.label == label}


def test_forum_is_an_initiative_and_its_participants_are_involved() -> None:
    text = (
        "The first Uzbek-Chinese Deans' Forum was held in Samarkand on April 3. "
        "It was organized by Samarkand State University together with Hunan Normal University. "
        "Rectors of Karshi State University and Hubei University took part in the forum."
    )
    extraction = run(text)
    assert "Uzbek-Chinese Deans' Forum" in labels(extraction, "Initiative")
    involved = {org for org, _ in relations(extraction, "INVOLVED_IN")}
    assert involved == {
        "Samarkand State University",
        "Hunan Normal University",
        "Karshi State University",
        "Hubei University",
    }


def test_named_state_and_company_programmes_are_initiatives() -> None:
    text = (
        "Within the framework of the Smart Tajikistan state program, Khujand State University and Minsk "
        'Corporation opened a data centre. Students also joined the Minsk Corporation "Bright Minds" programme.'
    )
    extraction = run(text)
    initiatives = labels(extraction, "Initiative")
    assert "Smart Tajikistan state program" in initiatives
    assert 'Minsk Corporation "Bright Minds" programme' in initiatives
    involved = relations(extraction, "INVOLVED_IN")
    assert ("Khujand State University", "Smart Tajikistan state program") in involved
    assert ("Minsk Corporation", 'Minsk Corporation "Bright Minds" programme') in involved


def test_belt_and_road_needs_stated_participation() -> None:
    text = (
        "Hunan Normal University is interested to take part in the Belt and Road Initiative. "
        "Karshi State University, as an active participant of the Belt and Road Initiative, hosted Hubei University."
    )
    involved = relations(run(text), "INVOLVED_IN")
    assert {org for org, _ in involved} == {"Karshi State University"}


def test_invitation_to_join_an_association_is_no_involvement() -> None:
    text = "Hubei University invites Karshi State University to join the Association of Pedagogical Universities."
    extraction = run(text)
    assert "Association of Pedagogical Universities" in labels(extraction, "Initiative")
    assert relations(extraction, "INVOLVED_IN") == set()


def test_memoranda_with_several_partners_are_bilateral() -> None:
    text = (
        "Hubei University signed memoranda with Karshi State University, Termez State University and "
        "Fergana State University on academic mobility."
    )
    extraction = run(text)
    agreements = [c for c in extraction.candidates if c.label == "Agreement"]
    assert len(agreements) == 3
    parties = relations(extraction, "PARTY_TO")
    assert all(("Hubei University", a.names[0]) in parties for a in agreements)
    pairs = {frozenset(p) for p in relations(extraction, "COOPERATES_WITH")}
    assert pairs == {
        frozenset({"Hubei University", "Karshi State University"}),
        frozenset({"Hubei University", "Termez State University"}),
        frozenset({"Hubei University", "Fergana State University"}),
    }


def test_only_concrete_named_programmes() -> None:
    text = (
        'Karshi State University and Hubei University signed an agreement on the joint "3+1" program in '
        'soil science. They also launched a double degree program "Food Engineering". '
        "A double degree program is popular. Next year the sides plan to sign an agreement on a joint "
        "master's program in geology."
    )
    extraction = run(text)
    assert labels(extraction, "Program") == {
        'joint "3+1" program in soil science',
        'double degree program "Food Engineering"',
    }
    part_of = relations(extraction, "PART_OF")
    assert ('joint "3+1" program in soil science', "Hubei University") in part_of


def test_branches_joint_units_and_planned_units() -> None:
    text = (
        "Teachers of the Angren branch of Hubei University will be trained. "
        "The Sino-Uzbek Laboratory of Soil Science, jointly set up by Karshi State University and Hubei "
        "University, was opened. Karshi State University and Termez State University plan to sign an "
        "agreement on the creation of the Center for Desert Studies."
    )
    extraction = run(text)
    part_of = relations(extraction, "PART_OF")
    assert ("Angren branch of Hubei University", "Hubei University") in part_of
    assert ("Sino-Uzbek Laboratory of Soil Science", "Karshi State University") in part_of
    assert ("Sino-Uzbek Laboratory of Soil Science", "Hubei University") in part_of
    assert not any(unit == "Center for Desert Studies" for unit, _ in part_of)


def test_both_universities_are_members_of_an_alliance() -> None:
    text = (
        "Termez State University and Hubei University signed a cooperation agreement in March. "
        "Both universities are members of the Eurasian Alliance of Technical Universities."
    )
    involved = relations(run(text), "INVOLVED_IN")
    assert {org for org, _ in involved} == {"Termez State University", "Hubei University"}


def test_participants_and_new_members_listed_after_the_name() -> None:
    text = (
        "The Second Caspian Rectors' Forum opened in Aktau on May 4. "
        "Among the participants were Yessenov University, Hubei University and Karshi State University. "
        "During the forum, the Steppe Universities Alliance admitted new members. "
        "The new members are Termez State University and Fergana State University."
    )
    extraction = run(text)
    involved = relations(extraction, "INVOLVED_IN")
    forum = {org for org, name in involved if "Forum" in name}
    alliance = {org for org, name in involved if "Alliance" in name}
    assert forum == {"Yessenov University", "Hubei University", "Karshi State University"}
    assert alliance == {"Termez State University", "Fergana State University"}


def test_cooperation_in_the_framework_of_belt_and_road() -> None:
    text = (
        "Since 2019 Fergana State University has cooperated with Hubei University in the framework of the "
        "Belt and Road Initiative. Hubei University aims to expand research under the Belt and Road Initiative."
    )
    involved = relations(run(text), "INVOLVED_IN")
    assert {org for org, _ in involved} == {"Fergana State University", "Hubei University"}


def test_network_university_is_an_initiative_with_member_universities() -> None:
    text = (
        "Karshi State University and Termez State University are among the base universities of the CIS Network "
        "University, the network university of the Commonwealth of Independent States."
    )
    extraction = run(text)
    assert "CIS Network University" in labels(extraction, "Initiative")
    involved = relations(extraction, "INVOLVED_IN")
    assert {org for org, _ in involved} == {"Karshi State University", "Termez State University"}


def test_the_workshop_refers_to_the_luban_workshop() -> None:
    text = (
        "A Luban Workshop was opened on May 3 at Fergana Polytechnic Institute. "
        "The workshop was established together with Hubei Vocational College under an agreement signed by "
        "the Ministry of Education of Uzbekistan and the Hubei Provincial Department of Education."
    )
    involved = {org for org, _ in relations(run(text), "INVOLVED_IN")}
    assert involved >= {"Fergana Polytechnic Institute", "Hubei Vocational College"}
    assert any(org.startswith("Ministry of Education") for org in involved)


def test_silk_road_economic_belt_is_its_own_initiative() -> None:
    extraction = run("Yessenov University works within the framework of the Silk Road Economic Belt initiative.")
    keys = {c.props.get("initiative") for c in extraction.candidates if c.label == "Initiative"}
    assert keys == {"silk_road_economic_belt"}
    assert {org for org, _ in relations(extraction, "INVOLVED_IN")} == {"Yessenov University"}


def test_a_unit_run_together_with_a_partner_belongs_to_both() -> None:
    text = (
        "The Uzbek-Chinese Centre for Desert Ecology was opened at Karshi State University together with "
        "Hubei University and Wuhan University. The Confucius Classroom at Termez State University, which has "
        "been operating since 2015 jointly with Hunan Normal University, hosted the guests."
    )
    parts = relations(run(text), "PART_OF")
    centre = {org for unit, org in parts if unit.startswith("Uzbek-Chinese Centre")}
    assert centre == {"Karshi State University", "Hubei University", "Wuhan University"}
    classroom = {org for unit, org in parts if unit.startswith("Confucius Classroom")}
    assert classroom == {"Termez State University", "Hunan Normal University"}


def test_a_unit_based_at_a_faculty_belongs_to_its_university() -> None:
    text = (
        "Fergana State University and Hubei University agreed to create the Joint Laboratory of Silk Genetics. "
        "The Joint Laboratory of Silk Genetics will be based at the Faculty of Biology of Fergana State University."
    )
    parts = relations(run(text), "PART_OF")
    assert ("Joint Laboratory of Silk Genetics", "Fergana State University") in parts


def test_confucius_institute_at_a_university_is_named_without_the_abbreviation() -> None:
    extraction = run("The Confucius Institute at the Naryn State University (NSU) opened a new library.")
    names = {n for c in extraction.candidates if c.label == "Lab" for n in c.names}
    assert "Confucius Institute at the Naryn State University" in names


def test_units_of_two_signing_clauses_belong_to_their_own_parties() -> None:
    text = (
        "Hubei University and Karshi State University signed an agreement to jointly build the Centre for Desert "
        "Studies in Karshi, and Hubei University and Termez State University signed a memorandum on a 2+2 "
        "undergraduate program in geology."
    )
    parts = relations(run(text), "PART_OF")
    centre = {org for unit, org in parts if unit.startswith("Centre for Desert Studies")}
    program = {org for unit, org in parts if "program" in unit}
    assert centre == {"Hubei University", "Karshi State University"}
    assert program == {"Hubei University", "Termez State University"}


def test_the_institute_opened_by_two_belongs_to_both() -> None:
    text = (
        "The Confucius Institute at Naryn State University celebrated its tenth anniversary. "
        "The Institute was opened in 2012 by Naryn State University together with Hubei University with the "
        "support of the Chinese Language Council."
    )
    parts = relations(run(text), "PART_OF")
    institute = {org for unit, org in parts if unit.startswith("Confucius Institute")}
    assert institute == {"Naryn State University", "Hubei University"}


def test_a_centre_two_agreed_to_set_up_belongs_to_both() -> None:
    text = (
        "The forum was hosted by Hubei University on May 3. Wuhan University and Aral State University also agreed "
        "to set up a joint research centre for water resources."
    )
    parts = relations(run(text), "PART_OF")
    centre = {org for unit, org in parts if "centre" in unit}
    assert centre == {"Wuhan University", "Aral State University"}


def test_units_belong_to_the_side_they_were_named_with() -> None:
    text = (
        "A delegation of Hubei University visited Termez State University on May 3. The delegation included "
        "deans of the School of Chemistry and the College of Physics. The guests visited the Faculty of "
        "Biology. On May 5, the delegation visited Karshi State University."
    )
    found = relations(run(text), "PART_OF")
    assert ("School of Chemistry", "Hubei University") in found
    assert ("College of Physics", "Hubei University") in found
    assert ("Faculty of Biology", "Termez State University") in found
    assert not {unit for unit, org in found if org == "Karshi State University"}


def test_a_joint_unit_announced_unnamed_belongs_to_the_founders_the_next_sentence_names_it_for() -> None:
    text = (
        "A joint laboratory on soil science was opened on Monday at Termez State University together with "
        "Hubei University. The Uzbek-Chinese Joint Laboratory for Soil Ecology is located in the main building "
        "of the university."
    )
    found = relations(run(text), "PART_OF")
    assert ("Uzbek-Chinese Joint Laboratory for Soil Ecology", "Termez State University") in found
    assert ("Uzbek-Chinese Joint Laboratory for Soil Ecology", "Hubei University") in found


def test_the_university_of_a_ceremony_is_where_it_was_held() -> None:
    text = (
        "A training centre was opened on Monday at Termez State University together with Hubei University. "
        "The Centre for Plant Protection will work in the laboratory building of the university."
    )
    found = relations(run(text), "PART_OF")
    assert ("Centre for Plant Protection", "Termez State University") in found


def test_a_unit_an_agreement_establishes_belongs_to_every_signatory() -> None:
    text = (
        "Rector of Karshi State University Aziz Karimov met President of Hubei University Li Gang on May 3. "
        "After the talks, Aziz Karimov and Li Gang signed the Agreement on the Establishment of the "
        "Uzbek-Chinese Joint Research Center for Soil Ecology."
    )
    found = relations(run(text), "PART_OF")
    assert ("Uzbek-Chinese Joint Research Center for Soil Ecology", "Karshi State University") in found
    assert ("Uzbek-Chinese Joint Research Center for Soil Ecology", "Hubei University") in found


def test_a_list_of_signed_documents_without_bullets_gives_each_its_parties_and_programmes() -> None:
    text = (
        "A delegation of Hubei University visited Termez State University on May 3. "
        "During the meeting the following documents were signed:\n\n"
        "the Agreement on the double degree master's program in Soil Science, under which the students will study "
        "one year in Termez;\n\n"
        "the Agreement of cooperation between Termez State University and Wuhan Textile University on exchanges."
    )
    extraction = run(text)
    parts = relations(extraction, "PART_OF")
    program = next(c.names[0] for c in extraction.candidates if c.label == "Program")
    assert {org for unit, org in parts if unit == program} == {"Hubei University", "Termez State University"}
    signed = [
        {r.a for r in extraction.relations if r.type == "PARTY_TO" and r.b == c.local_id}
        for c in extraction.candidates
        if c.label == "Agreement"
    ]
    names = {c.local_id: c.names[0] for c in extraction.candidates}
    assert {"Termez State University", "Wuhan Textile University"} in [{names[p] for p in s} for s in signed]


def test_units_listed_after_their_organisation_with_its_belong_to_it() -> None:
    text = (
        "A delegation of Karshi State University visited Hubei University on May 3. The next day the rector "
        "visited Wuhan Medical University, its Second Clinical Hospital and the Research Center for Cardiology."
    )
    extraction = run(text)
    found = relations(extraction, "PART_OF")
    assert ("Second Clinical Hospital", "Wuhan Medical University") in found
    assert ("Research Center for Cardiology", "Wuhan Medical University") in found
    assert ("Karshi State University", "Hubei University") in relations(extraction, "VISITED")
    assert ("Karshi State University", "Wuhan Medical University") in relations(extraction, "VISITED")


def test_a_unit_after_where_was_founded_by_the_place_where_it_works_not_by_the_visitors() -> None:
    text = (
        "The delegation of Hubei University also visited Termez State University, where since 2015 the Chinese "
        "Language Center is working, established together with Wuhan Textile University."
    )
    found = relations(run(text), "PART_OF")
    assert ("Chinese Language Center", "Termez State University") in found
    assert ("Chinese Language Center", "Wuhan Textile University") in found
    assert ("Chinese Language Center", "Hubei University") not in found


def test_a_unit_set_up_by_the_two_institutions_belongs_to_the_pair_last_said_to_cooperate() -> None:
    text = (
        "Rector of Karshi State University Aziz Karimov and President of Hubei University Li Gang also signed a "
        "memorandum to extend the work of the Uzbek-Chinese Joint Laboratory for Soil Ecology. The laboratory was "
        "set up in 2018 in Karshi by the two institutions."
    )
    found = relations(run(text), "PART_OF")
    assert ("Uzbek-Chinese Joint Laboratory for Soil Ecology", "Karshi State University") in found
    assert ("Uzbek-Chinese Joint Laboratory for Soil Ecology", "Hubei University") in found


def test_a_unit_an_agreement_opens_at_one_party_is_that_partys_alone() -> None:
    text = (
        "On May 3, a delegation of Hubei University visited the Ministry of Education of Uzbekistan. "
        "Karshi State University (KSU) and Hubei University signed a memorandum of understanding on the opening "
        "of a Chinese language department at KSU."
    )
    found = {org for unit, org in relations(run(text), "PART_OF") if unit.startswith("Chinese language department")}
    assert found == {"Karshi State University (KSU)"}


def test_the_universities_that_agree_are_the_pair_the_text_last_spoke_of() -> None:
    text = (
        "The following documents were signed:\n\n"
        "- Agreement on the Confucius Institute between Karshi State University and Hubei University;\n\n"
        "- Memorandum of cooperation between Termez State University and Wuhan Textile University.\n\n"
        "On May 10, the rector and the Karshi State University delegation visited Hubei University. "
        "The universities agreed to open a 2+2 bachelor program in Computer Science from September 2026."
    )
    extraction = run(text)
    program = next(c.names[0] for c in extraction.candidates if c.label == "Program")
    found = {org for unit, org in relations(extraction, "PART_OF") if unit == program}
    assert found == {"Karshi State University", "Hubei University"}


def test_a_unit_established_at_the_university_together_with_a_partner_belongs_to_both() -> None:
    text = (
        "A delegation of Hubei University visited Termez State University on May 3. The Rector of Termez State "
        "University welcomed the guests. He reminded that in 2021 the China Center was established at the "
        "university together with Wuhan Textile University."
    )
    found = relations(run(text), "PART_OF")
    assert ("China Center", "Termez State University") in found
    assert ("China Center", "Wuhan Textile University") in found


def test_the_founders_of_a_unit_run_jointly_cooperate() -> None:
    text = (
        "The delegation of Hubei University also visited Termez State University, where since 2015 the Chinese "
        "Language Center is working, established together with Wuhan Textile University."
    )
    pairs = {frozenset(p) for p in relations(run(text), "COOPERATES_WITH")}
    assert frozenset({"Termez State University", "Wuhan Textile University"}) in pairs


def test_a_unit_launched_at_one_university_together_with_another_belongs_to_both() -> None:
    text = (
        "The Uzbek-Chinese Joint Laboratory of Smart Irrigation has been launched at the Karshi State University "
        "named after A. Navoi together with Hubei University from Wuhan."
    )
    found = relations(run(text), "PART_OF")
    assert ("Uzbek-Chinese Joint Laboratory of Smart Irrigation", "Hubei University") in found


def test_a_unit_visited_after_a_clause_that_discussed_plans_is_no_plan() -> None:
    text = (
        "A delegation of Termez State University visited Hubei University on May 3. The delegation also held a "
        "meeting at Wuhan Textile University, where internships were discussed, and got acquainted with the "
        "laboratories of the School of Chemistry of Hubei University."
    )
    assert ("School of Chemistry", "Hubei University") in relations(run(text), "PART_OF")


def test_a_unit_that_implements_a_programme_on_the_part_of_a_university_is_its() -> None:
    text = (
        "A delegation of Hubei University visited Termez State University on May 3. On the part of Hubei "
        "University the programme will be implemented by the School of Foreign Languages, whose Dean Li Gang "
        "also took part in the negotiations."
    )
    found = relations(run(text), "PART_OF")
    assert ("School of Foreign Languages", "Hubei University") in found
    assert ("School of Foreign Languages", "Termez State University") not in found


def test_a_unit_only_hoped_for_belongs_to_nobody_yet() -> None:
    text = (
        "A delegation of Hubei University visited Termez State University on May 3. The rector of Termez State "
        'University expressed hopes of establishing a "Silk Road Research Center" at the university.'
    )
    assert not relations(run(text), "PART_OF")


def test_a_unit_one_university_agreed_with_another_to_open_is_both_of_theirs() -> None:
    text = "Termez State University also agreed with Hubei University to open a Joint Research Center of Soil Ecology."
    found = relations(run(text), "PART_OF")
    assert ("Joint Research Center of Soil Ecology", "Termez State University") in found
    assert ("Joint Research Center of Soil Ecology", "Hubei University") in found


def test_a_unit_two_universities_will_establish_belongs_to_both_even_after_a_parenthesis() -> None:
    text = (
        "Under the documents, Karshi State University and the China University of Mining (Beijing) will establish "
        "a Uzbek-Chinese Joint Research Center for Mineral Resources in Karshi."
    )
    found = relations(run(text), "PART_OF")
    owners = {org for unit, org in found if unit.startswith("Uzbek-Chinese Joint Research Center")}
    assert owners == {"Karshi State University", "China University of Mining (Beijing)"}  # the campus city is named


def test_membership_in_one_clause_does_not_put_the_pair_into_the_belt_and_road() -> None:
    text = (
        "Osh State University and Xiamen University signed a memorandum of cooperation in June. "
        "Both universities are members of the Asian Alliance of Technical Universities, "
        "and the rector also mentioned the Belt and Road Initiative in his speech."
    )
    involved = relations(run(text), "INVOLVED_IN")
    assert {
        (org, "Asian Alliance of Technical Universities") for org in ("Osh State University", "Xiamen University")
    } <= involved
    assert not {pair for pair in involved if pair[1] == "Belt and Road Initiative"}


def test_a_relative_clause_puts_only_its_antecedent_into_the_belt_and_road() -> None:
    text = (
        "The delegation also visited the Yunnan Tumour Hospital and the School of International Education of "
        'Kunming University, which cooperates with Kazakh universities within the framework of the "Belt and Road".'
    )
    involved = {org for org, initiative in relations(run(text), "INVOLVED_IN") if "Belt and Road" in initiative}
    assert involved == {"Kunming University"}


def test_an_unowned_unit_on_a_university_page_is_the_publishers() -> None:
    text = (
        "Five years with Lanzhou: our partnership\n\n"
        "The Department of External Relations has prepared a short chronology of our cooperation with Lanzhou "
        "Jiaotong University. In 2020 Lanzhou Jiaotong University hosted our first students. In 2022 Lanzhou "
        "Jiaotong University sent two teachers to Taraz Regional University."
    )
    document = Document(key=document_key(text), text=text, published="2025-02-01", publisher="taraz.edu.kz")
    parts = relations(extract(document), "PART_OF")
    assert parts == {("Department of External Relations", "Taraz Regional University")}
