"""Run one benchmark by name, or all of them: `python -m bench [NAME ...]` (see bench/README.md).

COOPGRAPH_BENCH_SIZE=S (default, a few minutes) or M (the issue's targets). Each benchmark prints the load
average first: figures from a machine that other work keeps busy are lower than its capacity.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from pathlib import Path

from bench.config import bench_size


def available() -> list[str]:
    """Benchmark modules: every module in bench/ that defines `main()`."""
    here = Path(__file__).parent
    # the generator's main() writes files; config and memory have none; paths and suggest_cpu time an existing
    # store (arguments: see their docstrings), so they run by hand
    tools = {"generate", "config", "memory", "paths", "suggest_cpu"}
    names = [m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_") and m.name not in tools]
    return sorted(n for n in names if hasattr(importlib.import_module(f"bench.{n}"), "main"))


def run(names: list[str]) -> None:
    """Run the named benchmarks in order, each printing its own figures."""
    for name in names or available():
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"== bench.{name} (size {bench_size()}, {os.cpu_count()} cores, load average {load})", flush=True)
        importlib.import_module(f"bench.{name}").main()


if __name__ == "__main__":
    run(sys.argv[1:])
