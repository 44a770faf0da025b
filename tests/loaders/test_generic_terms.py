"""The rules that read unnamed references share one vocabulary: each reads every word of it."""

from __future__ import annotations

import pytest

from loaders import affiliations, cooperation, initiatives, unit_founders

PAIRS = ["universities", "institutions", "organizations", "organisations", "sides", "parties", "partners"]
UNITS = ["laboratory", "lab", "centre", "center", "institute", "classroom", "workshop"]


@pytest.mark.parametrize("noun", PAIRS)
def test_every_pair_rule_reads_every_pair_noun(noun: str) -> None:
    assert cooperation.BOTH.search(f"It was agreed that the two {noun} will open a centre")
    assert initiatives.BOTH.search(f"Both {noun} are members of the consortium.")
    assert unit_founders.BY_BOTH.search(f"The centre was founded by both {noun} in 2019.")


@pytest.mark.parametrize("unit", UNITS)
def test_every_unit_rule_reads_every_unit_word(unit: str) -> None:
    assert affiliations.GENERIC_UNIT.search(f"The new {unit} will train engineers.")
    assert affiliations.UNIT_HEAD.search(f"The director of the {unit} is Professor Li Wei")
    assert cooperation.UNIT_SUBJECT.search(f"The {unit} was opened ")
    assert not cooperation.BOTH.search("the two countries signed")
