"""The HTML report renders in headless Chromium, offline: every section visible, charts drawn, no other host asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.browser import CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM
from graph.store import GraphStore
from reports.build import SECTION_TITLES, build_report, render
from reports.snapshot import Scope

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=NO_CHROMIUM,
    ),
]


def test_report_renders_offline(gold_store: GraphStore, tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    page_file = tmp_path / "report.html"
    page_file.write_text(render(build_report(gold_store, Scope()), "html"), encoding="utf-8")
    requests: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(page_file.as_uri(), wait_until="load")
            headings = page.locator("h2").all_inner_texts()
            charts = page.locator("svg[role=img]")
            chart_count = charts.count()
            first_chart = charts.first.bounding_box()
            footnote = page.locator("ol.footnotes li").first.inner_text()
            page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
        finally:
            browser.close()
    assert headings == list(SECTION_TITLES)
    assert chart_count == 2
    assert first_chart is not None and first_chart["width"] > 200 and first_chart["height"] > 100
    assert footnote.strip()
    assert requests == [page_file.as_uri()]
    assert errors == []
