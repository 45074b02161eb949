"""End-to-end: text in, coded events out, with the real model."""

from __future__ import annotations

from datetime import date

import pytest

from cablegram import Document, Pipeline

pytestmark = pytest.mark.integration


def _codes(actors):
    return {a.country for a in actors}


def _only(events, plover):
    found = [e for e in events if e.event == plover]
    assert found, f"no {plover} event in {[(e.event, e.trigger.text) for e in events]}"
    return found[0]


def test_police_detained_demonstrators(pipeline):
    events = pipeline.code_text("Police detained 25 demonstrators in Baku.", published=date(2012, 2, 3))
    e = _only(events, "COERCE")
    assert e.mode == "arrest"
    assert e.cameo.startswith("17")
    assert e.trigger.text == "detained"
    assert any(a.sector == "COP" for a in e.actor)
    assert e.date.date == date(2012, 2, 3)


def test_israel_sold_weapons_to_azerbaijan(pipeline):
    events = pipeline.code_text("Israel sold weapons to Azerbaijan.")
    e = next(e for e in events if e.trigger.text == "sold")
    assert e.event in {"COOPERATE", "AID"}
    assert e.cameo_root in {"06", "07"}
    assert _codes(e.actor) == {"ISR"}
    assert _codes(e.recipient) == {"AZE"}


def test_russia_accused_ukraine(pipeline):
    e = _only(pipeline.code_text("Russia accused Ukraine of shelling."), "ACCUSE")
    assert e.cameo.startswith("11")
    assert _codes(e.actor) == {"RUS"}
    assert _codes(e.recipient) == {"UKR"}
    assert e.quad == 3 and e.goldstein is not None and e.goldstein < 0


def test_no_event_without_a_trigger(pipeline):
    assert pipeline.code_text("The weather in Baku was mild and the markets were quiet.") == []


def test_offsets_point_into_the_document(pipeline):
    text = "The weather was fine.\n\nLater, Russia accused Ukraine of shelling the city."
    coded = pipeline.code_document(Document(doc_id="d1", text=text))
    assert coded.events
    for e in coded.events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        for a in e.actor + e.recipient:
            assert text[a.start : a.end] == a.text
        assert e.sentence in text


def test_prefilter_finds_what_full_parsing_finds(nlp):
    """The prefilter only skips sentences with no cue: the events it keeps are the same."""
    from cablegram.config import Settings

    text = (
        "The summit opened in a cold hall. Russia accused Ukraine of shelling. Delegates ate lunch. "
        "Israel sold weapons to Azerbaijan."
    )
    fast = Pipeline(nlp=nlp, settings=Settings.load({"prefilter": True}))
    slow = Pipeline(nlp=nlp, settings=Settings.load({"prefilter": False}))
    key = lambda evs: {(e.sentence_index, e.event, e.trigger.start) for e in evs}  # noqa: E731
    assert key(fast.code_text(text)) == key(slow.code_text(text))
    coded = fast.code_document(Document(doc_id="x", text=text))
    assert coded.n_sentences == 4
