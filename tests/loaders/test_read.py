"""read.py: every format, keys from text, dates/publisher filled in, bad input reported and skipped."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from graph.errors import DocumentRejected
from loaders.facts import Document
from loaders.read import document_key, read_paths

TEXT = "Xinjiang University and KSTU signed a memorandum on August 6, 2023."


def documents(items: list) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def rejections(items: list) -> list[DocumentRejected]:
    return [item for item in items if isinstance(item, DocumentRejected)]


def test_key_ignores_whitespace_differences() -> None:
    assert document_key("a  b\nc") == document_key("a b c")
    assert document_key("a b c").startswith("doc_")
    assert len(document_key("x")) == 4 + 16
    assert document_key("a b") != document_key("a c")


def test_json_record_fields_and_gold_never_read(tmp_path: Path) -> None:
    record = {
        "id": "r1",
        "url": "https://www.kbtu.kz/en/news/1",
        "title": "T",
        "text": TEXT,
        "gold": {"entities": "not a list"},
        "extra": 1,
    }
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    [doc] = documents(list(read_paths([tmp_path], max_bytes=10_000)))
    assert (doc.source_id, doc.title, doc.publisher, doc.text) == ("r1", "T", "kbtu.kz", TEXT)
    assert not hasattr(doc, "gold")


def test_json_list_and_jsonl_with_one_bad_line(tmp_path: Path) -> None:
    (tmp_path / "many.json").write_text(json.dumps([{"text": "one"}, {"text": "two"}]), encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text('{"text": "three"}\n{broken\n{"text": "four"}\n', encoding="utf-8")
    items = list(read_paths([tmp_path], max_bytes=10_000))
    assert sorted(d.text for d in documents(items)) == ["four", "one", "three", "two"]
    [bad] = rejections(items)
    assert "lines.jsonl:2" in bad.message and "malformed JSON" in bad.message


def test_published_from_url_then_dateline(tmp_path: Path) -> None:
    (tmp_path / "u.json").write_text(json.dumps({"url": "http://en.people.cn/n3/2024/0629/c9.html", "text": "x y"}))
    (tmp_path / "d.txt").write_text("News\n21 march, 2024\nOn May 2, 2023 they met.", encoding="utf-8")
    (tmp_path / "e.txt").write_text("From October 29 to November 2, 2025, a visit took place.", encoding="utf-8")
    by_name = {Path(d.origin or "").name: d for d in documents(list(read_paths([tmp_path], max_bytes=10_000)))}
    assert by_name["u.json"].published == "2024-06-29"
    assert by_name["d.txt"].published == "2024-03-21"
    assert by_name["e.txt"].published is None  # an event date in the text is not the publication date


def test_html_main_text_without_boilerplate(tmp_path: Path) -> None:
    body = " ".join([TEXT] * 5)
    html = (
        f"<html><head><title>Visit</title></head><body><nav><a href='/'>Home</a> | <a>Contacts</a></nav>"
        f"<article><h1>Visit</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>Found a typo? Please select it and press Ctrl + Enter.</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [doc] = documents(list(read_paths([tmp_path], max_bytes=100_000)))
    assert "Xinjiang University" in doc.text
    assert "Found a typo" not in doc.text


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "big.txt").write_text("x" * 5000, encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Universität Almaty – café résumé naïve".encode("cp1252"))
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"], max_bytes=1000))
    assert sorted(Path(d.origin or "").name for d in documents(items)) == ["good.txt", "latin.txt"]
    reasons = {Path(r.details["origin"]).name: r.details["reason"] for r in rejections(items)}
    assert reasons["empty.txt"] == "empty"
    assert reasons["binary.txt"] == "binary content"
    assert reasons["big.txt"].startswith("too large")
    assert reasons["bad.json"].startswith("malformed JSON")
    assert reasons["missing.txt"].startswith("cannot read")


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Café in Almaty, résumé of the naïve visit.".encode("latin-1"))
    [doc] = documents(list(read_paths([tmp_path / "latin.txt"], max_bytes=1000)))
    assert "Almaty" in doc.text


def test_fifo_and_directory_named_as_files_never_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    items = list(read_paths([fifo], max_bytes=1000))
    assert [r.details["reason"] for r in rejections(items)] == ["not a regular file (FIFO)"]


def test_symlink_loop_is_rejected(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    [rejected] = rejections(list(read_paths([loop], max_bytes=1000)))
    assert rejected.details["reason"].startswith("cannot read")


def test_stdin_json(tmp_path: Path) -> None:
    stream = io.BytesIO(json.dumps({"id": "s", "text": TEXT}).encode())
    [doc] = documents(list(read_paths(["-"], max_bytes=10_000, stdin=stream)))
    assert doc.source_id == "s" and doc.origin == "-"


def test_source_id_falls_back_to_url_then_path(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"url": "https://x.kz/1", "text": "a"}))
    (tmp_path / "b.txt").write_text("b")
    ids = sorted(d.source_id or "" for d in documents(list(read_paths([tmp_path], max_bytes=1000))))
    assert ids == [str(tmp_path / "b.txt"), "https://x.kz/1"]


@pytest.mark.parametrize("name", ["seed_000_kstu_xju_2023.json"])
def test_corpus_files_load_as_they_are(name: str) -> None:
    path = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds" / name
    [doc] = documents(list(read_paths([path], max_bytes=1_000_000)))
    assert doc.source_id == "seed_000_kstu_xju_2023"
    assert "Xinjiang University" in doc.text


def test_utf16_with_and_without_bom_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(TEXT.encode("utf-16"))
    (tmp_path / "le.txt").write_bytes(TEXT.encode("utf-16-le"))
    assert [d.text for d in documents(list(read_paths([tmp_path], max_bytes=100_000)))] == [TEXT, TEXT]


def test_binary_formats_under_text_names_are_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    (tmp_path / "b.json").write_bytes(b"PK\x03\x04" + b"word/document.xml" * 4)
    reasons = [r.details["reason"] for r in rejections(list(read_paths([tmp_path], max_bytes=1000)))]
    assert reasons == ["binary format (PDF), not text", "binary format (ZIP, DOCX or XLSX), not text"]


def test_invisible_characters_are_cleaned_before_extraction(tmp_path: Path) -> None:
    dirty = "Xin\u200bjiang\u00a0Uni\u200dversity\x00 and \u202eKazNU\u202c\x1b[31m met\x0bin Urumqi."
    (tmp_path / "a.json").write_text(json.dumps({"title": "T\u2066i\u2069tle\x07", "text": dirty}))
    [doc] = documents(list(read_paths([tmp_path], max_bytes=1000)))
    assert doc.text == "Xinjiang\u00a0University and KazNU met in Urumqi."
    assert doc.title == "Title"


def test_records_without_ids_are_known_by_where_they_are(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([{"text": "one"}, {"text": "two"}]))
    (tmp_path / "b.jsonl").write_text('{"text": "three"}\n{"text": "four", "id": 7}\n')
    ids = [d.source_id for d in documents(list(read_paths([tmp_path], max_bytes=1000)))]
    assert ids == [f"{tmp_path}/a.json#1", f"{tmp_path}/a.json#2", f"{tmp_path}/b.jsonl:1", "7"]


def test_deep_json_and_wrong_field_types_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "types.json").write_text(json.dumps([{"text": "x", "url": ["a"]}, {"text": "x", "id": True}]))
    reasons = [r.details["reason"] for r in rejections(list(read_paths([tmp_path], max_bytes=1_000_000)))]
    assert reasons == [
        "malformed JSON: nested too deeply",
        "field 'url' must be a string, not an array",
        "field 'id' must be a string, not a boolean",
    ]
