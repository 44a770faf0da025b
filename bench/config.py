"""What size the benchmarks run at: `COOPGRAPH_BENCH_SIZE` = S (default: quick) or M (the issue's targets).

python -m bench                              # every benchmark at S, a few minutes
COOPGRAPH_BENCH_SIZE=M python -m bench       # at M: 100k nodes / 1M links, 10,000 articles
"""

from __future__ import annotations

import os

SIZES = ("S", "M", "L")


def bench_size() -> str:
    """S, M or L from COOPGRAPH_BENCH_SIZE (S when unset)."""
    size = os.environ.get("COOPGRAPH_BENCH_SIZE", "S").upper()
    if size not in SIZES:
        raise SystemExit(f"COOPGRAPH_BENCH_SIZE must be one of {', '.join(SIZES)}, not {size!r}")
    return size
