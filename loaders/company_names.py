"""Listed companies by any printed name: "Huawei Technologies Co., Ltd." and "Huawei" are one organisation.

The list is the extractor's (data/companies.tsv, via `loaders.companies`); resolution reads it to name
and key every printed form of a listed company by its canonical name.
"""

from __future__ import annotations

from functools import lru_cache

from loaders.companies import companies
from loaders.names import is_abbreviation, normalise


@lru_cache(maxsize=1)
def _canonical_by_form() -> dict[str, str]:
    """Normalised printed name → the name to show, for every listed company: its canonical name, or its
    longest printed name when the canonical one is an abbreviation ("CNPC")."""
    forms: dict[str, list[str]] = {}
    for printed, (canonical, _country) in companies().items():
        forms.setdefault(canonical, []).append(printed)
    shown = {
        canonical: canonical if not is_abbreviation(canonical) else max(printed, key=lambda n: (len(n), n))
        for canonical, printed in forms.items()
    }
    return {normalise(printed): shown[canonical] for printed, (canonical, _country) in companies().items()}


def listed_company(names: list[str]) -> str | None:
    """The name to show for the listed company one of these names is, if any."""
    table = _canonical_by_form()
    return next((table[form] for form in map(normalise, names) if form in table), None)
