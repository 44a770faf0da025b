"""Risk context: Chinese partners that carry the name of a US Entity List entry, and how Central Asia reaches them.

The list is the copy shipped in `reports/data` (see its SOURCE.md). Names are compared with the project's
organisation-name parsing (`loaders.org_names.parse_org`: folded, order-free core words plus eponym), on full
names only: a bare abbreviation ("CSU", "HEU") names too many institutions to match on. A match is context
for a reader, not a finding about anyone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx

from loaders.names import is_abbreviation
from loaders.org_names import parse_org
from reports.snapshot import CENTRAL_ASIA, CHINA, Snapshot, Tie

DATA = Path(__file__).resolve().parent / "data" / "entity_list_china_academic.json"
MAX_HOPS = 2
INSTITUTIONS = ("University", "Organization")
"""Where paths start: institutions, not their labs and units (whose chains run through their parent)."""


@dataclass(frozen=True)
class ListedPartner:
    """An organisation in the graph whose name matches an Entity List entry."""

    key: str
    entry_name: str
    matched_name: str
    how: str
    entry_text: str


@dataclass(frozen=True)
class RiskPath:
    """A shortest chain of ties from a Central Asian organisation to a listed partner."""

    start: str
    listed: str
    hops: tuple[tuple[str, str], ...]


@cache
def load_entries(path: Path = DATA) -> tuple[dict[str, Any], ...]:
    """The shipped Entity List entries: {name, aliases, entity_list_text}."""
    return tuple(json.loads(path.read_text(encoding="utf-8"))["entries"])


def source_note(path: Path = DATA) -> str:
    """The provenance line the list carries."""
    return str(json.loads(path.read_text(encoding="utf-8"))["source"])


def name_key(name: str) -> tuple[str, str] | None:
    """The comparable form of a full name (None for a bare abbreviation or an empty name)."""
    if not name.strip() or is_abbreviation(name):
        return None
    parsed = parse_org(name)
    if parsed.abbreviation or not parsed.words:
        return None
    return parsed.signature, parsed.eponym


@cache
def _index(path: Path = DATA) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
    """Comparable form → (entry, "name" | "alias"); an entry's own name wins over another's alias."""
    index: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    for entry in load_entries(path):
        for form in entry["aliases"]:
            if (key := name_key(form)) is not None:
                index.setdefault(key, (entry, "alias"))
    for entry in load_entries(path):
        if (key := name_key(entry["name"])) is not None:
            index[key] = (entry, "name")
    return index


def match_partners(snapshot: Snapshot, keys: set[str]) -> list[ListedPartner]:
    """Organisations among `keys` (Chinese, or of unknown country) whose name or an alias is on the list."""
    index = _index()
    out = []
    for key in sorted(keys):
        node = snapshot.nodes.get(key, {})
        if not snapshot.is_org(key) or snapshot.country(key) not in (CHINA, "?"):
            continue
        for form in [node.get("name") or "", *(node.get("aliases") or [])]:
            comparable = name_key(form)
            if comparable is not None and comparable in index:
                entry, via = index[comparable]
                how = "the entry's name" if via == "name" else "one of the entry's aliases"
                out.append(ListedPartner(key, entry["name"], form, how, entry["entity_list_text"]))
                break
    return out


def paths_to(
    snapshot: Snapshot, ties: dict[tuple[str, str], Tie], listed: list[ListedPartner], *, max_hops: int = MAX_HOPS
) -> list[RiskPath]:
    """For each listed partner, the shortest tie chain (≤ max_hops) from every Central Asian organisation."""
    if not listed:
        return []
    graph = nx.Graph(list(ties))
    out = []
    for partner in listed:
        if partner.key not in graph:
            continue
        reach = nx.single_source_shortest_path(graph, partner.key, cutoff=max_hops)
        for start, path in sorted(reach.items(), key=lambda kv: (len(kv[1]), kv[0])):
            if snapshot.country(start) in CENTRAL_ASIA and snapshot.nodes[start]["label"] in INSTITUTIONS:
                chain = list(reversed(path))
                hops = tuple(pairwise(chain))
                out.append(RiskPath(start=start, listed=partner.key, hops=hops))
    return out


def hop_tie(ties: dict[tuple[str, str], Tie], a: str, b: str) -> Tie:
    """The tie behind one hop of a path."""
    return ties[(a, b) if a < b else (b, a)]
