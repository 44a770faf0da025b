"""The catalogue reader: headers, declared vs used parameters with file:line, overrides, coercion."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.dialect import FALKORDB, NEO4J
from graph.errors import BadRequest, NotFound, QueryFailed
from graph.store import GraphStore
from queries.catalog import load_catalog, neo4j_statements, read_catalog
from queries.params import Param, coerce, parse_param

HEADER = "// name: {name}\n// title: T\n// mode: read\n// params: {params}\n// returns: x\n"


def write_query(directory: Path, name: str, params: str, body: str, sub: str = "") -> Path:
    folder = directory / sub if sub else directory
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.cypher"
    path.write_text(HEADER.format(name=name, params=params) + body, encoding="utf-8")
    return path


def test_every_shipped_query_loads_with_a_title_and_returns() -> None:
    catalog = load_catalog()
    names = set(catalog.queries)
    assert {
        "partners_of",
        "officials_of",
        "entity_profile",
        "agreements",
        "events_timeline",
        "initiative_members",
        "initiative_ties",
        "cooperation_path",
        "country_pair",
        "search",
        "entity_documents",
        "fact_sources",
        "document",
    } <= names
    for query in catalog:
        assert query.title and query.returns and query.mode == "read"


def test_undeclared_parameter_is_reported_with_file_and_line(tmp_path: Path) -> None:
    write_query(tmp_path, "q", "a: str", "MATCH (n {key: $a})\nRETURN $b AS x\n")
    with pytest.raises(QueryFailed, match=r"q\.cypher:7: \$b is used but not declared"):
        read_catalog(tmp_path)


def test_unused_declared_parameter_cites_the_params_line(tmp_path: Path) -> None:
    write_query(tmp_path, "q", "a: str, b: int = 1", "RETURN $a AS x\n")
    with pytest.raises(QueryFailed, match=r"q\.cypher:4: parameter b is declared but never used"):
        read_catalog(tmp_path)


def test_parameters_in_comments_and_strings_do_not_count(tmp_path: Path) -> None:
    write_query(tmp_path, "q", "a: str", "RETURN $a AS x, '$b' AS y // $c\n")
    assert read_catalog(tmp_path).get("q").cypher.startswith("RETURN $a")


def test_name_must_match_file_and_override_needs_a_shared_query(tmp_path: Path) -> None:
    (tmp_path / "q.cypher").write_text(HEADER.format(name="other", params="") + "RETURN 1 AS x\n")
    with pytest.raises(QueryFailed, match="differs from the file name"):
        read_catalog(tmp_path)
    (tmp_path / "q.cypher").unlink()
    write_query(tmp_path, "lonely", "", "RETURN 1 AS x\n", sub="neo4j")
    with pytest.raises(QueryFailed, match="override of unknown query"):
        read_catalog(tmp_path)


def test_override_replaces_the_text_on_its_engine_only(tmp_path: Path) -> None:
    write_query(tmp_path, "q", "a: str", "RETURN $a AS x\n")
    (tmp_path / "neo4j").mkdir()
    (tmp_path / "neo4j" / "q.cypher").write_text("// name: q\nRETURN $a + '!' AS x\n")
    query = read_catalog(tmp_path).get("q")
    assert query.cypher_for(FALKORDB) == "RETURN $a AS x\n"
    assert query.cypher_for(NEO4J) == "RETURN $a + '!' AS x\n"
    (tmp_path / "neo4j" / "q.cypher").write_text("RETURN $zzz AS x\n")
    with pytest.raises(QueryFailed, match=r"neo4j/q\.cypher:1: \$zzz"):
        read_catalog(tmp_path)


def test_parameter_declarations_and_coercion() -> None:
    limit = parse_param("limit: int[1..500] = 50")
    assert (limit.default, limit.low, limit.high, limit.required) == (50, 1, 500, False)
    assert coerce(limit, "7") == 7
    assert coerce(limit, None) == 50
    with pytest.raises(BadRequest, match="between 1 and 500"):
        coerce(limit, 501)
    with pytest.raises(BadRequest, match="'limit'"):
        coerce(limit, "ten")
    country = parse_param("country: country | None")
    assert coerce(country, "kz") == "KZ" and coerce(country, None) is None
    with pytest.raises(BadRequest):
        coerce(country, "Kazakhstan")
    assert coerce(parse_param("type: label | None"), "university") == "University"
    assert coerce(parse_param("since: year | None"), "2023") == 2023
    assert coerce(parse_param("flag: bool = false"), "yes") is True
    assert coerce(parse_param("names: list[str] | None"), "a, b") == ["a", "b"]
    with pytest.raises(BadRequest, match="more than 50"):
        coerce(parse_param("names: list[str] | None"), ["x"] * 51)
    with pytest.raises(BadRequest, match="required"):
        coerce(parse_param("ref: str"), "  ")
    with pytest.raises(BadRequest, match="longer than"):
        coerce(Param("ref", "str"), "x" * 301)


def test_words_strip_every_full_text_operator() -> None:
    words = parse_param("words: words")
    assert coerce(words, "Xinjiang-University @name:{x} | *%~ OR") == ["xinjiang", "university", "name", "x", "or"]
    with pytest.raises(BadRequest, match="no letters"):
        coerce(words, "@@ -- ((")


def test_bind_rejects_unknown_parameters_and_get_unknown_query_lists_names() -> None:
    catalog = load_catalog()
    with pytest.raises(BadRequest, match="takes no parameter bogus"):
        catalog.get("partners_of").bind({"ref": "x", "bogus": 1})
    with pytest.raises(NotFound) as info:
        catalog.get("no_such_query")
    assert "partners_of" in info.value.details["queries"]


def test_neo4j_statements_cover_every_query_with_its_override() -> None:
    statements = {name: (origin, cypher) for name, origin, cypher in neo4j_statements()}
    assert set(statements) == {f"queries/{q.name}" for q in load_catalog()}
    origin, cypher = statements["queries/search"]
    assert origin.startswith("queries/neo4j/search.cypher:") and "db.index.fulltext.queryNodes" in cypher
    assert "allShortestPaths" in statements["queries/cooperation_path"][1]


def test_read_statement_gives_a_plain_read_and_refuses_searches(store: GraphStore) -> None:
    catalog = load_catalog()
    cypher, params = catalog.read_statement(store, "partners_of", {"ref": "xju"})
    assert cypher == catalog.get("partners_of").cypher_for(store.dialect)
    assert params["ref"] == "xju" and params["limit"] == 50
    with pytest.raises(BadRequest):
        catalog.read_statement(store, "cooperation_path", {"source": "a", "target": "b"})
