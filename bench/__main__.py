"""Run one benchmark by name, or all of them: `python -m bench [NAME ...]`."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def available() -> list[str]:
    """Benchmark modules: every module in bench/ that defines `main()`."""
    here = Path(__file__).parent
    names = [m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_")]
    return sorted(n for n in names if hasattr(importlib.import_module(f"bench.{n}"), "main"))


def run(names: list[str]) -> None:
    """Run the named benchmarks in order, each printing its own figures."""
    for name in names or available():
        print(f"== bench.{name}", flush=True)
        importlib.import_module(f"bench.{name}").main()


if __name__ == "__main__":
    run(sys.argv[1:])
