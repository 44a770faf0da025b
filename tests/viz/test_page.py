"""Pages: escaped data, escaped names, assets from this host only, offline files allowed by hashes alone."""

from __future__ import annotations

import html as html_lib
import json
import re

from tests.viz.conftest import synthetic_subgraph
from viz.network import build_view
from viz.page import STATIC_FILES, csp_hash, json_for_html, render_home, render_view, static_path, static_text

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)>\u2028"


def hostile_view() -> dict:
    sub = synthetic_subgraph(3, 2)
    sub["nodes"][0]["name"] = HOSTILE
    sub["graph"]["title"] = HOSTILE
    return build_view(sub)


def embedded_json(html: str, element_id: str) -> object:
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    assert match, f"no #{element_id} element"
    return json.loads(match.group(1))


def test_json_for_html_cannot_close_its_element() -> None:
    text = str(json_for_html({"name": HOSTILE}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"name": HOSTILE}


def test_served_view_escapes_names_and_loads_assets_from_this_host() -> None:
    view = hostile_view()
    html = render_view(view, exports={"GraphML": "/viz/data/graph?format=graphml"}, recenter="/viz/entities/{key}")
    assert "<img src=x" not in html
    assert html.count("<script") == 3  # the data element and two script files, nothing injected
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html  # the title, as text
    assert embedded_json(html, "view-data") == json.loads(json.dumps(view))
    urls = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert urls and all(u.startswith("/") or u.startswith("data:") for u in urls)
    assert 'data-recenter="/viz/entities/{key}"' in html


def test_offline_view_inlines_everything_and_allows_only_its_own_scripts() -> None:
    html = render_view(hostile_view(), offline=True)
    assert not re.search(r'(?:src|href)="(?!data:)', html)  # no file or URL to fetch
    assert "<img src=x" not in html
    policy = html_lib.unescape(
        re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html).group(1)
    )
    assert "default-src 'none'" in policy
    assert "http" not in policy
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for script in scripts:
        assert csp_hash(script) in policy
    for style in re.findall(r"<style>(.*?)</style>", html, re.S):
        assert csp_hash(style) in policy


def test_home_page_embeds_its_config_escaped() -> None:
    html = render_home(initial=HOSTILE)
    assert "<img src=x" not in html
    assert embedded_json(html, "home-config") == {"initial": HOSTILE}
    assert 'src="/viz/static/home.js"' in html


def test_static_files_are_a_fixed_list_with_no_external_urls() -> None:
    assert static_path("../page.py") is None
    assert static_path("vendor/vis-network.min.js") is None
    for name in STATIC_FILES:
        text = static_text(name)
        assert not re.search(r"(?:src|href|url)\s*[=(]\s*[\"']?https?://", text), name
        assert not re.search(r"@import|@font-face", text), name


def test_page_scripts_never_write_html() -> None:
    for name in ("view.js", "home.js"):
        text = static_text(name)
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text
