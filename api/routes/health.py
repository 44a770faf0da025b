"""GET /health: is the store answering, and what is it."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import Store
from api.models import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
def health(store: Store) -> JSONResponse:
    """200 when the store answers PING, 503 when it does not."""
    ok = store.ping()
    body = Health(status="ok" if ok else "unavailable", engine=store.dialect.name)
    return JSONResponse(body.model_dump(), status_code=200 if ok else 503)
