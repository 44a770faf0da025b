"""Analyst corrections to entity resolution, kept as JSON lines so that no re-ingest undoes them.

The file (`Settings.judgements_path`, in the data directory) is append-only; later lines win. Kinds:

- `merge KEEP DROP`: DROP is the same entity as KEEP. Whatever resolves to DROP resolves to KEEP; in the
  graph, DROP's relationships and mentions move to KEEP and DROP is deleted.
- `split KEY NAME [NEW_KEY]`: the surface form NAME does not denote KEY. A candidate that would resolve to
  KEY and carries NAME resolves to NEW_KEY (default: the slug of NAME) instead. In the graph, NAME leaves
  KEY's aliases and the documents that used it must be re-loaded to move their facts.
- `split KEY` (no name): undo every earlier `merge KEY X`: the X come back as their own entities.
- `not-same A B`: A and B are different entities; automatic matching never joins them and an earlier
  merge of the two is cancelled.
- `rename KEY NAME`: KEY's display name becomes NAME (the key itself never changes: keys are identity).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from graph.errors import BadRequest
from loaders.names import normalise, slugify

Kind = Literal["merge", "split", "not-same", "rename"]
KINDS: tuple[str, ...] = ("merge", "split", "not-same", "rename")


@dataclass(frozen=True)
class Judgement:
    """One analyst decision: `a` and `b` are keys, `name` a surface form or display name."""

    kind: str
    a: str
    b: str | None = None
    name: str | None = None
    at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def __post_init__(self) -> None:
        """Reject a judgement that cannot be applied, before it is stored."""
        if self.kind not in KINDS:
            raise BadRequest(f"unknown judgement kind {self.kind!r}; expected one of {', '.join(KINDS)}")
        if self.kind in {"merge", "not-same"} and (not self.b or self.a == self.b):
            raise BadRequest(f"{self.kind} needs two different keys")
        if self.kind == "rename" and not (self.name or "").strip():
            raise BadRequest("rename needs a new name")


@dataclass(frozen=True)
class MergeEntities:
    """Graph operation: move DROP's relationships to KEEP, add its aliases, delete DROP."""

    keep: str
    drop: str


@dataclass(frozen=True)
class RenameEntity:
    """Graph operation: set the display name of KEY."""

    key: str
    name: str


@dataclass(frozen=True)
class SplitName:
    """Graph operation: take NAME off KEY's aliases; `documents` mentioning it there must be re-loaded."""

    key: str
    name: str
    new_key: str


GraphOp = MergeEntities | RenameEntity | SplitName


class Judgements:
    """Every analyst judgement in force, with the questions resolution asks of them."""

    def __init__(self, items: list[Judgement] | None = None) -> None:
        self.items: list[Judgement] = list(items or [])
        self._merged: dict[str, str] = {}
        self._apart: set[frozenset[str]] = set()
        self._splits: dict[str, dict[str, str]] = {}
        self._names: dict[str, str] = {}
        for item in self.items:
            self._apply(item)

    @classmethod
    def load(cls, path: Path) -> Judgements:
        """Read the judgements file; a missing file means no judgements yet."""
        if not path.exists():
            return cls()
        items = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                try:
                    items.append(Judgement(**json.loads(line)))
                except (ValueError, TypeError) as exc:
                    raise BadRequest(f"{path}:{number}: not a judgement ({exc})") from None
        return cls(items)

    def record(self, path: Path, judgement: Judgement) -> None:
        """Append one judgement to the file and put it in force."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(asdict(judgement), ensure_ascii=False, sort_keys=True) + "\n")
        self.items.append(judgement)
        self._apply(judgement)

    def _apply(self, item: Judgement) -> None:
        """Put one judgement in force; later judgements override earlier ones about the same keys."""
        if item.kind == "merge" and item.b:
            self._apart.discard(frozenset((item.a, item.b)))
            if self.canonical(item.a) != item.b:  # never create a cycle
                self._merged[item.b] = item.a
        elif item.kind == "not-same" and item.b:
            self._apart.add(frozenset((item.a, item.b)))
            for x, y in ((item.a, item.b), (item.b, item.a)):
                if self._merged.get(x) == y:
                    del self._merged[x]
        elif item.kind == "split" and item.name:
            self._splits.setdefault(item.a, {})[normalise(item.name)] = item.b or slugify(item.name)
        elif item.kind == "split":
            self._merged = {k: v for k, v in self._merged.items() if v != item.a}
        elif item.kind == "rename" and item.name:
            self._names[item.a] = item.name.strip()

    def canonical(self, key: str) -> str:
        """The key an entity ends up under after every merge ("drop" → "keep", followed to the end)."""
        seen = {key}
        while key in self._merged and self._merged[key] not in seen:
            key = self._merged[key]
            seen.add(key)
        return key

    def not_same(self, a: str, b: str) -> bool:
        """Whether the analyst said these two keys are different entities."""
        return frozenset((a, b)) in self._apart or frozenset((self.canonical(a), self.canonical(b))) in self._apart

    def split_key(self, key: str, names: list[str]) -> str | None:
        """The key a candidate with these names goes to instead of KEY, if a split says so."""
        targets = self._splits.get(key, {})
        for name in names:
            if (target := targets.get(normalise(name))) is not None:
                return target
        return None

    def name_for(self, key: str) -> str | None:
        """The analyst's display name for KEY, if renamed."""
        return self._names.get(key)

    def graph_operations(self, existing: set[str]) -> list[GraphOp]:
        """What the current graph needs so it agrees with the judgements (only keys that exist)."""
        ops: list[GraphOp] = [
            MergeEntities(keep=self.canonical(drop), drop=drop) for drop in sorted(self._merged) if drop in existing
        ]
        ops += [RenameEntity(key, name) for key, name in sorted(self._names.items()) if key in existing]
        ops += [
            SplitName(key, name, new_key)
            for key, targets in sorted(self._splits.items())
            if key in existing
            for name, new_key in sorted(targets.items())
        ]
        return ops

    def as_rows(self) -> list[dict[str, Any]]:
        """Every judgement as a plain dict, oldest first (for `coopgraph entities judgements`)."""
        return [asdict(item) for item in self.items]
