"""Where the server reads from: a fixed store (tests, in-memory) or snapshots of a store file.

DuckDB locks its file: while `cablegram ingest` has it open read-write, no other process can
open it, not even read-only; and a reader holding it open would make `ingest` fail to start.
So the server never keeps the store file open. It serves from a **snapshot**: a private copy
of the file (and its WAL), opened read-only.

    SnapshotSource.reader()  every request reads the current snapshot through its own cursor
    │
    └── refresh (at most every `refresh_s` seconds, in a background thread, so no request
        waits for a copy)
          1. stat the file and its WAL; unchanged → keep the snapshot
          2. a process holds a lock on the file (a writer is active) → keep the snapshot
          3. copy file + WAL, then stat and probe the lock again: anything changed meanwhile,
             or a lock appeared → throw the copy away (the copy may be torn) and keep the snapshot
          4. open the copy read-only (DuckDB replays only committed WAL records and checks
             its block checksums), then swap it in; the old one closes when its last reader ends

The server thus always answers from the last state no writer was touching: a whole number of
committed batches, never half of one. While a long ingest holds the file, the server keeps
serving the state from before it and catches up when the ingest ends. The lock probe uses
F_GETLK (Linux layout of `struct flock`), which looks without taking a lock, so the server
never blocks a writer. The server's own writes (POST /api/documents) open the original file
for the length of one batch, under the same mutex as the probe: closing a probe descriptor
would otherwise drop this process's own DuckDB lock (POSIX locks are per process).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import struct
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from ..errors import ServeError, StoreError
from ..store import Store, open_store

__all__ = ["FixedSource", "SnapshotSource", "SnapshotStore", "StoreSource", "file_locked"]

T = TypeVar("T")

_FLOCK = "hhqqi"  # struct flock on Linux: l_type, l_whence, l_start, l_len, l_pid


def file_locked(path: Path) -> bool:
    """True when some process holds a DuckDB (POSIX) lock on `path`; takes no lock itself."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        if not sys.platform.startswith("linux"):
            return _locked_by_duckdb(path)
        probe = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        answer = struct.unpack(_FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, probe))
        return bool(answer[0] != fcntl.F_UNLCK)
    finally:
        os.close(fd)


def _locked_by_duckdb(path: Path) -> bool:
    """Elsewhere: try a read-only open (briefly takes a shared lock; only off Linux)."""
    try:
        duckdb.connect(str(path), read_only=True).close()
    except duckdb.Error:
        return True
    return False


def _signature(path: Path) -> tuple[Any, ...]:
    """What changes whenever a writer commits: size, mtime and inode of the file and its WAL."""
    out: list[Any] = []
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            st = p.stat()
            out.append((st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
        except FileNotFoundError:
            out.append(None)
    return tuple(out)


class SnapshotStore(Store):
    """A read-only `Store` for one request; `version` names the state it reads, so results
    computed from it may be cached under that version (a version never changes)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, *, path: str, version: int) -> None:
        super().__init__(con, path=path, read_only=True)
        self.version = version


class StoreSource:
    """Gives each request a `Store` to read; writes a batch when the server allows writes."""

    path: str = ":memory:"

    @contextmanager
    def reader(self) -> Iterator[SnapshotStore]:  # pragma: no cover - abstract
        raise NotImplementedError
        yield

    def write(self, fn: Callable[[Store], T]) -> T:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        """Release connections and temporary files."""


class FixedSource(StoreSource):
    """An open store read directly (the in-memory twin in tests, or a store you manage)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path = store.path
        self._write_lock = threading.Lock()
        self._version = 0  # bumped by every write through the server

    @contextmanager
    def reader(self) -> Iterator[SnapshotStore]:
        cur = self.store.con.cursor()  # a connection per request: DuckDB connections are not shared
        try:
            yield SnapshotStore(cur, path=self.store.path, version=self._version)
        finally:
            cur.close()

    def write(self, fn: Callable[[Store], T]) -> T:
        with self._write_lock:
            try:
                return fn(self.store)
            finally:
                self._version += 1


@dataclass(slots=True, eq=False)
class _Snapshot:
    path: Path
    con: duckdb.DuckDBPyConnection
    signature: tuple[Any, ...]
    version: int = 0
    users: int = 0
    retired: bool = False
    files: tuple[Path, ...] = field(default_factory=tuple)

    def dispose(self) -> None:
        self.con.close()
        for f in self.files:
            f.unlink(missing_ok=True)


class SnapshotSource(StoreSource):
    """Serve a store file from read-only snapshot copies (see the module docstring)."""

    def __init__(self, path: str | Path, *, refresh_s: float = 1.0, wait_s: float = 30.0) -> None:
        self.file = Path(path).expanduser()
        self.path = str(path)
        if not self.file.exists():
            raise StoreError("E403", path=str(path))
        self.refresh_s = refresh_s
        self._dir = Path(tempfile.mkdtemp(prefix="cablegram-serve-"))
        self._swap = threading.Lock()  # guards _current and reader counts
        self._file = threading.Lock()  # one probe/copy/own-write on the original at a time
        self._checked = 0.0
        self._serial = 0
        self._current: _Snapshot | None = None
        self._refresher: threading.Thread | None = None
        self._closed = False
        self.refreshes = 0
        deadline = time.monotonic() + wait_s
        while not self.refresh(force=True):
            if time.monotonic() > deadline:
                raise ServeError("E607", status=503, path=self.path, detail="a writer held it for too long")
            time.sleep(0.2)

    # -- reading ------------------------------------------------------------------------
    @contextmanager
    def reader(self) -> Iterator[SnapshotStore]:
        if time.monotonic() - self._checked >= self.refresh_s:
            self._refresh_soon()
        with self._swap:
            snap = self._current
            if snap is None:
                raise ServeError("E607", status=503, path=self.path, detail="the server is closed")
            snap.users += 1
        cur = snap.con.cursor()
        try:
            yield SnapshotStore(cur, path=self.path, version=snap.version)
        finally:
            cur.close()
            self._release(snap)

    def _release(self, snap: _Snapshot) -> None:
        with self._swap:
            snap.users -= 1
            done = snap.retired and snap.users == 0
        if done:
            snap.dispose()

    # -- refreshing ---------------------------------------------------------------------
    def _refresh_soon(self) -> None:
        """Start a background refresh unless one is running (requests never wait for a copy)."""
        with self._swap:
            if self._closed or (self._refresher is not None and self._refresher.is_alive()):
                return
            self._checked = time.monotonic()
            self._refresher = threading.Thread(target=self.refresh, name="cablegram-snapshot", daemon=True)
            self._refresher.start()

    def refresh(self, *, force: bool = False) -> bool:
        """Swap in a newer snapshot when the file changed and no writer holds it.

        Returns True when the snapshot served now reflects the file as it is."""
        if not self._file.acquire(blocking=force):
            return False  # another request is refreshing; keep serving the current snapshot
        try:
            self._checked = time.monotonic()
            sig = _signature(self.file)
            if self._current is not None and sig == self._current.signature:
                return True
            if file_locked(self.file):
                return False
            snap = self._copy(sig)
            if snap is None:
                return False
            self._install(snap)
            return True
        finally:
            self._file.release()

    def _copy(self, sig: tuple[Any, ...]) -> _Snapshot | None:
        self._serial += 1
        target = self._dir / f"snapshot-{self._serial}.duckdb"
        wal = self.file.with_name(self.file.name + ".wal")
        files = [target]
        try:
            shutil.copyfile(self.file, target)
            if wal.exists():
                files.append(target.with_name(target.name + ".wal"))
                shutil.copyfile(wal, files[-1])
        except OSError:  # the WAL was checkpointed away meanwhile, the file was removed, a full disk...
            return self._discard(files)
        if file_locked(self.file) or _signature(self.file) != sig:
            return self._discard(files)  # a writer came in meanwhile: the copy may be torn
        try:
            store = open_store(target, read_only=True)
        except (StoreError, duckdb.Error):
            return self._discard(files)
        return _Snapshot(path=target, con=store.con, signature=sig, version=self._serial, files=tuple(files))

    def _discard(self, files: list[Path]) -> _Snapshot | None:
        for f in files:
            f.unlink(missing_ok=True)
        return None

    def _install(self, snap: _Snapshot) -> None:
        old: _Snapshot | None
        with self._swap:
            if self._closed:  # closed while this snapshot was being copied
                old, snap.retired = snap, True
                dispose = True
            else:
                old, self._current = self._current, snap
                self.refreshes += 1
                dispose = old is not None and old.users == 0
                if old is not None:
                    old.retired = True
        if dispose and old is not None:
            old.dispose()

    # -- writing ------------------------------------------------------------------------
    def write(self, fn: Callable[[Store], T]) -> T:
        """Open the original file read-write for one call; E607 when another process holds it."""
        with self._file:
            try:
                store = open_store(self.file)
            except StoreError as exc:
                raise ServeError("E607", status=503, path=self.path, detail=exc.message) from exc
            try:
                result = fn(store)
            finally:
                store.close()
        self.refresh(force=True)  # the writer's next request reads what it wrote
        return result

    def close(self) -> None:
        with self._swap:
            self._closed = True
            refresher = self._refresher
        if refresher is not None:
            refresher.join(timeout=60)
        with self._swap:
            snap, self._current = self._current, None
        if snap is not None:
            snap.dispose()
        shutil.rmtree(self._dir, ignore_errors=True)
