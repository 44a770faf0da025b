"""Neo4jStore: connection plan, access modes, error mapping and settings without a server; the rest live.

The live tests run only with NEO4J_URI set *and* COOPGRAPH_TEST_NEO4J=1 (they clear that database;
tests/conftest.py also keeps NEO4J_* out of tests unless COOPGRAPH_TEST_NEO4J is set). Locally:

    docker compose up -d neo4j
    COOPGRAPH_TEST_NEO4J=1 NEO4J_URI=neo4j://127.0.0.1:7687 NEO4J_PASSWORD=... \\
        .venv/bin/pytest tests/graph/test_neo4j_store.py
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from neo4j import exceptions as ne
from pydantic import SecretStr

from graph.connect import open_store
from graph.errors import BadRequest, QueryFailed, QueryTimeout, SettingsError, StoreUnavailable
from graph.neo4j_store import Neo4jStore, connection_plan, translate_error
from graph.schema import schema_statements
from graph.settings import Settings, load_settings
from tests.cli import run_cli

REPO = Path(__file__).resolve().parents[2]
SECRET = "not-the-password-8c1f"

# Read at import, before tests/conftest.py's autouse fixture strips NEO4J_* from the environment.
LIVE_ENV = {k: v for k, v in os.environ.items() if k.startswith("NEO4J_")}
LIVE = bool(LIVE_ENV.get("NEO4J_URI")) and bool(os.environ.get("COOPGRAPH_TEST_NEO4J"))
live = pytest.mark.skipif(
    not LIVE,
    reason="needs a live Neo4j: set NEO4J_URI (and NEO4J_PASSWORD) with COOPGRAPH_TEST_NEO4J=1; "
    "these tests clear that database",
)
FAST_FAIL = {"max_transaction_retry_time": 0, "connection_timeout": 2}
"""Driver settings for the server-less tests: no retries, so an unreachable server fails at once."""


def closed_port() -> int:
    """A local TCP port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_settings(uri: str, **overrides: Any) -> Settings:
    """Settings that select Neo4j at `uri`, with a password that must never show up in messages."""
    return load_settings(neo4j_uri=uri, neo4j_password=SECRET, **overrides)


def server_error(code: str, message: str = "boom") -> ne.Neo4jError:
    """A Neo4j server error as the driver builds it from a FAILURE message."""
    return ne.Neo4jError._hydrate_neo4j(code=code, message=message)


# -- routing and access modes (no server) ---------------------------------------------------------
@pytest.mark.parametrize(
    ("uri", "routing", "encrypted"),
    [
        ("neo4j://db.example:7687", True, False),
        ("neo4j+s://abc.databases.neo4j.io", True, True),
        ("neo4j+ssc://db.example", True, True),
        ("bolt://127.0.0.1:7687", False, False),
        ("bolt+s://db.example:7687", False, True),
    ],
)
def test_connection_plan_routes_neo4j_scheme_only(uri: str, routing: bool, encrypted: bool) -> None:
    plan = connection_plan(make_settings(uri, neo4j_database="coop"))
    assert (plan.routing, plan.encrypted, plan.database) == (routing, encrypted, "coop")
    assert (plan.read_access_mode, plan.write_access_mode) == (neo4j.READ_ACCESS, neo4j.WRITE_ACCESS)


def test_neo4j_settings_select_routing_driver_and_read_access_mode() -> None:
    store = Neo4jStore(make_settings("neo4j://neo4j:7687"))
    try:
        assert isinstance(store._driver, neo4j.Neo4jDriver)
        read, write = store.session_config("read"), store.session_config("write")
        assert read["default_access_mode"] == neo4j.READ_ACCESS == "READ"
        assert write["default_access_mode"] == neo4j.WRITE_ACCESS == "WRITE"
        assert read["bookmark_manager"] is write["bookmark_manager"]  # read-after-write across sessions
        assert read["database"] is None
    finally:
        store.close()


def test_bolt_scheme_selects_direct_driver() -> None:
    store = Neo4jStore(make_settings("bolt://127.0.0.1:7687", neo4j_database="neo4j"))
    try:
        assert isinstance(store._driver, neo4j.BoltDriver)
        assert not isinstance(store._driver, neo4j.Neo4jDriver)
        assert store.session_config("read")["database"] == "neo4j"
    finally:
        store.close()


def test_open_store_picks_neo4j_when_uri_is_set() -> None:
    store = open_store(make_settings("neo4j://127.0.0.1:7687"), schema=False)
    try:
        assert isinstance(store, Neo4jStore)
        assert store.dialect.name == "neo4j"
    finally:
        store.close()


class RecordingSession:
    """Stands in for the driver's session at the network edge: records how the store uses it."""

    def __init__(self, calls: list[dict[str, Any]], config: dict[str, Any]) -> None:
        self.calls, self.config = calls, config

    def __enter__(self) -> RecordingSession:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def _record(self, method: str, work: Any, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        self.calls.append(
            {"method": method, "timeout": work.timeout, "cypher": cypher, "params": params, **self.config}
        )
        return []

    def execute_read(self, work: Any, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self._record("execute_read", work, cypher, params)

    def execute_write(self, work: Any, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self._record("execute_write", work, cypher, params)


def test_reads_run_in_read_transactions_and_writes_in_write_transactions(monkeypatch: pytest.MonkeyPatch) -> None:
    store = Neo4jStore(make_settings("neo4j://127.0.0.1:7687", query_timeout_ms=2500))
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(store._driver, "session", lambda **config: RecordingSession(calls, config))
    try:
        store.read("MATCH (n:Entity {key: $k}) RETURN n.key AS key", {"k": "a", "when": {"x"}})
        store.write("MERGE (n:Entity {key: $k})", {"k": "a"}, timeout_ms=40_000)
    finally:
        store.close()
    assert [(c["method"], c["default_access_mode"]) for c in calls] == [
        ("execute_read", "READ"),
        ("execute_write", "WRITE"),
    ]
    assert [c["timeout"] for c in calls] == [2.5, 40.0]
    assert calls[0]["params"] == {"k": "a", "when": ["x"]}  # plain_params: sets become sorted lists
    assert calls[0]["bookmark_manager"] is calls[1]["bookmark_manager"]


def test_timeouts_default_and_cap() -> None:
    store = Neo4jStore(make_settings("bolt://127.0.0.1:7687", query_timeout_ms=1500, query_timeout_max_ms=5000))
    try:
        assert store.timeout_s(None) == 1.5
        assert store.timeout_s(3000) == 3.0
        assert store.timeout_s(60_000) == 5.0
    finally:
        store.close()


def test_parameters_are_checked_before_any_connection() -> None:
    store = Neo4jStore(make_settings("bolt://127.0.0.1:7687"))
    try:
        with pytest.raises(BadRequest):
            store.read("RETURN $x AS x", {"x": float("nan")})
    finally:
        store.close()


def test_command_is_not_supported() -> None:
    store = Neo4jStore(make_settings("bolt://127.0.0.1:7687"))
    try:
        with pytest.raises(QueryFailed, match="not supported on Neo4j"):
            store.command("GRAPH.CONSTRAINT", "CREATE")
    finally:
        store.close()


# -- error mapping (no server) --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("exc", "expected", "exit_code"),
    [
        (ne.ServiceUnavailable("no route"), StoreUnavailable, 3),
        (ne.RoutingServiceUnavailable("no routing table"), StoreUnavailable, 3),
        (ne.SessionExpired("leader moved"), StoreUnavailable, 3),
        (ne.ConnectionAcquisitionTimeoutError("pool full"), StoreUnavailable, 3),
        (ConnectionRefusedError(111, "refused"), StoreUnavailable, 3),
        (server_error("Neo.TransientError.Transaction.DeadlockDetected"), StoreUnavailable, 3),
        (server_error("Neo.TransientError.General.DatabaseUnavailable"), StoreUnavailable, 3),
        (server_error("Neo.ClientError.Transaction.TransactionTimedOut"), QueryTimeout, 3),
        (server_error("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"), QueryTimeout, 3),
        (server_error("Neo.ClientError.Transaction.Terminated", "terminated because it timed out"), QueryTimeout, 3),
        (server_error("Neo.ClientError.Transaction.Terminated", "terminated by an administrator"), QueryFailed, 1),
        (server_error("Neo.ClientError.Statement.SyntaxError", "Invalid input 'RETRN'"), QueryFailed, 1),
        (server_error("Neo.ClientError.Schema.ConstraintValidationFailed", "already exists"), QueryFailed, 1),
        (server_error("Neo.ClientError.Statement.AccessMode", "Writing in read access mode"), QueryFailed, 1),
        (server_error("Neo.DatabaseError.General.UnknownError"), QueryFailed, 1),
        (server_error("Neo.ClientError.Security.Unauthorized", "The client is unauthorized"), SettingsError, 2),
        (server_error("Neo.ClientError.Security.AuthorizationFailed"), SettingsError, 2),
        (server_error("Neo.ClientError.Database.DatabaseNotFound", "Database does not exist"), SettingsError, 2),
        (ne.AuthConfigurationError("bad auth token"), SettingsError, 2),
        (ne.ConfigurationError("bad config"), SettingsError, 2),
        (ne.ResultConsumedError(None, "consumed"), QueryFailed, 1),
    ],
)
def test_driver_errors_map_into_the_error_tree(exc: BaseException, expected: type, exit_code: int) -> None:
    settings = make_settings("neo4j://db.example:7687")
    error = translate_error(exc, location="neo4j://db.example:7687", settings=settings, timeout_s=2.0)
    assert type(error) is expected
    assert error.exit_code == exit_code
    assert SECRET not in error.message


def test_driver_builds_the_error_classes_the_mapping_expects() -> None:
    assert isinstance(server_error("Neo.ClientError.Security.Unauthorized"), ne.AuthError)
    assert isinstance(server_error("Neo.ClientError.Statement.SyntaxError"), ne.CypherSyntaxError)
    assert isinstance(server_error("Neo.TransientError.Transaction.DeadlockDetected"), ne.TransientError)


def test_auth_failure_names_the_settings_not_the_password() -> None:
    error = translate_error(
        server_error("Neo.ClientError.Security.Unauthorized"),
        location="neo4j://db:7687",
        settings=make_settings("neo4j://db:7687", neo4j_username="analyst"),
    )
    assert "NEO4J_PASSWORD" in error.message
    assert "'analyst'" in error.message
    assert SECRET not in error.message


def test_server_error_message_is_kept_so_schema_can_tell_existing_from_broken() -> None:
    error = translate_error(
        server_error(
            "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists", "An equivalent constraint already exists"
        ),
        location="bolt://x",
    )
    assert "already exists" in error.message
    assert "EquivalentSchemaRuleAlreadyExists" in error.message


@pytest.mark.parametrize("scheme", ["neo4j", "bolt"])
def test_unreachable_server_is_store_unavailable(scheme: str) -> None:
    store = Neo4jStore(make_settings(f"{scheme}://127.0.0.1:{closed_port()}"), driver_config=FAST_FAIL)
    try:
        with pytest.raises(StoreUnavailable) as caught:
            store.read("RETURN 1 AS one")
        assert caught.value.exit_code == 3
        assert caught.value.status == 503
        assert store.ping() is False
        info = store.describe()
        assert info["engine"] == "neo4j"
        assert info["routing"] is (scheme == "neo4j")
        assert info["version"] is None
        assert "not answering" in info["error"]
    finally:
        store.close()


@pytest.mark.parametrize("scheme", ["neo4j", "bolt"])
def test_credentials_in_the_uri_are_refused_without_echoing_them(scheme: str) -> None:
    with pytest.raises(SettingsError) as caught:
        Neo4jStore(make_settings(f"{scheme}://user:{SECRET}@127.0.0.1:7687"))
    assert caught.value.exit_code == 2
    assert "userinfo" in caught.value.message
    assert SECRET not in caught.value.message


# -- settings (no server) ------------------------------------------------------------------------
@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", "redis://localhost:6379"])
def test_bad_neo4j_uri_is_a_settings_error(monkeypatch: pytest.MonkeyPatch, uri: str) -> None:
    monkeypatch.setenv("NEO4J_URI", uri)
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert caught.value.exit_code == 2
    assert "NEO4J_URI" in caught.value.message
    assert SECRET not in caught.value.message


def test_cli_exits_2_with_one_line_on_a_bad_neo4j_uri(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "info", env={"NEO4J_URI": "http://localhost:7474", "NEO4J_PASSWORD": SECRET}, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "NEO4J_URI" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert SECRET not in proc.stdout + proc.stderr


# -- live Neo4j ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def live_settings() -> Settings:
    """Settings for the Neo4j named by the environment this session started with."""
    password = LIVE_ENV.get("NEO4J_PASSWORD")
    return load_settings(
        neo4j_uri=LIVE_ENV.get("NEO4J_URI"),
        neo4j_username=LIVE_ENV.get("NEO4J_USERNAME", "neo4j"),
        neo4j_database=LIVE_ENV.get("NEO4J_DATABASE"),
        **({"neo4j_password": password} if password else {}),
    )


@pytest.fixture
def neo(live_settings: Settings) -> Iterator[Neo4jStore]:
    """An empty Neo4j database with the schema."""
    store = open_store(live_settings)
    assert isinstance(store, Neo4jStore)
    store.clear()
    yield store
    store.close()


@live
def test_live_schema_is_idempotent(neo: Neo4jStore) -> None:
    from graph.schema import ensure_schema

    ensure_schema(neo)
    ensure_schema(neo)
    names = {row["name"] for row in neo.read("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"entity_key", "document_key"} <= names
    indexes = {row["name"] for row in neo.read("SHOW INDEXES YIELD name RETURN name")}
    assert {"entity_search", "initiative_key", "document_source_id"} <= indexes
    assert len(schema_statements(neo.dialect)) == 5


@live
def test_live_round_trip_gives_plain_rows(neo: Neo4jStore) -> None:
    neo.write(
        "UNWIND $rows AS row MERGE (n:Entity {key: row.key}) SET n:University, n += row.props",
        {"rows": [{"key": "u1", "props": {"name": "U One", "aliases": ["U1", "One"]}}]},
    )
    rows = neo.read("MATCH (n:Entity {key: $k}) RETURN n, n.aliases AS aliases, date('2024-05-01') AS d", {"k": "u1"})
    assert rows == [
        {
            "n": {"key": "u1", "name": "U One", "aliases": ["U1", "One"], "_labels": ["Entity", "University"]},
            "aliases": ["U1", "One"],
            "d": "2024-05-01",
        }
    ]


@live
def test_live_read_after_write_across_sessions(neo: Neo4jStore) -> None:
    for i in range(20):
        neo.write("CREATE (:Document {key: $k})", {"k": f"doc_{i}"})
        assert neo.read("MATCH (d:Document) RETURN count(d) AS c")[0]["c"] == i + 1


@live
def test_live_read_refuses_writes(neo: Neo4jStore) -> None:
    with pytest.raises(QueryFailed):
        neo.read("CREATE (:Junk {key: 'x'})")
    assert neo.read("MATCH (j:Junk) RETURN count(j) AS c") == [{"c": 0}]


@live
def test_live_errors_are_mapped(neo: Neo4jStore) -> None:
    with pytest.raises(QueryFailed, match="SyntaxError"):
        neo.read("MATCH (n) RETRN n")
    neo.write("CREATE (:Entity {key: 'dup'})")
    with pytest.raises(QueryFailed, match="already exists"):
        neo.write("CREATE (:Entity {key: 'dup'})")
    with pytest.raises(QueryTimeout):  # 27 billion rows, streamed: only the timeout stops it
        neo.read(
            "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b UNWIND range(1, 3000) AS c RETURN count(*) AS n",
            timeout_ms=300,
        )


@live
def test_live_wrong_password_is_a_settings_error(live_settings: Settings) -> None:
    wrong = f"wrong-{uuid.uuid4().hex}"
    settings = live_settings.model_copy(update={"neo4j_password": SecretStr(wrong)})
    store = Neo4jStore(settings, driver_config=FAST_FAIL)
    try:
        with pytest.raises(SettingsError) as caught:
            store.read("RETURN 1 AS one")
        assert wrong not in caught.value.message
        assert store.ping() is False
    finally:
        store.close()


@live
def test_live_clear_deletes_in_batches_and_keeps_schema(neo: Neo4jStore) -> None:
    neo.write("UNWIND range(1, 2500) AS i CREATE (:Entity {key: 'k' + i})-[:MENTIONED_IN]->(:Document {key: 'd' + i})")
    neo.settings = neo.settings.model_copy(update={"write_batch_size": 1000})
    neo.clear()
    assert neo.read("MATCH (n) RETURN count(n) AS c") == [{"c": 0}]
    assert neo.read("SHOW CONSTRAINTS YIELD name WHERE name = 'entity_key' RETURN name") == [{"name": "entity_key"}]


@live
def test_live_describe_and_ping(neo: Neo4jStore) -> None:
    info = neo.describe()
    assert str(info["version"]).startswith("5.") or str(info["version"]).startswith("202")
    assert info["edition"] in {"community", "enterprise"}
    assert neo.ping() is True
