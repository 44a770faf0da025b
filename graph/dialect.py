"""What differs between the engines, described once as capability flags.

Code outside `graph/` branches on these flags, never on an engine's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Dialect:
    """The capabilities of one Cypher engine that coopgraph relies on."""

    name: Literal["falkordb", "neo4j"]
    unique_constraints: Literal["cypher", "command"]
    fulltext: Literal["neo4j", "falkordb"]
    index_if_not_exists: bool
    datetime_type: bool
    shortest_path_in_match: bool
    undirected_shortest_path: bool
    count_subquery: bool
    raw_read_queries: bool
    """Whether arbitrary read-only Cypher from a trusted caller is safe to run (FalkorDB 4.16: no)."""


FALKORDB = Dialect(
    name="falkordb",
    unique_constraints="command",
    fulltext="falkordb",
    index_if_not_exists=False,
    datetime_type=False,
    shortest_path_in_match=False,
    undirected_shortest_path=False,
    count_subquery=False,
    raw_read_queries=False,
)

NEO4J = Dialect(
    name="neo4j",
    unique_constraints="cypher",
    fulltext="neo4j",
    index_if_not_exists=True,
    datetime_type=True,
    shortest_path_in_match=True,
    undirected_shortest_path=True,
    count_subquery=True,
    raw_read_queries=True,
)

DIALECTS = {d.name: d for d in (FALKORDB, NEO4J)}
