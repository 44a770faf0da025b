"""The extractor plug-in point (COOPGRAPH_EXTRACTOR): a load uses the named function, and says when it cannot."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli import run_cli

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples" / "corpus"
PLUGINS = "tests.loaders.plugin_extractors"


def count(data_dir: Path, label: str) -> int:
    """How many entities of one label `coopgraph entities list` shows."""
    listed = run_cli(data_dir, "entities", "list", "--label", label, "--limit", "1000")
    assert listed.returncode == 0, listed.stderr
    return len(json.loads(listed.stdout))


def test_a_plug_in_extractor_replaces_the_rules(tmp_path: Path) -> None:
    rules = run_cli(tmp_path / "rules", "load", str(SAMPLES))
    plugged = run_cli(
        tmp_path / "plug", "load", str(SAMPLES), env={"COOPGRAPH_EXTRACTOR": f"{PLUGINS}:rules_without_people"}
    )
    assert rules.returncode == 0 and plugged.returncode == 0, plugged.stderr
    assert count(tmp_path / "rules", "Person") > 5 and count(tmp_path / "plug", "Person") == 0
    assert count(tmp_path / "plug", "University") == count(tmp_path / "rules", "University") > 5


def test_a_failing_or_wrong_plug_in_skips_its_documents_with_the_reason(tmp_path: Path) -> None:
    down = run_cli(tmp_path / "a", "load", str(SAMPLES), env={"COOPGRAPH_EXTRACTOR": f"{PLUGINS}:unreachable_model"})
    assert down.returncode == 1 and "ConnectionError: model endpoint refused" in down.stderr
    assert "5 failed" in down.stdout and "Traceback" not in down.stderr
    wrong = run_cli(tmp_path / "b", "load", str(SAMPLES), env={"COOPGRAPH_EXTRACTOR": f"{PLUGINS}:not_an_extraction"})
    assert wrong.returncode == 1 and "the extractor returned dict, not this document's Extraction" in wrong.stderr


def test_an_extractor_setting_naming_nothing_is_a_usage_error(tmp_path: Path) -> None:
    for spec, said in [
        ("no_such_module:extract", "cannot import no_such_module"),
        (f"{PLUGINS}:no_such_function", "has no no_such_function"),
        ("not a spec", "extractor: String should match pattern"),
    ]:
        result = run_cli(tmp_path / "c", "load", str(SAMPLES), env={"COOPGRAPH_EXTRACTOR": spec})
        assert result.returncode == 2 and said in result.stderr, (spec, result.stderr)
        assert "Traceback" not in result.stderr
