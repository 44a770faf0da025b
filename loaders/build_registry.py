"""Build the shipped reference registry (loaders/data/registry.json.gz) from the reference data folder.

Run on demand: `python -m loaders.build_registry [DATA_DIR]` (default ../shared/data). It merges, per
country, the ROR names, the Hipo university list (names and web domains), the US Entity List's Chinese
academic entries (names and aliases) and our curated table (data/curated_aliases.tsv) into one record per
institution; adds GeoNames cities (name, ASCII alternate names) and countries with their adjectives.
The output holds precomputed name signatures so that `Registry.load()` does no parsing.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.names import fold, is_abbreviation, slugify
from loaders.org_names import abbreviates, parse_org
from loaders.registry_data import COUNTRY_WORDS, REGISTRY_PATH

HERE = Path(__file__).resolve().parent
CURATED = HERE / "data" / "curated_aliases.tsv"
COUNTRIES = ("CN", "HK", "MO", "KZ", "KG", "UZ", "TJ", "TM", "RU")
MIN_CITY_POPULATION = 100_000
_COUNTRY_FOLDS = {fold(w) for words in COUNTRY_WORDS.values() for w in words}
SKIP_DOMAIN_LABELS = frozenset("www en eng english mail mail2 edu ac gov com org net cn kz kg uz tj tm".split())  # noqa: SIM905


@dataclass
class OrgRecord:
    """One institution being assembled from several sources."""

    name: str
    country: str | None
    kind: str = "org"
    types: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)
    city: str | None = None

    def names(self) -> list[str]:
        """The canonical name first, then every alias."""
        return [self.name, *sorted(self.aliases - {self.name})]


class OrgMerger:
    """Collects organisation names from all sources, folding every name of one institution into one record."""

    def __init__(self) -> None:
        self.records: list[OrgRecord] = []
        self._by_form: dict[tuple[str | None, str, str], int] = {}

    def add(
        self,
        names: list[str],
        *,
        country: str | None,
        kind: str = "org",
        types: set[str] | None = None,
        domains: set[str] | None = None,
    ) -> OrgRecord:
        """Add an institution under its names (the first is canonical if it is new)."""
        found = self._find(names, country)
        if found is None:
            record = OrgRecord(name=names[0], country=country, kind=kind)
            self.records.append(record)
            found = len(self.records) - 1
        record = self.records[found]
        record.aliases.update(n for n in names if n != record.name)
        record.types.update(types or ())
        record.domains.update(domains or ())
        for name in names:
            if not is_abbreviation(name):
                parsed = parse_org(name)
                self._by_form.setdefault((country, parsed.signature, parsed.eponym), found)
        return record

    def _find(self, names: list[str], country: str | None) -> int | None:
        """The record that already holds one of these names (same country, same core, same eponym)."""
        for name in names:
            if is_abbreviation(name):
                continue
            parsed = parse_org(name)
            hit = self._by_form.get((country, parsed.signature, parsed.eponym))
            if hit is None and not parsed.eponym:
                hits = {i for (c, s, _), i in self._by_form.items() if c == country and s == parsed.signature}
                hit = hits.pop() if len(hits) == 1 else None
            if hit is not None:
                return hit
        return None


def read_curated(merger: OrgMerger) -> None:
    """Our curated table goes first, so its canonical names win."""
    with CURATED.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            kind, country, name, domain, aliases, _source = line.rstrip("\n").split("\t")
            merger.add(
                [name, *aliases.split("|")],
                country=None if country == "-" else country,
                kind=kind,
                domains=set() if domain == "-" else {domain},
            )


def read_ror(merger: OrgMerger, data: Path) -> None:
    """ROR 2021 names, country and types (CC0)."""
    for rec in json.loads((data / "ror-names-2021" / "ror_names_2021.central_asia_china.json").read_text()):
        merger.add([rec["name"]], country=rec["country_code"], types=set(rec.get("types") or ()))


def read_hipo(merger: OrgMerger, data: Path, cities: dict[str, list[Any]]) -> None:
    """Hipo university names and web domains (MIT); a trailing city ("... University Xi'an") is cut off."""
    path = data / "hipo-university-domains" / "world_universities_and_domains.central_asia_china.json"
    for rec in json.loads(path.read_text()):
        name, city = strip_trailing_city(rec["name"], cities)
        domains = {d.lower().removeprefix("www.") for d in rec.get("domains") or ()}
        record = merger.add([name, rec["name"]], country=rec["alpha_two_code"], types={"Education"}, domains=domains)
        record.city = record.city or city


def read_entity_list(merger: OrgMerger, data: Path) -> None:
    """US Entity List names and aliases of Chinese academic institutions (US public domain)."""
    path = data / "us-entity-list-china-academic" / "entity_list_china_academic.json"
    for rec in json.loads(path.read_text())["entries"]:
        aliases = [a for a in rec.get("aliases") or () if 2 <= len(a) <= 120]
        merger.add([rec["name"], *aliases], country="CN")


def read_cities(data: Path) -> list[list[Any]]:
    """GeoNames cities: [name, country, population, folded alternate names] (CC BY 4.0)."""
    rows: list[list[Any]] = []
    with (data / "geonames" / "cities15000.central_asia_china.tsv").open(encoding="utf-8") as handle:
        for rec in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            alternates = {rec["name"], rec["asciiname"], *rec["alternatenames"].split(",")}
            folded = sorted({fold(a) for a in alternates if _usable_alternate(a)} - _COUNTRY_FOLDS - {""})
            rows.append([rec["name"].replace("’", "'"), rec["country_code"], int(rec["population"] or 0), folded])
    rows.sort(key=lambda r: (-r[2], r[0]))
    return rows


def _usable_alternate(name: str) -> bool:
    """Latin or Cyrillic alternate names of up to three words; not airport codes like 'FRU'."""
    if not name or (name.isupper() and len(name) <= 4) or len(name.split()) > 3:
        return False
    return all(c.isascii() or "\u0400" <= c <= "\u04ff" or (c.isalpha() and ord(c) < 0x0250) for c in name)


def city_lookup(cities: list[list[Any]]) -> dict[str, list[Any]]:
    """Folded name → the most populous city of that name (for finding cities inside org names)."""
    lookup: dict[str, list[Any]] = {}
    for row in cities:
        if row[2] >= MIN_CITY_POPULATION:
            for alt in row[3]:
                if len(alt) >= 4:
                    lookup.setdefault(alt, row)
    return lookup


def strip_trailing_city(name: str, cities: dict[str, list[Any]]) -> tuple[str, str | None]:
    """Split "Northwest University Xi'an" into ("Northwest University", "Xi'an")."""
    words = name.split()
    if len(words) > 2 and fold(words[-1]) in cities:
        return " ".join(words[:-1]).rstrip(" ,"), cities[fold(words[-1])][0]
    return name, None


def add_cities_and_abbreviations(merger: OrgMerger, cities: dict[str, list[Any]]) -> None:
    """City from a city word in the name; domain labels that abbreviate the name become aliases."""
    for record in merger.records:
        if record.city is None:
            record.city = next(
                (cities[w][0] for w in fold(record.name).split() if w in cities and cities[w][1] == record.country),
                None,
            )
        for domain in record.domains:
            label = _domain_label(domain)
            if label and abbreviates(label, parse_org(record.name)):
                record.aliases.add(label.upper())


def _domain_label(domain: str) -> str | None:
    """The label before the public suffix: "mail.sysu.edu.cn" → "sysu"."""
    labels = [lb for lb in domain.lower().split(".") if lb not in SKIP_DOMAIN_LABELS]
    label = labels[-1] if labels else ""
    return label if 2 <= len(label) <= 7 and label.isalpha() else None


def read_countries(data: Path) -> dict[str, list[Any]]:
    """Countries: code → [English name, every name and adjective that denotes it, folded]."""
    out: dict[str, list[Any]] = {}
    path = data / "natural-earth" / "ne_50m_admin_0_countries.central_asia_china.geojson"
    for feature in json.loads(path.read_text())["features"]:
        props = feature["properties"]
        code = props["ISO_A2"]
        names = {props[k] for k in ("NAME", "NAME_LONG", "FORMAL_EN", "ADMIN") if props.get(k)}
        names.update(COUNTRY_WORDS.get(code, ()))
        out[code] = [props["NAME"], sorted({fold(n) for n in names} - {""})]
    return out


def serialise(merger: OrgMerger, cities: list[list[Any]], countries: dict[str, list[Any]]) -> dict[str, Any]:
    """The compact shipped form: org rows with precomputed name forms, cities, countries."""
    orgs, keys = [], set()
    for record in sorted(merger.records, key=lambda r: (r.kind, r.country or "", r.name)):
        key = slugify(record.name)
        key = f"{key}_{record.country.lower()}" if key in keys and record.country else key
        keys.add(key)
        forms = sorted({(p.signature, p.eponym) for p in map(parse_org, record.names()) if not p.abbreviation})
        orgs.append(
            {
                "key": key,
                "name": record.name,
                "country": record.country,
                "city": record.city,
                "kind": record.kind,
                "types": sorted(record.types),
                "aliases": sorted(record.aliases - {record.name}),
                "domains": sorted(record.domains),
                "forms": [list(f) for f in forms],
            }
        )
    return {"version": 1, "orgs": orgs, "cities": cities, "countries": countries}


def build(data: Path, out: Path = REGISTRY_PATH) -> dict[str, int]:
    """Read every source, merge, write the gzip file; returns counts for the log."""
    city_rows = read_cities(data)
    cities = city_lookup(city_rows)
    merger = OrgMerger()
    read_curated(merger)
    read_ror(merger, data)
    read_hipo(merger, data, cities)
    read_entity_list(merger, data)
    add_cities_and_abbreviations(merger, cities)
    payload = serialise(merger, city_rows, read_countries(data))
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return {
        "orgs": len(payload["orgs"]),
        "cities": len(city_rows),
        "countries": len(payload["countries"]),
        "bytes": out.stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: build from the given data folder (default ../shared/data)."""
    args = sys.argv[1:] if argv is None else argv
    data = Path(args[0]) if args else HERE.parent.parent / "shared" / "data"
    counts = build(data)
    sys.stdout.write(" ".join(f"{k}={v}" for k, v in counts.items()) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
