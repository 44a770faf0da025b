"""Build `loaders/data/places.tsv`, the place names the extractor recognises, from GeoNames (CC BY 4.0).

Run on demand: `python -m loaders.build_places [DATA_DIR]` (default ../shared/data). One row per printed
name: name, country ISO code, canonical name. Cities of 15,000+ people in Central Asia and China with their
ASCII names (and Latin alternate names for cities of 300,000+), plus first-level regions (provinces).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "data" / "places.tsv"
BIG_CITY = 300_000
LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:['’-][a-z]+)?")


def city_names(row: dict[str, str]) -> set[str]:
    """The printed forms of one GeoNames city row worth recognising."""
    names = {row["name"], row["asciiname"]}
    if int(row.get("population") or 0) >= BIG_CITY:
        names |= {alt for alt in row["alternatenames"].split(",") if LATIN_NAME.fullmatch(alt)}
    return {n.replace("’", "'") for n in names if len(n) >= 4}


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
