"""Typed response models: what each endpoint answers, as the OpenAPI schema states it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class Health(BaseModel):
    """Whether the store answers."""

    status: Literal["ok", "unavailable"]
    engine: str


class ErrorInfo(BaseModel):
    type: str
    message: str
    details: Any = None


class ErrorBody(BaseModel):
    """Every error response."""

    error: ErrorInfo = Field(description="What went wrong and why.")
