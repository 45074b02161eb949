"""Numbered migrations: `migrations/NNN_name.sql`, applied in order, each in a transaction.

The `schema_version` table holds one row per applied migration. A store written by a newer
cablegram (a version above the newest file here) is refused with E402 rather than guessed at.
"""

from __future__ import annotations

import re
from importlib import resources

import duckdb

from ..errors import StoreError

__all__ = ["MIGRATIONS", "current_version", "latest_version", "migrate"]

_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def _load() -> tuple[tuple[int, str, str], ...]:
    """(version, file name, SQL) for each packaged migration, in order."""
    folder = resources.files("cablegram.store") / "migrations"
    found = []
    for item in folder.iterdir():
        match = _NAME.match(item.name)
        if match:
            found.append((int(match.group(1)), item.name, item.read_text(encoding="utf-8")))
    return tuple(sorted(found))


MIGRATIONS = _load()


def latest_version() -> int:
    """The schema version this cablegram writes."""
    return MIGRATIONS[-1][0] if MIGRATIONS else 0


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The store's schema version (0 for an empty database)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()
    if not exists[0][0]:
        return 0
    rows = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()
    return int(rows[0][0])


def check_version(con: duckdb.DuckDBPyConnection, *, path: str) -> int:
    """The store's version; raises E402 when it is newer than this cablegram."""
    found = current_version(con)
    if found > latest_version():
        raise StoreError("E402", path=path, found=found, expected=latest_version())
    return found


def migrate(con: duckdb.DuckDBPyConnection, *, path: str) -> int:
    """Apply every migration the store lacks; returns the resulting version."""
    found = check_version(con, path=path)
    for version, name, sql in MIGRATIONS:
        if version <= found:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
            )
            con.execute(sql)
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError("E401", path=path, detail=f"migration {name} failed: {exc}") from exc
    return max(found, latest_version())
