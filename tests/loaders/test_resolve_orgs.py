"""Institutions across documents: former names the text states join the institution's node; campus and
branch qualifiers keep institutions apart."""

from __future__ import annotations

import pytest

from loaders.facts import Candidate, Relation
from loaders.judgements import Judgement, Judgements
from loaders.resolve import resolve_publisher
from tests.loaders.test_resolve import Loader, make_candidate, make_document

CURRENT = "Altai Polytechnic University"
FORMER = "Altai Mining Institute"


def uni(*names: str, country: str | None = "KZ") -> Candidate:
    return make_candidate("University", *names, country=country)


@pytest.mark.parametrize(
    "sentence",
    [
        f"{CURRENT} (formerly {FORMER}) signed a memorandum with Hubei University.",
        f"{CURRENT} (formerly known as the {FORMER}) signed a memorandum with Hubei University.",
        f"The {FORMER}, now {CURRENT}, signed a memorandum with Hubei University.",
        f"{CURRENT}, former {FORMER}, signed a memorandum with Hubei University.",
        f"In 1996 the {FORMER} was renamed {CURRENT}. It signed a memorandum with Hubei University.",
        f"{CURRENT}, founded in 1958 as the {FORMER}, signed a memorandum with Hubei University.",
        f"{CURRENT}, one of the oldest universities of the region, was founded in 1958 as the {FORMER}.",
        f"{CURRENT} grew out of the {FORMER}.",
        f"The institute was opened by the {FORMER} (as {CURRENT} was then called) and Hubei University.",
    ],
)
def test_a_former_name_the_text_states_is_the_same_institution(sentence: str) -> None:
    loader = Loader()
    keys = loader.keys(uni(CURRENT), uni(FORMER), text=sentence)
    assert keys[0] == keys[1] == "altai_polytechnic_university"
    known = loader.index.get(keys[0])
    assert known is not None and known.name == CURRENT and FORMER in known.aliases


def test_a_former_name_found_again_in_a_later_article() -> None:
    loader = Loader()
    loader.keys(uni(CURRENT), uni(FORMER), text=f"{CURRENT} (formerly {FORMER}) hosted a forum.")
    assert loader.keys(uni(FORMER), text=f"A delegation of the {FORMER} visited Urumqi.") == [
        "altai_polytechnic_university"
    ]


def test_every_name_of_a_history_joins_the_institution_its_abbreviation_names() -> None:
    loader = Loader()
    keys = loader.keys(
        uni(CURRENT, "APU"),
        uni(FORMER),
        uni("Altai Industrial Institute"),
        text=f"Rector of {CURRENT} (APU) spoke. APU, founded in 1958 as the {FORMER} and later known as "
        "the Altai Industrial Institute, trains engineers.",
    )
    assert len(set(keys)) == 1


def test_the_university_is_the_one_organisation_named_just_before() -> None:
    loader = Loader()
    keys = loader.keys(
        uni(CURRENT, "APU"),
        uni(FORMER),
        text=f"The president of APU spoke at the ceremony. The university, founded in 1958 as the {FORMER}, "
        "has trained 600 specialists.",
    )
    assert keys[0] == keys[1]


def test_the_university_after_two_organisations_is_neither() -> None:
    loader = Loader()
    keys = loader.keys(
        uni(CURRENT),
        uni("Hubei University", country="CN"),
        uni(FORMER),
        text=f'Rectors of {CURRENT} and Hubei University met. "Our university, which began its history in 1958 '
        f'as the {FORMER}, is a centre of science," the rector said.',
    )
    assert len(set(keys)) == 3


def test_our_university_is_the_one_the_speaker_works_for() -> None:
    loader = Loader()
    apu, hubei, former = uni(CURRENT), uni("Hubei University", country="CN"), uni(FORMER)
    rector = make_candidate("Person", "Bakyt Asanov")
    keys = loader.keys(
        apu,
        hubei,
        former,
        rector,
        text=f'Rector of {CURRENT} Bakyt Asanov and the president of Hubei University met. "Our university, which '
        f'began its history in 1958 as the {FORMER}, is a centre of science," Bakyt Asanov said.',
        relations=[Relation("AFFILIATED_WITH", rector.local_id, apu.local_id, "")],
    )
    assert keys[0] == keys[2] != keys[1]


def test_a_former_name_the_extractor_gave_the_abbreviation_does_not_name_the_node() -> None:
    loader = Loader()
    keys = loader.keys(
        uni(f"Ust-Kamenogorsk {CURRENT}"),
        uni(FORMER, "UKAPU"),
        text=f"Ust-Kamenogorsk {CURRENT} hosted guests. UKAPU, founded in 1958 as the {FORMER}, trains engineers.",
    )
    assert keys[0] == keys[1] == "ust_kamenogorsk_altai_polytechnic_university"


def test_not_same_keeps_a_stated_former_name_apart() -> None:
    judgements = Judgements([Judgement(kind="not-same", a="altai_polytechnic_university", b="altai_mining_institute")])
    keys = Loader(judgements).keys(uni(CURRENT), uni(FORMER), text=f"{CURRENT} (formerly {FORMER}) hosted a forum.")
    assert keys == ["altai_polytechnic_university", "altai_mining_institute"]


def test_campus_qualifiers_keep_sister_institutions_apart() -> None:
    loader = Loader()
    east = loader.keys(uni(CURRENT), text=f"A delegation of {CURRENT} (East Campus) visited Hubei University.")
    west = loader.keys(uni(CURRENT), text=f"{CURRENT} (West Campus) signed a memorandum. {CURRENT} will host.")
    assert east == ["altai_polytechnic_university_east_campus"]
    assert west == ["altai_polytechnic_university_west_campus"]
    bare = loader.keys(uni(CURRENT), text=f"{CURRENT} opened a laboratory.")
    assert bare[0] not in {east[0], west[0]}  # the document does not say which


def test_a_qualifier_the_defined_abbreviation_spells_is_part_of_the_name() -> None:
    loader = Loader()
    keys = loader.keys(uni(CURRENT), text=f"{CURRENT}, Ridder (APUR) and Hubei University signed a memorandum.")
    assert keys == ["altai_polytechnic_university_ridder"]


@pytest.mark.parametrize(
    "text",
    [
        "Tianshan Normal College (Urumqi) hosted the guests.",  # where it is, not which one
        "Tianshan Normal College (TNC) hosted the guests.",
        "Tianshan Normal College (Tianshan University) hosted the guests.",  # another name of it
        "Tianshan Normal College (East Campus) and Tianshan Normal College (West Campus) hosted the guests.",
    ],
)
def test_places_abbreviations_other_names_and_two_campuses_are_no_qualifier(text: str) -> None:
    keys = Loader().keys(uni("Tianshan Normal College", country="CN"), text=text)
    assert keys == ["tianshan_normal_college"]


def test_every_printed_name_of_a_listed_company_is_one_organisation() -> None:
    loader = Loader()
    org = "Organization"
    first = loader.keys(
        make_candidate(org, "China Petroleum & Chemical Corporation"),
        make_candidate(org, "Sinopec"),
        text="China Petroleum & Chemical Corporation signed the memorandum. Sinopec will offer internships.",
    )
    later = loader.keys(make_candidate(org, "China Petrochemical Corporation"), text="China Petrochemical Corporation")
    assert first[0] == first[1] == later[0] == "sinopec"
    shown = loader.keys(make_candidate(org, "TBEA"), make_candidate(org, "TBEA Co., Ltd."), text="TBEA Co., Ltd.")
    assert shown[0] == shown[1]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_one_agreement_two_articles_name_differently_keeps_the_fuller_name(order: tuple[int, int]) -> None:
    names = ["memorandum", "Memorandum of Understanding on Academic Mobility"]
    loader = Loader()
    keys = []
    for i in order:
        a, b = uni(CURRENT), uni("Hubei University", country="CN")
        deal = make_candidate("Agreement", names[i])
        deal.props.update({"kind": "memorandum", "date": "2024-05-03"})
        relations = [
            Relation("PARTY_TO", a.local_id, deal.local_id, ""),
            Relation("PARTY_TO", b.local_id, deal.local_id, ""),
        ]
        keys.append(loader.keys(a, b, deal, relations=relations)[2])
    assert keys[0] == keys[1]
    assert loader.last.entities[deal.local_id].name == names[1]
    known = loader.index.get(keys[0])
    assert known is not None and known.name == names[1]


def test_a_ministry_without_its_country_is_the_ministry_of_the_country_the_article_speaks_from() -> None:
    loader = Loader()
    publisher = resolve_publisher(make_document("x", url="https://www.xju.edu.cn/news/1"), loader.registry)
    assert publisher is not None
    org = "Organization"
    chinese = loader.keys(
        make_candidate(org, "Ministry of Education"),
        text="The Ministry of Education approved the programme.",
        publisher_key=publisher.key,
    )
    kyrgyz = loader.keys(
        make_candidate(org, "Ministry of Education"),
        text="In Bishkek, the Ministry of Education of Kyrgyzstan welcomed the Kyrgyz and Kyrgyz students. "
        "The Ministry of Education approved the programme for Kyrgyzstan.",
    )
    assert chinese == ["ministry_of_education_of_the_peoples_republic_of_china"]
    assert kyrgyz[0] not in {chinese[0], "ministry_of_education"}
    unknown = [
        loader.keys(make_candidate(org, "Ministry of Education"), text=f"The Ministry of Education agreed ({i}).")
        for i in range(2)
    ]
    assert unknown[0] != unknown[1]  # nothing tells whose: each stays with its document


def test_a_shorter_run_of_a_name_the_document_prints_in_full_is_that_institution() -> None:
    loader = Loader()
    full = "Kaspiy Han Engineering and Technology University of Turkmenistan"
    keys = loader.keys(
        uni("Engineering and Technology University", country="TM"),
        uni(full, country="TM"),
        text=f"A delegation of {full} arrived. The vice-rector of the Engineering and Technology University spoke.",
    )
    assert keys[0] == keys[1]


@pytest.mark.parametrize(
    ("short", "full"),
    [
        (CURRENT, f"Academic Lyceum of the {CURRENT}"),  # the owner's name inside its unit's
        (CURRENT, f"{CURRENT} Academic Lyceum"),
        ("Tianshan University", "Tianshan Normal University"),  # not one run of words
    ],
)
def test_names_inside_other_names_that_are_other_institutions(short: str, full: str) -> None:
    keys = Loader().keys(uni(short), uni(full), text=f"{full} and {short} signed a memorandum.")
    assert keys[0] != keys[1]


@pytest.mark.parametrize(
    "text",
    [
        f"{CURRENT} (Rector Bakyt Asanov) hosted the guests.",
        f"{CURRENT} (Ltd.) hosted the guests.",
        "Xinjiang University (Dean Li Hua) hosted the guests.",
    ],
)
def test_people_and_legal_forms_in_brackets_are_no_campus(text: str) -> None:
    name = text.split(" (", maxsplit=1)[0]
    keys = Loader().keys(uni(name), text=text)
    assert keys[0] in {"altai_polytechnic_university", "xinjiang_university"}


def test_now_in_a_clause_is_no_renaming() -> None:
    keys = Loader().keys(
        uni(FORMER),
        uni(CURRENT),
        text=f"The delegation visited the {FORMER}, now {CURRENT} hosts the joint laboratory.",
    )
    assert keys[0] != keys[1]


def test_an_earlier_node_for_a_former_name_the_extractor_gave_the_abbreviation_is_folded() -> None:
    loader = Loader()
    assert loader.keys(uni(FORMER), text=f"The {FORMER} trains engineers.") == ["altai_mining_institute"]
    keys = loader.keys(
        uni(CURRENT),
        uni(FORMER, "APU"),
        text=f"{CURRENT} hosted guests. APU, founded in 1958 as the {FORMER}, trains engineers.",
    )
    assert keys == ["altai_polytechnic_university"] * 2
    assert loader.last.absorbed == {"altai_mining_institute": "altai_polytechnic_university"}
    assert "altai_mining_institute" not in loader.index
