"""`cablegram ingest` (the real command, real model) writing the store while it is served."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cablegram.serve import SnapshotSource, create_app

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def _ingest(db: Path, *inputs: Path, batch_size: int = 1) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "cablegram", "ingest", *map(str, inputs), "--db", str(db),
           "--batch-size", str(batch_size)]  # fmt: skip
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_serving_while_ingest_writes(tmp_path):
    db = tmp_path / "live.duckdb"
    first = _ingest(db, SAMPLES / "01_baku_protest.txt")
    assert first.wait(timeout=300) == 0, first.stderr.read() if first.stderr else ""
    source = SnapshotSource(db, refresh_s=0.0)
    try:
        with TestClient(create_app(source)) as client:
            before = client.get("/api/summary").json()
            assert before["documents"] == 1
            proc = _ingest(db, SAMPLES)  # the server is running: ingest must still open the file
            seen = []
            while proc.poll() is None:
                for url in ("/api/summary", "/api/events?limit=5", "/", "/events"):
                    r = client.get(url)
                    assert r.status_code == 200, (url, r.text)
                seen.append(client.get("/api/summary").json()["events"])
                time.sleep(0.05)
            assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
            for _ in range(500):  # the background refresh catches up
                after = client.get("/api/summary").json()
                if after["documents"] == 8:
                    break
                time.sleep(0.02)
    finally:
        source.close()
    assert after["documents"] == 8 and after["events"] > before["events"]
    # while ingest held the file the server answered from the state before it, then all of it
    assert set(seen) <= {before["events"], after["events"]} and seen[0] == before["events"]
