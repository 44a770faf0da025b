"""The `coopgraph` command: load articles, inspect and export the graph, run the store and the API.

Every command reads the same settings (see `coopgraph info`); errors print one line and exit with the
code their class carries (2 usage/settings, 3 store unavailable, 1 anything else).
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from api.cli_entities import entities_app
from api.commands import register as register_api
from graph.errors import CoopgraphError, UsageError
from graph.settings import get_settings
from graph.store import GraphStore
from reports.commands import register as register_reports
from viz.commands import register as register_viz

app = typer.Typer(
    name="coopgraph",
    help="Knowledge graph of Central Asia–China academic cooperation: articles in, sourced facts out.",
    epilog="Start: coopgraph load samples/corpus && coopgraph serve, then open http://127.0.0.1:8000/. "
    "Settings come from the environment (see README); `coopgraph info` shows them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
db_app = typer.Typer(help="Run the embedded FalkorDB server in the background for longer work.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@contextlib.contextmanager
def opened_store() -> Iterator[GraphStore]:
    """Open the configured store for one command and close it (stopping a server started for it)."""
    from graph.connect import open_store

    store = open_store(get_settings())
    try:
        yield store
    finally:
        store.close()


def echo_json(value: object) -> None:
    """Print a value as indented JSON."""
    typer.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))


@app.command()
def info() -> None:
    """Show the settings in force and the store they select.

    Example: coopgraph info
    """
    settings = get_settings()
    summary: dict[str, object] = {
        "data_dir": str(settings.data_dir),
        "backend": settings.backend,
        "graph": settings.graph_name,
        "neo4j_uri": settings.neo4j_uri,
        "falkordb_url": settings.falkordb_url,
        "api": f"http://{settings.host}:{settings.port}",
        "writes_enabled": settings.api_key is not None,
    }
    with opened_store() as store:
        summary["store"] = store.describe()
        summary["counts"] = (
            store.read("MATCH (n) RETURN count(n) AS nodes")[0]
            | store.read("MATCH ()-[r]->() RETURN count(r) AS relationships")[0]
        )
    echo_json(summary)


def embedded_server():  # type: ignore[no-untyped-def]
    """The embedded server of the configured data directory, or a usage error on other backends."""
    from graph.embedded import EmbeddedServer

    settings = get_settings()
    if settings.backend != "embedded":
        raise UsageError(f"`coopgraph db` manages the embedded store; the settings select {settings.backend}")
    return EmbeddedServer(settings)


@db_app.command("start")
def db_start() -> None:
    """Start the embedded FalkorDB server and leave it running until `coopgraph db stop`.

    Example: coopgraph db start && coopgraph load articles/ && coopgraph serve
    """
    server = embedded_server()
    pid = server.start_daemon()
    typer.echo(f"FalkorDB running (pid {pid}) on {server.paths.socket}")


@db_app.command("stop")
def db_stop() -> None:
    """Stop the embedded FalkorDB server (its data stays in the data directory).

    Example: coopgraph db stop
    """
    server = embedded_server()
    typer.echo("stopped" if server.stop() else "not running")


@db_app.command("status")
def db_status() -> None:
    """Say whether the embedded server runs, with its pid, socket and log.

    Example: coopgraph db status
    """
    echo_json(embedded_server().status())


@db_app.command("backup")
def db_backup(path: Annotated[Path, typer.Argument(help="The .tar.gz file to write.")]) -> None:
    """Copy the embedded store's files (and analyst judgements) to one archive, while the server runs or not.

    Example: coopgraph db backup backups/coopgraph-$(date +%F).tar.gz
    """
    from graph.backup import backup_store

    embedded_server()
    done = backup_store(settings=get_settings(), path=path)
    typer.echo(f"backed up the store to {done['path']} ({done['bytes']} bytes)")


@db_app.command("restore")
def db_restore(path: Annotated[Path, typer.Argument(help="An archive written by `coopgraph db backup`.")]) -> None:
    """Replace the embedded store by a backup: stops the server, swaps the files (the old ones are kept), restarts it.

    Example: coopgraph db restore backups/coopgraph-2025-01-31.tar.gz
    """
    from graph.backup import restore_store

    embedded_server()
    done = restore_store(settings=get_settings(), path=path)
    kept = f"; previous files in {done['previous_files']}" if done["previous_files"] else ""
    typer.echo(f"restored the store from {done['path']}{kept}")


@app.command("export")
def export_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="File (or directory for csv) to write.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="node-link | graphml | csv")] = "node-link",
) -> None:
    """Export the whole graph: node-link JSON (networkx), GraphML (Gephi, yEd) or CSV (Gephi, Kumu).

    Example: coopgraph export --format graphml -o coopgraph.graphml
    """
    from graph.export import export_graph

    if fmt not in ("node-link", "graphml", "csv"):
        raise UsageError(f"unknown format {fmt!r}: use node-link, graphml or csv")
    with opened_store() as store:
        counts = export_graph(store, fmt=fmt, path=output)  # type: ignore[arg-type]
    typer.echo(f"wrote {counts['nodes']} nodes and {counts['links']} links to {output}")


@app.command("import")
def import_cmd(
    path: Annotated[Path, typer.Argument(help="A node-link JSON file written by `coopgraph export`.")],
    replace: Annotated[bool, typer.Option(help="Empty the graph first.")] = False,
) -> None:
    """Read a node-link JSON export into the store (merging with what is there, or replacing it).

    Example: coopgraph import backup.json --replace
    """
    from graph.node_link_import import import_node_link, read_node_link

    data = read_node_link(path)
    with opened_store() as store:
        if replace:
            store.clear()
        counts = import_node_link(store, data, batch_size=get_settings().write_batch_size)
    typer.echo(f"imported {counts['nodes']} nodes and {counts['links']} links from {path}")


@app.command()
def load(
    paths: Annotated[list[str], typer.Argument(help="Files or directories (read recursively); '-' reads stdin.")],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, only the summary.")] = False,
) -> None:
    """Load articles (.txt .md .html .json .jsonl) into the graph, each fact with its source.

    Bad files are named with the reason and skipped; the rest loads. Exit code 0 when everything
    loaded, 1 when some documents were skipped.

    Example: coopgraph load samples/corpus news/2024/ extra.jsonl
    """
    from api.load_report import print_summary, progress_bar
    from loaders.pipeline import load_paths

    settings = get_settings()
    with opened_store() as store, progress_bar(enabled=not quiet) as progress:
        summary = load_paths(store, paths, settings=settings, progress=progress)
    print_summary(summary)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold-annotated article files or directories.")],
) -> None:
    """Score extraction against gold annotations: entity and relation precision/recall/F1, fragmentation.

    The articles are loaded into a fresh temporary store; your own graph is not touched. An article that
    cannot be loaded is named on stderr and the exit code is 1 (its gold still counts, as missed).

    Example: coopgraph evaluate ../shared/corpus/seeds ../shared/corpus/dev
    """
    from api.load_report import evaluate_gold

    report, summary = evaluate_gold(gold)
    for origin, reason in summary.failures:
        typer.echo(f"not loaded, so scored as missed: {origin}: {reason}", err=True)
    typer.echo(report)
    if summary.failed:
        raise typer.Exit(1)


app.add_typer(entities_app, name="entities")
register_api(app)
register_reports(app)
register_viz(app)


def main() -> None:
    """Entry point: run the command, turning coopgraph errors into one line and an exit code."""
    try:
        app()
    except CoopgraphError as exc:
        typer.echo(f"coopgraph: {exc.kind.replace('_', ' ')}: {exc.message}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("coopgraph: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
