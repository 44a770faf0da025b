"""Build `loaders/data/places.tsv`, the place names the extractor recognises, from GeoNames (CC BY 4.0).

Run on demand: `python -m loaders.build_places [DATA_DIR]` (default ../shared/data). One row per printed
name: name, country ISO code, canonical name. Cities of 15,000+ people in Central Asia and China with their
ASCII names (and Latin alternate names for cities of 300,000+, in Central Asia of 100,000+), plus first-level
regions (provinces).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from loaders.gazetteer import NATIONALITIES

HERE = Path(__file__).resolve().parent
OUT = HERE / "data" / "places.tsv"
BIG_CITY = 300_000
REGIONAL_CITY = 100_000
CENTRAL_ASIA = {"KZ", "KG", "UZ", "TJ", "TM"}
LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:['’-][a-z]+)?")


def city_names(row: dict[str, str]) -> set[str]:
    """The printed forms of one GeoNames city row worth recognising."""
    names = {row["name"], row["asciiname"]}
    population = int(row.get("population") or 0)
    regional = row["country_code"] in CENTRAL_ASIA and population >= REGIONAL_CITY
    shortest = 3 if regional else 4  # 'Osh', a regional capital (Termez, Karshi: their Latin spellings too)
    names = {n for n in names if len(n) >= shortest}
    if population >= BIG_CITY or regional:
        alternates = {alt for alt in row["alternatenames"].split(",") if LATIN_NAME.fullmatch(alt)}
        shortest = 4 if population >= BIG_CITY else 5
        names |= {alt for alt in alternates if len(alt) >= shortest and alt.lower() not in NATIONALITIES}
    return {n.replace("’", "'") for n in names}


def read_places(data: Path) -> dict[str, tuple[str, str]]:
    """Printed name → (country, canonical name); the most populous city wins a shared name."""
    places: dict[str, tuple[str, str]] = {}
    with (data / "geonames" / "cities15000.central_asia_china.tsv").open(encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle, delimiter="\t"), key=lambda r: -int(r.get("population") or 0))
    for row in rows:
        for name in sorted(city_names(row)):
            places.setdefault(name, (row["country_code"], row["name"]))
    admin = (data / "geonames" / "admin1_codes.central_asia_china.tsv").read_text(encoding="utf-8")
    for line in admin.splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 3:
            places.setdefault(parts[2], (parts[0][:2], parts[2]))
    return places


def main(argv: list[str] | None = None) -> int:
    """Write the places file from a data folder."""
    args = sys.argv[1:] if argv is None else argv
    data = Path(args[0]) if args else HERE.parent.parent / "shared" / "data"
    places = read_places(data)
    lines = ["name\tcountry\tcanonical"] + [f"{n}\t{c}\t{k}" for n, (c, k) in sorted(places.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sys.stdout.write(f"places={len(places)} bytes={OUT.stat().st_size}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
