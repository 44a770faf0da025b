"""Query latency raw and through the API, and API throughput under 32 concurrent clients.

    python -m bench queries                        (COOPGRAPH_BENCH_SIZE=M for the issue's size)

1. A generated graph (`bench.generate.graph`) imported into a fresh embedded store.
2. Raw: p50/p99 of each catalogue query through `store.read` (partners_of, entity_profile, the 2-hop ego
   network of a view, search), over random start keys, and of the shortest-path search GET /paths runs
   (`queries.paths`; `python -m bench.paths` times it by distance beside the catalogue's cooperation_path).
3. HTTP: `coopgraph serve` (1 and 2 workers) and a bare FastAPI endpoint running partners_of's Cypher
   (`bench._bare_api`) on the same embedded server, loaded by wrk with 32 connections, side by side in one
   run: requests/s, p50/p99 and errors, then the other API routes under the same load.
   Targets on 2 cores: partners_of via the API ≥ 1,000 req/s, p99 ≤ 60 ms, no errors, ≥ 0.8 × the bare
   endpoint.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import redis

from bench.config import bench_size
from bench.generate import graph
from bench.memory import process_cpu_s, process_rss_mb
from graph.connect import open_store
from graph.embedded import ServerPaths
from graph.falkordb_store import FalkorDBStore
from graph.node_link_import import import_node_link
from graph.settings import load_settings
from graph.store import GraphStore
from queries.catalog import load_catalog
from queries.paths import find_paths

SAMPLES = {"S": 200, "M": 300, "L": 300}
SECONDS = {"S": 4, "M": 10, "L": 10}
CONNECTIONS = 32
ORG_LABELS = ("University", "Organization", "Lab")
LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) of some numbers, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def raw_latencies(store: GraphStore, keys: list[str], words: list[str], samples: int) -> None:
    """p50/p99 in ms of each query through store.read, warm."""
    catalog = load_catalog()
    rng = random.Random(3)
    cases: dict[str, Any] = {
        "partners_of": lambda: {"ref": rng.choice(keys)},
        "entity_profile": lambda: {"ref": rng.choice(keys)},
        "ego network, 2 hops": lambda: {"ref": rng.choice(keys), "hops": 2},
        "search": lambda: {"words": rng.choice(words)},
    }
    names = {"ego network, 2 hops": "viz_ego_nodes"}
    print(f"{'raw store.read':24} {'p50 ms':>8} {'p99 ms':>8} {'rows':>6}")
    for label, make in cases.items():
        query = catalog.get(names.get(label, label))
        cypher = query.cypher_for(store.dialect)
        times, rows = [], 0
        for i in range(samples + 10):
            params = query.bind(make())
            started = time.perf_counter()
            found = store.read(cypher, params)
            if i >= 10:  # the first few warm the plan cache
                times.append((time.perf_counter() - started) * 1000)
                rows += len(found)
        print(f"{label:24} {percentile(times, 50):8.2f} {percentile(times, 99):8.2f} {rows / samples:6.0f}", flush=True)
    path_latencies(store, keys, samples)


def path_latencies(store: GraphStore, keys: list[str], samples: int) -> None:
    """p50/p99 in ms of the shortest-path search GET /paths runs (queries.paths), random pairs, warm."""
    rng = random.Random(4)
    times, rows = [], 0
    for i in range(samples + 10):
        source, target = rng.sample(keys, 2)
        started = time.perf_counter()
        found = find_paths(store, source=source, target=target)
        if i >= 10:
            times.append((time.perf_counter() - started) * 1000)
            rows += len(found)
    label = "shortest path (search)"
    print(f"{label:24} {percentile(times, 50):8.2f} {percentile(times, 99):8.2f} {rows / samples:6.0f}", flush=True)


class Server:
    """An HTTP server in a child process on the bench's data directory."""

    WARM_LOOKUPS = 12
    """Did-you-mean lookups sent before measuring: each waits until its worker has read every name (what a
    server does once, at start-up: at M ~190k names, seconds of store and Python time), and a dozen reach
    both workers."""

    def __init__(self, argv: list[str], port: int, env: dict[str, str]) -> None:
        self.port = port
        self.proc = subprocess.Popen(
            argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=2).read()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit(f"server on port {port} did not start: {argv}")

    def warm(self) -> None:
        """Let the server finish its start-up reads (the API's name cache), so that they are not measured."""
        for n in range(self.WARM_LOOKUPS):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/entities/warm-up{n}-unknown", timeout=300).read()
            except urllib.error.HTTPError as answer:  # 404 with suggestions: the names were read
                answer.read()

    def rss_mb(self) -> float:
        """Peak RSS of the server and its workers, summed."""
        pids = [self.proc.pid, *_children(self.proc.pid)]
        return sum(process_rss_mb(pid) for pid in pids)

    def stop(self) -> None:
        """Stop the server (and its workers) and wait."""
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _children(pid: int) -> list[int]:
    """Child pids of a process (uvicorn's workers)."""
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def wrk(port: int, paths: list[str], seconds: int, script_dir: Path) -> dict[str, float]:
    """Run wrk with CONNECTIONS connections over `paths`; requests/s, p50/p99 ms and errors."""
    script = script_dir / f"paths-{abs(hash(tuple(paths)))}.lua"
    script.write_text(LUA % ",".join(f'"{p}"' for p in paths))
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", str(script), f"http://127.0.0.1:{port}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": _latency(out, "50%"),
        "p99": _latency(out, "99%"),
        "errors": errors + (int(non2xx.group(1)) if non2xx else 0),
        "requests": float(re.search(r"(\d+) requests in", out).group(1)),  # type: ignore[union-attr]
    }


def _latency(out: str, which: str) -> float:
    """One latency percentile from wrk's output, in ms."""
    value, unit = re.search(rf"{which}\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def show(label: str, figures: dict[str, float]) -> None:
    """One line of HTTP figures (CPU per request where measured: they hold on a busy machine)."""
    cpu = "".join(f" {figures[k]:8.2f}" if k in figures else f" {'':8}" for k in ("engine_ms", "python_ms"))
    print(
        f"{label:34} {figures['rps']:9,.0f} {figures['p50']:8.1f} {figures['p99']:8.1f} {figures['errors']:7.0f}"
        f"{cpu} {os.getloadavg()[0]:6.1f}",
        flush=True,
    )


def free_port() -> int:
    """A TCP port nobody listens on now (fixed ports collided when two benchmarks ran at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def measured(server: Server, engine_pid: int | None, paths: list[str], seconds: int, tmp: Path) -> dict[str, float]:
    """wrk figures plus the CPU the store server and the HTTP server (workers included) spent per request."""
    pids = [server.proc.pid, *_children(server.proc.pid)]
    engine = process_cpu_s(engine_pid) if engine_pid else float("nan")
    python = sum(process_cpu_s(pid) for pid in pids)
    figures = wrk(server.port, paths, seconds, tmp)
    requests = max(figures["requests"], 1.0)
    figures["engine_ms"] = ((process_cpu_s(engine_pid) if engine_pid else float("nan")) - engine) / requests * 1000
    figures["python_ms"] = (sum(process_cpu_s(pid) for pid in pids) - python) / requests * 1000
    return figures


def store_server_pid(data_dir: Path) -> int | None:
    """The pid of the embedded server on this data directory (its INFO), or None."""
    try:
        client = redis.Redis(unix_socket_path=str(ServerPaths(data_dir).socket))
        return int(client.info("server")["process_id"])
    except (redis.exceptions.RedisError, OSError, KeyError, ValueError):
        return None


def http_figures(data_dir: Path, keys: list[str], names: list[str], words: list[str], seconds: int) -> None:
    """The API against the bare endpoint, side by side, then the other routes."""
    if shutil.which("wrk") is None:
        print("wrk not found (apt-get install wrk): HTTP figures skipped")
        return
    env = {**os.environ, "COOPGRAPH_DATA_DIR": str(data_dir)}
    py = sys.executable
    rng = random.Random(5)
    engine_pid = store_server_pid(data_dir)
    partners = [f"/entities/{k}/partners" for k in keys]
    print(
        f"{'HTTP, 32 connections (wrk)':34} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
        f" {'engine':>8} {'python':>8} {'load':>6}   (engine, python: server CPU ms per request)"
    )
    with tempfile.TemporaryDirectory(prefix="cgq-") as scripts:
        tmp = Path(scripts)
        for workers in (1, 2):
            bare_port, api_port = free_port(), free_port()
            bare = Server(
                [py, "-m", "uvicorn", "bench._bare_api:app", "--port", str(bare_port), "--workers", str(workers)],
                bare_port,
                env,
            )
            api = Server(
                [py, "-m", "api.cli", "serve", "--port", str(api_port), "--workers", str(workers)], api_port, env
            )
            try:
                api.warm()
                wrk(bare.port, [f"/partners/{k}" for k in keys], 3, tmp)  # both: plan caches, connection pools
                wrk(api.port, partners, 3, tmp)
                for _ in range(2):
                    b = measured(bare, engine_pid, [f"/partners/{k}" for k in keys], seconds, tmp)
                    a = measured(api, engine_pid, partners, seconds, tmp)
                    show(f"bare endpoint, {workers} worker(s)", b)
                    show(f"API partners_of, {workers} worker(s)", a)
                    print(
                        f"{'':34} API / bare = {a['rps'] / b['rps']:.2f}; Python CPU per request API / bare = "
                        f"{a['python_ms'] / b['python_ms']:.2f}",
                        flush=True,
                    )
                if workers == 2:
                    routes = {  # slowest last: requests still queued in the store would slow the next route
                        "API entity profile": [f"/entities/{k}" for k in keys],
                        "API full-text search": [f"/entities?q={w.replace(' ', '+')}" for w in words],
                        "API partners_of by name": [f"/entities/{urllib.parse.quote(n)}/partners" for n in names],
                        "API ego network, 2 hops": [f"/viz/data/entities/{k}?hops=2" for k in keys],
                        "API shortest path": [f"/paths?from={k}&to={rng.choice(keys)}" for k in keys],
                    }
                    for label, paths in routes.items():
                        show(f"{label}, 2 workers", wrk(api_port, paths, seconds, tmp))
                print(f"peak RSS, serve with {workers} worker(s): {api.rss_mb():,.0f} MB")
            finally:
                bare.stop()
                api.stop()


def main() -> None:
    """Import the graph, then time raw queries and HTTP."""
    size = bench_size()
    data = graph(size)
    rng = random.Random(1)
    orgs = [n for n in data["nodes"] if n["label"] in ORG_LABELS]
    chosen = rng.sample(orgs, 200)
    keys, names = [n["id"] for n in chosen], [n["name"] for n in chosen]
    words = [" ".join(n["name"].lower().split()[:2]) for n in rng.sample(orgs, 200)]
    with tempfile.TemporaryDirectory(prefix="cgq-") as tmp:
        data_dir = Path(tmp)
        store = open_store(load_settings(data_dir=data_dir))
        try:
            started = time.perf_counter()
            counts = import_node_link(store, data, batch_size=5_000)
            del data
            print(
                f"size {size}: {counts['nodes']:,} nodes, {counts['links']:,} links imported in "
                f"{time.perf_counter() - started:.1f} s"
            )
            raw_latencies(store, keys, words, SAMPLES[size])
            http_figures(data_dir, keys, names, words, SECONDS[size])
            if isinstance(store, FalkorDBStore) and store.server is not None:
                pid = store.server.pid()
                print(f"peak RSS, redis-server: {process_rss_mb(pid) if pid else float('nan'):,.0f} MB")
        finally:
            store.close()


if __name__ == "__main__":
    main()
