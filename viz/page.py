"""HTML for views and the home page: Jinja templates with autoescaping, data embedded as escaped JSON.

Served pages load scripts and styles from `/viz/static/` under a Content-Security-Policy that allows this
host only; a view written to a file (`coopgraph viz -o`) carries the same scripts inline, allowed by their
SHA-256 hashes in a CSP meta tag, so it opens offline and still cannot reach another host.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

VIZ_DIR = Path(__file__).resolve().parent
STATIC_DIR = VIZ_DIR / "static"
STATIC_FILES: dict[str, tuple[str, str]] = {
    "vis-network.min.js": ("vendor/vis-network.min.js", "text/javascript; charset=utf-8"),
    "vis-network.css": ("vendor/vis-network.css", "text/css; charset=utf-8"),
    "view.js": ("view.js", "text/javascript; charset=utf-8"),
    "home.js": ("home.js", "text/javascript; charset=utf-8"),
    "coopgraph.css": ("coopgraph.css", "text/css; charset=utf-8"),
}
"""The files `/viz/static/{name}` serves: a fixed list, so no path from a request reaches the disk."""
VIEW_SCRIPTS = ("vis-network.min.js", "view.js")
VIEW_STYLES = ("vis-network.css", "coopgraph.css")

SERVED_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""The policy of every served page: scripts, styles and data from this host only; no inline script."""


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment (autoescaping on for every template)."""
    return Environment(
        loader=FileSystemLoader(VIZ_DIR / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def static_path(name: str) -> Path | None:
    """The file behind `/viz/static/{name}`, or None for anything not in STATIC_FILES."""
    entry = STATIC_FILES.get(name)
    return STATIC_DIR / entry[0] if entry else None


def static_text(name: str) -> str:
    """The text of one static file."""
    path = static_path(name)
    if path is None:
        raise KeyError(name)
    return path.read_text(encoding="utf-8")


def json_for_html(value: Any) -> Markup:
    """JSON safe inside a <script type="application/json"> element: `<`, `>`, `&` and line separators escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return Markup(text)  # noqa: S704 - every character that could end the element is escaped above


def csp_hash(text: str) -> str:
    """A CSP source expression allowing exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_assets() -> tuple[list[Markup], list[Markup], str]:
    """Scripts and styles to inline in an offline file, and the CSP that allows only them."""
    scripts = [static_text(n) for n in VIEW_SCRIPTS]
    styles = [static_text(n) for n in VIEW_STYLES]
    for text in scripts + styles:
        if "</script" in text.lower() or "</style" in text.lower():
            raise ValueError("a static asset contains a closing tag and cannot be inlined")
    policy = (
        f"default-src 'none'; script-src {' '.join(csp_hash(s) for s in scripts)}; "
        f"style-src {' '.join(csp_hash(s) for s in styles)}; img-src data: blob:; base-uri 'none'; form-action 'none'"
    )
    return [Markup(s) for s in scripts], [Markup(s) for s in styles], policy  # noqa: S704 - our own files


def render_view(
    view: dict[str, Any], *, offline: bool = False, exports: dict[str, str] | None = None, recenter: str | None = None
) -> str:
    """A page showing one view; `offline` inlines every asset so the file needs no server.

    `exports` maps link texts to download URLs; `recenter` is the URL (with `{key}`) a node click opens.
    """
    context: dict[str, Any] = {
        "view": view,
        "data": json_for_html(view),
        "exports": exports or {},
        "recenter": recenter,
        "offline": offline,
    }
    if offline:
        context["scripts"], context["styles"], context["csp"] = inline_assets()
    return environment().get_template("view.html").render(**context)


def render_home(*, initial: str | None = None) -> str:
    """The analyst's home page (search, profile, network, filters, exports)."""
    return environment().get_template("home.html").render(config=json_for_html({"initial": initial}))
