"""`coopgraph entities ...`: inspect entities and record the analyst's resolution judgements.

Judgements go to the judgements file in the data directory and are re-applied on every later load, so a
re-ingest never undoes them. A rename is applied to the live graph at once; merges and splits print the
graph operations they need (`graph_operations`), which the graph layer applies.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from graph.connect import open_store
from graph.errors import NotFound
from graph.schema import check_label
from graph.settings import get_settings
from loaders.judgements import Judgement, Judgements

entities_app = typer.Typer(help="Inspect entities and correct their resolution.", no_args_is_help=True)

LIST_ENTITIES = (
    "MATCH (n:Entity) WHERE $label IS NULL OR $label IN labels(n) "
    "RETURN n.key AS key, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, "
    "n.country AS country ORDER BY n.key SKIP $skip LIMIT $limit"
)
SHOW_ENTITY = (
    "MATCH (n:Entity {key: $key}) OPTIONAL MATCH (n)-[m:MENTIONED_IN]->(d:Document) "
    "RETURN n.key AS key, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, "
    "n.aliases AS aliases, n.country AS country, n.city AS city, collect(d.key) AS documents"
)
ALL_ENTITIES = (
    "MATCH (n:Entity) RETURN n.key AS key, labels(n) AS labels, n.name AS name, n.aliases AS aliases, "
    "n.country AS country, n.city AS city"
)


def _echo(value: object) -> None:
    """Print a value as indented JSON."""
    typer.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))


def _record(judgement: Judgement) -> None:
    """Store a judgement and bring the live graph in line with it at once."""
    from loaders.reload import apply_judgement

    settings = get_settings()
    store = open_store(settings)
    try:
        _echo(apply_judgement(store, judgement=judgement, settings=settings))
    finally:
        store.close()


@entities_app.command()
def merge(keep: str, drop: str) -> None:
    """DROP is the same entity as KEEP: DROP's facts go to KEEP, now and on every later load.

    Example: coopgraph entities merge harbin_engineering_university heu
    """
    _record(Judgement(kind="merge", a=keep, b=drop))


@entities_app.command()
def split(
    key: str,
    name: Annotated[str | None, typer.Option(help="The surface form that does not denote KEY.")] = None,
    new_key: Annotated[str | None, typer.Option("--as", help="Key for what NAME denotes (default: its slug).")] = None,
) -> None:
    """Separate NAME from KEY (it resolves to a new entity), or with no NAME undo every merge into KEY.

    Example: coopgraph entities split northwestern_polytechnical_university --name "Northwestern University"
    """
    _record(Judgement(kind="split", a=key, b=new_key, name=name))


@entities_app.command("not-same")
def not_same(a: str, b: str) -> None:
    """A and B are different entities: never resolve one to the other (cancels an earlier merge).

    Example: coopgraph entities not-same northwest_university northwestern_polytechnical_university
    """
    _record(Judgement(kind="not-same", a=a, b=b))


@entities_app.command()
def rename(key: str, name: str) -> None:
    """Give KEY a new display name (the key stays: keys are identity).

    Example: coopgraph entities rename kstu_razzakov "Kyrgyz State Technical University named after I. Razzakov"
    """
    _record(Judgement(kind="rename", a=key, name=name))


@entities_app.command("list")
def list_entities(
    label: Annotated[str | None, typer.Option(help="Only this type, e.g. University.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 100,
    skip: Annotated[int, typer.Option(min=0)] = 0,
) -> None:
    """List entities by key (optionally one type).

    Example: coopgraph entities list --label University
    """
    params = {"label": check_label(label) if label else None, "limit": limit, "skip": skip}
    store = open_store(get_settings())
    try:
        _echo(store.read(LIST_ENTITIES, params))
    finally:
        store.close()


@entities_app.command()
def show(key: str) -> None:
    """Show one entity: names, place, the documents that name it, and the judgements about it.

    Example: coopgraph entities show harbin_engineering_university
    """
    settings = get_settings()
    store = open_store(settings)
    try:
        rows = [r for r in store.read(SHOW_ENTITY, {"key": key}) if r.get("key")]
    finally:
        store.close()
    if not rows:
        raise NotFound(f"no entity with key {key!r}")
    judgements = [j for j in Judgements.load(settings.judgements_path).as_rows() if key in (j["a"], j["b"])]
    _echo({**rows[0], "judgements": judgements})
