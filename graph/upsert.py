"""Batched, idempotent writes: `UNWIND $rows` upserts keyed by `key`, facts that accumulate their sources.

Labels and relationship types cannot be parameters in Cypher, so they are spliced in from the schema's
whitelist (`check_label`, `check_relationship_type`); every value travels as a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from graph.schema import (
    DOCUMENT,
    ENTITY,
    MERGE_PROPERTIES,
    SEARCH_PROPERTY,
    check_label,
    check_relationship_type,
)
from graph.store import GraphStore, Row
from graph.write_pipeline import WritePipeline

DEFAULT_BATCH = 1000

_FOLD_SOURCES = (
    "r += row.props, "
    "r.evidence = [i IN range(0, size(coalesce(r.sources, [])) - 1) "
    "WHERE NOT r.sources[i] IN row.sources | r.evidence[i]] + row.evidence, "
    "r.sources = [s IN coalesce(r.sources, []) WHERE NOT s IN row.sources] + row.sources"
)
"""Replace this row's sources (and their evidence) in a relationship, keeping every other source."""

ACCUMULATED: dict[str, tuple[str, ...]] = {"AFFILIATED_WITH": ("title",)}
"""Fact properties articles state differently ("Rector", "Rector of X University"): the relationship keeps
every value in a list (`titles`) and, as `title`, the longest (the same one whatever the load order)."""


def _accumulate(prop: str) -> str:
    """SET items keeping every value of `prop` (row.acc.<prop>s holds this row's) and the longest one."""
    new, old = f"row.acc.{prop}", f"r.{prop}"
    return (
        f"r.{prop}s = [v IN coalesce(r.{prop}s, []) WHERE NOT v IN row.acc.{prop}s] + row.acc.{prop}s, "
        f"{old} = CASE WHEN {new} IS NULL THEN {old} WHEN {old} IS NULL OR size({new}) > size({old}) "
        f"OR (size({new}) = size({old}) AND {new} < {old}) THEN {new} ELSE {old} END"
    )


def batches(rows: Sequence[Row], size: int = DEFAULT_BATCH) -> Iterator[Sequence[Row]]:
    """Slice rows into batches small enough for FalkorDB's inlined parameters."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def node_upsert_cypher(label: str) -> str:
    """MERGE nodes of one label by key and add their properties; a key keeps the type it was created with."""
    check_label(label)
    # Flat rows (the key among the properties): FalkorDB parses a nested `props` map per row, 15% of the write.
    if label == DOCUMENT:
        return "UNWIND $rows AS row MERGE (n:Document {key: row.key}) SET n += row"
    # Both labels in the MERGE pattern: `SET n:Label` on FalkorDB 4.16 slows linearly with the graph's size.
    return f"UNWIND $rows AS row MERGE (n:{ENTITY}:{label} {{key: row.key}}) SET n += row"


def fact_upsert_cypher(rel_type: str) -> str:
    """MERGE one fact per row and fold the row's sources (with their evidence) into the relationship."""
    check_relationship_type(rel_type)
    merge_props = MERGE_PROPERTIES.get(rel_type, ())
    pattern = ", ".join(f"{p}: row.merge.{p}" for p in merge_props)
    rel = f"[r:{rel_type} {{{pattern}}}]" if pattern else f"[r:{rel_type}]"
    kept = "".join(f", {_accumulate(p)}" for p in ACCUMULATED.get(rel_type, ()))
    return (
        "UNWIND $rows AS row "
        "MATCH (a:Entity {key: row.a}) MATCH (b:Entity {key: row.b}) "
        f"MERGE (a)-{rel}->(b) "
        f"SET {_FOLD_SOURCES}{kept}"
    )


MENTION_UPSERT = (
    "UNWIND $rows AS row "
    "MATCH (e:Entity {key: row.key}) MATCH (d:Document {key: row.document}) "
    "MERGE (e)-[m:MENTIONED_IN]->(d) SET m.names = row.names"
)

ALIASES_READ = (
    "UNWIND $keys AS k MATCH (e:Entity {key: k}) "
    "OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(:Document) "
    "UNWIND CASE WHEN size(coalesce(m.names, [])) = 0 THEN [null] ELSE m.names END AS form "
    "RETURN e.key AS key, e.name AS name, collect(DISTINCT form) AS names"
)
"""Each entity's distinct names over all its mentions, flattened by the server: an entity named in
thousands of documents returns its few names, not thousands of lists (the quadratic part of a long load)."""

ALIASES_WRITE = (
    "UNWIND $rows AS row MATCH (e:Entity {key: row.key}) "
    f"SET e.aliases = row.aliases, e.{SEARCH_PROPERTY} = row.search_text"
)


def upsert_nodes(store: GraphStore, *, label: str, rows: Sequence[Row], batch_size: int = DEFAULT_BATCH) -> None:
    """Create or update nodes of one label; rows are `{"key": ..., "props": {...}}`."""
    cypher = node_upsert_cypher(label)
    send_all(
        store, ((cypher, {"rows": list(chunk)}) for chunk in batches([_without_nulls(r) for r in rows], batch_size))
    )


def send_all(store: GraphStore, writes: Iterator[tuple[str, Mapping[str, Any]]]) -> None:
    """Run the writes in order; from the second on through a `WritePipeline`, so that the server writes one
    batch while this thread builds the next. Every write is done when this returns (a read after it sees them)."""
    first = next(writes, None)
    if first is None:
        return
    second = next(writes, None)
    if second is None:
        store.write(*first)
        return
    with WritePipeline(store) as pipeline:
        pipeline.write(*first)
        pipeline.write(*second)
        for cypher, params in writes:
            pipeline.write(cypher, params)


def upsert_facts(store: GraphStore, *, rel_type: str, rows: Sequence[Row], batch_size: int = DEFAULT_BATCH) -> None:
    """Create or update fact relationships; rows are `{a, b, sources, evidence, props, merge}`.

    Rows that denote one relationship are folded first: FalkorDB does not see a relationship merged earlier
    in the same query. An ACCUMULATED property keeps every value the rows and the graph give it.
    """
    merge_props = MERGE_PROPERTIES.get(rel_type, ())
    accumulated = ACCUMULATED.get(rel_type, ())
    folded = fold_fact_rows([_accumulated(r, accumulated) for r in rows] if accumulated else rows)
    send_all(store, _fact_writes(rel_type, folded, merge_props, batch_size))


def _fact_writes(
    rel_type: str, folded: Sequence[Row], merge_props: Sequence[str], batch_size: int
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Each batch's writes: a MERGE for rows with their merge properties, a create-then-fold for those without."""
    for chunk in batches(folded, batch_size):
        undated = [r for r in chunk if merge_props and _has_null_merge(r, merge_props)]
        dated = [r for r in chunk if not (merge_props and _has_null_merge(r, merge_props))] if undated else chunk
        if dated:
            yield fact_upsert_cypher(rel_type), {"rows": list(dated)}
        if undated:
            yield undated_create_cypher(rel_type), {"rows": [{"a": r["a"], "b": r["b"]} for r in undated]}
            yield undated_update_cypher(rel_type), {"rows": undated}


def _accumulated(row: Row, props: Sequence[str]) -> Row:
    """The row with these properties moved out of those `r += row.props` sets, into `acc` lists."""
    rest = dict(row["props"])
    acc = {f"{p}s": [*(rest.pop(f"{p}s", None) or []), *([rest[p]] if rest.get(p) is not None else [])] for p in props}
    for prop in props:
        rest.pop(prop, None)
    return {**row, "props": rest, "acc": acc}


def _longest(acc: Row) -> Row:
    """Each accumulated property's values (sorted) and, under its own name, the longest one."""
    out: Row = {}
    for plural, values in acc.items():
        ordered = sorted(set(values))
        out[plural] = ordered
        out[plural[:-1]] = max(ordered, key=lambda v: (len(v), [-ord(c) for c in v])) if ordered else None
    return out


def _has_null_merge(row: Row, merge_props: Sequence[str]) -> bool:
    """Answer whether a row lacks a value for a merge property (MERGE cannot match on null)."""
    return any(row["merge"].get(p) is None for p in merge_props)


def undated_create_cypher(rel_type: str) -> str:
    """Create the one relationship of a pair whose merge properties are unset, if it is missing."""
    unset = " AND ".join(f"old.{p} IS NULL" for p in MERGE_PROPERTIES[check_relationship_type(rel_type)])
    return (
        "UNWIND $rows AS row "
        "MATCH (a:Entity {key: row.a}) MATCH (b:Entity {key: row.b}) "
        f"OPTIONAL MATCH (a)-[old:{rel_type}]->(b) WHERE {unset} "
        f"WITH a, b, count(old) AS existing WHERE existing = 0 CREATE (a)-[:{rel_type}]->(b)"
    )


def undated_update_cypher(rel_type: str) -> str:
    """Fold sources into the one relationship of a pair whose merge properties are unset."""
    unset = " AND ".join(f"r.{p} IS NULL" for p in MERGE_PROPERTIES[check_relationship_type(rel_type)])
    return (
        "UNWIND $rows AS row "
        f"MATCH (a:Entity {{key: row.a}})-[r:{rel_type}]->(b:Entity {{key: row.b}}) WHERE {unset} "
        f"SET {_FOLD_SOURCES}"
    )


def upsert_mentions(store: GraphStore, *, rows: Sequence[Row], batch_size: int = DEFAULT_BATCH) -> None:
    """Link entities to a document with the names it uses for them; rows are `{key, document, names}`."""
    send_all(store, ((MENTION_UPSERT, {"rows": list(chunk)}) for chunk in batches(list(rows), batch_size)))


def refresh_aliases(store: GraphStore, *, keys: Iterable[str], batch_size: int = DEFAULT_BATCH) -> None:
    """Recompute `aliases` (every name any document uses, sorted) and the full-text field of entities."""
    unique = sorted(set(keys))
    for chunk in batches([{"k": k} for k in unique], batch_size):
        found = store.read(ALIASES_READ, {"keys": [r["k"] for r in chunk]})
        rows = [_alias_row(r) for r in found]
        if rows:
            store.write(ALIASES_WRITE, {"rows": rows})


def _alias_row(found: Row) -> Row:
    """Aliases and search text of one entity from the distinct names its mentions use."""
    aliases = sorted(found["names"] or [])
    search = " | ".join(dict.fromkeys([found["name"] or "", *aliases]))
    return {"key": found["key"], "aliases": aliases, "search_text": search}


def _without_nulls(row: Row) -> Row:
    """A flat parameter row: the properties without nulls (`SET n += {p: null}` would erase a value another
    document supplied), and the key."""
    return {**{k: v for k, v in row.get("props", {}).items() if v is not None}, "key": row["key"]}


def fold_fact_rows(rows: Iterable[Row]) -> list[Row]:
    """One parameter row per relationship: each source once with its first evidence, props without nulls."""
    folded: dict[tuple[Any, ...], Row] = {}
    for row in rows:
        merge = row.get("merge") or {}
        ident = (row["a"], row["b"], *sorted(merge.items())) if merge else (row["a"], row["b"])
        target = folded.get(ident)
        if target is None:
            target = folded[ident] = {
                "a": row["a"],
                "b": row["b"],
                "merge": merge,
                "props": {},
                "sources": [],
                "evidence": [],
            }
        if row.get("props"):
            target["props"].update({k: v for k, v in row["props"].items() if v is not None})
        for plural, values in (row.get("acc") or {}).items():
            gathered = target.setdefault("acc", {}).setdefault(plural, [])
            gathered += [v for v in values if v not in gathered]
        sources, evidence = target["sources"], target["evidence"]
        for source, sentence in zip(row["sources"], row["evidence"], strict=True):
            if source not in sources:
                sources.append(source)
                evidence.append(sentence)
    for target in folded.values():
        target["props"].update({k: v for k, v in target["merge"].items() if v is not None})
        if "acc" in target:
            target["acc"] = _longest(target["acc"])
    return list(folded.values())


def neo4j_statements() -> list[tuple[str, str]]:
    """Every write statement this module builds, named, for the offline Neo4j linter."""
    from graph.schema import ENTITY_LABELS, FACT_TYPES

    out = [(f"upsert_nodes:{label}", node_upsert_cypher(label)) for label in (*ENTITY_LABELS, DOCUMENT)]
    out += [(f"upsert_facts:{t}", fact_upsert_cypher(t)) for t in FACT_TYPES]
    out += [(f"create_undated:{t}", undated_create_cypher(t)) for t in MERGE_PROPERTIES]
    out += [(f"update_undated:{t}", undated_update_cypher(t)) for t in MERGE_PROPERTIES]
    out += [
        ("upsert_mentions", MENTION_UPSERT),
        ("aliases_read", ALIASES_READ),
        ("aliases_write", ALIASES_WRITE),
    ]
    return out
