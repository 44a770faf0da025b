"""Settings: one object, read from the environment, invalid values → one clear line and exit code 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.errors import SettingsError
from graph.settings import Settings, get_settings, load_settings
from tests.cli import run_cli

REPO = Path(__file__).resolve().parents[2]


def test_backend_selection(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COOPGRAPH_DATA_DIR", str(tmp_path))
    assert get_settings().backend == "embedded"
    assert get_settings().data_dir == tmp_path
    get_settings.cache_clear()
    monkeypatch.setenv("COOPGRAPH_FALKORDB_URL", "redis://127.0.0.1:6379")
    assert get_settings().backend == "falkordb"
    get_settings.cache_clear()
    monkeypatch.setenv("NEO4J_URI", "neo4j://db.example:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret")
    settings = get_settings()
    assert settings.backend == "neo4j"
    assert settings.neo4j_password is not None and settings.neo4j_password.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(settings)


@pytest.mark.parametrize(
    ("env", "pattern"),
    [
        ({"NEO4J_URI": "http://db:7474"}, "NEO4J_URI must start with"),
        ({"COOPGRAPH_FALKORDB_URL": "ftp://x"}, "COOPGRAPH_FALKORDB_URL must be"),
        ({"COOPGRAPH_PORT": "99999"}, "port"),
        ({"COOPGRAPH_QUERY_TIMEOUT_MS": "soon"}, "query_timeout_ms"),
        ({"COOPGRAPH_GRAPH_NAME": "bad name!"}, "graph_name"),
    ],
)
def test_invalid_settings_raise_one_line(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], pattern: str) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SettingsError, match=pattern) as caught:
        load_settings()
    assert "\n" not in caught.value.message and caught.value.exit_code == 2


def test_secrets_from_files_never_in_errors(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    secret = tmp_path / "key"
    secret.write_text("hunter2\n")
    monkeypatch.setenv("COOPGRAPH_API_KEY_FILE", str(secret))
    assert load_settings().api_key.get_secret_value() == "hunter2"  # type: ignore[union-attr]
    monkeypatch.setenv("COOPGRAPH_API_KEY_FILE", str(tmp_path / "missing"))
    with pytest.raises(SettingsError, match="COOPGRAPH_API_KEY_FILE: cannot read") as caught:
        load_settings()
    assert "hunter2" not in caught.value.message


def test_cli_bad_setting_exits_2_without_traceback(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "info", env={"NEO4J_URI": "http://nope"}, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("coopgraph: settings: invalid settings: NEO4J_URI")
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_readme_documents_every_setting() -> None:
    readme = (REPO / "README.md").read_text()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        env = alias.choices[0] if alias is not None else f"COOPGRAPH_{name.upper()}"  # type: ignore[union-attr]
        assert re.search(rf"`{env}`", readme), f"README does not document {env}"
