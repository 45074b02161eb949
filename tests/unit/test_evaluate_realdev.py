"""The realdev scorer on hand-built passages and events (no model)."""

from __future__ import annotations

import json

from cablegram.evaluate_realdev import is_realdev, misses, read_realdev, realdev_documents, score_realdev
from cablegram.records import Actor, CodedDocument, Document, Event, TextSpan

TEXT = "Police detained ten protesters in Minsk. The weather was fine."
RECORD = {
    "id": "p1",
    "text": TEXT,
    "pub_date": "2020-09-01",
    "sentences": [
        {"index": 0, "text": TEXT[:40], "start": 0, "end": 40},
        {"index": 1, "text": TEXT[41:], "start": 41, "end": len(TEXT)},
    ],
    "events": [
        {
            "sentence_index": 0,
            "plover_event": "COERCE",
            "cameo_root": "17",
            "source": [{"text": "Police", "country": "BLR", "sector": "COP"}],
            "target": [{"text": "protesters", "country": "BLR", "sector": "PRO"}],
            "factuality": "asserted",
            "alternatives": [{"plover_event": "ASSAULT", "cameo_root": "18"}],
        }
    ],
    "no_event_sentences": [1],
}


def _event(kind: str, start: int, *, src: str | None, tgt: str | None, fact: str = "asserted") -> Event:
    return Event(
        event_id=f"e{start}{kind}",
        doc_id="p1",
        sentence_index=0,
        sentence="",
        trigger=TextSpan(text="x", start=start, end=start + 1),
        event=kind,
        cameo="173",
        actor=(Actor(text="Police", start=0, end=6, country=src),),
        recipient=(Actor(text="protesters", start=21, end=31, country=tgt),),
        factuality=fact,
    )


def _coded(*events: Event) -> CodedDocument:
    return CodedDocument(document=Document(doc_id="p1", text=TEXT), events=events)


def test_found_with_dyad_and_factuality():
    s = score_realdev([RECORD], [_coded(_event("COERCE", 7, src="BLR", tgt="BLR"))])
    assert (s.found, s.found_with_source, s.found_with_dyad) == (1, 1, 1)
    assert s.precision == 1.0 and s.factuality_accuracy == 1.0


def test_wrong_source_country_counts_only_as_found():
    s = score_realdev([RECORD], [_coded(_event("COERCE", 7, src="RUS", tgt="BLR", fact="reported"))])
    assert (s.found, s.found_with_source, s.found_with_dyad) == (1, 0, 0)
    assert s.factuality_accuracy == 0.0  # reported_speech is not asserted


def test_alternative_type_is_found_and_other_types_are_extra():
    coded = _coded(_event("ASSAULT", 7, src="BLR", tgt="BLR"), _event("AID", 45, src=None, tgt=None))
    s = score_realdev([RECORD], [coded])
    assert s.found == 1
    assert (s.predicted, s.predicted_ok, s.in_no_event_sentences) == (2, 1, 1)
    lines = misses([RECORD], [_coded(_event("AID", 45, src=None, tgt=None))])
    assert any("MISS" in ln for ln in lines) and any("NOEVENT" in ln for ln in lines)


def test_reading_and_documents(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    assert is_realdev(path)
    docs = realdev_documents(read_realdev(path))
    assert docs[0].doc_id == "p1" and docs[0].published.isoformat() == "2020-09-01"
