"""A realistic graph without the extractor: the gold annotations of real articles, as node-link JSON.

Each gold article becomes a Document; its gold entities, relations and agreements become nodes and facts
sourced to that Document, with the sentence of the article that names both ends as evidence.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def gold_node_link(paths: list[Path]) -> dict[str, Any]:
    """Node-link data for every gold article in `paths` (files, in order)."""
    nodes: dict[str, dict[str, Any]] = {}
    links: list[dict[str, Any]] = []
    for path in paths:
        article = json.loads(path.read_text(encoding="utf-8"))
        _add_article(article, nodes, links)
    return {"directed": True, "multigraph": True, "graph": {}, "nodes": list(nodes.values()), "links": links}


def _add_article(article: dict[str, Any], nodes: dict[str, dict[str, Any]], links: list[dict[str, Any]]) -> None:
    doc = "doc_" + hashlib.sha256(article["text"].encode()).hexdigest()[:16]
    host = urlparse(article.get("url") or "").netloc
    nodes[doc] = {
        "id": doc,
        "label": "Document",
        "source_id": article["id"],
        "url": article.get("url"),
        "title": article.get("title") or article["id"],
        "published": article.get("published"),
        "publisher": host or None,
        "language": article.get("language"),
        "text": article["text"],
    }
    sentences = [s.strip() for s in _SENTENCE.split(article["text"]) if s.strip()]
    names: dict[str, list[str]] = {}
    for entity in article["gold"]["entities"]:
        key = entity["key"]
        names[key] = entity["names"]
        node = nodes.setdefault(key, {"id": key, "label": entity["type"], "name": entity["names"][0], "aliases": []})
        node["aliases"] = sorted(set(node["aliases"]) | set(entity["names"]))
        if entity.get("country"):
            node["country"] = entity["country"]
        links.append({"source": key, "target": doc, "type": "MENTIONED_IN", "names": entity["names"]})

    def fact(kind: str, a: str, b: str, **props: Any) -> None:
        if a in nodes and b in nodes:
            evidence = _evidence(sentences, names.get(a, []), names.get(b, []))
            links.append({"source": a, "target": b, "type": kind, "sources": [doc], "evidence": [evidence], **props})

    for n, rel in enumerate(article["gold"]["relations"]):
        kind = rel["type"]
        if kind == "COOPERATES_WITH":
            a, b = sorted((rel["a"], rel["b"]))
            fact(kind, a, b)
        elif kind == "VISITED":
            fact(kind, rel["visitor"], rel["host"], date=rel.get("date"))
        elif kind == "AFFILIATED_WITH":
            fact(kind, rel["person"], rel["org"], title=rel.get("title"))
        elif kind == "PART_OF":
            fact(kind, rel["unit"], rel["org"])
        elif kind == "INVOLVED_IN":
            fact(kind, rel["org"], rel["initiative"])
        elif kind == "SIGNED_AGREEMENT":
            key = f"{article['id']}_agreement_{n}"
            parties = [nodes[p]["name"] for p in rel["parties"] if p in nodes]
            nodes[key] = {
                "id": key,
                "label": "Agreement",
                "name": f"{rel.get('kind', 'agreement')} of " + " and ".join(parties),
                "kind": rel.get("kind"),
                "date": rel.get("date"),
                "status": rel.get("status", "signed"),
                "topics": rel.get("topics", []),
            }
            names[key] = []
            for party in rel["parties"]:
                fact("PARTY_TO", party, key)


def _evidence(sentences: list[str], a_names: list[str], b_names: list[str]) -> str:
    """The first sentence naming both ends, else one naming either, else the first sentence."""

    def names_any(sentence: str, names: list[str]) -> bool:
        return any(n and n in sentence for n in names)

    for test in (
        lambda s: names_any(s, a_names) and names_any(s, b_names),
        lambda s: names_any(s, a_names) or names_any(s, b_names),
    ):
        for sentence in sentences:
            if test(sentence):
                return sentence[:500]
    return sentences[0][:500] if sentences else ""
