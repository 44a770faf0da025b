"""Score a graph against gold-annotated articles exactly as corpus/GOLD_FORMAT.md ("Scoring") defines it.

The graph comes as networkx node-link JSON (what `graph/export.py` writes), so any store's export scores
the same way. Entities match by normalised name within the gold type; a name the gold gives to several
entities is not used. Relations are compared as key tuples (COOPERATES_WITH and SIGNED_AGREEMENT parties
unordered, planned agreements left out); SIGNED_AGREEMENT is read from Agreement nodes and PARTY_TO edges.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import BadRequest

GOLD_TYPES = ("University", "Organization", "Person", "Lab", "Initiative", "Program")
RELATION_TYPES = ("COOPERATES_WITH", "SIGNED_AGREEMENT", "AFFILIATED_WITH", "PART_OF", "INVOLVED_IN", "VISITED")
GOLD_ENDS = {
    "COOPERATES_WITH": ("a", "b"),
    "AFFILIATED_WITH": ("person", "org"),
    "PART_OF": ("unit", "org"),
    "INVOLVED_IN": ("org", "initiative"),
    "VISITED": ("visitor", "host"),
}
HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "academician", "sir", "madam", "mister")
RelationTuple = tuple[str, ...]


@dataclass
class Score:
    """Counts behind one precision/recall/F1 line."""

    correct_predicted: int = 0
    predicted: int = 0
    correct_expected: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are right (1.0 when nothing was predicted)."""
        return self.correct_predicted / self.predicted if self.predicted else 1.0 if not self.expected else 0.0

    @property
    def recall(self) -> float:
        """Share of the gold that was found (1.0 when the gold has none)."""
        return self.correct_expected / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def add(self, other: Score) -> None:
        """Accumulate another score's counts (for the overall line)."""
        self.correct_predicted += other.correct_predicted
        self.predicted += other.predicted
        self.correct_expected += other.correct_expected
        self.expected += other.expected


@dataclass
class EvaluationReport:
    """Entity and relation scores per type, fragmentation, and what was missed or spurious."""

    entities: dict[str, Score] = field(default_factory=dict)
    relations: dict[str, Score] = field(default_factory=dict)
    fragmentation: float = 1.0
    matched_nodes: int = 0
    found_entities: int = 0
    missed_entities: list[str] = field(default_factory=list)
    spurious_entities: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    spurious_relations: list[str] = field(default_factory=list)
    fragmented_entities: list[str] = field(default_factory=list)
    """Gold entities more than one node matches: 'key: node name | node name'."""

    @property
    def entity_total(self) -> Score:
        """All entity types together."""
        return _total(self.entities.values())

    @property
    def relation_total(self) -> Score:
        """All relation types together."""
        return _total(self.relations.values())


def _total(scores: Iterable[Score]) -> Score:
    """The sum of several scores."""
    total = Score()
    for score in scores:
        total.add(score)
    return total


def normalise_name(name: str) -> str:
    """Case, accents, punctuation and leading honorifics removed: the name as scoring compares it."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’`ʼ]", "", text)
    words = re.sub(r"[^\w]+", " ", text).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


@dataclass
class GoldIndex:
    """The gold across all articles: one entity per key, its type and names, and the relation tuples."""

    types: dict[str, str] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_name: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    relations: dict[str, set[RelationTuple]] = field(default_factory=lambda: defaultdict(set))


def index_gold(gold_docs: list[dict[str, Any]]) -> GoldIndex:
    """Collect the gold entities (one per key) and relation tuples of every article."""
    gold = GoldIndex()
    for doc in gold_docs:
        annotation = doc.get("gold") or {}
        for entity in annotation.get("entities", []):
            gold.types.setdefault(entity["key"], entity["type"])
            for name in entity.get("names", []):
                gold.names[entity["key"]].add(normalise_name(name))
                gold.by_name[normalise_name(name)].add(entity["key"])
        for relation in annotation.get("relations", []):
            item = _gold_tuple(relation)
            if item is not None:
                gold.relations[relation["type"]].add(item)
    return gold


def _gold_tuple(relation: dict[str, Any]) -> RelationTuple | None:
    """One gold relation as a key tuple; None for planned agreements and roles without an organisation."""
    kind = relation["type"]
    if kind == "SIGNED_AGREEMENT":
        if relation.get("status") == "planned":
            return None
        return tuple(sorted(relation.get("parties") or []))
    if kind not in GOLD_ENDS:
        return None
    first, second = (relation.get(end) for end in GOLD_ENDS[kind])
    if not first or not second:
        return None
    return tuple(sorted((first, second))) if kind == "COOPERATES_WITH" else (first, second)


def node_label(node: dict[str, Any]) -> str | None:
    """The entity label of a node-link node (a string, or a list of labels such as ['Entity', 'Lab'])."""
    labels = node.get("label", node.get("labels"))
    if isinstance(labels, str):
        labels = [labels]
    return next((label for label in labels or [] if label != "Entity"), None)


def match_nodes(nodes: list[dict[str, Any]], gold: GoldIndex) -> dict[str, list[str]]:
    """Node id → the gold keys of its type that one of its names (not shared by gold entities) matches."""
    matches: dict[str, list[str]] = {}
    for node in nodes:
        label = node_label(node)
        if label not in GOLD_TYPES:
            continue
        hits: Counter[str] = Counter()
        for name in {normalise_name(n) for n in [node.get("name") or "", *(node.get("aliases") or [])] if n}:
            keys = gold.by_name.get(name, set())
            if len(keys) == 1 and gold.types[next(iter(keys))] == label:
                hits[next(iter(keys))] += 1
        matches[str(node["id"])] = [key for key, _ in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))]
    return matches


def score(graph_node_link: dict[str, Any], gold_docs: list[dict[str, Any]]) -> EvaluationReport:
    """Score an exported graph against gold articles: entities per type, fragmentation, relations."""
    gold = index_gold(gold_docs)
    nodes = graph_node_link.get("nodes", [])
    links = graph_node_link.get("links", graph_node_link.get("edges", []))
    matches = match_nodes(nodes, gold)
    report = EvaluationReport()
    _score_entities(report, nodes, matches, gold)
    predicted = predicted_relations(nodes, links, matches)
    _score_relations(report, predicted, gold)
    return report


def _score_entities(
    report: EvaluationReport, nodes: list[dict[str, Any]], matches: dict[str, list[str]], gold: GoldIndex
) -> None:
    """Per-type precision (matching nodes) and recall (gold keys found), fragmentation, missed/spurious."""
    found = {key for keys in matches.values() for key in keys}
    for label in GOLD_TYPES:
        typed = [node for node in nodes if node_label(node) == label]
        keys = [key for key, kind in gold.types.items() if kind == label]
        score_ = Score(
            correct_predicted=sum(1 for node in typed if matches.get(str(node["id"]))),
            predicted=len(typed),
            correct_expected=sum(1 for key in keys if key in found),
            expected=len(keys),
        )
        if score_.predicted or score_.expected:
            report.entities[label] = score_
    report.matched_nodes = sum(1 for keys in matches.values() if keys)
    report.found_entities = len(found)
    report.fragmentation = report.matched_nodes / len(found) if found else 1.0
    report.fragmented_entities = _fragmented(nodes, matches)
    report.missed_entities = sorted(f"{gold.types[k]} {k}" for k in gold.types if k not in found)
    report.spurious_entities = sorted(
        f"{node_label(node)} {node.get('name')!r}" for node in nodes if matches.get(str(node["id"])) == []
    )


def _fragmented(nodes: list[dict[str, Any]], matches: dict[str, list[str]]) -> list[str]:
    """Each gold key that several nodes match, with the names of those nodes."""
    names: dict[str, list[str]] = defaultdict(list)
    for node in nodes:
        for key in matches.get(str(node["id"])) or []:
            names[key].append(f"{node.get('name')!r} ({node.get('key', node['id'])})")
    return sorted(f"{key}: {' | '.join(sorted(found))}" for key, found in names.items() if len(found) > 1)


def predicted_relations(
    nodes: list[dict[str, Any]], links: list[dict[str, Any]], matches: dict[str, list[str]]
) -> dict[str, set[RelationTuple]]:
    """The graph's relations as gold-key tuples (an unmatched node stands for itself as '?name')."""
    names = {str(node["id"]): node.get("name") or str(node["id"]) for node in nodes}
    labels = {str(node["id"]): node_label(node) for node in nodes}
    planned = {str(node["id"]) for node in nodes if labels[str(node["id"])] == "Agreement" and _planned(node)}

    def ref(node_id: str) -> str:
        return matches[node_id][0] if matches.get(node_id) else f"?{names.get(node_id, node_id)}"

    predicted: dict[str, set[RelationTuple]] = defaultdict(set)
    parties: dict[str, set[str]] = defaultdict(set)
    for link in links:
        kind, source, target = link.get("type"), str(link["source"]), str(link["target"])
        if kind == "PARTY_TO" and labels.get(target) == "Agreement" and target not in planned:
            parties[target].add(ref(source))
        elif kind in GOLD_ENDS and labels.get(source) in GOLD_TYPES and labels.get(target) in GOLD_TYPES:
            pair = (ref(source), ref(target))
            predicted[kind].add(tuple(sorted(pair)) if kind == "COOPERATES_WITH" else pair)
    for members in parties.values():
        predicted["SIGNED_AGREEMENT"].add(tuple(sorted(members)))
    return predicted


def _planned(node: dict[str, Any]) -> bool:
    """An agreement the article says is only planned (not scored)."""
    status = node.get("status") or (node.get("props") or {}).get("status")
    return status == "planned"


def _score_relations(report: EvaluationReport, predicted: dict[str, set[RelationTuple]], gold: GoldIndex) -> None:
    """Per-type precision and recall over key tuples, and the missed and spurious tuples."""
    for kind in RELATION_TYPES:
        guess, truth = predicted.get(kind, set()), gold.relations.get(kind, set())
        if not guess and not truth:
            continue
        correct = len(guess & truth)
        report.relations[kind] = Score(correct, len(guess), correct, len(truth))
        report.missed_relations += sorted(f"{kind} {' | '.join(t)}" for t in truth - guess)
        report.spurious_relations += sorted(f"{kind} {' | '.join(t)}" for t in guess - truth)


def load_gold(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """Gold articles from files and directories of `<id>.json` (the one place `gold` is read)."""
    return [doc for file in gold_files(paths) for doc in _gold_records(file)]


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The `.json` files that hold gold: what evaluate loads, so a set's README or notes are not scored as articles."""
    files: list[Path] = []
    for path in map(Path, paths):
        files += [file for file in (sorted(path.rglob("*.json")) if path.is_dir() else [path]) if _gold_records(file)]
    return files


def _gold_records(file: Path) -> list[dict[str, Any]]:
    """The records of one file that carry gold; a file that is not JSON is a usage error, named."""
    try:
        value = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRequest(f"{file}: not a readable gold file ({exc})") from None
    return [
        item for item in (value if isinstance(value, list) else [value]) if isinstance(item, dict) and "gold" in item
    ]


def format_report(report: EvaluationReport) -> str:
    """A readable report; its last four lines are the summary a hook can `tail -n 4`."""
    lines = ["Entities (type: P / R / F1  matched-nodes/nodes  found/gold)"]
    lines += [_line(label, s) for label, s in report.entities.items()]
    lines += ["Relations (type: P / R / F1  correct/predicted  found/gold)"]
    lines += [_line(kind, s) for kind, s in report.relations.items()]
    for title, items in (
        ("Missed entities", report.missed_entities),
        ("Spurious entities", report.spurious_entities),
        ("Missed relations", report.missed_relations),
        ("Spurious relations", report.spurious_relations),
        ("Fragmented entities (nodes per gold entity)", report.fragmented_entities),
    ):
        lines += [f"{title} ({len(items)}):", *(f"  {item}" for item in items)]
    entities, relations = report.entity_total, report.relation_total
    lines += [
        f"entities: P={entities.precision:.3f} R={entities.recall:.3f} F1={entities.f1:.3f}",
        f"fragmentation: {report.fragmentation:.3f} ({report.matched_nodes} nodes for "
        f"{report.found_entities} gold entities found)",
        f"relations: P={relations.precision:.3f} R={relations.recall:.3f} F1={relations.f1:.3f}",
        f"summary: entity_f1={entities.f1:.3f} fragmentation={report.fragmentation:.3f} relation_f1={relations.f1:.3f}",
    ]
    return "\n".join(lines)


def _line(name: str, s: Score) -> str:
    """One per-type line."""
    return (
        f"  {name:<17} {s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}  "
        f"{s.correct_predicted}/{s.predicted}  {s.correct_expected}/{s.expected}"
    )
