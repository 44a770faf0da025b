"""One JSON shape for every error the API sends: `{"error": {"type", "message", "details"}}`.

CoopgraphError            → its class's status (404 not_found, 409 ambiguous, 422 bad_request, 503 ...)
RequestValidationError    → 422 bad_request, details = the failing fields
HTTPException (routing)   → its status (404 unknown path, 405 method)
anything else             → 500 internal, no stack trace
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from graph.errors import CoopgraphError

log = logging.getLogger("coopgraph.api")

_HTTP_KINDS = {401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed"}


def error_body(kind: str, message: str, details: Any = None) -> dict[str, Any]:
    """The error document every failing response carries."""
    return {"error": {"type": kind, "message": message, "details": jsonable_encoder(details)}}


def _describe(exc: Exception) -> tuple[int, str, str, Any]:
    """Status, type, message and details of any exception, hiding what is not ours to show."""
    if isinstance(exc, CoopgraphError):
        return exc.status, exc.kind, exc.message, exc.details
    if isinstance(exc, RequestValidationError):
        fields = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        where = ", ".join(".".join(f["loc"]) for f in fields[:3])
        return 422, "bad_request", f"invalid request: {where}", fields
    if isinstance(exc, HTTPException):
        return exc.status_code, _HTTP_KINDS.get(exc.status_code, "http_error"), str(exc.detail), None
    log.exception("unhandled error")
    return 500, "internal", "internal error; the server log has the details", None


async def render_error(request: Request, exc: Exception) -> JSONResponse:
    """The one exception handler: map the exception, render the shape."""
    status, kind, message, details = _describe(exc)
    headers = getattr(exc, "headers", None) if isinstance(exc, HTTPException) else None
    return JSONResponse(error_body(kind, message, details), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of exception to `render_error`."""
    for exc_class in (CoopgraphError, RequestValidationError, HTTPException, Exception):
        app.add_exception_handler(exc_class, render_error)
