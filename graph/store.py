"""The one interface every engine implements: run Cypher with parameters, get plain rows back."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from graph.dialect import Dialect

Row = dict[str, Any]


class GraphStore(Protocol):
    """A Cypher graph store: reads run read-only, writes run in a transaction, rows are plain values."""

    dialect: Dialect

    def read(self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None) -> list[Row]:
        """Run a read-only query and return its rows as dicts of scalars, lists and maps."""
        ...

    def read_rows(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
    ) -> list[list[Any]]:
        """Run a read-only query and return its rows as lists of scalars and lists (bulk reads: no dicts)."""
        ...

    def write(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
    ) -> list[Row]:
        """Run a write query in one transaction and return its rows."""
        ...

    def prepare_write(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
    ) -> Callable[[], list[Row]]:
        """Do a write's client-side work now and return the call that sends it (`WritePipeline`)."""
        ...

    def command(self, name: str, *args: str) -> Any:
        """Run an engine-specific administrative command (FalkorDB only: constraints, config)."""
        ...

    def clear(self) -> None:
        """Delete every node and relationship (tests, `import --replace`)."""
        ...

    def ping(self) -> bool:
        """Answer whether the store is reachable now."""
        ...

    def describe(self) -> dict[str, Any]:
        """Say where the store is and what it runs, for `coopgraph info` and `/health`."""
        ...

    def close(self) -> None:
        """Release connections (and stop an embedded server this process started)."""
        ...
