"""Assemble a report from the store and render it as self-contained HTML or Markdown.

    build_report(store, scope)  → Report
      snapshot (graph.snapshot.read_graph) → narrow to scope/since → ties → metrics
      → Overview, Who matters, Structure, Initiatives, Risk context, Sources and method
    render(report, fmt)         → str (templates/report.html.j2 or report.md.j2)

Every table names its query or metric; every row about a tie cites the Documents that state it (footnotes
with title, publisher, date and URL). The HTML has no scripts and fetches nothing: charts are inline SVG.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import jinja2

from graph.errors import BadRequest
from graph.heap import paused_gc
from graph.store import GraphStore
from reports.context import initiatives, risk_context
from reports.metrics import compute_metrics
from reports.model import Citations, Report, Section
from reports.sections import Inputs, overview, structure, who_matters
from reports.snapshot import Scope, Snapshot, core_of, load_snapshot, narrow, resolve_ref, tie_network

Format = Literal["html", "md"]
TEMPLATES = Path(__file__).resolve().parent / "templates"
SECTION_TITLES = ("Overview", "Who matters", "Structure", "Initiatives", "Risk context", "Sources and method")


def make_scope(
    *, scope: str | None = None, country: str | None = None, entity: str | None = None, since: int | None = None
) -> Scope:
    """The scope the options ask for: `scope` all|country|entity (implied by country/entity when left out)."""
    if country and entity:
        raise BadRequest("give either a country or an entity, not both")
    if since is not None and not 1900 <= since <= 2100:
        raise BadRequest(f"since must be a year such as 2020: got {since}")
    kind = scope or ("country" if country else "entity" if entity else "all")
    if kind == "all" and not (country or entity):
        return Scope("all", None, since)
    if kind == "country" and country:
        return Scope("country", country.strip().upper(), since)
    if kind == "entity" and entity:
        return Scope("entity", entity.strip(), since)
    if kind not in ("all", "country", "entity"):
        raise BadRequest(f"unknown scope {kind!r}: use all, country or entity")
    raise BadRequest(f"scope {kind!r} needs {'no country or entity' if kind == 'all' else 'a ' + kind}")


def build_report(store: GraphStore, scope: Scope, *, engine: str = "auto") -> Report:
    """Read the graph and build every section of the report on `scope`."""
    return build_from_snapshot(load_snapshot(store), scope, engine=engine)


def build_from_snapshot(whole: Snapshot, scope: Scope, *, engine: str = "auto") -> Report:
    """Build the report from a snapshot already in memory (cyclic GC paused: it re-scanned 1M ties at M)."""
    with paused_gc():
        return _build(whole, scope, engine=engine)


def _build(whole: Snapshot, scope: Scope, *, engine: str) -> Report:
    """Every section, the summary and the footnotes."""
    core = core_of(whole, scope)
    snapshot = narrow(whole, scope)
    ties = tie_network(snapshot)
    metrics = compute_metrics(snapshot, ties, engine=engine)
    citations = Citations(snapshot)
    inputs = Inputs(whole=whole, snapshot=snapshot, ties=ties, metrics=metrics, citations=citations, core=core)
    sections = [overview(inputs), who_matters(inputs), structure(inputs), initiatives(inputs), risk_context(inputs)]
    sections.append(method_section(inputs, scope))
    label = scope.label
    if scope.kind == "entity":
        label = label.replace(str(scope.value), whole.name(resolve_ref(whole, str(scope.value))))
    return Report(
        title="Central Asia–China academic cooperation",
        scope=label,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        sections=sections,
        footnotes=citations.footnotes(),
        method=metrics.method,
        summary=summarise(inputs),
    )


def summarise(inputs: Inputs) -> list[str]:
    """At a glance: size, who matters most, the most concentrated country, Entity List matches."""
    snap, nodes = inputs.snapshot, inputs.metrics.nodes
    if not nodes:
        return ["The graph holds no ties between organisations in this scope."]
    documents = len({s for t in inputs.ties.values() for s in t.sources})
    out = [f"{len(nodes)} organisations and {len(inputs.ties)} ties between them, stated by {documents} documents."]
    hub = max(nodes.values(), key=lambda n: (n.degree, n.weighted_degree, n.key))
    out.append(f"Most partners: {snap.name(hub.key)} ({snap.country(hub.key)}), tied to {hub.degree} organisations.")
    broker = max(nodes.values(), key=lambda n: (n.brokerage, n.key))
    if broker.brokerage > 0:
        out.append(
            f"Main go-between of Central Asian and Chinese institutions: {snap.name(broker.key)} "
            f"({snap.country(broker.key)})."
        )
    shares = [c for c in inputs.shares if c.partners > 1]
    if shares:
        top = max(shares, key=lambda c: (c.hhi, c.country))
        out.append(
            f"Most concentrated: {top.country}, whose {top.ties} ties with Chinese organisations go to {top.partners} "
            f"partners (HHI {top.hhi:,.0f}; top 5 hold {top.top_share:.0%})."
        )
    listed = inputs.listed
    count = (
        "1 Chinese partner in scope carries" if len(listed) == 1 else f"{len(listed)} Chinese partners in scope carry"
    )
    out.append(f"{count} the name of a US Entity List entry (see Risk context).")
    return out


def method_section(inputs: Inputs, scope: Scope) -> Section:
    """How the figures were made, so a reader can redo them; the footnotes follow in the template."""
    method = inputs.metrics.method
    notes = [
        f"Scope: {scope.label}. A tie is kept when one of its organisations is in scope"
        + (f"; facts dated before {scope.since} (and undated ones) are left out." if scope.since else "."),
        f"Ties: {TIE_NOTE}",
        "Independent sources: the distinct Documents stating a tie; one Document counts once however many "
        "facts of the tie it states.",
        f"Metrics computed with {method['library']} on {method['nodes']} organisations and {method['ties']} "
        f"ties. Betweenness: {method['betweenness']}. PageRank: {method['pagerank']}. "
        f"Communities: {method['communities']}.",
        "Central Asia = KZ, KG, TJ, TM, UZ; China = CN. Countries are those the graph records for each "
        "organisation (“?” when unknown).",
    ]
    return Section(
        "sources",
        "Sources and method",
        "Every statement about a tie above carries footnotes to the documents that state it; they are listed "
        "below with title, publisher, date and address.",
        notes=notes,
    )


TIE_NOTE = (
    "two organisations (universities, other organisations, labs) are tied when the graph records that they "
    "cooperate (COOPERATES_WITH), that one visited the other (VISITED), that one is part of the other (PART_OF), "
    "or that both are parties to one agreement (PARTY_TO)."
)


def _environment() -> jinja2.Environment:
    """Templates from reports/templates, HTML autoescaped."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render(report: Report, fmt: Format) -> str:
    """The report as HTML or Markdown text."""
    if fmt not in ("html", "md"):
        raise BadRequest(f"unknown report format {fmt!r}: use html or md")
    template = _environment().get_template(f"report.{fmt}.j2")
    return template.render(report=report)


def write_report(store: GraphStore, scope: Scope, *, fmt: Format, path: Path) -> Report:
    """Build the report and write it to `path`."""
    report = build_report(store, scope)
    path.write_text(render(report, fmt), encoding="utf-8")
    return report
