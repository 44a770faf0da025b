"""Round trips on a generated graph, through the real CLI: export → import → export, and backup → restore.

    python -m bench.roundtrip [S|M|L]      (default COOPGRAPH_BENCH_SIZE, S; the issue asks for M)

1. `coopgraph import` the generated graph into store A, `coopgraph export` it (e1).
2. `coopgraph import e1` into an empty store B and export it again (e2): e2 must equal e1 byte for byte.
3. With A's server running (`coopgraph db start`), `coopgraph db backup`; `coopgraph db restore` the archive
   into an empty store C and export it (e3): e3 must equal e1.
Prints each step's seconds, the sizes, the SHA-256 of each export and whether they match.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.config import SIZES, bench_size
from bench.generate import graph

REPO = Path(__file__).resolve().parent.parent


def coopgraph(data_dir: Path, *args: str) -> float:
    """Run one `coopgraph` command on a data directory; seconds taken (a failure stops the benchmark)."""
    env = {**os.environ, "COOPGRAPH_DATA_DIR": str(data_dir)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", *args], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"coopgraph {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return time.perf_counter() - started


def digest(path: Path) -> str:
    """SHA-256 of a file, to show which exports are the same bytes."""
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()[:16]


def main() -> None:
    """Generate, then run both round trips and print whether the exports match."""
    size = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in SIZES else bench_size()
    with tempfile.TemporaryDirectory(prefix="coopgraph-roundtrip-") as tmp:
        root = Path(tmp)
        source = root / "generated.json"
        source.write_text(json.dumps(graph(size)), encoding="utf-8")
        a, b, c = root / "a", root / "b", root / "c"
        e1, e2, e3, archive = root / "e1.json", root / "e2.json", root / "e3.json", root / "a.tar.gz"
        steps = [
            ("import generated into A", coopgraph(a, "import", str(source))),
            ("export A (e1)", coopgraph(a, "export", "-o", str(e1))),
            ("import e1 into B", coopgraph(b, "import", str(e1))),
            ("export B (e2)", coopgraph(b, "export", "-o", str(e2))),
        ]
        coopgraph(a, "db", "start")
        try:
            steps.append(("backup A while it runs", coopgraph(a, "db", "backup", str(archive))))
        finally:
            coopgraph(a, "db", "stop")
        steps.append(("restore into C", coopgraph(c, "db", "restore", str(archive))))
        steps.append(("export C (e3)", coopgraph(c, "export", "-o", str(e3))))
        nodes_links = json.loads(e1.read_text(encoding="utf-8"))
        print(f"size {size}: {len(nodes_links['nodes']):,} nodes, {len(nodes_links['links']):,} links")
        for name, seconds in steps:
            print(f"  {name:<26} {seconds:7.1f} s")
        print(f"  backup archive {archive.stat().st_size / 1e6:,.1f} MB; export {e1.stat().st_size / 1e6:,.1f} MB")
        first = digest(e1)
        for label, path in (("export → import → export", e2), ("backup → restore → export", e3)):
            same = path.read_bytes() == e1.read_bytes()
            print(f"  {label}: {'identical' if same else 'DIFFERENT'} (sha256 {first} vs {digest(path)})")


if __name__ == "__main__":
    main()
