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
        Document(doc_id="b2", text="Police  detained 25 demonstrators in Baku."),  # same text: duplicate
    ]
    store = MemoryStore()
    failures: list = []
    first = ingest_documents(store, pipeline, docs, batch_size=2, failures=failures)
    assert (first.added_docs, first.skipped_duplicates, failures) == (2, 1, [])
    assert first.events >= 2
    again = ingest_documents(store, pipeline, docs, batch_size=2, failures=failures)
    assert (again.added_docs, again.skipped_duplicates) == (0, 3)
    events = search_events(store, EventFilter(actor="RUS"))
    assert [e.cameo_root for e in events] == ["11"] and events[0].trigger.text == "accused"
    assert count_events(store, EventFilter()) == first.events
