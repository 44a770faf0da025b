"""Routes for documents (being written)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["documents"])
