"""Print every Neo4j-form Cypher statement coopgraph runs, as JSON, for tools/cypher-lint/lint.mjs.

    .venv/bin/python tools/neo4j_statements.py [--cypher TEXT ...] [--extra FILE.json ...]

Output: a JSON array of {"name": ..., "origin": "path:line", "cypher": ...}. Sources:
- `graph.schema.schema_statements(NEO4J)` (always);
- a module-level `neo4j_statements()` in any module of graph/, queries/ or loaders/ (found by its
  `def` line, so only those modules are imported; graph.upsert, graph.export and queries.catalog are
  the expected ones). It returns an iterable of dicts {"name", "cypher", "origin"?}, of
  (name, cypher) or (name, origin, cypher) tuples, or of bare Cypher strings. Without an origin, the
  line of the module whose text best matches the statement's first words is used;
- `--cypher` / `--extra` add statements by hand (the lint's own test uses them to check a broken one fails).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from graph import schema  # noqa: E402  (needs the repo on sys.path first)
from graph.dialect import NEO4J  # noqa: E402

PACKAGES = ("graph", "queries", "loaders")
"""Packages whose modules may expose `neo4j_statements()`."""
PROVIDER_DEF = re.compile(r"^def neo4j_statements\(", re.MULTILINE)

Statement = dict[str, str]


def relative(path: str | Path) -> str:
    """A path relative to the repository when it is inside it, for short, clickable origins."""
    resolved = Path(path).resolve()
    try:
        return str(resolved.relative_to(REPO))
    except ValueError:
        return str(resolved)


def origin_in(func: Callable[..., Any], cypher: str) -> str:
    """The file:line in `func`'s source that best matches the start of `cypher` (else the def line)."""
    lines, start = inspect.getsourcelines(func)
    return best_line(lines, start, relative(inspect.getsourcefile(func) or "?"), cypher)


def best_line(lines: list[str], start: int, where: str, cypher: str) -> str:
    """The first line holding the longest run (up to 6) of the statement's first words, as file:line."""
    words = cypher.split()
    for n in range(min(len(words), 6), 0, -1):
        prefix = " ".join(words[:n])
        for offset, line in enumerate(lines):
            if prefix in line:
                return f"{where}:{start + offset}"
    return f"{where}:{start}"


def provider_modules() -> list[str]:
    """Dotted names of the modules under PACKAGES that define a module-level neo4j_statements()."""
    found = []
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            if PROVIDER_DEF.search(path.read_text(encoding="utf-8")):
                found.append(".".join(path.relative_to(REPO).with_suffix("").parts))
    return found


def schema_statements() -> list[Statement]:
    """The Neo4j schema DDL from graph/schema.py."""
    return [
        {"name": f"schema[{i}]", "origin": origin_in(schema.schema_statements, stmt), "cypher": stmt}
        for i, stmt in enumerate(schema.schema_statements(NEO4J))
    ]


def provider_statements(module_name: str) -> list[Statement]:
    """The statements one module's neo4j_statements() returns (an import error is an error, not a skip)."""
    module = importlib.import_module(module_name)
    provide = module.neo4j_statements
    source = inspect.getsourcefile(module) or module_name
    lines = Path(source).read_text(encoding="utf-8").splitlines() if Path(source).is_file() else []
    where = relative(source)

    constants = {v: k for k, v in vars(module).items() if isinstance(v, str) and k.isupper()}

    def locate(cypher: str) -> str:
        """The line assigning the module constant that holds `cypher`, else the best textual match."""
        assign = re.compile(rf"^{re.escape(constants[cypher])}\s*[:=]") if cypher in constants else None
        for number, line in enumerate(lines, start=1):
            if assign and assign.match(line):
                return f"{where}:{number}"
        return best_line(lines, 1, where, cypher) if lines else where

    return list(normalise(provide(), module_name=module_name, locate=locate))


def normalise(items: Iterable[Any], *, module_name: str, locate: Callable[[str], str]) -> Iterator[Statement]:
    """Accept dicts, 2- or 3-tuples or bare strings; yield uniform statement dicts."""
    for i, item in enumerate(items):
        name, origin, cypher = _unpack(item, f"{module_name}[{i}]")
        if not isinstance(cypher, str) or not cypher.strip():
            raise SystemExit(f"neo4j_statements: {module_name} item {i} has no Cypher text: {item!r}")
        yield {"name": str(name), "origin": str(origin or locate(cypher)), "cypher": cypher}


def _unpack(item: Any, default_name: str) -> tuple[Any, Any, Any]:
    """(name, origin or None, cypher) from one provider item."""
    if isinstance(item, str):
        return default_name, None, item
    if isinstance(item, dict):
        return item.get("name") or default_name, item.get("origin"), item.get("cypher")
    if isinstance(item, tuple | list) and len(item) == 2:
        return item[0], None, item[1]
    if isinstance(item, tuple | list) and len(item) == 3:
        return item[0], item[1], item[2]
    raise SystemExit(f"neo4j_statements: {default_name}: expected a dict, tuple or string, got {item!r}")


def extra_statements(cyphers: list[str], files: list[Path]) -> list[Statement]:
    """Statements given on the command line (`--cypher`) or in JSON files (`--extra`)."""
    out = [{"name": f"cli[{i}]", "origin": "<command line>", "cypher": c} for i, c in enumerate(cyphers)]
    for path in files:
        items = json.loads(path.read_text(encoding="utf-8"))
        out += normalise(items, module_name=path.name, locate=_fixed(relative(path)))
    return out


def _fixed(origin: str) -> Callable[[str], str]:
    """An origin locator that always answers `origin` (for statements from a JSON file)."""
    return lambda _cypher: origin


def collect(cyphers: list[str] | None = None, files: list[Path] | None = None) -> list[Statement]:
    """Every statement to lint, schema first, then each provider's, then the extras."""
    statements = schema_statements()
    for module_name in provider_modules():
        statements += provider_statements(module_name)
    return statements + extra_statements(cyphers or [], files or [])


def main(argv: list[str] | None = None) -> int:
    """Print the JSON array on stdout."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cypher", action="append", default=[], help="also lint this statement")
    parser.add_argument("--extra", action="append", default=[], type=Path, help="also lint a JSON array file")
    args = parser.parse_args(argv)
    json.dump(collect(args.cypher, args.extra), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
