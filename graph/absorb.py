"""Fold one entity node into another: its facts (with their sources) and mentions move, then it goes.

Used when a later article shows that an entity already in the graph is another one under an earlier
name ("Y, now X"): the graph then holds what it would hold had the articles come in the other order.
The facts are read back as fact rows and written again through `upsert_facts`, so folding sources,
undated visits and the one stored direction of a cooperation work exactly as for a new article.
"""

from __future__ import annotations

from collections import defaultdict

from graph.schema import FACT_TYPES
from graph.store import GraphStore, Row
from graph.upsert import refresh_aliases, upsert_facts, upsert_mentions

FACTS_OF = (
    "MATCH (d:Entity {key: $drop})-[r]-(o:Entity) WHERE o.key <> $keep "
    "RETURN type(r) AS type, startNode(r) = d AS outgoing, o.key AS other, properties(r) AS props"
)
MENTIONS_OF = (
    "MATCH (d:Entity {key: $drop})-[m:MENTIONED_IN]->(doc:Document) "
    "OPTIONAL MATCH (:Entity {key: $keep})-[k:MENTIONED_IN]->(doc) "
    "RETURN doc.key AS document, m.names AS names, k.names AS kept"
)
BOTH = "MATCH (n:Entity) WHERE n.key IN [$drop, $keep] RETURN n.key AS key"
DELETE_NODE = "MATCH (d:Entity {key: $drop}) DETACH DELETE d"


def absorb_entity(store: GraphStore, *, drop: str, keep: str) -> None:
    """Move every fact and mention of `drop` to `keep` and delete `drop` (nothing if either is missing)."""
    params = {"drop": drop, "keep": keep}
    if drop == keep or len(store.read(BOTH, params)) < 2:
        return
    facts: dict[str, list[Row]] = defaultdict(list)
    for row in store.read(FACTS_OF, params):
        if row["type"] in FACT_TYPES:
            facts[row["type"]].append(_fact_row(row, keep))
    names: dict[str, set[str]] = defaultdict(set)
    for row in store.read(MENTIONS_OF, params):
        names[row["document"]].update([*(row["names"] or []), *(row["kept"] or [])])
    store.write(DELETE_NODE, params)
    for rel_type, rows in sorted(facts.items()):
        upsert_facts(store, rel_type=rel_type, rows=rows)
    upsert_mentions(store, rows=[{"key": keep, "document": d, "names": sorted(n)} for d, n in sorted(names.items())])
    refresh_aliases(store, keys=[keep])


def _fact_row(row: Row, keep: str) -> Row:
    """A relationship of the dropped node as a fact row of the kept one."""
    props = dict(row["props"] or {})
    sources, evidence = list(props.pop("sources", [])), list(props.pop("evidence", []))
    a, b = (keep, row["other"]) if row["outgoing"] else (row["other"], keep)
    if row["type"] == "COOPERATES_WITH" and b < a:
        a, b = b, a
    merge = {"date": props.get("date")} if row["type"] == "VISITED" else {}
    rest = {k: v for k, v in props.items() if k not in merge}
    return {"a": a, "b": b, "sources": sources, "evidence": evidence, "props": rest, "merge": merge}


def neo4j_statements() -> list[tuple[str, str]]:
    """The statements of this module, for the offline Neo4j linter."""
    return [
        ("absorb:both", BOTH),
        ("absorb:facts_of", FACTS_OF),
        ("absorb:mentions_of", MENTIONS_OF),
        ("absorb:delete_node", DELETE_NODE),
    ]
