"""`coopgraph report`: write a policy report (HTML or Markdown) from the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph.errors import UsageError


def register(app: typer.Typer) -> None:
    """Add the `report` command to the coopgraph CLI."""
    app.command("report")(report)


def report(
    *,
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write (.html or .md).")],
    scope: Annotated[str | None, typer.Option(help="all (default), or country / entity with the option below.")] = None,
    country: Annotated[
        str | None, typer.Option(help="Only ties of this country's organisations (ISO2, e.g. KZ).")
    ] = None,
    entity: Annotated[str | None, typer.Option(help="Only ties of this entity (key, name or alias).")] = None,
    since: Annotated[int | None, typer.Option(help="Only facts dated in or after this year.")] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="html | md (default: from the file name, else html)")
    ] = None,
) -> None:
    """Write a report: overview, who matters, structure, initiatives, Entity List context; every tie cited.

    Example: coopgraph report --country KZ --since 2020 -o kz.html
    """
    from api.cli import opened_store
    from reports.build import make_scope, write_report

    chosen = fmt or ("md" if output.suffix.lower() in (".md", ".markdown") else "html")
    if chosen not in ("html", "md"):
        raise UsageError(f"unknown format {chosen!r}: use html or md")
    report_scope = make_scope(scope=scope, country=country, entity=entity, since=since)
    with opened_store() as store:
        built = write_report(store, report_scope, fmt=chosen, path=output)  # type: ignore[arg-type]
    method = built.method
    typer.echo(
        f"wrote {output} ({chosen}): {built.scope}; {method['nodes']} organisations, {method['ties']} ties, "
        f"{len(built.footnotes)} documents in footnotes; metrics by {method['library']}, "
        f"betweenness {method['betweenness']}"
    )
