"""Run the `coopgraph` command in a child process, as a user would: a clean environment, its own data dir."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def cli_env(data_dir: Path | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment without coopgraph or Neo4j settings, plus the data dir and `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "COOPGRAPH_"))}
    if data_dir is not None:
        env["COOPGRAPH_DATA_DIR"] = str(data_dir)
    return env | (extra or {})


def run_cli(
    data_dir: Path | None,
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """`coopgraph ARGS...` to completion; a run past `timeout` fails the test (TimeoutExpired)."""
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        cwd=REPO,
        env=cli_env(data_dir, env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_cli(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    """`coopgraph ARGS...` started in the background (to be killed or waited for)."""
    return subprocess.Popen(
        [sys.executable, "-m", "api.cli", *args],
        cwd=REPO,
        env=cli_env(data_dir),
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
