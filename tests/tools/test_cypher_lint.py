"""tools/cypher-lint: every Neo4j-form statement passes Neo4j's own Cypher 5 front end; a broken one fails."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RUN = REPO / "tools" / "cypher-lint" / "run.sh"

needs_node = pytest.mark.skipif(
    shutil.which("node") is None or shutil.which("npm") is None,
    reason="needs node and npm (the linter is the npm package @neo4j-cypher/language-support)",
)


def run_lint(*args: str) -> subprocess.CompletedProcess[str]:
    """Run tools/cypher-lint/run.sh with extra arguments for tools/neo4j_statements.py."""
    env = {**os.environ, "PYTHON": sys.executable}
    return subprocess.run(
        ["bash", str(RUN), *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def statements(*args: str) -> list[dict[str, str]]:
    """The JSON array tools/neo4j_statements.py prints."""
    out = subprocess.run(
        [sys.executable, str(REPO / "tools" / "neo4j_statements.py"), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    return json.loads(out)


def test_statements_cover_the_schema_with_origins() -> None:
    from graph.dialect import NEO4J
    from graph.schema import schema_statements

    found = statements()
    cyphers = [s["cypher"] for s in found]
    assert set(schema_statements(NEO4J)) <= set(cyphers)
    assert all(re.fullmatch(r"[\w./-]+\.(py|cypher):\d+", s["origin"]) for s in found), found
    assert any(s["origin"].startswith("graph/neo4j_store.py:") for s in found)


def test_extra_statements_are_appended(tmp_path: Path) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps([{"name": "x", "cypher": "RETURN 1 AS one"}]), encoding="utf-8")
    found = statements("--cypher", "RETURN 2 AS two", "--extra", str(extra))
    assert found[-2:] == [
        {"name": "cli[0]", "origin": "<command line>", "cypher": "RETURN 2 AS two"},
        {"name": "x", "origin": str(extra), "cypher": "RETURN 1 AS one"},
    ]


@needs_node
def test_every_neo4j_statement_passes() -> None:
    proc = run_lint()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 with errors" in proc.stdout


BROKEN = {
    "MATCH (n:Entity) RETRN n.key": "Invalid input 'RETRN'",
    "MATCH (n:Entity) WHERE exists(n.name) RETURN n.key AS key": "no longer supported",
    "RETURN frobnicate(1) AS x": "Function frobnicate is not present",
}


@needs_node
def test_a_broken_statement_makes_run_sh_fail_with_its_origin() -> None:
    args = [arg for cypher in BROKEN for arg in ("--cypher", cypher)]
    proc = run_lint(*args)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"{len(BROKEN)} with errors" in proc.stdout
    for message in BROKEN.values():
        assert message in proc.stdout
    assert proc.stdout.count("<command line>: error") >= len(BROKEN)


@needs_node
def test_deprecations_are_warnings_not_failures() -> None:
    item = {"name": "uses_id", "origin": "queries/x.cypher:7", "cypher": "MATCH (n:Entity) RETURN id(n) AS id"}
    proc = subprocess.run(
        ["node", str(RUN.parent / "lint.mjs")],
        input=json.dumps([item]),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "queries/x.cypher:7: warning" in proc.stdout
    assert "deprecated" in proc.stdout


@needs_node
def test_unusable_input_is_exit_2() -> None:
    proc = subprocess.run(
        ["node", str(RUN.parent / "lint.mjs")],
        input='{"not": "an array"}',
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2
