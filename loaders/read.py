"""Files → `Document`s: one reader per input format, and bad input reported instead of stopping a batch.

`read_paths` yields, in a stable order, either a `Document` or a `DocumentRejected` naming the file (and
record) and the reason, so the loader can report the rejection and go on with the next file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from graph.errors import DocumentRejected
from loaders.dates import date_from_url, find_dates, normalise_date
from loaders.facts import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
RECORD_FIELDS = ("id", "url", "title", "published", "publisher", "language", "text")
NUMBER_FIELDS = ("id", "published")
"""Record fields that may also be JSON numbers (an id 42, a year 2024); the others are strings or null."""
DEFAULT_MAX_BYTES = 5_000_000
BINARY_MAGIC = {
    b"%PDF-": "PDF",
    b"PK\x03\x04": "ZIP, DOCX or XLSX",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\x1f\x8b": "gzip",
    b"\xd0\xcf\x11\xe0": "MS Office",
    b"\x7fELF": "ELF executable",
    b"%!PS": "PostScript",
}
"""Leading bytes of formats that are not text, whatever the file is called."""
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
"""Control and format characters (NUL, escapes, zero-width, bidi overrides, BOM) and lone surrogates (not
text: they have no UTF-8 form) dropped from every text."""
ANSI_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
"""Terminal escape sequences (colours, cursor moves), dropped whole."""
CONTROL_SPACE = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
"""Control characters that separate words: read as a space."""

Item = Document | DocumentRejected


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int | None = None, stdin: BinaryIO | None = None
) -> Iterator[Item]:
    """Every document in `paths` (files, directories read recursively, '-' for stdin), or why not."""
    limit = max_bytes if max_bytes is not None else _configured_limit()
    for path in paths:
        if str(path) == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer, limit)
            continue
        for file_path, explicit in _walk(Path(path)):
            yield from read_file(file_path, max_bytes=limit, explicit=explicit)


def _configured_limit() -> int:
    """The size limit from settings, or the default when settings cannot be read."""
    try:
        from graph.settings import get_settings

        return get_settings().max_document_bytes
    except Exception:  # a broken setting is reported elsewhere; reading still works
        return DEFAULT_MAX_BYTES


def _walk(path: Path) -> Iterator[tuple[Path, bool]]:
    """The files under `path` in sorted order; the path itself is 'explicit' (read whatever its suffix)."""
    try:
        is_dir = stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        yield path, True  # read_file reports it
        return
    if not is_dir:
        yield path, True
        return
    for root, dirs, files in os.walk(path, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            if Path(name).suffix.lower() in KNOWN_SUFFIXES and not name.startswith("."):
                yield Path(root) / name, False


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, explicit: bool = True) -> Iterator[Item]:
    """The documents in one file, or one rejection saying why the file cannot be read."""
    origin = str(path)
    try:
        data = _read_bytes(path, max_bytes)
        text = decode(data, origin)
    except DocumentRejected as rejected:
        yield rejected
        return
    yield from parse_text(text, origin=origin, suffix=path.suffix.lower())


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, after checking (without opening, so a FIFO never blocks) that it is a small file."""
    origin = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise _reject(origin, f"cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise _reject(origin, f"not a regular file ({_file_kind(info.st_mode)})")
    if info.st_size > max_bytes:
        raise _reject(origin, f"too large ({info.st_size} bytes > limit {max_bytes})")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise _reject(origin, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise _reject(origin, f"too large (> limit {max_bytes} bytes)")
    return data


def _file_kind(mode: int) -> str:
    """A word for what kind of file system object this is."""
    kinds = [
        (stat.S_ISDIR, "directory"),
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
    ]
    return next((name for test, name in kinds if test(mode)), "special file")


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Item]:
    """Standard input as one input; its format is guessed from its first character."""
    try:
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _reject("-", f"too large (> limit {max_bytes} bytes)")
        text = decode(data, "-")
    except DocumentRejected as rejected:
        yield rejected
        return
    head = text.lstrip()[:1]
    suffix = ".json" if head in "{[" and head else ".html" if head == "<" else ".txt"
    yield from parse_text(text, origin="-", suffix=suffix)


def decode(data: bytes, origin: str) -> str:
    """Bytes → text: UTF-8 first, else the encoding charset-normalizer detects; binary is rejected."""
    if not data.strip():
        raise _reject(origin, "empty")
    kind = next((name for magic, name in BINARY_MAGIC.items() if data.startswith(magic)), None)
    if kind:
        raise _reject(origin, f"binary format ({kind}), not text")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, origin)
    if b"\x00" in data[:8192]:
        if _looks_utf16_le(data):
            return _decode_as(data, "utf-16-le", origin)
        raise _reject(origin, "binary content")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _reject(origin, "undecodable: not UTF-8 and no encoding detected")
    return str(best)


def _looks_utf16_le(data: bytes) -> bool:
    """UTF-16-LE without a byte-order mark: NUL in nearly every odd byte (Latin text), never in even ones."""
    head = data[:8192]
    odd, even = head[1::2], head[0::2]
    return odd.count(0) > 0.9 * len(odd) and even.count(0) == 0


def _decode_as(data: bytes, encoding: str, origin: str) -> str:
    """Bytes in a known encoding, or a rejection when they are not."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise _reject(origin, f"undecodable: not valid {encoding.upper()}") from None


def clean_text(text: str) -> str:
    """Text without control and invisible format characters (zero-width, bidi overrides, NUL)."""
    return INVISIBLE.sub("", CONTROL_SPACE.sub(" ", ANSI_ESCAPE.sub("", text)))


def parse_text(text: str, *, origin: str, suffix: str) -> Iterator[Item]:
    """Text in one format → documents (JSON may hold many), each checked to have some text."""
    if suffix in JSON_SUFFIXES:
        yield from _parse_json(text, origin)
    elif suffix in JSONL_SUFFIXES:
        yield from _parse_jsonl(text, origin)
    elif suffix in HTML_SUFFIXES:
        yield _parse_html(text, origin)
    else:
        yield _from_record({"text": _plain_text(text, suffix), "title": _first_line(text)}, origin, origin)


def _parse_json(text: str, origin: str) -> Iterator[Item]:
    """A JSON file: one record or a list of records."""
    try:
        value = _json_value(text)
    except DocumentRejected as rejected:
        yield _reject(origin, rejected.message)
        return
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records, start=1):
        where = origin if len(records) == 1 else f"{origin}#{number}"
        yield _record_item(record, origin, where)


def _parse_jsonl(text: str, origin: str) -> Iterator[Item]:
    """JSON Lines: one record a line; a bad line is rejected alone."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = _json_value(line)
        except DocumentRejected as rejected:
            yield _reject(where, rejected.message.partition(" at line")[0])
            continue
        yield _record_item(record, origin, where)


def _json_value(text: str) -> Any:
    """Parse JSON; malformed or absurdly nested input is a DocumentRejected carrying the reason."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentRejected(f"malformed JSON: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise DocumentRejected("malformed JSON: nested too deeply") from None


def _record_item(record: Any, origin: str, where: str) -> Item:
    """One JSON value → a Document, or a rejection when it is no record with text or a field has the wrong type."""
    if not isinstance(record, dict):
        return _reject(where, "JSON record is not an object")
    fields = {name: record.get(name) for name in RECORD_FIELDS}  # never `gold` or any other field
    if not isinstance(fields["text"], str):
        return _reject(where, "record has no text")
    for name, value in fields.items():
        numeric = name in NUMBER_FIELDS and isinstance(value, int | float) and not isinstance(value, bool)
        if value is not None and not isinstance(value, str) and not numeric:
            return _reject(where, f"field {name!r} must be a string, not {_json_type(value)}")
    return _from_record(fields, origin, where)


def _json_type(value: Any) -> str:
    """The JSON name of a parsed value's type."""
    kinds = ((bool, "a boolean"), (dict, "an object"), (list, "an array"), (int | float, "a number"))
    return next((name for kind, name in kinds if isinstance(value, kind)), "a string")


def _parse_html(html: str, origin: str) -> Item:
    """HTML → its main text (boilerplate dropped by trafilatura) and what its metadata states."""
    import trafilatura

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # lxml/trafilatura raise many kinds on broken markup
        return _reject(origin, f"malformed HTML: {type(exc).__name__}")
    if not text or not text.strip():
        return _reject(origin, "HTML has no main text")
    record: dict[str, Any] = {"text": text}
    if meta is not None:
        record |= {"title": meta.title, "url": meta.url, "published": meta.date, "publisher": meta.sitename}
    return _from_record(record, origin, origin)


def _plain_text(text: str, suffix: str) -> str:
    """Plain text as is; Markdown without heading marks."""
    if suffix in {".md", ".markdown"}:
        return "\n".join(line.lstrip("#").strip() if line.startswith("#") else line for line in text.splitlines())
    return text


def _first_line(text: str) -> str | None:
    """The first non-empty line, as the title of a plain text file."""
    line = next((line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip()), None)
    return line[:300] if line else None


def _from_record(record: dict[str, Any], origin: str, where: str) -> Item:
    """Build the Document (texts cleaned): key from normalised text, published/publisher from text and URL.

    Without an id or URL, a record is known by where it is (`file#n`, `file:line`), so the records of one
    file never stand for one another.
    """
    record = {k: clean_text(v) if isinstance(v, str) else v for k, v in record.items()}
    text = record.get("text") or ""
    if not text.strip():
        return _reject(where, "empty text")
    url = _str(record.get("url"))
    published = normalise_date(record.get("published")) or date_from_url(url) or date_from_text(text)
    return Document(
        key=document_key(text),
        text=text,
        source_id=_str(record.get("id")) or url or where,
        url=url,
        title=_str(record.get("title")),
        published=published,
        publisher=_str(record.get("publisher")) or host_of(url),
        language=_str(record.get("language")),
        origin=where,
    )


def document_key(text: str) -> str:
    """'doc_' + the first 16 hex of sha256 over whitespace-normalised text: same text, same document."""
    normalised = " ".join(text.split())
    return "doc_" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def host_of(url: str | None) -> str | None:
    """The URL's host without 'www.', standing for the publisher when the record names none."""
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def date_from_text(text: str) -> str | None:
    """A dateline near the top: a date on a short line of its own, or after 'date'/'published'/'posted'."""
    head = text[:400]
    for mention in find_dates(head):
        line_start = head.rfind("\n", 0, mention.start) + 1
        line_end = head.find("\n", mention.end)
        line = head[line_start : line_end if line_end >= 0 else len(head)]
        before = head[max(0, mention.start - 20) : mention.start].lower()
        if len(mention.value) == 10 and (len(line.strip()) <= 40 or DATELINE.search(before)):
            return mention.value
    return None


DATELINE = re.compile(r"\b(?:date|published|posted|updated|time)\b\W*$")


def _str(value: Any) -> str | None:
    """A non-empty string, or None."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _reject(origin: str, reason: str) -> DocumentRejected:
    """The rejection record: the file (and record) and the reason, for the load report."""
    return DocumentRejected(f"{origin}: {reason}", details={"origin": origin, "reason": reason})
