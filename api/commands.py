"""The catalogue and the API from the command line: `serve`, `query`, `search` (registered on api.cli.app)."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any

import typer

from graph.errors import UsageError
from graph.settings import get_settings
from graph.store import Row

FORMATS = ("table", "json", "csv")


def register(app: typer.Typer) -> None:
    """Add `serve`, `query` and `search` to the coopgraph command."""
    app.command("serve")(serve)
    app.command("query", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(query)
    app.command("search")(search)


def serve(
    host: Annotated[str | None, typer.Option(help="Address to bind (default COOPGRAPH_HOST, 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default COOPGRAPH_PORT, 8000).", min=1, max=65535)] = None,
    workers: Annotated[
        int, typer.Option(help="Worker processes; they share one embedded store server.", min=1, max=32)
    ] = 1,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs); the store is opened once at start-up and closed at exit.

    Writes (POST /documents) need COOPGRAPH_API_KEY set here and sent as the X-API-Key header.

    Example: coopgraph serve --port 8000   then   curl 'http://127.0.0.1:8000/entities/Xinjiang%20University/partners'
    """
    import uvicorn

    from api.app import create_app

    settings = get_settings()
    where = {"host": host or settings.host, "port": port or settings.port, "log_level": "info"}
    if workers == 1:
        uvicorn.run(create_app(settings), **where)  # type: ignore[arg-type]
    else:  # each worker builds its app from the same environment and opens the store itself
        uvicorn.run("api.app:create_app", factory=True, workers=workers, **where)  # type: ignore[arg-type]


def query(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="The query's name (see --list).")] = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List the queries and their parameters.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
) -> None:
    """Run a named query of the catalogue; parameters are options named after it (`--since 2023`).

    Entity parameters (--ref, --initiative, --party, --org, --source, --target) take a key, a name or an
    alias; --entity is another name for --ref.

    Examples:
      coopgraph query --list
      coopgraph query partners_of --entity "Xinjiang University" --country KZ
      coopgraph query agreements --country-a KZ --country-b CN --format csv > kz_cn.csv
    """
    from queries.catalog import load_catalog

    catalog = load_catalog()
    if list_queries or not name:
        for item in catalog:
            typer.echo(f"{item.name:<20} {item.title}")
            typer.echo(f"{'':<20} params: {', '.join(p.describe() for p in item.params) or '-'}")
        return
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    item = catalog.get(name)
    if item.mode != "read":
        raise UsageError(f"{name} is not a read query")
    values = parse_options(ctx.args)
    from api.cli import opened_store
    from queries.lookup import resolve_params

    with opened_store() as store:
        rows = catalog.run(store, name, resolve_params(store, values, catalog=catalog))
    typer.echo(render(rows, list(item.returns), fmt))


def search(
    text: Annotated[str, typer.Argument(help="Words of a name or alias (typos are forgiven).")],
    type: Annotated[str | None, typer.Option(help="University, Person, Agreement...")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 code, e.g. KZ.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100)] = 20,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
) -> None:
    """Find entities by name or alias, typo-tolerant, with "did you mean" suggestions when nothing is close.

    Example: coopgraph search "Xinjang Universty"
    """
    from api.cli import opened_store
    from queries.catalog import load_catalog
    from queries.lookup import search_entities
    from queries.params import Param, coerce

    type_value = coerce(Param("type", "label", optional=True, required=False), type)
    country_value = coerce(Param("country", "country", optional=True, required=False), country)
    with opened_store() as store:
        found = search_entities(
            store, text, type=type_value, country=country_value, limit=limit, catalog=load_catalog()
        )
    columns = ["key", "name", "type", "country", "similarity"]
    typer.echo(render(found["results"], columns, fmt))
    if found["suggestions"] and fmt == "table":
        typer.echo("did you mean: " + "; ".join(f"{s['name']} ({s['key']})" for s in found["suggestions"]))


def parse_options(args: list[str]) -> dict[str, Any]:
    """`--name value` / `--name=value` pairs as parameters (dashes become underscores; --entity is --ref)."""
    values: dict[str, Any] = {}
    rest = list(args)
    while rest:
        option = rest.pop(0)
        if not option.startswith("--") or len(option) < 3:
            raise UsageError(f"expected --name value, got {option!r}")
        key, _, value = option[2:].partition("=")
        if not value:
            if not rest:
                raise UsageError(f"option {option} needs a value")
            value = rest.pop(0)
        values["ref" if key == "entity" else key.replace("-", "_")] = value
    return values


def render(rows: list[Row], columns: list[str], fmt: str) -> str:
    """Rows as an aligned table, JSON or CSV (lists and maps as JSON inside a cell)."""
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False)
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerows([columns, *cells])
        return out.getvalue().rstrip("\n")
    if not rows:
        return "(no rows)"
    widths = [min(40, max(len(c), *(len(r[i]) for r in cells))) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += ["  ".join(v[:w].ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(line.rstrip() for line in lines)


def _cell(value: Any) -> str:
    """One value as text."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
