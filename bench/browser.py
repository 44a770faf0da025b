"""How tests and benchmarks start Debian's headless Chromium: its path and the flags this closed network needs.

Without the background-networking flags Chromium keeps trying to reach Google's hosts, which fail here.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NO_CHROMIUM = "needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
