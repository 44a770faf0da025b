"""Shortest cooperation paths by bidirectional breadth-first search, one indexed read query per hop.

The catalogue's `cooperation_path` states the question; its variable-length pattern enumerates every path up
to `max_hops` before keeping the shortest (about a second at 100k nodes / 1M links, and FalkorDB has no
undirected shortestPath). Here each hop expands the smaller of the two frontiers by its keys (Entity(key) is
indexed), stops at the layer where the two searches meet, then one query reads the relationships, with their
sources and evidence, along the shortest paths found. Same semantics as `cooperation_path`: its six fact
relationship types in either direction, Initiatives never on a path (not even at its ends), at most
`max_hops` (≤ 4) links, at most `limit` paths, all of the shortest length. A search that would follow more
than ROW_BUDGET links, expand a frontier of more than MAX_FRONTIER keys, or run past its time limit stops
with QueryTimeout (504) instead of holding the store's workers.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from graph.errors import BadRequest, QueryTimeout
from graph.settings import get_settings
from graph.store import GraphStore, Row

MAX_HOPS = 4
MAX_LIMIT = 20
MAX_FRONTIER = 5_000
"""Keys one hop may expand (they are sent inlined in the query text, which FalkorDB parses slowly when huge)."""
ROW_BUDGET = 100_000
"""Links one search may follow, all hops together (a typical search at M follows a few thousand)."""

EXPAND = """
UNWIND $keys AS key
MATCH (n:Entity {key: key})-[:COOPERATES_WITH|VISITED|PARTY_TO|PART_OF|INVOLVED_IN|AFFILIATED_WITH]-(m:Entity)
WHERE NOT n:Initiative AND NOT m:Initiative
WITH n, m LIMIT $limit
RETURN n.key AS source, collect(DISTINCT m.key) AS targets, count(m) AS links
"""
"""The neighbours of some entities by fact relationships, Initiatives excluded (as stepping stones and ends), one
row per entity: a row per neighbour cost the client three times as much as the server at M."""

LINKS = """
UNWIND $pairs AS pair
MATCH (a:Entity {key: pair[0]})-[r:COOPERATES_WITH|VISITED|PARTY_TO|PART_OF|INVOLVED_IN|AFFILIATED_WITH]-(b:Entity)
WHERE b.key = pair[1]
RETURN a.key AS a, b.key AS b, a.name AS a_name, b.name AS b_name,
       [l IN labels(a) WHERE l <> 'Entity'][0] AS a_type, [l IN labels(b) WHERE l <> 'Entity'][0] AS b_type,
       type(r) AS type, startNode(r).key AS source, endNode(r).key AS target, r.date AS date,
       r.sources AS sources, r.evidence AS evidence
"""
"""Every fact relationship between each pair of consecutive path nodes, with the two nodes' names and types."""


@dataclass
class Side:
    """One end's search: its outermost layer, how far out that is, and each visited key's predecessors."""

    frontier: list[str]
    parents: dict[str, list[str]]
    level: int = 0

    @classmethod
    def start(cls, key: str) -> Side:
        """A search that has visited only its own end."""
        return cls(frontier=[key], parents={key: []})

    def routes(self, key: str) -> Iterator[list[str]]:
        """Every shortest chain of keys from this end to `key` (end first), in key order."""
        if not self.parents[key]:
            yield [key]
            return
        for parent in self.parents[key]:
            for route in self.routes(parent):
                yield [*route, key]


@dataclass
class Budget:
    """What is left of one search's rows and time."""

    rows: int
    deadline: float

    def remaining_ms(self) -> int:
        """Milliseconds left; QueryTimeout once none are."""
        left = int((self.deadline - time.monotonic()) * 1000)
        if left <= 0:
            raise QueryTimeout("path search ran out of time", details={"reason": "time"})
        return left


def find_paths(
    store: GraphStore,
    *,
    source: str,
    target: str,
    max_hops: int = MAX_HOPS,
    limit: int = 5,
    timeout_ms: int | None = None,
    row_budget: int = ROW_BUDGET,
) -> list[Row]:
    """The shortest chains of facts joining two entity keys, as `cooperation_path` returns them (hops, nodes, links)."""
    if not 1 <= max_hops <= MAX_HOPS or not 1 <= limit <= MAX_LIMIT:
        raise BadRequest(f"max_hops must be 1..{MAX_HOPS} and limit 1..{MAX_LIMIT}")
    if source == target:
        raise BadRequest("source and target are the same entity")
    budget = Budget(rows=row_budget, deadline=time.monotonic() + (timeout_ms or get_settings().query_timeout_ms) / 1000)
    routes = shortest_routes(store, source=source, target=target, max_hops=max_hops, budget=budget)
    chosen = list(islice(routes, limit))
    if not chosen:
        return []
    links = read_links(store, chosen, budget=budget)
    return list(islice(chains(chosen, links), limit))


def shortest_routes(
    store: GraphStore, *, source: str, target: str, max_hops: int, budget: Budget
) -> Iterator[list[str]]:
    """Node-key sequences of the shortest paths (none when farther than max_hops), found from both ends.

    Both ends take their first hop in one round trip; after that the smaller frontier moves. The searches
    meet where their outermost layers share keys (earlier layers were checked before and did not).
    """
    a, b = Side.start(source), Side.start(target)
    expand(store, [a, b], budget=budget)
    if target in a.parents:
        return iter([[source, target]])
    while a.level + b.level <= max_hops:
        met = sorted(set(a.frontier).intersection(b.frontier))
        if met:
            return (x + y[-2::-1] for m in met for x in a.routes(m) for y in b.routes(m))
        if not a.frontier or not b.frontier or a.level + b.level == max_hops:
            break
        expand(store, [a if len(a.frontier) <= len(b.frontier) else b], budget=budget)
    return iter(())


def expand(store: GraphStore, sides: list[Side], *, budget: Budget) -> None:
    """Move each side's frontier a layer out, in one query (an empty frontier: nothing more is reachable)."""
    keys = [key for side in sides for key in side.frontier]
    if len(keys) > MAX_FRONTIER:
        raise QueryTimeout(
            f"path search stopped: a frontier of {len(keys):,} entities to expand",
            details={"reason": "frontier", "max_frontier": MAX_FRONTIER},
        )
    rows = store.read_rows(EXPAND, {"keys": keys, "limit": budget.rows + 1}, timeout_ms=budget.remaining_ms())
    budget.rows -= sum(links for _source, _targets, links in rows)
    if budget.rows < 0:
        raise QueryTimeout("path search stopped: too many links to explore", details={"reason": "rows"})
    neighbours = {source: targets for source, targets, _links in rows}
    for side in sides:
        layer: dict[str, set[str]] = {}
        for key in side.frontier:
            for other in neighbours.get(key, ()):
                if other not in side.parents:
                    layer.setdefault(other, set()).add(key)
        side.parents.update((key, sorted(parents)) for key, parents in layer.items())
        side.frontier, side.level = sorted(layer), side.level + 1


def read_links(store: GraphStore, routes: Sequence[list[str]], *, budget: Budget) -> dict[tuple[str, str], list[Row]]:
    """The relationships between each consecutive pair of keys on the routes, by (from, to) in route order."""
    pairs = sorted({(r[i], r[i + 1]) for r in routes for i in range(len(r) - 1)})
    rows = store.read(LINKS, {"pairs": [list(p) for p in pairs]}, timeout_ms=budget.remaining_ms())
    found: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        found.setdefault((row["a"], row["b"]), []).append(row)
    for links in found.values():
        links.sort(key=lambda r: (r["type"], r["date"] or "", r["source"], r["target"], r["sources"] or []))
    return found


def chains(routes: Sequence[list[str]], links: dict[tuple[str, str], list[Row]]) -> Iterator[Row]:
    """Paths as relationship chains: each route's first choice of facts before any route's second, and so on."""
    options = [[links.get((r[i], r[i + 1]), []) for i in range(len(r) - 1)] for r in routes]
    widest = max(sum(len(step) for step in steps) for steps in options)
    for extra in range(widest):
        for route, steps in zip(routes, options, strict=True):
            for picks in choices([len(step) for step in steps], extra):
                yield as_row(route, [step[i] for step, i in zip(steps, picks, strict=True)])


def choices(sizes: Sequence[int], total: int) -> Iterator[tuple[int, ...]]:
    """Every pick of one index per step (index < size) whose indices add up to `total`, in order."""
    if not sizes:
        if total == 0:
            yield ()
        return
    for first in range(min(sizes[0], total + 1)):
        for rest in choices(sizes[1:], total - first):
            yield (first, *rest)


def as_row(route: list[str], links: list[Row]) -> Row:
    """One path in the catalogue's shape: hops, nodes (key, name, type), links (type, ends, date, provenance)."""
    names: dict[str, dict[str, Any]] = {}
    for link in links:
        names[link["a"]] = {"key": link["a"], "name": link["a_name"], "type": link["a_type"]}
        names[link["b"]] = {"key": link["b"], "name": link["b_name"], "type": link["b_type"]}
    return {
        "hops": len(links),
        "nodes": [names[key] for key in route],
        "links": [{k: link[k] for k in ("type", "source", "target", "date", "sources", "evidence")} for link in links],
    }


def neo4j_statements() -> list[tuple[str, str]]:
    """The search's Cypher as Neo4j runs it, for tools/cypher-lint."""
    return [("queries.paths.EXPAND", EXPAND), ("queries.paths.LINKS", LINKS)]
