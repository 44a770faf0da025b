"""Joint programmes and who runs them: invented sentences (names not from any corpus)."""

from __future__ import annotations

from tests.loaders.test_relations_genre import labels, relations, run


def test_a_programme_whose_field_is_quoted_after_in_is_named_and_run_by_the_signatories() -> None:
    text = (
        "A delegation of Hubei University visited Termez State University on May 3. The parties also signed an "
        'agreement on a double-degree master\'s programme in "Soil Science and Ecology", under which students '
        "will study one year in Wuhan."
    )
    extraction = run(text)
    program = 'double-degree master\'s programme in "Soil Science and Ecology"'
    assert program in labels(extraction, "Program")
    owners = {org for unit, org in relations(extraction, "PART_OF") if unit == program}
    assert owners == {"Hubei University", "Termez State University"}


def test_a_programme_still_to_be_agreed_is_not_yet_a_programme() -> None:
    text = (
        "Termez State University and Hubei University agreed to sign an agreement on a double diploma programme "
        'in "Agronomy" before the new academic year.'
    )
    assert not labels(run(text), "Program")


def test_an_expectation_after_the_programme_does_not_unmake_it() -> None:
    text = (
        "Termez State University and Hubei University will also conclude an agreement on a 2+2 joint bachelor's "
        "programme in industrial robotics; the first students are expected to be admitted in September 2027."
    )
    extraction = run(text)
    program = "2+2 joint bachelor's programme in industrial robotics"
    assert program in labels(extraction, "Program")
    owners = {org for unit, org in relations(extraction, "PART_OF") if unit == program}
    assert owners == {"Termez State University", "Hubei University"}


def test_a_capitalised_field_ends_before_a_lower_case_item_after_and() -> None:
    text = (
        "Kostanay Regional University and Jilin Agricultural University signed a memorandum covering a "
        '"2+2" dual-degree program in Food Technology and Agricultural Engineering and joint research on grain storage.'
    )
    programs = {c.names[0] for c in run(text).candidates if c.label == "Program"}
    assert programs == {'"2+2" dual-degree program in Food Technology and Agricultural Engineering'}


def test_two_reported_clauses_have_their_own_parties() -> None:
    text = (
        "It was also announced that Talas State University and Shihezi University agreed to open a joint "
        "master's programme in Plant Protection in 2026 and that a memorandum between the Ministry of Education "
        "of the Kyrgyz Republic and the Xinjiang Department of Education is being prepared."
    )
    extraction = run(text)
    owners = {org for unit, org in relations(extraction, "PART_OF") if unit.startswith("joint master")}
    assert owners == {"Talas State University", "Shihezi University"}
