"""Serving a store file while another process writes it: the server answers from the last state
no writer was touching (whole batches only, never an error), and the writer is never blocked."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cablegram.errors import ServeError, StoreError
from cablegram.serve import ServeOptions, SnapshotSource, create_app
from cablegram.serve.source import file_locked
from cablegram.store import open_store

from .serve_kit import FakePipeline
from .storekit import coded, event

ROOT = Path(__file__).resolve().parents[2]
BATCH = 5

# A writer in its own process, as `cablegram ingest` would be: batches of BATCH documents.
# mode 'reopen': open, write one batch, close, say so and wait for 'go' on stdin (repeated
# ingests, API writes); the test checks the server caught up before letting it go on.
# mode 'hold': open once and keep the file locked across all batches (one long ingest).
WRITER = """
import sys, time
from cablegram.store import open_store
from tests.unit.storekit import coded, event
path, mode, batches, pause = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
def batch(i):
    return [coded(f"w{i}-{j}", event(f"w{i}-{j}", 0)) for j in range(BATCH)]
if mode == "hold":
    store = open_store(path)
    print("locked", flush=True)
    for i in range(batches):
        store.write(batch(i)); time.sleep(pause)
    store.close()
else:
    for i in range(batches):
        with open_store(path) as store:
            store.write(batch(i))
        print(f"wrote {i}", flush=True)
        sys.stdin.readline()
print("done", flush=True)
""".replace("BATCH", str(BATCH))


def _writer(path: Path, mode: str, batches: int, pause: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), mode, str(batches), str(pause)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "served.duckdb"
    with open_store(path) as store:
        store.write([coded("base", event("base", 0))])
    return path


def _eventually(client: TestClient, documents: int) -> int:
    """The document count once the background refresh has caught up (or the last one seen)."""
    for _ in range(500):
        r = client.get("/api/summary")
        assert r.status_code == 200, r.text
        if r.json()["documents"] == documents:
            break
        time.sleep(0.02)
    return int(r.json()["documents"])


def _poll(client: TestClient, proc: subprocess.Popen[str]) -> list[int]:
    """Ask for the document count until the writer ends; every answer must be a 200."""
    seen = []
    while True:
        finished = proc.poll() is not None
        r = client.get("/api/summary")
        assert r.status_code == 200, r.text
        seen.append(r.json()["documents"])
        events = client.get("/api/events?limit=3")
        assert events.status_code == 200, events.text
        if finished:
            return seen
        time.sleep(0.02)


def test_repeated_writers_are_seen_batch_by_batch(db):
    source = SnapshotSource(db, refresh_s=0.0)
    seen: list[int] = []
    try:
        with TestClient(create_app(source, ServeOptions(pipeline=FakePipeline()))) as client:
            proc = _writer(db, "reopen", batches=6, pause=0.0)
            assert proc.stdin is not None and proc.stdout is not None
            for i in range(6):
                assert proc.stdout.readline().strip() == f"wrote {i}"
                for _ in range(500):  # the server catches up on its own, with no error meanwhile
                    r = client.get("/api/summary")
                    assert r.status_code == 200, r.text
                    seen.append(r.json()["documents"])
                    if seen[-1] == 1 + (i + 1) * BATCH:
                        break
                    time.sleep(0.02)
                assert seen[-1] == 1 + (i + 1) * BATCH, seen
                proc.stdin.write("go\n")
                proc.stdin.flush()
            assert proc.wait(timeout=60) == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        source.close()
    assert all((n - 1) % BATCH == 0 for n in seen), seen  # whole batches only
    assert seen == sorted(seen) and source.refreshes >= 7


def test_a_long_writer_is_not_blocked_and_the_server_keeps_answering(db):
    source = SnapshotSource(db, refresh_s=0.0)
    try:
        with TestClient(create_app(source)) as client:
            proc = _writer(db, "hold", batches=4, pause=0.2)
            assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
            assert file_locked(db)
            seen = _poll(client, proc)
            assert proc.wait(timeout=60) == 0
            final = _eventually(client, 1 + 4 * BATCH)
    finally:
        source.close()
    assert set(seen[:-1]) <= {1, 1 + 4 * BATCH} and seen[0] == 1  # the old state, then all of it
    assert final == 1 + 4 * BATCH


def test_writes_through_the_api_reach_the_file_and_a_busy_file_is_a_503(db):
    source = SnapshotSource(db, refresh_s=0.0)
    opts = ServeOptions(pipeline=FakePipeline(), writes=True, token="t")
    headers = {"Authorization": "Bearer t"}
    docs = {"documents": [{"text": "Troops attacked.", "id": "api-1"}]}
    try:
        with TestClient(create_app(source, opts)) as client:
            assert client.post("/api/documents", json=docs, headers=headers).json()["added_docs"] == 1
            assert client.get("/api/documents/api-1").status_code == 200
            proc = _writer(db, "hold", batches=1, pause=1.5)
            assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
            busy = client.post("/api/documents", json={"documents": [{"text": "x attacked"}]}, headers=headers)
            assert busy.status_code == 503 and busy.json()["error"]["code"] == "E607"
            proc.wait(timeout=60)
    finally:
        source.close()


def test_a_removed_or_replaced_file_keeps_the_last_state_served(db, tmp_path):
    source = SnapshotSource(db, refresh_s=0.0)
    try:
        with TestClient(create_app(source)) as client:
            db.rename(tmp_path / "moved.duckdb")
            r = client.get("/api/summary")
            assert r.status_code == 200 and r.json()["documents"] == 1
            with open_store(db) as fresh:  # a new store at the same path: served once it appears
                fresh.write([coded(f"n{i}", event(f"n{i}", 0)) for i in range(3)])
            assert _eventually(client, 3) == 3
    finally:
        source.close()


def test_missing_store_and_closed_source(tmp_path, db):
    with pytest.raises(StoreError):
        SnapshotSource(tmp_path / "absent.duckdb")
    source = SnapshotSource(db)
    source.close()
    with pytest.raises(ServeError), source.reader():
        pass
    assert not list(Path(source._dir).parent.glob(source._dir.name))  # temporary copies removed
