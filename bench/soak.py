"""Soak: 32 concurrent clients for 60 s against a real `coopgraph serve` on loopback, on the M graph.

    python -m bench.soak [S|M|L] [SECONDS] [CLIENTS] [--data-dir DIR]

Generates the graph (bench.generate), loads it with `coopgraph import` into a throw-away data directory,
starts `coopgraph serve`, and drives it with an httpx async client: a mix of searches, profiles, partners,
paths, agreements, country pairs and catalogue queries on random entities. Prints requests/s, latency
percentiles (overall and p50/p99 per route), 5xx and transport errors, the RSS of the API process and of
FalkorDB at start, middle and end (memory should stay flat), their CPU seconds during the run, and the
load average.

`--data-dir DIR` keeps the store in DIR: the graph is imported there only when DIR holds no store yet, so
later runs skip the minute of import (the generated graph must be the same size).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

from bench.generate import graph
from bench.memory import process_cpu_s

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mb(pid: int | None) -> float:
    """Resident set size of a process in MB (0 when it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (OSError, TypeError):
        return 0.0
    line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def requests_for(keys: list[str], rng: random.Random) -> str:
    """One request path of the mix."""
    a, b = rng.choice(keys), rng.choice(keys)
    return rng.choice(
        [
            f"/entities/{a}",
            f"/entities/{a}/partners?limit=20",
            f"/entities?q=University%20{rng.randrange(60_000)}&limit=10",
            f"/entities?type=University&country=KZ&limit=50&offset={rng.randrange(1000)}",
            f"/paths?from={a}&to={b}&max_hops=3",
            "/agreements?country_a=KZ&country_b=CN&limit=20",
            f"/queries/partners_of?ref={a}&limit=10",
            "/countries/KZ/CN?limit=20",
            f"/facts?a={a}&b={b}",
            "/health",
        ]
    )


async def client_loop(
    client: httpx.AsyncClient,
    keys: list[str],
    seed: int,
    until: float,
    tally: Counter[str],
    latencies: list[float],
    by_route: dict[str, list[float]],
) -> None:
    """One client: request after request until the deadline."""
    rng = random.Random(seed)
    while time.monotonic() < until:
        path = requests_for(keys, rng)
        started = time.perf_counter()
        try:
            response = await client.get(path)
            tally[f"{response.status_code // 100}xx"] += 1
        except httpx.HTTPError as exc:
            tally[f"transport:{type(exc).__name__}"] += 1
        latencies.append(time.perf_counter() - started)
        by_route.setdefault(route_of(path), []).append(time.perf_counter() - started)


def route_of(path: str) -> str:
    """The route a request path belongs to, keys replaced (`/entities/{key}/partners`, `/entities?q`)."""
    base, _, query = path.partition("?")
    parts = base.strip("/").split("/")
    if parts[0] == "entities":
        if len(parts) == 1:
            return "/entities?" + query.split("=")[0]
        return "/".join(["/entities", "{key}", *parts[2:]])
    return "/" + parts[0] + ("/{name}" if len(parts) > 1 else "")


async def soak(base: str, keys: list[str], *, seconds: float, clients: int, pids: dict[str, int | None]) -> None:
    """Drive the server and print the figures."""
    tally: Counter[str] = Counter()
    latencies: list[float] = []
    by_route: dict[str, list[float]] = {}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    memory = {"start": {name: rss_mb(pid) for name, pid in pids.items()}}
    cpu = {name: process_cpu_s(pid) if pid else float("nan") for name, pid in pids.items()}
    load = os.getloadavg()
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        until = time.monotonic() + seconds
        tasks = [
            asyncio.create_task(client_loop(client, keys, n, until, tally, latencies, by_route)) for n in range(clients)
        ]
        await asyncio.sleep(seconds / 2)
        memory["middle"] = {name: rss_mb(pid) for name, pid in pids.items()}
        await asyncio.gather(*tasks)
    memory["end"] = {name: rss_mb(pid) for name, pid in pids.items()}
    report(tally, latencies, memory, seconds=seconds, clients=clients)
    used = ", ".join(f"{name} {process_cpu_s(pid) - cpu[name]:.1f}" for name, pid in pids.items() if pid)
    print(f"CPU s during the run: {used}; load average at start {load[0]:.2f}, at end {os.getloadavg()[0]:.2f}")
    for route, times in sorted(by_route.items()):
        ordered = sorted(times)
        print(f"  {route}: {len(times)} requests, p50 {ordered[len(ordered) // 2] * 1000:.0f} ms, "
              f"p99 {ordered[min(len(ordered) - 1, len(ordered) * 99 // 100)] * 1000:.0f} ms, "
              f"max {ordered[-1] * 1000:.0f} ms")  # fmt: skip


def report(
    tally: Counter[str], latencies: list[float], memory: dict[str, dict[str, float]], *, seconds: float, clients: int
) -> None:
    """Print requests/s, latencies, errors and memory."""
    total = sum(tally.values())
    ordered = sorted(latencies)
    pct = {p: ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] * 1000 for p in (50, 95, 99)}
    errors = sum(v for k, v in tally.items() if k == "5xx" or k.startswith("transport"))
    print(f"{clients} clients, {seconds:.0f} s: {total} requests, {total / seconds:.0f} req/s")
    print(f"latency ms: p50 {pct[50]:.1f}, p95 {pct[95]:.1f}, p99 {pct[99]:.1f}, max {ordered[-1] * 1000:.0f}")
    print(f"statuses: {dict(sorted(tally.items()))}; errors (5xx + transport): {errors}")
    for name in memory["start"]:
        figures = ", ".join(f"{when} {memory[when][name]:.0f}" for when in ("start", "middle", "end"))
        print(f"RSS MB {name}: {figures}")


def has_store(data_dir: Path) -> bool:
    """Whether a data directory already holds an imported store (its FalkorDB files)."""
    db_dir = data_dir / "falkordb"
    return db_dir.is_dir() and any(db_dir.iterdir())


def serve(data_dir: Path, size: str) -> tuple[subprocess.Popen[bytes], str, list[str]]:
    """Import the generated graph (unless the directory has a store) and start `coopgraph serve`; return the
    process, its URL and entity keys."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "COOPGRAPH_"))}
    env["COOPGRAPH_DATA_DIR"] = str(data_dir)
    data = graph(size)
    keys = [n["id"] for n in data["nodes"] if n["label"] in ("University", "Organization")]
    cmd = [sys.executable, "-m", "api.cli"]
    if has_store(data_dir):
        print(f"graph {size}: {len(data['nodes']):,} nodes, {len(data['links']):,} links, already in {data_dir}")
    else:
        path = data_dir / "graph.json"
        path.write_text(json.dumps(data))
        started = time.perf_counter()
        subprocess.run([*cmd, "import", str(path)], env=env, cwd=REPO, check=True, capture_output=True)
        path.unlink()
        print(f"graph {size}: {len(data['nodes']):,} nodes, {len(data['links']):,} links, "
              f"imported in {time.perf_counter() - started:.0f} s")  # fmt: skip
    del data
    port = free_port()
    log = (data_dir / "serve.log").open("wb")
    proc = subprocess.Popen([*cmd, "serve", "--port", str(port)], env=env, cwd=REPO, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return proc, base, keys
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"serve did not start; see {data_dir / 'serve.log'}")


def main() -> None:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n")[0])
    parser.add_argument("size", nargs="?", choices=("S", "M", "L"), default="M")
    parser.add_argument("seconds", nargs="?", type=float, default=60.0)
    parser.add_argument("clients", nargs="?", type=int, default=32)
    parser.add_argument("--data-dir", type=Path, help="keep the store here (imported only when absent)")
    args = parser.parse_args()
    if args.data_dir is not None:
        args.data_dir.mkdir(parents=True, exist_ok=True)
        run(args.data_dir.resolve(), args.size, seconds=args.seconds, clients=args.clients)
        return
    with tempfile.TemporaryDirectory(prefix="coopgraph-soak-") as tmp:
        run(Path(tmp), args.size, seconds=args.seconds, clients=args.clients)


def run(data_dir: Path, size: str, *, seconds: float, clients: int) -> None:
    """Serve the graph from a data directory, soak it, stop what was started."""
    proc, base, keys = serve(data_dir, size)
    try:
        falkordb = int((data_dir / "run" / "falkordb.pid").read_text().strip())
        asyncio.run(soak(base, keys, seconds=seconds, clients=clients, pids={"api": proc.pid, "falkordb": falkordb}))
    finally:
        stop(proc, data_dir)


def stop(proc: subprocess.Popen[bytes], data_dir: Path) -> None:
    """Stop serve (killing it if slow queries hold it past 10 s) and the FalkorDB server it left running."""
    from graph.embedded import EmbeddedServer
    from graph.settings import load_settings

    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    EmbeddedServer(load_settings(data_dir=data_dir)).stop()


if __name__ == "__main__":
    main()
