"""Deterministic synthetic data for benchmarks: articles of the genre, and graphs in node-link JSON.

    python -m bench.generate articles N OUT.jsonl      # N press-release-like articles
    python -m bench.generate graph S|M|L OUT.json      # S: 1k nodes, M: 100k nodes / ~1M links, L: 1M / 10M

The same arguments always give the same bytes (seeded `random.Random`).
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CITIES = {
    "KZ": ["Almaty", "Astana", "Shymkent", "Karaganda", "Aktobe", "Pavlodar", "Taraz", "Semey", "Atyrau", "Kostanay"],
    "KG": ["Bishkek", "Osh", "Jalal-Abad", "Karakol", "Tokmok", "Naryn", "Talas", "Batken"],
    "UZ": ["Tashkent", "Samarkand", "Bukhara", "Namangan", "Andijan", "Fergana", "Nukus", "Karshi", "Termez"],
    "TJ": ["Dushanbe", "Khujand", "Kulob", "Bokhtar", "Istaravshan", "Khorog"],
    "TM": ["Ashgabat", "Turkmenabat", "Dashoguz", "Mary", "Balkanabat"],
    "CN": [
        "Urumqi",
        "Xi'an",
        "Lanzhou",
        "Harbin",
        "Beijing",
        "Shanghai",
        "Tianjin",
        "Chengdu",
        "Wuhan",
        "Nanjing",
        "Hangzhou",
        "Dalian",
        "Kashgar",
        "Shihezi",
        "Changchun",
        "Qingdao",
    ],
}
ADJECTIVE = {"KZ": "Kazakh", "KG": "Kyrgyz", "UZ": "Uzbek", "TJ": "Tajik", "TM": "Turkmen", "CN": "Chinese"}
KINDS = [
    "State University",
    "University of Technology",
    "Polytechnic University",
    "Pedagogical University",
    "Medical University",
    "Agricultural University",
    "Normal University",
    "University of Economics",
    "Institute of Engineering",
    "Oil and Gas Institute",
]
FIELDS = [
    "joint research",
    "academic mobility",
    "double-degree education",
    "remote sensing",
    "petroleum engineering",
    "artificial intelligence",
    "Chinese language teaching",
    "hydropower",
    "agriculture",
    "logistics",
]
GIVEN = [
    "Aibek",
    "Nurlan",
    "Dana",
    "Bakyt",
    "Gulnara",
    "Rustam",
    "Dilnoza",
    "Farrukh",
    "Wang",
    "Li",
    "Zhang",
    "Chen",
    "Liu",
    "Yang",
    "Timur",
    "Saule",
    "Azamat",
    "Madina",
    "Jamshid",
    "Shahlo",
]
FAMILY = [
    "Abenov",
    "Tokaev",
    "Sadykov",
    "Nazarova",
    "Karimov",
    "Rakhimov",
    "Wei",
    "Jun",
    "Ming",
    "Hua",
    "Yusupov",
    "Umarov",
    "Bekov",
    "Iskakova",
    "Akhmedov",
    "Khalilova",
    "Jianping",
    "Xiaoming",
    "Guang",
    "Hong",
]
TITLES = [
    "Rector",
    "Vice-Rector for International Affairs",
    "Vice-Rector for Research",
    "Dean of the Faculty of Physics",
    "Head of the International Department",
    "President",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def university_names(rng: random.Random) -> list[tuple[str, str, str]]:
    """(name, country, city) for every synthetic university, unique by name."""
    out = []
    for country, cities in sorted(CITIES.items()):
        for city in cities:
            for kind in KINDS:
                out.append((f"{city} {kind}", country, city))
    rng.shuffle(out)
    return out


def article(rng: random.Random, number: int, universities: list[tuple[str, str, str]]) -> dict[str, Any]:
    """One press release: a visit, a meeting with officials, a memorandum, a joint lab."""
    ca = [u for u in universities if u[1] != "CN"]
    cn = [u for u in universities if u[1] == "CN"]
    home, host = rng.choice(ca), rng.choice(cn)
    person, guest = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    field, field2 = rng.sample(FIELDS, 2)
    kind = rng.choice(["memorandum of understanding", "cooperation agreement"])
    text = (
        f"On {MONTHS[month - 1]} {day}, {year}, a delegation of {home[0]} led by {rng.choice(TITLES)} {person} "
        f"visited {host[0]} in {host[2]}, China.\n\n"
        f"The guests were welcomed by {rng.choice(TITLES)} of {host[0]} {guest}, who presented the university's "
        f"laboratories and educational programmes.\n\n"
        f"The parties discussed cooperation in {field} and {field2}, and signed a {kind} on {field}. "
        f"It was agreed to open a {ADJECTIVE[home[1]]}-Chinese Joint Laboratory for {field.title()} at {home[0]}.\n\n"
        f"Both universities take part in the Belt and Road Initiative."
    )
    return {
        "id": f"synthetic-{number:06d}",
        "url": f"https://news.example.edu/{year}/{number:06d}",
        "title": f"{home[0]} delegation visits {host[0]}",
        "published": f"{year}-{month:02d}-{day:02d}",
        "language": "en",
        "text": text,
    }


def articles(count: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """`count` articles, the same every time for the same seed."""
    rng = random.Random(seed)
    universities = university_names(rng)
    for number in range(count):
        yield article(rng, number, universities)


SIZES = {"S": (1_000, 5_000), "M": (100_000, 1_000_000), "L": (1_000_000, 10_000_000)}
LABELS = ["University"] * 3 + ["Organization", "Person", "Person", "Lab", "Agreement", "Event"]


def graph(size: str, seed: int = 11) -> dict[str, Any]:
    """A node-link graph of the given size with the project's schema: typed nodes, sourced facts."""
    n_nodes, n_links = SIZES[size]
    rng = random.Random(seed)
    n_docs = max(10, n_nodes // 20)
    countries = sorted(CITIES)
    nodes: list[dict[str, Any]] = [
        {
            "id": f"doc_{i:08d}",
            "label": "Document",
            "source_id": f"s{i}",
            "title": f"Article {i}",
            "published": f"{2015 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        }
        for i in range(n_docs)
    ]
    entity_keys = []
    for i in range(n_nodes - n_docs):
        label = LABELS[i % len(LABELS)]
        country = countries[i % len(countries)]
        key = f"{label.lower()}_{i:08d}"
        entity_keys.append((key, label))
        node = {
            "id": key,
            "label": label,
            "name": f"{label} {i} of {rng.choice(CITIES[country])}",
            "aliases": [f"{label[:3].upper()}{i}"],
        }
        if label in ("University", "Organization", "Lab"):
            node["country"] = country
        nodes.append(node)
    return {
        "directed": True,
        "multigraph": True,
        "graph": {},
        "nodes": nodes,
        "links": list(_links(rng, entity_keys, n_docs, n_links)),
    }


def _links(rng: random.Random, keys: list[tuple[str, str]], n_docs: int, n_links: int) -> Iterator[dict[str, Any]]:
    """Unique sourced links; types follow the endpoints' labels."""
    orgs = [k for k, lb in keys if lb in ("University", "Organization", "Lab")]
    people = [k for k, lb in keys if lb == "Person"]
    seen: set[tuple[str, str, str]] = set()
    while len(seen) < n_links:
        if rng.random() < 0.8:
            a, b, rel = rng.choice(orgs), rng.choice(orgs), "COOPERATES_WITH"
            a, b = min(a, b), max(a, b)
        else:
            a, b, rel = rng.choice(people), rng.choice(orgs), "AFFILIATED_WITH"
        if a == b or (a, rel, b) in seen:
            continue
        seen.add((a, rel, b))
        doc = f"doc_{rng.randrange(n_docs):08d}"
        link = {"source": a, "target": b, "type": rel, "sources": [doc], "evidence": [f"{a} and {b} cooperate."]}
        if rel == "AFFILIATED_WITH":
            link["title"] = rng.choice(TITLES)
        yield link


def main() -> None:
    """Command line: see the module docstring."""
    if len(sys.argv) != 4 or sys.argv[1] not in ("articles", "graph"):
        sys.exit(__doc__)
    kind, arg, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    if kind == "articles":
        with out.open("w", encoding="utf-8") as handle:
            for record in articles(int(arg)):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write_text(json.dumps(graph(arg), ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
