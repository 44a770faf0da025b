"""The hostile-input set: the text files committed in `hostile/`, plus the binary, huge and special ones
generated here (never committed), and what `coopgraph load` must say about each.

    python tests/data/make_hostile.py OUT_DIR     # write the whole set into OUT_DIR

Every input is either loaded (`LOADED`: how many documents it holds) or named with a reason (`REJECTED`:
where → the start of the reason). The loadable ones only name entities the sample corpus does not, so
loading the set beside good articles must leave the good articles' graph exactly as a load of them alone.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
from pathlib import Path

COMMITTED = Path(__file__).resolve().parent / "hostile"
HUGE_BYTES = 60 * 1024 * 1024
DEPTH = 200_000
TINY_RECORDS = 2_000
LONG_NAME_CHARS = 25_000

REJECTED: dict[str, str] = {
    "empty.txt": "empty",
    "whitespace_only.txt": "empty",
    "truncated.json": "malformed JSON",
    "wrong_types.json#1": "record has no text",
    "wrong_types.json#2": "record has no text",
    "wrong_types.json#3": "record has no text",
    "wrong_types.json#4": "field 'id' must be a string, not an object",
    "wrong_types.json#5": "field 'title' must be a string, not an array",
    "wrong_types.json#6": "field 'published' must be a string, not an object",
    "wrong_types.json#7": "JSON record is not an object",
    "wrong_types.json#8": "JSON record is not an object",
    "wrong_types.json#9": "JSON record is not an object",
    "bad_lines.jsonl:2": "malformed JSON",
    "bad_lines.jsonl:3": "JSON record is not an object",
    "bad_lines.jsonl:4": "JSON record is not an object",
    "bad_lines.jsonl:6": "JSON record is not an object",
    "bad_lines.jsonl:7": "record has no text",
    "bad_lines.jsonl:9": "empty text",
    "colliding_ids.jsonl:2": "id 'same-id' is already used in this load",
    "huge.txt": "too large",
    "fifo.txt": "not a regular file (FIFO)",
    "loop.txt": "cannot read",
    "dev_zero.txt": "not a regular file (character device)",
    "random_bytes.txt": "binary content",
    "random_high_bytes.txt": "undecodable",
    "pdf_saved_as.txt": "binary format (PDF)",
    "zip_saved_as.json": "binary format (ZIP",
    "deep.json": "malformed JSON: nested too deeply",
    "deep_lines.jsonl:2": "malformed JSON: nested too deeply",
}
"""Where (file, `#record` or `:line`) → how its reason starts."""

LOADED: dict[str, int] = {
    "bad_lines.jsonl": 2,
    "scripts.html": 1,
    "cypher_in_text.json": 1,
    "xss_names.json": 1,
    "control_chars.json": 1,
    "rtl_override.txt": 1,
    "chinese_cyrillic.json": 3,
    "zero_width_names.json": 1,
    "colliding_ids.jsonl": 1,  # line 3 repeats line 1's text under another id: the same document
    "latin1.txt": 1,
    "utf16.txt": 1,
    "utf16_no_bom.txt": 1,
    "long_name.json": 1,
    "deep_lines.jsonl": 1,
    "tiny_records.json": TINY_RECORDS,
}
"""File → documents it loads (the rest of it, if anything, is in REJECTED)."""


def make_hostile(root: Path) -> Path:
    """Write the whole hostile set into `root` (created if needed) and return it."""
    root.mkdir(parents=True, exist_ok=True)
    for path in sorted(COMMITTED.iterdir()):
        shutil.copyfile(path, root / path.name)
    _special_files(root)
    _binary_files(root)
    _encoded_texts(root)
    _big_structures(root)
    return root


def _special_files(root: Path) -> None:
    """A 60 MB file (sparse), a FIFO, a symlink loop, a link to /dev/zero, a directory named x.txt."""
    with (root / "huge.txt").open("wb") as handle:
        handle.write(b"Lanzhou University signed a memorandum. " * 100)
        handle.truncate(HUGE_BYTES)
    os.mkfifo(root / "fifo.txt")
    (root / "loop.txt").symlink_to("loop.txt")
    (root / "dev_zero.txt").symlink_to("/dev/zero")
    (root / "x.txt").mkdir()


def _binary_files(root: Path) -> None:
    """Random bytes (with and without NULs), a PDF and a ZIP under text names."""
    rng = random.Random(8)
    (root / "random_bytes.txt").write_bytes(rng.randbytes(100_000))
    (root / "random_high_bytes.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(20_000)))
    pdf = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        b"3 0 obj << /Length 60 >> stream\nBT /F1 12 Tf (Lanzhou University signed a memorandum) Tj ET\n"
        b"endstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    (root / "pdf_saved_as.txt").write_bytes(pdf)
    (root / "zip_saved_as.json").write_bytes(b"PK\x03\x04\x14\x00" + b"word/document.xml" * 10)


def _encoded_texts(root: Path) -> None:
    """An article in Latin-1, and one in UTF-16 with and without a byte-order mark."""
    latin = "Chang'an University and Tajik State Pedagogical University signed a memorandum - café, naïve, Müller.\n"
    (root / "latin1.txt").write_bytes(latin.encode("latin-1"))
    utf16 = "Northwest A&F University welcomed a delegation from Bukhara State University on 10 May 2024.\n"
    (root / "utf16.txt").write_bytes(utf16.encode("utf-16"))
    no_bom = "Lanzhou Jiaotong University hosted students from Turkmen State Institute of Transport in 2023.\n"
    (root / "utf16_no_bom.txt").write_bytes(no_bom.encode("utf-16-le"))


def _big_structures(root: Path) -> None:
    """200,000-deep JSON, a deep line among good ones, a 25,000-character name, thousands of tiny records."""
    (root / "deep.json").write_text("[" * DEPTH + "]" * DEPTH)
    good = {"id": "deep-good", "text": "Xi'an Jiaotong University hosted Namangan State University on 1 June 2023."}
    (root / "deep_lines.jsonl").write_text(json.dumps(good) + "\n" + '{"text": ' + "[" * DEPTH + "]" * DEPTH + "}\n")
    long_name = ("Great " * (LONG_NAME_CHARS // 6))[: LONG_NAME_CHARS - len("University")] + "University"
    text = f"{long_name} signed a memorandum with Termez State University on 2 February 2024."
    (root / "long_name.json").write_text(json.dumps({"id": "long", "title": long_name, "text": text}))
    tiny = [{"text": f"Tiny note number {n}."} for n in range(TINY_RECORDS)]
    (root / "tiny_records.json").write_text(json.dumps(tiny))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/data/make_hostile.py OUT_DIR")
    print(make_hostile(Path(sys.argv[1])))
