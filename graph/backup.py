"""Back up and restore the embedded store's files: `coopgraph db backup PATH` / `coopgraph db restore PATH`.

A backup is one `.tar.gz` of the data directory's `falkordb/` (AOF directory + RDB) and the analyst
judgements. While the server runs, BGREWRITEAOF first folds the whole graph into the AOF's RDB base (so
the copy never depends on replaying a long query log), automatic rewrites are paused while the files are
copied, and a tail still being appended is cut at a command boundary when the server loads it
(`aof-load-truncated`). Restoring holds the data directory's start lock: the server is stopped, the
files are replaced (the old ones kept beside them), and the server is started again if it was running.
"""

from __future__ import annotations

import contextlib
import shutil
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import redis

from graph.embedded import EmbeddedServer, ping_socket
from graph.errors import StoreUnavailable, UsageError
from graph.settings import Settings

DB = "falkordb"
JUDGEMENTS = "judgements.jsonl"
REWRITE_TIMEOUT_S = 600.0


def backup_store(*, settings: Settings, path: Path) -> dict[str, object]:
    """Write the embedded store's files (and the judgements) to `path`, a .tar.gz; say what was saved."""
    server = EmbeddedServer(settings)
    if not server.paths.db_dir.is_dir():
        raise UsageError(f"no embedded store in {settings.data_dir}")
    running = ping_socket(server.paths.socket)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    steady = _steady_files(server) if running else server._start_lock()
    with steady, tarfile.open(partial, "w:gz") as archive:
        archive.add(server.paths.db_dir, arcname=DB, filter=_skip_temporary)
        if settings.judgements_path.is_file():
            archive.add(settings.judgements_path, arcname=JUDGEMENTS)
    partial.replace(path)
    return {"path": str(path), "bytes": path.stat().st_size, "while_running": running}


def restore_store(*, settings: Settings, path: Path) -> dict[str, object]:
    """Replace the embedded store's files by a backup's, stopping and restarting a running server."""
    members = _checked_members(path)
    server = EmbeddedServer(settings)
    server.paths.db_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    server.paths.run_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    with server._start_lock():
        was_running = server._stop_locked()
        kept = _move_aside(settings.data_dir)
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(settings.data_dir, members=members, filter="data")
        server.paths.db_dir.chmod(0o700)
        if was_running:
            server._ensure_running_locked()
    return {"path": str(path), "restarted": was_running, "previous_files": str(kept) if kept else None}


@contextlib.contextmanager
def _steady_files(server: EmbeddedServer) -> Iterator[None]:
    """Fold the AOF into its base, and keep the server from rewriting it again until the copy is done."""
    client = redis.Redis(unix_socket_path=str(server.paths.socket), socket_timeout=30, decode_responses=True)
    try:
        percentage = str(client.config_get("auto-aof-rewrite-percentage")["auto-aof-rewrite-percentage"])
        _wait_no_rewrite(client)
        client.bgrewriteaof()
        time.sleep(0.05)
        _wait_no_rewrite(client)
        client.config_set("auto-aof-rewrite-percentage", 0)
        try:
            yield
        finally:
            client.config_set("auto-aof-rewrite-percentage", percentage)
    except redis.exceptions.RedisError as exc:
        raise StoreUnavailable(f"cannot back up the running store: {exc}") from None
    finally:
        client.close()


def _wait_no_rewrite(client: redis.Redis) -> None:
    """Wait until no AOF rewrite runs or is scheduled."""
    deadline = time.monotonic() + REWRITE_TIMEOUT_S
    while time.monotonic() < deadline:
        info = client.info("persistence")
        if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
            if info.get("aof_last_bgrewrite_status", "ok") != "ok":
                raise StoreUnavailable("the server's AOF rewrite failed; see its log")
            return
        time.sleep(0.05)
    raise StoreUnavailable(f"the AOF rewrite did not finish in {REWRITE_TIMEOUT_S:.0f} s")


def _skip_temporary(member: tarfile.TarInfo) -> tarfile.TarInfo | None:
    """Leave out the server's temporary files (a rewrite or save in progress)."""
    name = Path(member.name).name
    return None if name.startswith(("temp-", ".write-test")) else member


def _checked_members(path: Path) -> list[tarfile.TarInfo]:
    """The archive's members, if it is a coopgraph backup (only falkordb/ and the judgements, no links)."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            members = archive.getmembers()
    except (OSError, tarfile.TarError) as exc:
        raise UsageError(f"{path} is not a coopgraph backup ({exc})") from None
    allowed = [m for m in members if m.name in (JUDGEMENTS, DB) or m.name.startswith(f"{DB}/")]
    if len(allowed) != len(members) or not any(m.name.startswith(f"{DB}/appendonlydir/") for m in members):
        raise UsageError(f"{path} is not a coopgraph backup (expected falkordb/appendonlydir/ and nothing else)")
    if any(not (m.isfile() or m.isdir()) for m in members):
        raise UsageError(f"{path} holds links or special files; refusing to restore it")
    return members


def _move_aside(data_dir: Path) -> Path | None:
    """Move the current store files (and judgements) to `restore-backup-<time>/`; return it (None if empty)."""
    current = [p for p in (data_dir / DB, data_dir / JUDGEMENTS) if p.exists()]
    if not current:
        return None
    kept = data_dir / f"before-restore-{time.strftime('%Y%m%d-%H%M%S')}"
    kept.mkdir(mode=0o700)
    for item in current:
        shutil.move(str(item), kept / item.name)
    return kept
