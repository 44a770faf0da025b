"""The shipped registry: small, fast to load, and right about the names, domains and places it knows."""

from __future__ import annotations

import pytest

from loaders.registry import Registry, _load
from loaders.registry_data import REGISTRY_PATH


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


def test_shipped_file_is_small_and_loads() -> None:
    assert REGISTRY_PATH.stat().st_size < 3_000_000
    _load.cache_clear()
    registry = Registry.load()
    assert len(registry.orgs) > 1000


def best(registry: Registry, name: str, country: str | None = None, city: str | None = None) -> str | None:
    matches = registry.match_organisation(name, country, city)
    return matches[0].org.key if matches else None


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("KSTU named after I. Razzakov", "kyrgyz_state_technical_university"),
        ("Kyrgyz State Technical University named after I. Razzakov", "kyrgyz_state_technical_university"),
        ("Harbin University of Engineering", "harbin_engineering_university"),
        ("Harbin Engineering University", "harbin_engineering_university"),
        ("Northwestern University (NWU)", "northwest_university"),
        ("Northwestern Polytechnic University", "northwestern_polytechnical_university"),
        ("NWPU", "northwestern_polytechnical_university"),
        ("Ali-Falabi Kazakh National University", "al_farabi_kazakh_national_university"),
        ("Lanzhou University of China", "lanzhou_university"),
        ("Xinjiang Pedagogical University", "xinjiang_normal_university"),
        ("Karaganda Research University named after E.A. Buketov", "karaganda_buketov_university"),
        ("One Belt One Road", "belt_and_road_initiative"),
    ],
)
def test_names_match_the_known_institution(registry: Registry, name: str, key: str) -> None:
    assert best(registry, name) == key


def test_bare_kstu_is_ambiguous_until_the_country_is_known(registry: Registry) -> None:
    keys = {m.org.key for m in registry.match_organisation("KSTU") if m.score >= 0.7}
    assert {"kyrgyz_state_technical_university", "abylkas_saginov_karaganda_technical_university"} <= keys
    assert best(registry, "KSTU", "KZ") == "abylkas_saginov_karaganda_technical_university"
    assert best(registry, "KSTU", "KG") == "kyrgyz_state_technical_university"
    assert best(registry, "KSTU", city="Karagandy") == "abylkas_saginov_karaganda_technical_university"


def test_northwest_is_not_northwestern_polytechnical(registry: Registry) -> None:
    assert best(registry, "Northwest University") != best(registry, "Northwestern Polytechnical University")
    assert "northwestern_polytechnical_university" not in {m.org.key for m in registry.match_organisation("NWU")}


def test_domains_name_their_institution(registry: Registry) -> None:
    org = registry.organisation_for_domain("auezov.edu.kz")
    assert org is not None and org.name == "M. Auezov South Kazakhstan University" and org.country == "KZ"
    xjtu = registry.organisation_for_domain("en.xjtu.edu.cn")
    assert xjtu is not None and xjtu.key == "xian_jiaotong_university"
    assert registry.organisation_for_domain("24.kg") is None


def test_cities_by_any_spelling(registry: Registry) -> None:
    for spelling in ("Xi'an", "Xian", "Xi’an"):
        city = registry.city(spelling)
        assert city is not None and city.country == "CN"
    karaganda = registry.city("Karaganda")
    assert karaganda is not None and karaganda.country == "KZ"
    almaty = registry.city("Alma-Ata")
    assert almaty is not None and almaty.name == "Almaty"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kyrgyz", "KG"),
        ("Kyrgyz Republic", "KG"),
        ("PRC", "CN"),
        ("Chinese", "CN"),
        ("People's Republic of China", "CN"),
        ("Kazakh", "KZ"),
        ("Uzbekistan", "UZ"),
        ("Turkmen", "TM"),
    ],
)
def test_countries_by_name_and_adjective(registry: Registry, text: str, code: str) -> None:
    assert registry.country(text) == code


def test_running_text_places(registry: Registry) -> None:
    assert registry.countries_in("The Kyrgyz delegation visited the PRC.") == {"KG": 1, "CN": 1}
    cities = {c.name for c in registry.cities_in("Talks in Karaganda, then Bishkek. Normal University staff.")}
    assert cities == {"Karagandy", "Bishkek"}
