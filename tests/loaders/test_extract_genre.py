"""Patterns of the genre, each shown by a short invented article (names and wording not from the corpus)."""

from __future__ import annotations

from loaders.extract import extract
from loaders.facts import Candidate, Document, Extraction
from loaders.read import document_key


def make_document(text: str, **fields: str) -> Document:
    return Document(key=document_key(text), text=text, **fields)


def labelled(extraction: Extraction, label: str) -> list[Candidate]:
    return [c for c in extraction.candidates if c.label == label]


def relations(extraction: Extraction, kind: str) -> set[tuple[str, str]]:
    names = {c.local_id: c.names[0] for c in extraction.candidates}
    return {(names[r.a], names[r.b]) for r in extraction.relations if r.type == kind}


def test_joint_programmes_with_their_owners() -> None:
    text = (
        "Rector of Osh State University Almaz Toktomushev met a delegation of Guangxi Normal University (GXNU). "
        "The parties agreed to launch a 3+1 joint bachelor's programme in Tourism Management and Hospitality. "
        "GXNU and Osh State University will also open a double-degree program in Chinese Philology from 2025. "
        "The sides discussed joint educational programs and academic mobility."
    )
    extraction = extract(make_document(text, published="2024-10-02"))
    programs = {c.names[0] for c in labelled(extraction, "Program")}
    assert programs == {
        "3+1 joint bachelor's programme in Tourism Management and Hospitality",
        "double-degree program in Chinese Philology",
    }
    part_of = relations(extraction, "PART_OF")
    for program in programs:
        assert (program, "Osh State University") in part_of
        assert (program, "Guangxi Normal University (GXNU)") in part_of


def test_programme_by_scheme_and_owner_tail() -> None:
    text = (
        "It was agreed to develop a joint master's program according to the 1+1 scheme in the field of "
        "Renewable energy systems. Later a joint training programme of the Silk Road Academy was presented."
    )
    names = {c.names[0] for c in labelled(extract(make_document(text)), "Program")}
    assert names == {
        "joint master's program according to the 1+1 scheme in the field of Renewable energy systems",
        "joint training programme of the Silk Road Academy",
    }


def test_branch_campuses_belong_to_parent_and_host() -> None:
    text = (
        "A branch campus of Dalian Maritime University (DMU) has been opened in Aktau, Kazakhstan.\n"
        "The DMU Kazakhstan branch is located on the campus of Caspian State University of Technologies.\n"
        "Later, the branch of Wuhan University in Tashkent State University of Economics admitted students."
    )
    extraction = extract(make_document(text))
    branches = [c for c in extraction.candidates if c.props.get("branch")]
    assert len(branches) == 2
    dmu = next(c for c in branches if "DMU Kazakhstan branch" in c.names)
    assert dmu.label == "University" and dmu.country == "KZ"
    part_of = relations(extraction, "PART_OF")
    assert (dmu.names[0], "Dalian Maritime University (DMU)") in part_of
    assert (dmu.names[0], "Caspian State University of Technologies") in part_of
    wuhan = next(c for c in branches if c is not dmu)
    assert (wuhan.names[0], "Wuhan University") in part_of
    assert (wuhan.names[0], "Tashkent State University of Economics") in part_of
    assert not {r.type for r in extraction.relations if wuhan.local_id in (r.a, r.b)} - {"PART_OF"}


def test_branch_office_of_a_company_is_an_organisation() -> None:
    text = "Engineers of the Uzbek branch of Sinopec Engineering Group (SEG) took part in the training."
    [branch] = [c for c in extract(make_document(text)).candidates if c.props.get("branch")]
    assert branch.label == "Organization" and branch.names[0] == "Uzbek branch of Sinopec Engineering Group (SEG)"


def test_acronym_with_eponym_is_the_university() -> None:
    text = (
        "The delegation of OshTU named after M. Adyshev visited Gansu Agricultural University. "
        "Rector of the Osh Technological University named after M. Adyshev Kanybek Isakov thanked the hosts. "
        "Students of M. Adyshev OshTU will study in Lanzhou."
    )
    extraction = extract(make_document(text))
    [osh] = [c for c in extraction.candidates if "OshTU named after M. Adyshev" in c.names]
    assert {"Osh Technological University named after M. Adyshev", "M. Adyshev OshTU"} <= set(osh.names)
    assert osh.label == "University"
    assert not [c for c in extraction.candidates if c.label == "Person" and "Adyshev" in " ".join(c.names)]


def test_spelling_variants_of_one_university_in_one_article() -> None:
    text = (
        "A delegation of Southwest Petroleum University of China arrived in Bukhara. "
        "The president of Southwestern Petroleum University Zhao Lihong met the rector. "
        "Southwest Petroleum University will host students."
    )
    extraction = extract(make_document(text))
    unis = [c for c in extraction.candidates if c.label == "University"]
    assert len(unis) == 1


def test_memorandum_with_a_list_of_partners() -> None:
    text = (
        "Khorog State University signed a memorandum with Yunnan University, Sichuan Agricultural University, "
        "the China Energy Engineering Corporation (CEEC), and Kunming Medical University on training engineers."
    )
    extraction = extract(make_document(text))
    parties = {a for a, _ in relations(extraction, "PARTY_TO")}
    assert parties == {
        "Khorog State University",
        "Yunnan University",
        "Sichuan Agricultural University",
        "China Energy Engineering Corporation (CEEC)",
        "Kunming Medical University",
    }


def test_lower_case_units_and_their_owner() -> None:
    text = (
        "The guests from Naryn State University visited Ningxia University and saw the key laboratories of "
        "desert ecology, water-saving irrigation technologies and the Center for Arid Studies. "
        "Zhang Min, dean of the school of international trade of Ningxia University, met them. "
        "The heads of research centers of local universities attended."
    )
    extraction = extract(make_document(text))
    labs = {c.names[0] for c in labelled(extraction, "Lab")}
    assert {"key laboratories of desert ecology", "water-saving irrigation technologies"} <= labs
    assert "school of international trade" in labs
    assert not any("local universities" in lab for lab in labs)
    assert ("school of international trade", "Ningxia University") in relations(extraction, "PART_OF")


def test_eponym_is_no_person_and_repeated_university_acronyms_are_kept() -> None:
    text = (
        "The training centre named after Zhang Heng opened in Khujand. "
        "A memorandum between TNU and Qinghai University was signed. Students of TNU will study in Xining."
    )
    extraction = extract(make_document(text))
    assert not labelled(extraction, "Person")
    parties = {a for a, _ in relations(extraction, "PARTY_TO")}
    assert parties == {"TNU", "Qinghai University"}


def test_an_invitation_to_sign_is_a_planned_agreement() -> None:
    text = "The rector invited Gansu University to visit Talas State University and sign a cooperation agreement."
    [agreement] = labelled(extract(make_document(text)), "Agreement")
    assert agreement.props["status"] == "planned"


def test_visit_shapes_with_dates() -> None:
    text = (
        "On 12 April 2023, Shaanxi Normal University hosted a delegation from Kokand State Pedagogical Institute.\n"
        "On April 14, the delegation paid a working visit to Northwest A&F University.\n"
        "Later the guests were received by Xi'an University of Technology and signed a memorandum with it.\n"
        "The rector will visit Lanzhou University next year."
    )
    extraction = extract(make_document(text, published="2023-04-20"))
    visits = {
        (a, b, r.props.get("date"))
        for r in extraction.relations
        if r.type == "VISITED"
        for a, b in [(by(extraction, r.a), by(extraction, r.b))]
    }
    kokand = "Kokand State Pedagogical Institute"
    assert (kokand, "Shaanxi Normal University", "2023-04-12") in visits
    assert (kokand, "Northwest A&F University", "2023-04-14") in visits
    assert (kokand, "Xi'an University of Technology", None) in visits
    assert not any(host == "Lanzhou University" for _, host, _ in visits)


def by(extraction: Extraction, local_id: str) -> str:
    return next(c.names[0] for c in extraction.candidates if c.local_id == local_id)


def test_a_visit_to_a_city_names_no_host() -> None:
    text = (
        "After the working visit of the Termez State University delegation to Urumqi, memorandums were "
        "signed with Xinjiang Agricultural University on soil science."
    )
    extraction = extract(make_document(text))
    assert not relations(extraction, "VISITED")
    parties = {a for a, _ in relations(extraction, "PARTY_TO")}
    assert parties == {"Termez State University", "Xinjiang Agricultural University"}


def test_agreement_between_named_parties_and_after_a_visit() -> None:
    text = (
        "The delegation of Dushanbe Medical College visited Guangxi Medical University (GMU) and signed a "
        "memorandum there. At the ceremony a contract between GMU and the Tajik State Medical University "
        "was signed in the presence of the Ministry of Health of Tajikistan."
    )
    extraction = extract(make_document(text))
    agreements = {r.b: set() for r in extraction.relations if r.type == "PARTY_TO"}
    for r in extraction.relations:
        if r.type == "PARTY_TO":
            agreements[r.b].add(by(extraction, r.a))
    assert sorted(map(sorted, agreements.values())) == [
        ["Dushanbe Medical College", "Guangxi Medical University (GMU)"],
        ["Guangxi Medical University (GMU)", "Tajik State Medical University"],
    ]


def test_events_get_kind_date_and_participants() -> None:
    text = (
        "On October 3-4, the Eurasian Rectors Forum was held in Bishkek. "
        "Kyrgyz National University and Zhengzhou University took part in the Eurasian Rectors Forum."
    )
    extraction = extract(make_document(text, published="2024-10-05"))
    [forum] = labelled(extraction, "Initiative")  # GOLD_FORMAT: forums are typed Initiative
    assert forum.props == {"date": "2024-10-03", "date_end": "2024-10-04"}
    involved = {a for a, b in relations(extraction, "INVOLVED_IN") if b == forum.names[0]}
    assert involved == {"Kyrgyz National University", "Zhengzhou University"}
    undated = extract(make_document(text))
    assert "date" not in labelled(undated, "Initiative")[0].props


def test_technical_university_is_the_university_of_technology_in_one_article() -> None:
    text = (
        "Rector of Kazakh Technical University (KTU) met colleagues from Dalian University of Technology. "
        "Students of the Kazakh University of Technology will study in Dalian."
    )
    unis = labelled(extract(make_document(text)), "University")
    assert sorted(len(u.names) > 1 for u in unis) == [False, True]
    assert any({"Kazakh Technical University", "Kazakh University of Technology"} <= set(u.names) for u in unis)


def test_cities_countries_and_located_in_only_where_stated() -> None:
    text = (
        "NUKUS, May 3 -- Karakalpak State University hosted guests from Shihezi University in Shihezi.\n"
        "The talks took place in Nukus, Uzbekistan. Professor Wang Urumqi attended."
    )
    extraction = extract(make_document(text))
    cities = {c.names[0] for c in labelled(extraction, "City")}
    assert cities == {"NUKUS", "Shihezi", "Nukus"} or cities == {"NUKUS", "Shihezi"}
    assert {c.country for c in labelled(extraction, "Country")} == {"UZ"}
    located = relations(extraction, "LOCATED_IN")
    assert ("Shihezi University", "Shihezi") in located
    assert any(country == "Uzbekistan" for _, country in located)
    assert not any(a == "Karakalpak State University" for a, _ in located)
