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
