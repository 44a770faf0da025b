"""How `coopgraph load` shows its progress and summary, and how `coopgraph evaluate` runs."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from loaders.pipeline import LoadSummary, Outcome
from loaders.pipeline import Progress as ProgressCallback


@contextlib.contextmanager
def progress_bar(*, enabled: bool) -> Iterator[ProgressCallback]:
    """A progress callback that draws a bar on a terminal (and does nothing elsewhere)."""
    if not enabled or not sys.stderr.isatty():
        yield lambda _outcome, _origin: None
        return
    columns = (
        TextColumn("loading"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[last]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("load", total=None, last="")

        def advance(outcome: Outcome, origin: str) -> None:
            bar.update(task, advance=1, last=f"{outcome}: {Path(origin).name[:40]}")

        yield advance


def print_summary(summary: LoadSummary) -> None:
    """The end-of-load summary, with every skipped document and its reason on stderr."""
    for origin, reason in summary.failures:
        typer.echo(f"skipped {origin}: {reason}", err=True)
    typer.echo(
        f"documents: {summary.new} new, {summary.unchanged} unchanged, {summary.replaced} replaced, "
        f"{summary.failed} failed; entities added: {summary.entities_added}; "
        f"relations added: {summary.relations_added}"
    )


def evaluate_gold(paths: list[Path]) -> tuple[str, LoadSummary]:
    """Load gold articles into a throw-away embedded store, export it, and score it against the gold."""
    from graph.connect import open_store
    from graph.export import node_link
    from graph.settings import load_settings
    from loaders.evaluate import format_report, gold_files, load_gold, score
    from loaders.pipeline import load_paths

    gold = load_gold(paths)
    with tempfile.TemporaryDirectory(prefix="coopgraph-eval-") as tmp:
        settings = load_settings(data_dir=Path(tmp), neo4j_uri=None, falkordb_url=None)
        store = open_store(settings)
        try:
            summary = load_paths(store, [str(p) for p in gold_files(paths)], settings=settings)
            graph = node_link(store)
        finally:
            store.close()
    return format_report(score(graph, gold)), summary
