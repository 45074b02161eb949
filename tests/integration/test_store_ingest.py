"""`cablegram ingest` with the real pipeline: events stored, nothing duplicated on re-ingest."""

from __future__ import annotations

import pytest

from cablegram.cli.store import ingest_documents
from cablegram.records import Document
from cablegram.store import EventFilter, MemoryStore, count_events, search_events


@pytest.mark.integration
def test_ingest_twice_stores_once(pipeline):
    docs = [
        Document(doc_id="a", text="Russia accused Ukraine of shelling."),
        Document(doc_id="b", text="Police detained 25 demonstrators in Baku."),
        Document(doc_id="b2", text="Police  detained 25 demonstrators in Baku."),  # same text, own id
    ]
    store = MemoryStore()
    failures: list = []
    first = ingest_documents(store, pipeline, docs, batch_size=2, failures=failures)
    # Issue 10, item 7: the same text under another id is a document of its own, with its events.
    assert (first.added_docs, first.skipped_duplicates, failures) == (3, 0, [])
    assert first.events >= 3
    again = ingest_documents(store, pipeline, docs, batch_size=2, failures=failures)
    assert (again.added_docs, again.skipped_duplicates) == (0, 3)
    events = search_events(store, EventFilter(actor="RUS"))
    assert [e.cameo_root for e in events] == ["11"] and events[0].trigger.text == "accused"
    assert count_events(store, EventFilter()) == first.events


@pytest.mark.integration
def test_cli_ingest_reports_failures_and_skips_duplicates(nlp, tmp_path, capsys):
    from cablegram.cli import main

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Israel sold weapons to Azerbaijan.", encoding="utf-8")
    (inputs / "b.txt").write_text("Russia accused Ukraine of shelling.", encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "kb.duckdb")
    assert main(["ingest", str(inputs), "--db", db, "--published", "2024-03-05"]) == 1  # the empty file
    err = capsys.readouterr().err
    assert "E104" in err and "stored 2 documents" in err
    assert main(["ingest", str(inputs / "a.txt"), str(inputs / "b.txt"), "--db", db]) == 0
    assert "stored 0 documents" in capsys.readouterr().err
    assert main(["summary", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "2 documents" in out and "ACCUSE" in out and "RUS" in out
