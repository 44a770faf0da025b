"""`coopgraph viz`: write a network view to one HTML file that opens offline (scripts inlined, no requests)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from graph.errors import UsageError
from graph.schema import ENTITY_LABELS
from graph.store import GraphStore
from viz import subgraph as sg


def build_file_view(
    store: GraphStore, *, ref: str | None, pair: list[str] | None, hops: int, filters: sg.Filters, limit: int
) -> dict[str, Any]:
    """The subgraph the command's options ask for: an entity's ego network, a country pair, or the whole graph."""
    from queries.lookup import resolve_ref

    if pair:
        if ref:
            raise UsageError("give either REF or --pair, not both")
        a, b = (c.upper() for c in pair)
        return sg.country_pair(store, a=a, b=b, filters=filters, limit=limit)
    if ref is None:
        return sg.whole_graph(store, filters=filters, limit=limit)
    found = resolve_ref(store, ref)
    return sg.ego_network(store, key=found["key"], name=found["name"], hops=hops, filters=filters, limit=limit)


def file_filters(
    store: GraphStore,
    *,
    countries: list[str],
    types: list[str],
    since: int | None,
    until: int | None,
    initiative: str | None,
) -> sg.Filters:
    """Check the filter options as the API checks its query parameters."""
    from queries.lookup import resolve_ref

    codes = [c.strip().upper() for v in countries for c in v.split(",") if c.strip()]
    if any(len(c) != 2 or not c.isalpha() for c in codes):
        raise UsageError("--country takes ISO 3166-1 alpha-2 codes such as KZ or CN")
    labels = {label.lower(): label for label in ENTITY_LABELS}
    wanted = [t.strip() for v in types for t in v.split(",") if t.strip()]
    if any(t.lower() not in labels for t in wanted):
        raise UsageError(f"--type takes {', '.join(ENTITY_LABELS)}")
    initiative_key = resolve_ref(store, initiative)["key"] if initiative else None
    return sg.Filters(
        countries=codes or None,
        types=[labels[t.lower()] for t in wanted] or None,
        since=since,
        until=until,
        initiative=initiative_key,
    )


def register(app: typer.Typer) -> None:
    """Add `coopgraph viz` to the CLI."""

    @app.command("viz")
    def viz_cmd(
        *,
        ref: Annotated[
            str | None, typer.Argument(help="Entity key, name or alias; leave out for the whole graph.")
        ] = None,
        output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("view.html"),
        hops: Annotated[int, typer.Option(min=1, max=2, help="1: direct ties; 2: also the partners' ties.")] = 1,
        pair: Annotated[
            list[str] | None, typer.Option("--pair", help="Two country codes: --pair KZ --pair CN.")
        ] = None,
        country: Annotated[
            list[str] | None, typer.Option("--country", help="Keep entities in these countries.")
        ] = None,
        type_: Annotated[list[str] | None, typer.Option("--type", help="Keep entities of these types.")] = None,
        since: Annotated[
            int | None, typer.Option(min=1900, max=2100, help="Drop dated facts before this year.")
        ] = None,
        until: Annotated[int | None, typer.Option(min=1900, max=2100, help="Drop dated facts after this year.")] = None,
        initiative: Annotated[str | None, typer.Option(help="Keep members of this initiative.")] = None,
        limit: Annotated[int, typer.Option(min=1, max=sg.MAX_NODES, help="Most nodes to show.")] = 500,
    ) -> None:
        """Write an interactive network view to an HTML file that opens offline, in any browser, with no server.

        Colours are countries, shapes are types, line widths count source documents; hover for the facts
        and the sentences that state them. Beyond --limit the best-connected nodes are kept and the page
        says what it left out.

        \b
        Examples:
          coopgraph viz "Xinjiang University" -o xju.html
          coopgraph viz KazNU --hops 2 --country KZ --country CN --since 2023 -o kaznu.html
          coopgraph viz --pair KZ --pair CN -o kz-cn.html
        """
        from api.cli import opened_store
        from viz.network import build_view
        from viz.page import render_view

        if pair is not None and len(pair) != 2:
            raise UsageError("--pair takes two country codes: --pair KZ --pair CN")
        with opened_store() as store:
            filters = file_filters(
                store, countries=country or [], types=type_ or [], since=since, until=until, initiative=initiative
            )
            subgraph = build_file_view(store, ref=ref, pair=pair, hops=hops, filters=filters, limit=limit)
        view = build_view(subgraph, max_nodes=limit, max_links=sg.MAX_LINKS)
        output.write_text(render_view(view, offline=True), encoding="utf-8")
        left = f"; {view['omitted']['message']}" if view["omitted"] else ""
        typer.echo(f"wrote {len(view['nodes'])} nodes and {len(view['edges'])} links to {output}{left}")
