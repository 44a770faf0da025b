"""`coopgraph query`, `query --list` and `search` on the fixture graph (imported into the embedded store)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.commands import parse_options, render
from graph.errors import UsageError
from tests.fixtures import GRAPH_JSON

runner = CliRunner()


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for a CLI with its own data dir and graph holding the fixture."""
    env = {"COOPGRAPH_DATA_DIR": str(tmp_path_factory.mktemp("cli-data")), "COOPGRAPH_GRAPH_NAME": "cli_fixture"}
    result = runner.invoke(app, ["import", str(GRAPH_JSON)], env=env)
    assert result.exit_code == 0, result.output
    return env


def invoke(env: dict[str, str], *args: str) -> str:
    from graph.settings import get_settings

    get_settings.cache_clear()
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_query_partners_by_entity_name_as_json(cli_env: dict[str, str]) -> None:
    out = invoke(cli_env, "query", "partners_of", "--entity", "Xinjiang University", "--format", "json")
    assert [r["key"] for r in json.loads(out)] == ["kaznu", "kstu", "auezov_sku"]


def test_query_csv_and_table(cli_env: dict[str, str]) -> None:
    out = invoke(cli_env, "query", "agreements", "--country-a", "KZ", "--country-b=CN", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["key"] for r in rows] == ["agr_auezov_xju_2025", "agr_enu_heu_2024", "agr_kaznu_xju_2023"]
    table = invoke(cli_env, "query", "officials_of", "--ref", "KSTU")
    assert table.splitlines()[0].startswith("key") and "Mukhtar Dzhumaliev" in table


def test_query_list_and_search(cli_env: dict[str, str]) -> None:
    listing = invoke(cli_env, "query", "--list")
    assert "partners_of" in listing and "limit: int[1..500] = 50" in listing
    out = invoke(cli_env, "search", "Xinjang Universty")
    assert out.splitlines()[1].startswith("xju")


def test_bad_parameters_exit_with_the_error_code(cli_env: dict[str, str]) -> None:
    result = runner.invoke(app, ["query", "partners_of", "--ref", "xju", "--limit", "0"], env=cli_env)
    assert result.exit_code != 0


def test_parse_options_and_render() -> None:
    assert parse_options(["--entity", "XJU", "--since=2023", "--country-a", "KZ"]) == {
        "ref": "XJU",
        "since": "2023",
        "country_a": "KZ",
    }
    with pytest.raises(UsageError):
        parse_options(["--ref"])
    assert render([{"a": [1], "b": None}], ["a", "b"], "csv") == "a,b\n[1],"
    assert render([], ["a"], "table") == "(no rows)"


def test_help_reads_like_a_manual() -> None:
    for command in ("serve", "query", "search"):
        result = runner.invoke(app, [command, "--help"])
        assert "Example" in result.output, command


def test_commands_module_is_registered_once() -> None:
    text = Path("api/cli.py").read_text(encoding="utf-8")
    assert text.count("register_api(app)") == 1
