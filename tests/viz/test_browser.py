"""The home page and an offline view in headless Chromium, against a real `coopgraph serve`.

Debian's chromium (apt-get install chromium) driven by Playwright's Python package; never
`playwright install`. Every request must go to the test server, the console must stay clean (a CSP
violation is a console error), and names carrying markup must show as text.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.browser import CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM
from tests.viz.conftest import FIXTURE_GRAPH, XSS_GRAPH, XSS_NAME

COOPGRAPH = Path(sys.executable).with_name("coopgraph")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def coopgraph(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([str(COOPGRAPH), *args], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """`coopgraph serve` on a free loopback port, its data directory loaded with the fixture graphs."""
    data_dir = tmp_path_factory.mktemp("serve")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COOPGRAPH_", "NEO4J_"))}
    env["COOPGRAPH_DATA_DIR"] = str(data_dir)
    coopgraph(env, "db", "start")
    try:
        for path in (FIXTURE_GRAPH, XSS_GRAPH):
            coopgraph(env, "import", str(path))
        port = free_port()
        log = (data_dir / "serve.log").open("w")
        server = subprocess.Popen(
            [str(COOPGRAPH), "serve", "--host", "127.0.0.1", "--port", str(port)], env=env, stdout=log, stderr=log
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(base, server, data_dir / "serve.log")
            yield {"base": base, "env": env, "port": port}
        finally:
            server.terminate()
            server.wait(timeout=20)
            log.close()
    finally:
        coopgraph(env, "db", "stop")


def wait_healthy(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"coopgraph serve exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail("coopgraph serve did not answer /health within 30 s")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page that records console errors, uncaught exceptions, dialogs and every request."""
    context = browser.new_context(viewport={"width": 1500, "height": 950}, accept_downloads=True)
    tab = context.new_page()
    tab.problems = []
    tab.requests = []
    tab.dialogs = []
    tab.on("console", lambda m: tab.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))
    tab.on("request", lambda r: tab.requests.append(r.url))
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    yield tab
    context.close()


def node_ids(page: Any) -> set[str]:
    return set(page.evaluate("() => window.coopgraphCurrent.nodes.getIds()"))


def node_point(page: Any, key: str) -> dict[str, float]:
    """Where on the page the network draws a node."""
    return page.evaluate(
        """(key) => {
            const net = window.coopgraphCurrent.network;
            const dom = net.canvasToDOM(net.getPositions([key])[key]);
            const box = document.getElementById('network').getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y};
        }""",
        key,
    )


def test_search_profile_network_recentre_export(served: dict[str, Any], page: Any, tmp_path: Path) -> None:
    base = served["base"]
    page.goto(base + "/")
    page.wait_for_selector("#network[data-state=ready]", timeout=15_000)
    assert "xju" in node_ids(page)  # the whole graph's best-connected entities

    page.fill("#search", "Xinjiang University")
    page.wait_for_selector('#suggestions li[data-key="xju"]', timeout=10_000)
    page.click('#suggestions li[data-key="xju"]')
    page.wait_for_selector('#profile[data-key="xju"]', timeout=10_000)
    page.wait_for_selector("#network[data-state=ready]", timeout=15_000)
    assert page.url == base + "/?ref=xju"

    profile = page.inner_text("#profile")
    for text in (
        "Xinjiang University",
        "Al-Farabi Kazakh National University",
        "Kyrgyz State Technical University",
        "Qian Jianping",
        "Vice-President",
        "2023-05-18",
        XSS_NAME,
    ):
        assert text in profile
    assert page.locator("#profile img, #legend img, #details img").count() == 0
    assert page.locator('#profile a[href^="/documents/doc_"]').count() > 3
    assert {"xju", "kaznu", "kstu", "xss_university"} <= node_ids(page)
    labels = page.evaluate("() => window.coopgraphCurrent.nodes.get().map(n => n.label)")
    assert XSS_NAME in labels
    page.screenshot(path=str(tmp_path / "xju.png"))

    point = node_point(page, "kaznu")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector('#profile[data-key="kaznu"]', timeout=10_000)
    page.wait_for_selector("#network[data-state=ready]", timeout=15_000)
    assert "ref=kaznu" in page.url
    assert {"kaznu", "xju", "cas", "galimkair_mutanov"} <= node_ids(page)

    page.check('#filters input[name=country][value="KZ"]')
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => location.search.includes('country=KZ')")
    page.wait_for_selector("#network[data-state=ready]", timeout=15_000)
    assert {"kaznu", "kaznu_xju_ecology_lab"} <= node_ids(page)
    assert not {"xju", "cas"} & node_ids(page)  # Chinese partners filtered out
    href = page.get_attribute("#export-graphml", "href")
    assert href == "/viz/data/entities/kaznu?country=KZ&limit=300&format=graphml"
    assert page.request.get(base + href).status == 200

    with page.expect_download() as download:
        page.click("#save-png")
    png = tmp_path / "view.png"
    download.value.save_as(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.screenshot(path=str(tmp_path / "kaznu.png"))

    assert page.dialogs == []
    assert page.problems == []
    assert {url.split("/")[2] for url in page.requests} == {f"127.0.0.1:{served['port']}"}


def test_unknown_name_says_did_you_mean(served: dict[str, Any], page: Any) -> None:
    page.goto(served["base"] + "/?ref=Xinjiang%20Universty")
    page.wait_for_selector("#error:not([hidden])", timeout=10_000)
    assert "did you mean" in page.inner_text("#error")
    assert page.dialogs == []


def test_offline_file_opens_without_any_request(served: dict[str, Any], page: Any, tmp_path: Path) -> None:
    view = tmp_path / "view.html"
    out = coopgraph(served["env"], "viz", "Xinjiang University", "--hops", "2", "-o", str(view))
    assert "wrote" in out
    page.goto(view.as_uri())
    page.wait_for_selector("#network[data-state=ready]", timeout=15_000)
    assert page.inner_text("h1").startswith("Xinjiang University")
    assert "xss_university" in node_ids(page)
    point = node_point(page, "xss_university")
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector(".vis-tooltip", state="visible", timeout=5_000)
    assert page.inner_text(".vis-tooltip").startswith(XSS_NAME)  # the tooltip shows the name as text
    assert page.locator(".vis-tooltip :not(br)").count() == 0  # innerText makes line breaks, nothing else
    assert page.dialogs == []
    assert page.problems == []
    assert page.requests == [view.as_uri()]
    page.screenshot(path=str(tmp_path / "offline.png"))


def test_served_view_pages_load_clean(served: dict[str, Any], page: Any) -> None:
    for path in ("/viz/countries/KZ/CN", "/viz/initiatives/Luban%20Workshop", "/viz/graph?limit=10"):
        page.goto(served["base"] + path)
        page.wait_for_selector("#network[data-state=ready]", timeout=15_000)
    assert "left out" in page.inner_text("#notice")
    assert page.problems == []
    assert page.dialogs == []
