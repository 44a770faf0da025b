"""People across and within documents: initials, full names and bare surnames of one person are one node;
namesakes with other initials or given names stay apart, whatever the order the articles come in."""

from __future__ import annotations

import pytest

from loaders.names import parse_person, same_person
from tests.loaders.test_resolve import Loader, make_candidate

INITIALS = "Rector Duisenov M.K."
FULL = "Duisenov Marat Kairatovich"
GIVEN = "Marat Duisenov"


def person(loader: Loader, *names: str, text: str = "") -> str:
    """Resolve one document naming one person; the person's key."""
    return loader.keys(make_candidate("Person", *names), text=text)[0]


@pytest.mark.parametrize("order", [(INITIALS, FULL, GIVEN), (GIVEN, INITIALS, FULL), (FULL, GIVEN, INITIALS)])
def test_initials_and_full_names_are_one_person_in_any_order(order: tuple[str, str, str]) -> None:
    loader = Loader()
    keys = {person(loader, name) for name in order}
    assert len(keys) == 1
    known = loader.index.get(keys.pop())
    assert known is not None
    assert known.name == FULL  # the fullest form seen, whichever came first
    assert {INITIALS, FULL, GIVEN} <= set(known.aliases)


def test_other_initials_are_another_person() -> None:
    loader = Loader()
    first = person(loader, "Duisenov M.K.")
    second = person(loader, "Duisenov A.T.")
    assert first != second
    assert person(loader, "Askar Duisenov") == second
    assert person(loader, "Duisenov M.T.") not in {first, second}  # M.K. by patronymic would be Marat K...


def test_a_patronymic_initial_must_agree() -> None:
    full, other = parse_person(FULL), parse_person("Duisenov M.T.")
    assert full is not None and other is not None
    assert not same_person(full, other)
    assert same_person(full, parse_person("M.K. Duisenov"))  # type: ignore[arg-type]


def test_a_given_name_must_fit_every_form_the_person_was_printed_in() -> None:
    loader = Loader()
    marat = person(loader, "M. Duisenov", "Marat Duisenov")
    assert person(loader, "Murat Duisenov") != marat  # fits "M. Duisenov" but not "Marat Duisenov"


def test_forms_of_one_person_in_one_document_are_joined() -> None:
    loader = Loader()
    keys = loader.keys(
        make_candidate("Person", "Professor Aigerim Serikovna Nurlanova"),
        make_candidate("Person", "Nurlanova A.S."),
        make_candidate("Person", "Prof. Nurlanova"),
        text="Professor Aigerim Serikovna Nurlanova visited. Nurlanova A.S. signed. Prof. Nurlanova said...",
    )
    assert len(set(keys)) == 1
    known = loader.index.get(keys[0])
    assert known is not None and known.name == "Aigerim Serikovna Nurlanova"


def test_a_bare_surname_joins_the_document_person_not_a_namesake_from_the_graph() -> None:
    loader = Loader()
    namesake = person(loader, "Bekov A.K.", text="Dean Bekov A.K. gave a lecture.")
    keys = loader.keys(
        make_candidate("Person", "Mr. Bekov"),
        make_candidate("Person", "Sanzhar Bekov"),
        text="Sanzhar Bekov, rector, signed the memorandum. Mr. Bekov said it opens new horizons.",
    )
    assert keys[0] == keys[1] != namesake


def test_a_bare_surname_two_people_of_the_document_share_joins_neither() -> None:
    loader = Loader()
    keys = loader.keys(
        make_candidate("Person", "Askar Omarov"),
        make_candidate("Person", "Berik Omarov"),
        make_candidate("Person", "Mr. Omarov"),
        text="Askar Omarov and Berik Omarov met. Mr. Omarov said...",
    )
    assert len(set(keys)) == 3


def test_titles_of_one_person_in_one_document_are_all_kept() -> None:
    loader = Loader()
    first = make_candidate("Person", "Aigerim Nurlanova")
    first.props["titles"] = ["Vice-Rector"]
    second = make_candidate("Person", "Nurlanova A.")
    second.props["titles"] = ["Vice-Rector for International Affairs"]
    loader.keys(first, second)
    known = loader.index.get("aigerim_nurlanova")
    assert known is not None
    assert loader.last.entities[second.local_id].props["titles"] == [
        "Vice-Rector",
        "Vice-Rector for International Affairs",
    ]


@pytest.mark.parametrize("bare_first", [True, False])
def test_a_person_known_by_a_long_surname_alone_is_the_full_name_in_either_order(bare_first: bool) -> None:
    loader = Loader()
    texts = [("Mr. Tokhtarov", "Mr. Tokhtarov said the agreement matters."), ("Bakyt Tokhtarov", "Bakyt Tokhtarov")]
    keys = [person(loader, name, text=text) for name, text in (texts if bare_first else texts[::-1])]
    assert keys[0] == keys[1]
    assert loader.index.get(keys[0]).name == "Bakyt Tokhtarov"  # type: ignore[union-attr]
    assert person(loader, "Mr. Wang") != person(loader, "Wang Tao")  # a short surname identifies nobody


def test_the_fullest_form_names_the_person_whichever_the_document_prints_first() -> None:
    loader = Loader()
    keys = loader.keys(
        make_candidate("Person", "Aigerim Nurlanova", local_id="a1"),
        make_candidate("Person", "Nurlanova Aigerim Serikovna", local_id="a2"),
        text="Aigerim Nurlanova spoke. Nurlanova Aigerim Serikovna signed.",
    )
    assert keys[0] == keys[1]
    assert {e.name for e in loader.last.entities.values()} == {"Nurlanova Aigerim Serikovna"}
