"""Resolution measured on gold names alone: each gold entity of an article becomes one candidate."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from loaders.facts import Candidate, Document, Extraction, Relation
from loaders.index import EntityIndex
from loaders.judgements import Judgements
from loaders.registry import Registry
from loaders.resolve import resolve, resolve_publisher

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
SAME_REAL_ENTITY = {"dogdurkul_kendirbaeva": "dogdurkul_kendirbayeva"}
"""Two gold keys the annotators gave one person (same name, two spellings, two articles)."""


def gold_articles() -> list[dict]:
    """Every seed and dev article, in file order."""
    paths = sorted((CORPUS / "seeds").glob("*.json")) + sorted((CORPUS / "dev").glob("*.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def gold_extraction(article: dict, registry: Registry) -> Extraction:
    """The article as a perfect extractor would give it: gold entities as candidates, PART_OF relations."""
    text = article["text"]
    document = Document(
        key="doc_" + hashlib.sha256(text.encode()).hexdigest()[:16],
        text=text,
        url=article.get("url"),
        title=article.get("title"),
        source_id=article["id"],
    )
    publisher = resolve_publisher(document, registry)
    if publisher is not None:
        document = replace(document, publisher_key=publisher.key)
    gold = article["gold"]
    candidates = [
        Candidate(local_id=e["key"], label=e["type"], names=list(e["names"]), country=e.get("country"))
        for e in gold["entities"]
    ]
    relations = [Relation("PART_OF", r["unit"], r["org"], "") for r in gold["relations"] if r["type"] == "PART_OF"]
    return Extraction(document=document, candidates=candidates, relations=relations)


@dataclass
class Scores:
    """Cross-document resolution quality on gold names."""

    nodes_per_gold: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    gold_per_node: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def fragmentation(self) -> float:
        """Graph nodes per gold entity (1.0 = every gold entity is exactly one node)."""
        return sum(len(v) for v in self.nodes_per_gold.values()) / len(self.nodes_per_gold)

    @property
    def false_merges(self) -> dict[str, set[str]]:
        """Graph nodes that hold more than one gold entity."""
        return {k: v for k, v in self.gold_per_node.items() if len(v) > 1}

    @property
    def fragmented(self) -> dict[str, set[str]]:
        """Gold entities spread over more than one node."""
        return {k: v for k, v in self.nodes_per_gold.items() if len(v) > 1}


def measure(articles: list[dict], *, judgements: Judgements | None = None) -> Scores:
    """Resolve the articles in order against one growing index, and count nodes per gold entity."""
    registry = Registry.load()
    index = EntityIndex()
    scores = Scores()
    for article in articles:
        extraction = gold_extraction(article, registry)
        resolution = resolve(extraction, index=index, registry=registry, judgements=judgements or Judgements())
        for local_id, entity in resolution.entities.items():
            gold_key = SAME_REAL_ENTITY.get(local_id, local_id)
            scores.nodes_per_gold[gold_key].add(entity.key)
            scores.gold_per_node[entity.key].add(gold_key)
        for entity in resolution.entities.values():
            index.add(entity)
    return scores


if __name__ == "__main__":
    for label, order in (("file order", gold_articles()), ("reversed", gold_articles()[::-1])):
        s = measure(order)
        print(
            f"{label}: gold entities {len(s.nodes_per_gold)}, nodes {len(s.gold_per_node)}, "
            f"fragmentation {s.fragmentation:.3f}, false merges {len(s.false_merges)}"
        )
        for k, v in sorted(s.fragmented.items()):
            print("  fragmented", k, sorted(v))
        for k, v in sorted(s.false_merges.items()):
            print("  merged", k, sorted(v))
