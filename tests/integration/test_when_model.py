"""Dates and places with the real model: clause-first attachment, datelines, locations."""

from __future__ import annotations

from datetime import date

import pytest

from cablegram.records import DocContext, Document, Event, TextSpan

pytestmark = pytest.mark.integration


def _run(pipeline, text, trigger, published, *, past=True):
    """(DateRef, Place) from the pipeline's date and place stages for the first `trigger`."""
    document = Document(doc_id="t", text=text, published=published)
    dates, places = pipeline.stages["dates"], pipeline.stages["places"]
    dateline, dateline_place = dates.dateline(document)
    ctx = DocContext(document=document, dateline=dateline, dateline_place=dateline_place)
    doc = pipeline.nlp(text)
    mentions = pipeline.stages["actors"].find_mentions(doc, ctx)
    start = text.index(trigger)
    span = TextSpan(text=trigger, start=start, end=start + len(trigger))
    event = Event(event_id="e", doc_id="t", sentence_index=0, sentence=text, trigger=span, event="", cameo="")
    return dates.resolve(doc, span.start, span.end, ctx, past=past), places.locate(doc, event, mentions, ctx)


def test_the_trigger_clause_date_wins_over_the_reporting_date(pipeline):
    text = "The ministry said on Monday that police detained 25 demonstrators in Baku on Saturday."
    when, where = _run(pipeline, text, "detained", date(2024, 3, 14))
    assert (when.date, when.text, when.basis) == (date(2024, 3, 9), "Saturday", "text")
    assert (where.name, where.country, where.basis) == ("Baku", "AZE", "trigger")


def test_the_reporting_date_is_used_when_the_event_clause_has_none(pipeline):
    text = "The ministry said on Monday that police detained 25 demonstrators in Baku."
    when, _ = _run(pipeline, text, "detained", date(2024, 3, 14))
    assert (when.date, when.basis) == (date(2024, 3, 11), "text")


def test_protest_outside_an_embassy(pipeline):
    text = "Hundreds protested outside the Israeli embassy in Baku late on Tuesday."
    when, where = _run(pipeline, text, "protested", date(2024, 3, 14))
    assert when.date == date(2024, 3, 12)
    assert (where.name, where.country) == ("Baku", "AZE")
    # the location's text is the place phrase as written, its name the gazetteer's
    assert text[where.start : where.end] == where.text == "the Israeli embassy in Baku"


def test_mentioned_and_acting_places_are_not_locations(pipeline):
    text = "Washington criticized the ambassador to Azerbaijan on Friday."
    when, where = _run(pipeline, text, "criticized", date(2024, 3, 14))
    assert when.date == date(2024, 3, 8)
    assert where is None


def test_dateline_gives_place_and_fallback_publication_date(pipeline):
    text = "KYIV, March 3, 2022 (Reuters) - Russian forces shelled residential areas overnight."
    when, where = _run(pipeline, text, "shelled", None)
    assert (when.date, when.precision) == (date(2022, 3, 3), "day")
    # the text names a site ("residential areas"); the dateline says where it is
    assert (where.name, where.country, where.basis, where.text) == ("Kyiv", "UKR", "site", "residential areas")
    text = "KYIV, March 3, 2022 (Reuters) - Russian forces shelled the town overnight."
    _, where = _run(pipeline, text, "shelled", None)
    assert (where.name, where.country, where.basis) == ("Kyiv", "UKR", "site")
    text = "KYIV, March 3, 2022 (Reuters) - Russian forces fired missiles overnight."
    _, where = _run(pipeline, text, "fired", None)
    assert (where.name, where.country, where.basis) == ("Kyiv", "UKR", "dateline")


def test_document_context_picks_the_right_namesake(pipeline):
    text = "Fighting spread across Lebanon. Gunmen attacked a checkpoint in Tripoli on Sunday."
    _, where = _run(pipeline, text, "attacked", date(2024, 3, 14))
    assert where.country == "LBN"
    alone = "Gunmen attacked a checkpoint in Tripoli on Sunday."
    _, where = _run(pipeline, alone, "attacked", date(2024, 3, 14))
    assert where.country == "LBY"


def test_pipeline_fills_event_date_and_location(pipeline):
    text = "Police detained 25 demonstrators in Kharkiv last week, the Ukrainian ministry said."
    events = pipeline.code_text(text, published=date(2024, 3, 14))
    detained = [e for e in events if e.trigger.text == "detained"]
    assert detained, "the coder should find the arrest"
    event = detained[0]
    when = (event.date.date, event.date.precision, event.date.text)
    assert when == (date(2024, 3, 1), "month", "last week")
    assert (event.location.name, event.location.country) == ("Kharkiv", "UKR")


@pytest.mark.parametrize(
    ("text", "trigger", "place", "basis"),
    [
        ("In Kabul, the Taliban detained two journalists on Sunday.", "detained", "Kabul", "trigger"),
        ("Officials in Moscow said troops would withdraw from Kherson.", "withdraw", "Kherson", "trigger"),
        ("Protesters in Atlanta, Georgia, marched on Saturday.", "marched", "Atlanta", "trigger"),
        ("BAKU (Reuters) - Police detained protesters in the capital.", "detained", "Baku", "site"),
        ("BAKU (Reuters) - Police detained protesters on Friday.", "detained", "Baku", "dateline"),
        ("Hundreds of people were arrested across the country on Friday.", "arrested", None, None),
        ("The European Union imposed new sanctions on Iran on Monday.", "imposed", None, None),
        ("Envoys held talks on Syria in Geneva on Tuesday.", "held", "Geneva", "trigger"),
        ("Sudan's army repelled a drone attack on Port Sudan.", "repelled", "Port Sudan", "trigger"),
    ],
)
def test_location_cases(pipeline, text, trigger, place, basis):
    _, where = _run(pipeline, text, trigger, date(2024, 3, 14), past=trigger != "withdraw")
    assert (where.name if where else None, where.basis if where else None) == (place, basis)


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [("detained", date(2024, 3, 11)), ("released", date(2024, 3, 13)), ("erupted", date(2024, 3, 10))],
)
def test_each_clause_keeps_its_own_date(pipeline, trigger, expected):
    text = (
        "Police detained 25 people on Monday after protests erupted on Sunday "
        "and released them on Wednesday."
    )
    when, _ = _run(pipeline, text, trigger, date(2024, 3, 14))
    assert when.date == expected
