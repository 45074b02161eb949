"""docs/exports.md cannot drift from the code; bench/store.py runs at a tiny size."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

from cablegram.store import EventFilter, MemoryStore
from cablegram.store.export import GDELT_COLUMNS, PHOENIX_COLUMNS, export_events

from .storekit import coded, event

ROOT = Path(__file__).resolve().parents[2]


def _doc_headers() -> list[str]:
    text = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    blocks = text.split("```")[1::2]
    return [b.strip("\n").splitlines()[0] for b in blocks if b.startswith("\n")]


def test_documented_headers_match_exports(tmp_path):
    headers = _doc_headers()
    assert "\t".join(PHOENIX_COLUMNS) in headers
    assert "\t".join(GDELT_COLUMNS) in headers
    store = MemoryStore()
    store.write([coded("d1", event("d1"))])
    export_events(store, EventFilter(), fmt="csv", out=tmp_path / "e.csv")
    with open(tmp_path / "e.csv", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == next(h.split(",") for h in headers if h.startswith("event_id,"))


def test_bench_store_runs_small(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_store", ROOT / "bench" / "store.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    figures = bench.run(base=2000, load=500, reps=1, query_reps=1, path=tmp_path / "b.duckdb", batch_docs=50)
    assert figures["store_events"] == 2000  # queries run on the base store, before the loads
    assert figures["dyad_points"] > 0 and figures["search_hits"] > 0
    assert figures["dyad_ratio"] > 0 and figures["load_median_s"] > 0
