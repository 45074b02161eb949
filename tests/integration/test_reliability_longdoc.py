"""bench/longdoc.py runs (at a tiny size) and its figures hold together; no timing is asserted."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.integration
def test_longdoc_bench_runs_small(pipeline, nlp):
    spec = importlib.util.spec_from_file_location("bench_longdoc", ROOT / "bench" / "longdoc.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    texts = ["Russia attacked Ukraine on Monday, officials said.", "Iran condemned Israel in a statement."]
    assert len(bench.document(texts, 2).encode("utf-8")) >= 2000
    rows = bench.run(pipeline, nlp, texts, sizes=[1, 3], repeat=1)
    assert [r["kb"] for r in rows] == [1, 3] and rows[0]["vs_first"] == 1.0
    assert all(r["code_ms_per_kb"] > 0 and r["parse_ms_per_kb"] > 0 for r in rows)
