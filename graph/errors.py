"""One error tree for the whole project, each class carrying its HTTP status and CLI exit code.

    CoopgraphError ─┬─ SettingsError                      (exit 2)
                    ├─ UsageError                         (400 / exit 2)
                    ├─ StoreError ─┬─ StoreUnavailable    (503 / exit 3)
                    │              ├─ QueryTimeout        (504 / exit 3)
                    │              └─ QueryFailed         (500 / exit 1)
                    ├─ NotFound                           (404 / exit 1)
                    ├─ Ambiguous                          (409 / exit 1)
                    ├─ BadRequest                         (422 / exit 2)
                    ├─ Unauthorized / Forbidden           (401 / 403)
                    └─ DocumentRejected                   (reported per file; the batch goes on)

Driver exceptions are translated once, in the store modules; the API renders every error with one
handler, the CLI prints one line and exits with `exit_code`.
"""

from __future__ import annotations

from typing import Any


class CoopgraphError(Exception):
    """Base of every error coopgraph raises on purpose."""

    status: int = 500
    exit_code: int = 1
    kind: str = "error"

    def __init__(self, message: str, *, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class SettingsError(CoopgraphError):
    """A setting is missing or invalid; nothing can run until it is fixed."""

    status = 500
    exit_code = 2
    kind = "settings"


class UsageError(CoopgraphError):
    """The command or request was called the wrong way."""

    status = 400
    exit_code = 2
    kind = "usage"


class StoreError(CoopgraphError):
    """Something went wrong in the graph store."""

    kind = "store"


class StoreUnavailable(StoreError):
    """The store cannot be reached now; retrying later may work."""

    status = 503
    exit_code = 3
    kind = "store_unavailable"


class QueryTimeout(StoreError):
    """A query ran past its time limit and was stopped by the server."""

    status = 504
    exit_code = 3
    kind = "query_timeout"


class QueryFailed(StoreError):
    """The store rejected a query: a bug in coopgraph, never the caller's fault."""

    status = 500
    exit_code = 1
    kind = "query_failed"


class NotFound(CoopgraphError):
    """The named thing does not exist."""

    status = 404
    exit_code = 1
    kind = "not_found"


class Ambiguous(CoopgraphError):
    """A name matches several entities; the caller must pick one."""

    status = 409
    exit_code = 1
    kind = "ambiguous"


class BadRequest(CoopgraphError):
    """A parameter failed validation."""

    status = 422
    exit_code = 2
    kind = "bad_request"


class Unauthorized(CoopgraphError):
    """A write was attempted without an API key."""

    status = 401
    exit_code = 2
    kind = "unauthorized"


class Forbidden(CoopgraphError):
    """A write was attempted with a wrong API key, or writes are off."""

    status = 403
    exit_code = 2
    kind = "forbidden"


class DocumentRejected(CoopgraphError):
    """One input document cannot be loaded; it is reported and the batch goes on."""

    status = 422
    exit_code = 1
    kind = "document_rejected"
