"""Ministries by the forms the genre prints them in, each shown by a short invented text (not corpus text):
'the <Nationality> Foreign Ministry', and a bare ministry whose country another sentence prints."""

from __future__ import annotations

from loaders.facts import Candidate
from tests.loaders.test_resolve import Loader, make_candidate


def org(*names: str) -> Candidate:
    return make_candidate("Organization", *names)


def test_a_national_foreign_ministry_is_the_ministry_of_foreign_affairs() -> None:
    loader = Loader()
    first = loader.keys(org("Ministry of Foreign Affairs of Kyrgyzstan"), text="The Ministry of Foreign Affairs of "
                        "Kyrgyzstan hosted the talks.")  # fmt: skip
    second = loader.keys(org("Kyrgyz Foreign Ministry"), text="Akipress reports via the Kyrgyz Foreign Ministry.")
    assert first == second


def test_a_bare_ministry_takes_the_country_a_title_prints_for_it() -> None:
    text = (
        "Shandong University and Bukhara State University signed a memorandum in Jinan, China. Deputy Minister "
        "of Preschool and School Education of the Republic of Uzbekistan Dilshod Rakhimov attended. China and "
        "Chinese partners praised it. 'The Ministry of Preschool and School Education will support it,' he said."
    )
    loader = Loader()
    keys = loader.keys(org("Ministry of Preschool and School Education"), text=text)
    assert keys[0].endswith("of_uzbekistan")


def test_a_bare_ministry_of_a_publisher_known_by_its_address_only() -> None:
    text = (
        "Xinjiang University and Shihezi University signed with Nukus. The Ministry of Digital Technologies backed it."
    )
    loader = Loader()
    keys = loader.keys(org("Ministry of Digital Technologies"), text=text, publisher="daryo.uz")
    assert keys[0].endswith("of_uzbekistan")


def test_a_ministrys_field_in_the_plural_or_the_singular_is_one_ministry() -> None:
    loader = Loader()
    first = loader.keys(org("Ministry of Transport and Communications of Tajikistan"), text="A Tajik ministry spoke.")
    second = loader.keys(org("Ministry of Transport and Communication of Tajikistan"), text="It spoke again.")
    assert first == second
