"""Ingest: articles/s through the whole pipeline (read → extract → resolve → write) into a fresh store.

    python -m bench ingest     (1,000 articles at size S, 10,000 at M, or COOPGRAPH_BENCH_ARTICLES; target ≥ 200/s)

The articles are `bench.generate.articles` written as one JSONL file, loaded the way `coopgraph load` does
(`load_paths`, extraction in COOPGRAPH_LOAD_WORKERS worker processes). Also prints the CPU seconds of the
loading process, of its extraction workers and of the store's redis-server (on a shared machine, articles per
CPU second say more than wall-clock), the load average over the run, and the peak RSS of each.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
import time
from pathlib import Path

from bench.config import bench_size
from bench.generate import articles
from bench.memory import peak_rss_mb, process_cpu_s, process_rss_mb
from graph.connect import open_store
from graph.falkordb_store import FalkorDBStore
from graph.settings import load_settings
from loaders.pipeline import load_paths


def article_count() -> int:
    """How many articles to load: COOPGRAPH_BENCH_ARTICLES, else 1,000 at size S and 10,000 above."""
    default = 1_000 if bench_size() == "S" else 10_000
    return int(os.environ.get("COOPGRAPH_BENCH_ARTICLES", default))


def write_articles(folder: Path, count: int, per_file: int = 500) -> None:
    """`count` generated articles as JSONL files of `per_file` each (one file stays under the size limit)."""
    folder.mkdir()
    lines = [json.dumps(record, ensure_ascii=False) + "\n" for record in articles(count)]
    for start in range(0, count, per_file):
        (folder / f"articles-{start:06d}.jsonl").write_text("".join(lines[start : start + per_file]), encoding="utf-8")


def main() -> None:
    """Load generated articles into a fresh embedded store and print articles/s."""
    count = article_count()
    with tempfile.TemporaryDirectory(prefix="cgi-") as tmp:
        source = Path(tmp) / "articles"
        write_articles(source, count)
        settings = load_settings(data_dir=Path(tmp) / "data")
        store = open_store(settings)
        try:
            server_pid = store.server.pid() if isinstance(store, FalkorDBStore) and store.server else None
            server_cpu = process_cpu_s(server_pid) if server_pid else float("nan")
            before = _cpu_s()
            started = time.perf_counter()
            summary = load_paths(store, [source], settings=settings)
            took = time.perf_counter() - started
            loader_cpu, workers_cpu = (after - start for after, start in zip(_cpu_s(), before, strict=True))
            server_cpu = (process_cpu_s(server_pid) if server_pid else float("nan")) - server_cpu
            server_mb = process_rss_mb(server_pid) if server_pid else float("nan")
            load = os.getloadavg()[0]
            workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # before the server stops
        finally:
            store.close()
    print(
        f"{count:,} articles: {summary.new:,} new, {summary.failed} failed; "
        f"{summary.entities_added:,} entities, {summary.relations_added:,} relationships"
    )
    print(
        f"ingest: {took:.1f} s, {count / took:,.0f} articles/s (target >= 200/s) with {settings.load_workers} "
        f"extraction workers; load average {load:.1f} at the end"
    )
    print(
        f"CPU: loader {loader_cpu:.1f} s, workers {workers_cpu:.1f} s, redis-server {server_cpu:.1f} s; "
        f"{count / (loader_cpu + workers_cpu + server_cpu):,.0f} articles per CPU second"
    )
    print(
        f"peak RSS: loader {peak_rss_mb():,.0f} MB, largest worker {workers_mb:,.0f} MB; "
        f"redis-server {server_mb:,.0f} MB"
    )


def _cpu_s() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished children (the extraction workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
