"""GET /reports: the policy report as self-contained HTML or as Markdown."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from api.deps import Store

router = APIRouter(tags=["reports"])

REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
"""The report has no scripts and loads nothing: inline styles and inline SVG only."""


@router.get(
    "/reports",
    response_class=HTMLResponse,
    responses={200: {"content": {"text/html": {}, "text/markdown": {}}}},
)
def get_report(
    *,
    store: Store,
    scope: Annotated[
        Literal["all", "country", "entity"] | None, Query(description="Implied by country/entity.")
    ] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2, description="ISO2 code, e.g. KZ.")] = None,
    entity: Annotated[str | None, Query(min_length=1, max_length=300, description="Key, name or alias.")] = None,
    since: Annotated[int | None, Query(ge=1900, le=2100, description="Only facts from this year on.")] = None,
    format: Annotated[Literal["html", "md"], Query(description="html (default) or md.")] = "html",
) -> Response:
    """Overview, who matters, structure, initiatives and Entity List context, every tie cited to its documents."""
    from reports.build import build_report, make_scope, render

    report = build_report(store, make_scope(scope=scope, country=country, entity=entity, since=since))
    text = render(report, format)
    if format == "md":
        return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")
    return HTMLResponse(text, headers={"Content-Security-Policy": REPORT_CSP})
