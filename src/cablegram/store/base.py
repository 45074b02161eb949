"""The store: a DuckDB database of documents, events and their evidence.

    Store            the API: write batches, run read queries (all SQL lives in this package
    │                and in `cablegram.analysis`, which queries through `Store.rows`)
    ├── DuckDBStore  a file on disk (`open_store(path)`), the embedded default
    └── MemoryStore  the in-memory twin used by unit tests: same schema, same code paths

One writer at a time (DuckDB locks the file). Each `write` is one transaction: either the whole
batch is stored or none of it, so a run killed half-way leaves the store as before that batch,
and re-running skips what is already there. A document is its `doc_id`: the same id with the
same content is skipped as already stored; the same content under another id is stored again,
with its own events; the same id with other content is refused (`WriteReport.conflicting_ids`).

`open_store` opens only what is a cablegram store or can become one: a file that is not a DuckDB
database (a JSONL, CSV, Parquet or SQLite file given to --db by mistake) and a DuckDB database
of another program are refused (E407) rather than altered. DuckDB never loads or downloads
extensions on its own here: nothing reaches the network.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import CodedDocument, Document
from .arrow import batch_tables
from .schema import check_version, current_version, migrate

__all__ = ["DuckDBStore", "MemoryStore", "Store", "WriteReport", "open_store"]

_EMPTY_SENTENCES = pa.table(
    {
        "doc_id": pa.array([], pa.string()),
        "sentence_index": pa.array([], pa.int32()),
        "text": pa.array([], pa.string()),
    }
)
TABLE_ORDER = ("documents", "sentences", "mentions", "events", "event_actors", "quotes", "advisories")
# No extension is loaded or installed behind our back (a SQLite --db made DuckDB try to download
# sqlite_scanner): the store is plain DuckDB, offline.
CONNECT_CONFIG: dict[str, Any] = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
# A DuckDB database file carries this magic at byte offset 8.
_DUCKDB_MAGIC = b"DUCK"


@dataclass(frozen=True, slots=True, kw_only=True)
class WriteReport:
    """What one `Store.write` call stored, and which documents it skipped as duplicates."""

    added_docs: int = 0
    skipped_duplicates: int = 0
    events: int = 0
    quotes: int = 0
    advisories: int = 0
    mentions: int = 0
    duplicate_ids: tuple[str, ...] = ()
    conflicting_ids: tuple[str, ...] = ()

    def __add__(self, other: WriteReport) -> WriteReport:
        return WriteReport(
            added_docs=self.added_docs + other.added_docs,
            skipped_duplicates=self.skipped_duplicates + other.skipped_duplicates,
            events=self.events + other.events,
            quotes=self.quotes + other.quotes,
            advisories=self.advisories + other.advisories,
            mentions=self.mentions + other.mentions,
            duplicate_ids=self.duplicate_ids + other.duplicate_ids,
            conflicting_ids=self.conflicting_ids + other.conflicting_ids,
        )


class Store:
    """A cablegram store over an open DuckDB connection (use `open_store` or `MemoryStore`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, *, path: str, read_only: bool = False) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    # -- lifecycle ----------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection (the store is unusable afterwards)."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ------------------------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query and return its rows as dicts (internal to store/analysis)."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row of a query (None when there is no row)."""
        rows = self.con.execute(sql, list(params)).fetchall()
        return rows[0][0] if rows else None

    def arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        """Run a read query and return an Arrow table (for exports and bulk reads)."""
        return self.con.sql(sql, params=list(params)).to_arrow_table()

    # -- writing ------------------------------------------------------------------------
    def write(self, coded: Sequence[CodedDocument]) -> WriteReport:
        """Store a batch of coded documents atomically, skipping documents already stored."""
        self._require_writable()
        if not coded:
            return WriteReport()
        fresh, hashes, dupes, conflicts = self._split_duplicates(coded)
        if not fresh:
            return WriteReport(skipped_duplicates=len(dupes), duplicate_ids=tuple(dupes),
                               conflicting_ids=tuple(conflicts))
        first_eid = int(self.scalar("SELECT coalesce(max(eid), 0) + 1 FROM events"))
        tables = batch_tables(fresh, first_eid=first_eid, batch_id=uuid.uuid4().hex[:12], hashes=hashes)
        self.load_tables(tables)
        return WriteReport(
            added_docs=len(fresh),
            skipped_duplicates=len(dupes),
            events=tables["events"].num_rows,
            quotes=tables["quotes"].num_rows,
            advisories=tables["advisories"].num_rows,
            mentions=tables["mentions"].num_rows,
            duplicate_ids=tuple(dupes),
            conflicting_ids=tuple(conflicts),
        )

    def load_tables(self, tables: dict[str, pa.Table]) -> None:
        """Insert prepared Arrow tables in one transaction; on any error nothing is kept."""
        self._require_writable()
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name in TABLE_ORDER:
                if name in tables and tables[name].num_rows:
                    self._insert_table(name, tables[name])
            if "events" in tables and tables["events"].num_rows:
                self._insert_event_sentences(tables["events"], tables.get("sentences"))
            self.con.execute("COMMIT")
        except Exception as exc:
            # Any failure (disk, constraint, a bug in a builder) must leave the store untouched.
            self._rollback()
            detail = str(exc).splitlines()[0] if str(exc) else repr(exc)
            raise StoreError("E405", path=self.path, detail=detail) from exc

    def _rollback(self) -> None:
        # A failed COMMIT (disk full) has already aborted the transaction: ROLLBACK would raise
        # "no transaction is active" and hide the real error.
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass

    def _insert_table(self, name: str, table: pa.Table) -> None:
        view = f"_incoming_{name}"
        self.con.register(view, table)
        try:
            self.con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM {view}")
        finally:
            self.con.unregister(view)

    def _insert_event_sentences(self, events: pa.Table, others: pa.Table | None) -> None:
        """Event sentences not already given with the batch's quotes/advisories, once each."""
        self.con.register("_incoming_event_text", events.select(["doc_id", "sentence_index", "sentence"]))
        self.con.register("_incoming_other_text", others if others is not None else _EMPTY_SENTENCES)
        try:
            self.con.execute(
                "INSERT INTO sentences SELECT e.doc_id, e.sentence_index, any_value(e.sentence) "
                "FROM _incoming_event_text e ANTI JOIN _incoming_other_text o "
                "ON o.doc_id = e.doc_id AND o.sentence_index = e.sentence_index GROUP BY ALL"
            )
        finally:
            self.con.unregister("_incoming_event_text")
            self.con.unregister("_incoming_other_text")

    def stored(self, documents: Sequence[Document]) -> set[str]:
        """Ids of the given documents already in the store under the same id.

        (Same content under another id is a document of its own and is not reported here.)
        """
        keys = [(d.doc_id, d.content_hash) for d in documents]
        return set(self._stored_ids(keys))

    def conflicts(self, documents: Sequence[Document]) -> set[str]:
        """Ids of the given documents stored with other content (an id naming two texts)."""
        keys = [(d.doc_id, d.content_hash) for d in documents]
        stored = self._stored_ids(keys)
        return {doc_id for doc_id, digest in keys if doc_id in stored and stored[doc_id] != digest}

    def _stored_ids(self, keys: Sequence[tuple[str, str]]) -> dict[str, str]:
        """Stored content hash of each given id that is in the store."""
        table = pa.table({"doc_id": [k[0] for k in keys]})
        self.con.register("_incoming_keys", table)
        try:
            # An inner join lets DuckDB hash the small incoming batch and stream the documents
            # past it (`IN (SELECT ...)` hashed every stored document per batch).
            rows = self.con.execute(
                "SELECT d.doc_id, any_value(d.content_hash) FROM (SELECT DISTINCT doc_id FROM _incoming_keys) k "
                "JOIN documents d ON d.doc_id = k.doc_id GROUP BY d.doc_id"
            ).fetchall()
        finally:
            self.con.unregister("_incoming_keys")
        return {doc_id: digest for doc_id, digest in rows}

    def _split_duplicates(
        self, coded: Sequence[CodedDocument]
    ) -> tuple[list[CodedDocument], list[str], list[str], list[str]]:
        """Documents not yet stored (nor repeated earlier in the batch), their content hashes,
        the ids skipped as already stored, and the ids refused as naming other content."""
        keys = [(c.document.doc_id, c.document.content_hash) for c in coded]
        known = self._stored_ids(keys)
        fresh: list[CodedDocument] = []
        hashes: list[str] = []
        dupes: list[str] = []
        conflicts: list[str] = []
        for c, (doc_id, digest) in zip(coded, keys, strict=True):
            if doc_id in known:
                (dupes if known[doc_id] == digest else conflicts).append(doc_id)
                continue
            known[doc_id] = digest
            fresh.append(c)
            hashes.append(digest)
        return fresh, hashes, dupes, conflicts

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError("E401", path=self.path, detail="opened read-only; open it without read_only")


class DuckDBStore(Store):
    """A store in a DuckDB file; created and migrated on first open."""


class MemoryStore(Store):
    """The in-memory twin: a fresh, migrated DuckDB ':memory:' database per instance."""

    def __init__(self) -> None:
        con = duckdb.connect(":memory:", config=CONNECT_CONFIG)
        migrate(con, path=":memory:")
        super().__init__(con, path=":memory:")


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """Open (and create or migrate, unless read-only) the store at `path`.

    Refuses (E407) a file that is not a DuckDB database and a DuckDB database that holds other
    tables but no cablegram schema, instead of adding tables to it or reading it as a view.
    """
    target = Path(path).expanduser()
    if read_only and not target.exists():
        raise StoreError("E403", path=str(path))
    _check_is_duckdb(target, shown=str(path))
    try:
        con = duckdb.connect(str(target), read_only=read_only, config=CONNECT_CONFIG)
    except duckdb.Error as exc:
        raise StoreError("E401", path=str(path), detail=str(exc).splitlines()[0]) from exc
    try:
        _check_not_foreign(con, shown=str(path))
        if read_only:
            if check_version(con, path=str(path)) == 0:
                raise StoreError("E403", path=str(path))
        else:
            migrate(con, path=str(path))
            # Bulk batches are committed to the WAL; checkpointing (rewriting the file) after every
            # 16 MB batch doubled the insert time, so let the WAL grow and checkpoint less often.
            con.execute("SET checkpoint_threshold = '256MB'")
    except StoreError:
        con.close()
        raise
    except duckdb.Error as exc:
        con.close()
        raise StoreError("E401", path=str(path), detail=str(exc).splitlines()[0]) from exc
    return DuckDBStore(con, path=str(path), read_only=read_only)


def _check_is_duckdb(target: Path, *, shown: str) -> None:
    """E407 unless `target` is missing, empty or a DuckDB file (DuckDB would open a JSONL, CSV or
    Parquet file as a view in an in-memory database: everything written would be lost)."""
    if not target.exists():
        return
    if target.is_dir():
        raise StoreError("E407", path=shown, detail="it is a folder")
    try:
        with target.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise StoreError("E401", path=shown, detail=exc.strerror or str(exc)) from None
    if head and head[8:12] != _DUCKDB_MAGIC:
        kind = "a SQLite database" if head.startswith(b"SQLite format") else "a data or text file"
        raise StoreError("E407", path=shown, detail=f"it is {kind}, not a DuckDB database")


def _check_not_foreign(con: duckdb.DuckDBPyConnection, *, shown: str) -> None:
    """E407 for a DuckDB database with tables of its own and no cablegram schema."""
    if current_version(con) > 0:
        return
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    if tables:
        listed = ", ".join(sorted(tables)[:5])
        raise StoreError("E407", path=shown, detail=f"a DuckDB database of another program (tables: {listed})")
