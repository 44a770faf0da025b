"""GraphStore on Neo4j 5 (a single server, a cluster or Aura) through the official `neo4j` driver.

- `neo4j://` URIs route: reads run in READ access mode and go to followers/secondaries, writes go to the
  leader; `bolt://` talks to the one server named. `connection_plan(settings)` says which, without a server.
- Reads run in `session.execute_read`, writes in `session.execute_write`: managed transactions the driver
  retries on transient errors and leader changes (up to `max_transaction_retry_time`).
- Every query carries a server-side timeout (`unit_of_work(timeout=...)`), COOPGRAPH_QUERY_TIMEOUT_MS by
  default and never more than COOPGRAPH_QUERY_TIMEOUT_MAX_MS.
- All sessions of one store share a bookmark manager, so a read sees every write this process made before
  it, whichever cluster member serves it (causal consistency across sessions).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlparse

import neo4j
from neo4j import GraphDatabase, unit_of_work
from neo4j import exceptions as ne
from neo4j.graph import Node, Path, Relationship

from graph.dialect import NEO4J, Dialect
from graph.errors import CoopgraphError, QueryFailed, QueryTimeout, SettingsError, StoreUnavailable
from graph.settings import Settings
from graph.store import Row
from graph.values import plain_params, plain_value

Access = Literal["read", "write"]

ROUTING_SCHEMES = frozenset({"neo4j", "neo4j+s", "neo4j+ssc"})
CLEAR_BATCH = "MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted"
COMPONENTS = "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"
_TIMEOUT_CODES = ("Neo.ClientError.Transaction.TransactionTimedOut",)  # also ...TimedOutClientConfiguration
_DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"

logging.getLogger("neo4j").addHandler(logging.NullHandler())
"""The driver logs each retry as a warning; without this, Python prints them when no logging is set up."""


@dataclass(frozen=True)
class ConnectionPlan:
    """How the settings make coopgraph talk to Neo4j; decided before any connection is tried."""

    uri: str
    scheme: str
    routing: bool
    encrypted: bool
    database: str | None
    read_access_mode: str = neo4j.READ_ACCESS
    write_access_mode: str = neo4j.WRITE_ACCESS


def connection_plan(settings: Settings) -> ConnectionPlan:
    """Routing (neo4j://, cluster-aware) or direct (bolt://), TLS or not, which database, which modes."""
    if not settings.neo4j_uri:
        raise SettingsError("NEO4J_URI is not set")
    scheme = urlparse(settings.neo4j_uri).scheme
    return ConnectionPlan(
        uri=settings.neo4j_uri,
        scheme=scheme,
        routing=scheme in ROUTING_SCHEMES,
        encrypted=scheme.endswith(("+s", "+ssc")),
        database=settings.neo4j_database or None,
    )


class Neo4jStore:
    """Run Cypher on one Neo4j database: reads in READ mode, writes in retried managed transactions."""

    dialect: Dialect = NEO4J

    def __init__(self, settings: Settings, *, driver_config: Mapping[str, Any] | None = None) -> None:
        self.settings = settings
        self.plan = connection_plan(settings)
        self.location = _redact(self.plan.uri)
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
        auth = (settings.neo4j_username, password) if password is not None else None
        config: dict[str, Any] = {"user_agent": "coopgraph", **(driver_config or {})}
        try:
            self._driver = GraphDatabase.driver(self.plan.uri, auth=auth, **config)
        except (ValueError, ne.ConfigurationError) as exc:
            reason = str(exc).replace(self.plan.uri, self.location)  # the driver quotes the URI, userinfo too
            raise SettingsError(f"NEO4J_URI {self.location} cannot be used: {reason}") from None
        self._bookmarks = GraphDatabase.bookmark_manager()

    # -- GraphStore -------------------------------------------------------------------------------
    def read(self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None) -> list[Row]:
        """Run a read-only query in a READ managed transaction (served by a reader in a cluster)."""
        return self._run("read", cypher, params, timeout_ms)

    def read_rows(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
    ) -> list[list[Any]]:
        """Rows as lists, in column order (the same values as `read`)."""
        return [list(row.values()) for row in self._run("read", cypher, params, timeout_ms)]

    def write(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
    ) -> list[Row]:
        """Run a write query in a WRITE managed transaction; the driver retries transient failures."""
        return self._run("write", cypher, params, timeout_ms)

    def prepare_write(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
    ) -> Callable[[], list[Row]]:
        """The driver packs parameters as it sends them: nothing to do ahead."""
        return lambda: self.write(cypher, params, timeout_ms=timeout_ms)

    def command(self, name: str, *args: str) -> Any:
        """Engine commands are FalkorDB's; on Neo4j everything is Cypher."""
        raise QueryFailed(f"command {name!r} is not supported on Neo4j (dialect.unique_constraints is 'cypher')")

    def clear(self) -> None:
        """Delete every node and relationship in batches (one transaction each), then recreate the schema."""
        from graph.schema import ensure_schema

        batch = self.settings.write_batch_size
        while self.write(CLEAR_BATCH, {"batch": batch})[0]["deleted"]:
            pass
        ensure_schema(self)

    def ping(self) -> bool:
        """Answer whether a server (in a cluster: the routing table) is reachable with these credentials."""
        try:
            self._driver.verify_connectivity()
        except (ne.Neo4jError, ne.DriverError, OSError):
            return False
        return True

    def describe(self) -> dict[str, Any]:
        """Engine, version, edition, location, database and how the driver connects."""
        info: dict[str, Any] = {
            "engine": "neo4j",
            "location": self.location,
            "database": self.plan.database or "(server default)",
            "routing": self.plan.routing,
            "encrypted": self.plan.encrypted,
        }
        try:
            rows = self.read(COMPONENTS)
        except CoopgraphError as exc:
            info.update(version=None, edition=None, error=exc.message)
            return info
        kernel = next((r for r in rows if r["name"] == "Neo4j Kernel"), rows[0] if rows else {})
        info["version"] = (kernel.get("versions") or [None])[0]
        info["edition"] = kernel.get("edition")
        return info

    def close(self) -> None:
        """Close the driver and its connection pool."""
        self._driver.close()

    # -- internals ------------------------------------------------------------------------------
    def session_config(self, access: Access) -> dict[str, Any]:
        """The keyword arguments of every session this store opens for reads or for writes."""
        mode = self.plan.read_access_mode if access == "read" else self.plan.write_access_mode
        return {
            "database": self.plan.database,
            "default_access_mode": mode,
            "bookmark_manager": self._bookmarks,
        }

    def timeout_s(self, timeout_ms: int | None) -> float:
        """The server-side timeout of one query, in seconds, capped at COOPGRAPH_QUERY_TIMEOUT_MAX_MS."""
        ms = min(timeout_ms or self.settings.query_timeout_ms, self.settings.query_timeout_max_ms)
        return ms / 1000

    def _run(self, access: Access, cypher: str, params: Mapping[str, Any] | None, timeout_ms: int | None) -> list[Row]:
        """Run one query in a managed transaction of the given access mode, translating driver errors."""
        timeout = self.timeout_s(timeout_ms)
        work = unit_of_work(timeout=timeout, metadata={"app": "coopgraph"})(_collect_rows)
        values = plain_params(params)
        try:
            with self._driver.session(**self.session_config(access)) as session:
                execute: Callable[..., list[Row]] = session.execute_read if access == "read" else session.execute_write
                return execute(work, cypher, values)
        except (ne.Neo4jError, ne.DriverError, OSError) as exc:
            raise translate_error(exc, location=self.location, settings=self.settings, timeout_s=timeout) from exc


def _collect_rows(tx: neo4j.ManagedTransaction, cypher: str, params: dict[str, Any]) -> list[Row]:
    """The transaction function: run the query and read every row as plain values."""
    result = tx.run(cypher, params)
    return [{key: _plain(value) for key, value in record.items()} for record in result]


def _plain(value: Any) -> Any:
    """A Neo4j result value as plain Python: nodes and relationships as property maps, like FalkorDB's."""
    if isinstance(value, Node):
        return {**{k: plain_value(v) for k, v in value.items()}, "_labels": sorted(value.labels)}
    if isinstance(value, Relationship):
        return {**{k: plain_value(v) for k, v in value.items()}, "_type": value.type}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return plain_value(value)


def translate_error(
    exc: BaseException, *, location: str, settings: Settings | None = None, timeout_s: float | None = None
) -> CoopgraphError:
    """Map one driver exception into coopgraph's error tree (the only place that knows driver errors)."""
    user = settings.neo4j_username if settings else "?"
    if isinstance(exc, ne.AuthError | ne.AuthConfigurationError):
        return SettingsError(
            f"Neo4j at {location} refused the credentials of user {user!r}: check NEO4J_USERNAME and "
            "NEO4J_PASSWORD (or NEO4J_PASSWORD_FILE)"
        )
    if isinstance(exc, ne.Neo4jError):
        return _translate_server_error(exc, location=location, timeout_s=timeout_s)
    if isinstance(exc, ne.ServiceUnavailable | ne.SessionExpired | ne.ConnectionPoolError | OSError):
        return StoreUnavailable(f"Neo4j at {location} is not answering ({type(exc).__name__}); retry shortly")
    if isinstance(exc, ne.ConfigurationError):
        return SettingsError(f"the Neo4j driver rejected the settings for {location}: {exc}")
    return QueryFailed(f"Neo4j driver error ({type(exc).__name__}): {exc}")


def _translate_server_error(exc: ne.Neo4jError, *, location: str, timeout_s: float | None) -> CoopgraphError:
    """Map an error the server sent, by its Neo4j status code."""
    code, message = exc.code or "", exc.message or str(exc)
    stopped = f" after {timeout_s:g} s" if timeout_s else ""
    if code.startswith(_TIMEOUT_CODES) or (code.endswith(".Terminated") and "timed out" in message.lower()):
        return QueryTimeout(f"query stopped by Neo4j{stopped} (COOPGRAPH_QUERY_TIMEOUT_MS)")
    if code == _DATABASE_NOT_FOUND:
        return SettingsError(f"NEO4J_DATABASE: no such database on {location}: {message}")
    if isinstance(exc, ne.TransientError):  # still failing once the driver's retries are spent
        return StoreUnavailable(f"Neo4j at {location} is busy or changing leader ({code}); retry shortly")
    return QueryFailed(f"Neo4j rejected the query ({code}): {message}")


def _redact(uri: str) -> str:
    """The URI without any user:password part, for messages and `describe()`."""
    parts = urlparse(uri)
    if parts.username is None and parts.password is None:
        return uri
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl()


def neo4j_statements() -> list[tuple[str, str]]:
    """The Cypher this module runs, for the offline Neo4j linter (tools/cypher-lint)."""
    return [("neo4j_store:clear_batch", CLEAR_BATCH), ("neo4j_store:components", COMPONENTS)]
