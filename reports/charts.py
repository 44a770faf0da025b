"""Charts as inline SVG strings: no library, no fonts or scripts fetched, readable when printed.

Every chart carries a <title> and <desc> (screen readers, and the text a reader sees if SVG is off) and
prints its numbers on the marks, so nothing has to be read off an axis.
"""

from __future__ import annotations

from html import escape

FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif"
BAR = "#2f6f9f"
INK = "#1f2933"
MUTED = "#6b7785"


def bar_chart(counts: dict[int, int], *, title: str, unit: str) -> str:
    """Vertical bars, one per year from the first to the last (missing years shown as zero)."""
    if not counts:
        return ""
    years = list(range(min(counts), max(counts) + 1))
    peak = max(counts.values()) or 1
    slot = max(22, min(56, 640 // len(years)))
    left, top, height = 36, 24, 160
    width = left + slot * len(years) + 12
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {top + height + 40}" '
        f'width="{width}" height="{top + height + 40}" style="{FONT};max-width:100%">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(', '.join(f'{y}: {counts.get(y, 0)} {unit}' for y in years))}</desc>",
        f'<line x1="{left}" y1="{top + height}" x2="{width - 8}" y2="{top + height}" stroke="{MUTED}"/>',
    ]
    for i, year in enumerate(years):
        value = counts.get(year, 0)
        bar = round(height * value / peak)
        x = left + i * slot + slot * 0.15
        w = slot * 0.7
        y = top + height - bar
        parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{BAR}"/>')
        parts.append(_text(x + w / 2, y - 5, str(value) if value else "", size=11, fill=INK))
        label = str(year) if len(years) <= 16 or year % 2 == 0 else ""
        parts.append(_text(x + w / 2, top + height + 16, label, size=11, fill=MUTED))
    parts.append("</svg>")
    return "".join(parts)


def heatmap(rows: list[str], cols: list[str], values: dict[tuple[str, str], int], *, title: str) -> str:
    """A matrix of counts, darker for more, with the count printed in each non-empty cell."""
    if not rows or not cols:
        return ""
    cell, left, top = 44, 48, 36
    peak = max(values.values(), default=1) or 1
    width, height = left + cell * len(cols) + 8, top + cell * len(rows) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" style="{FONT};max-width:100%">',
        f"<title>{escape(title)}</title>",
        "<desc>"
        + escape("; ".join(f"{r}–{c}: {values[(r, c)]}" for r in rows for c in cols if values.get((r, c))))
        + "</desc>",
    ]
    for j, col in enumerate(cols):
        parts.append(_text(left + j * cell + cell / 2, top - 10, col, size=12, fill=INK, weight="600"))
    for i, row in enumerate(rows):
        y = top + i * cell
        parts.append(_text(left - 10, y + cell / 2 + 4, row, size=12, fill=INK, weight="600", anchor="end"))
        for j, col in enumerate(cols):
            value = values.get((row, col), 0)
            x = left + j * cell
            shade = _shade(value / peak) if value else "#f3f5f7"
            parts.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{shade}" rx="2"/>')
            ink = "#ffffff" if value / peak > 0.55 else INK
            parts.append(_text(x + cell / 2 - 1, y + cell / 2 + 4, str(value) if value else "", size=12, fill=ink))
    parts.append("</svg>")
    return "".join(parts)


def _shade(fraction: float) -> str:
    """A blue from pale (few ties) to dark (most ties)."""
    light, dark = (222, 235, 247), (8, 69, 148)
    mix = [round(lo + (hi - lo) * (0.15 + 0.85 * fraction)) for lo, hi in zip(light, dark, strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*mix)


def _text(x: float, y: float, text: str, *, size: int, fill: str, weight: str = "400", anchor: str = "middle") -> str:
    """One SVG text element, escaped."""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" fill="{fill}" '
        f'text-anchor="{anchor}">{escape(text)}</text>'
    )
