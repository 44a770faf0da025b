"""What a report is made of: sections of tables and charts, each naming its basis, and numbered citations.

The templates only lay these out; every number and every footnote is decided here and in the section builders.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reports.snapshot import Snapshot


@dataclass
class Table:
    """A table with one plain sentence saying what it shows and the query or metric it comes from.

    `cites[i]` holds the footnote numbers of row i (the documents stating the tie the row is about).
    """

    title: str
    sentence: str
    basis: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    cites: list[list[int]] = field(default_factory=list)
    empty: str = "Nothing in this scope."

    def add(self, row: Iterable[Any], cites: Iterable[int] = ()) -> None:
        """Append a row (cells as text) with its footnote numbers."""
        self.rows.append([str(cell) for cell in row])
        self.cites.append(list(cites))

    @property
    def cited(self) -> bool:
        """Whether any row carries footnotes (the templates then add a Sources column)."""
        return any(self.cites)


@dataclass
class Chart:
    """An inline SVG chart, with a table of the same figures for Markdown and for readers without SVG."""

    title: str
    svg: str
    basis: str
    data: Table


@dataclass
class Section:
    """One part of the report: an anchor, a heading, a lead paragraph, charts, tables and notes."""

    anchor: str
    title: str
    lead: str
    blocks: list[Table | Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        """Every table, a chart's figures included, in order."""
        return [b.data if isinstance(b, Chart) else b for b in self.blocks]


@dataclass(frozen=True)
class Footnote:
    """One cited Document as the reader sees it."""

    number: int
    key: str
    title: str
    publisher: str
    date: str
    url: str


class Citations:
    """Numbers Documents in the order they are first cited; only Documents present in the graph are cited."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.numbers: dict[str, int] = {}

    def cite(self, keys: Iterable[str], *, limit: int = 6) -> list[int]:
        """Footnote numbers for the documents (at most `limit`, earliest published first)."""
        known = [k for k in set(keys) if k in self.snapshot.documents]
        known.sort(key=lambda k: (str(self.snapshot.documents[k].get("published") or "9999"), k))
        return [self.numbers.setdefault(k, len(self.numbers) + 1) for k in known[:limit]]

    def footnotes(self) -> list[Footnote]:
        """Every cited Document, in footnote order (titles and URLs read for these Documents only)."""
        out = []
        records = self.snapshot.document_records(list(self.numbers))
        for key, number in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            doc = records[key]
            out.append(
                Footnote(
                    number=number,
                    key=key,
                    title=str(doc.get("title") or doc.get("source_id") or key),
                    publisher=str(doc.get("publisher") or "publisher not recorded"),
                    date=str(doc.get("published") or "undated"),
                    url=str(doc.get("url") or ""),
                )
            )
        return out


@dataclass
class Report:
    """A whole report, ready for a template."""

    title: str
    scope: str
    generated: str
    sections: list[Section]
    footnotes: list[Footnote]
    method: dict[str, str]
    summary: list[str] = field(default_factory=list)
    """A few plain sentences for the top of the report, each resting on a table below."""
