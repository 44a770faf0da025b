"""CPU per "did you mean" suggestion against an imported store, for typo queries made from random names.

    python -m bench.suggest_cpu DATA_DIR [N] [--dump answers.json]

Each query is one entity name with one typo (a deleted, swapped or replaced letter, a missing word, or a
last word cut to its first letters); reports process CPU per suggest() call (the scoring threads included)
and how often the entity the typo came from is suggested first / at all.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from graph.connect import open_store
from graph.settings import load_settings
from queries.lookup import name_cache, suggest

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typo(name: str, rng: random.Random) -> str:
    """One realistic mistake in a name."""
    words = name.split()
    kind = rng.choice(
        ["delete", "swap", "replace", "drop_word", "abbreviate"] if len(words) > 2 else ["delete", "swap", "replace"]
    )
    if kind == "drop_word":
        del words[rng.randrange(1, len(words))]
        return " ".join(words)
    if kind == "abbreviate":
        last = max(range(len(words)), key=lambda i: len(words[i]))
        words[last] = words[last][:4]
        return " ".join(words)
    i = rng.randrange(1, len(name) - 1)
    if kind == "delete":
        return name[:i] + name[i + 1 :]
    if kind == "swap":
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name[:i] + rng.choice(LETTERS) + name[i + 1 :]


def main() -> None:
    """Time suggest() for N typo queries."""
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("n", type=int, nargs="?", default=50)
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args()
    store = open_store(load_settings(data_dir=args.data_dir.resolve()), schema=False)
    try:
        started = time.perf_counter()
        cache = name_cache(store)
        print(f"{len(cache.entries):,} names read in {time.perf_counter() - started:.1f} s")
        rng = random.Random(7)
        named = [e for e in cache.entries if e.form == e.name and len(e.name) >= 8]
        picked = rng.sample(named, args.n)
        queries = [(e.key, typo(e.name, rng)) for e in picked]
        suggest(store, "warm up")
        first = anywhere = 0
        answers = {}
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for key, text in queries:
            got = suggest(store, text)
            answers[text] = [(r["key"], r["score"]) for r in got]
            first += bool(got) and got[0]["key"] == key
            anywhere += key in [r["key"] for r in got]
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        print(
            f"{args.n} suggestions: CPU {cpu / args.n * 1000:.1f} ms each, wall {wall / args.n * 1000:.1f} ms each; "
            f"source entity first {first}/{args.n}, suggested {anywhere}/{args.n}"
        )
        if args.dump:
            args.dump.write_text(json.dumps(answers, indent=1, ensure_ascii=False))
    finally:
        store.close()


if __name__ == "__main__":
    main()
