"""The store: migrations, atomic batch writes, dedup, round trips (hand-made records only)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date as Date
from pathlib import Path

import pytest

from cablegram.errors import StoreError
from cablegram.store import EventFilter, MemoryStore, open_store, search_events
from cablegram.store.schema import latest_version

from .storekit import coded, event

ROOT = Path(__file__).resolve().parents[2]


def _counts(store) -> dict[str, int]:
    tables = ("documents", "events", "event_actors", "quotes", "advisories", "mentions", "sentences")
    return {t: store.scalar(f"SELECT count(*) FROM {t}") for t in tables}


def test_write_stores_every_table_and_round_trips_events():
    store = MemoryStore()
    e1, e2 = event("d1", 0, place="Baku"), event("d1", 1, kind="SANCTION", cameo="163", dst=("RUS", "GOV"))
    report = store.write([coded("d1", e1, e2)])
    assert (report.added_docs, report.events, report.quotes, report.advisories) == (1, 2, 1, 1)
    counts = _counts(store)
    assert counts["event_actors"] == 4 and counts["mentions"] == 4 and counts["sentences"] == 2
    back = search_events(store, EventFilter(), newest_first=False)
    assert sorted(back, key=lambda e: e.sentence_index) == [e1, e2]


def test_rewriting_the_same_documents_adds_nothing():
    store = MemoryStore()
    batch = [coded("d1", event("d1")), coded("d2", event("d2"))]
    store.write(batch)
    again = store.write(batch)
    assert again.added_docs == 0 and again.skipped_duplicates == 2
    assert set(again.duplicate_ids) == {"d1", "d2"}
    assert _counts(store)["events"] == 2


def test_same_text_under_another_id_is_a_document_of_its_own():
    # Issue 10, item 7: a syndicated story under a second id keeps its own events.
    store = MemoryStore()
    store.write([coded("d1", event("d1"), text="Same words here.")])
    report = store.write([coded("other", event("other"), text="same   WORDS here.")])
    assert (report.added_docs, report.skipped_duplicates) == (1, 0)
    assert _counts(store)["documents"] == 2 and _counts(store)["events"] == 2


def test_duplicates_inside_one_batch_are_stored_once():
    store = MemoryStore()
    report = store.write([coded("d1", event("d1")), coded("d1", event("d1"))])
    assert (report.added_docs, report.skipped_duplicates) == (1, 1)


def test_failure_mid_batch_rolls_back_everything(monkeypatch):
    store = MemoryStore()
    store.write([coded("d0", event("d0"))])
    before = _counts(store)
    original = store._insert_table

    def failing(name, table):
        if name == "quotes":  # events and actors are already inserted at this point
            raise RuntimeError("disk full")
        original(name, table)

    monkeypatch.setattr(store, "_insert_table", failing)
    with pytest.raises(StoreError) as info:
        store.write([coded("d1", event("d1")), coded("d2", event("d2"))])
    assert info.value.code == "E405"
    assert _counts(store) == before
    monkeypatch.setattr(store, "_insert_table", original)
    assert store.write([coded("d1", event("d1")), coded("d2", event("d2"))]).added_docs == 2


KILLER = textwrap.dedent(
    """
    import os, sys
    sys.path[:0] = [{src!r}, {tests!r}]
    from storekit import coded, event
    from cablegram.store import open_store
    store = open_store(sys.argv[1])
    store.write([coded("a", event("a"))])
    original = store._insert_table
    def die(name, table):
        original(name, table)
        if name == "event_actors":
            os._exit(9)  # killed mid-transaction: no rollback, no close
    store._insert_table = die
    store.write([coded("b", event("b")), coded("c", event("c"))])
    """
)


def test_process_killed_mid_batch_leaves_previous_state(tmp_path):
    db = tmp_path / "k.duckdb"
    script = KILLER.format(src=str(ROOT / "src"), tests=str(ROOT / "tests" / "unit"))
    proc = subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True, timeout=120)
    assert proc.returncode == 9, proc.stderr.decode()
    with open_store(db) as store:
        counts = _counts(store)
        assert counts["documents"] == 1 and counts["events"] == 1 and counts["event_actors"] == 2
        report = store.write([coded("a", event("a")), coded("b", event("b")), coded("c", event("c"))])
        assert (report.added_docs, report.skipped_duplicates) == (2, 1)
        assert _counts(store)["events"] == 3


def test_event_ids_stay_unique_across_batches():
    store = MemoryStore()
    store.write([coded("d1", event("d1"), event("d1", 1))])
    store.write([coded("d2", event("d2"))])
    assert store.scalar("SELECT count(DISTINCT eid) FROM events") == 3


def test_read_only_and_missing_store(tmp_path):
    with pytest.raises(StoreError) as info:
        open_store(tmp_path / "absent.duckdb", read_only=True)
    assert info.value.code == "E403"
    path = tmp_path / "s.duckdb"
    open_store(path).close()
    with open_store(path, read_only=True) as store, pytest.raises(StoreError):
        store.write([coded("d1", event("d1"))])


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    with open_store(path) as store:
        store.con.execute("INSERT INTO schema_version (version, name) VALUES (?, 'future')", [999])
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert info.value.code == "E402" and str(latest_version()) in info.value.message


def test_reopening_keeps_data_and_version(tmp_path):
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.write([coded("d1", event("d1", day=Date(2023, 1, 1)))])
    with open_store(path) as store:
        assert _counts(store)["events"] == 1
        assert store.scalar("SELECT count(*) FROM schema_version") == latest_version()


def test_arrow_read_returns_a_table():
    store = MemoryStore()
    store.write([coded("d1", event("d1"), event("d1", 1))])
    table = store.arrow("SELECT event, count(*) AS n FROM events GROUP BY event")
    assert table.to_pylist() == [{"event": "ASSAULT", "n": 2}]
