"""The realdev location score (cablegram.evaluate_places) on hand-made records and events."""

from __future__ import annotations

from datetime import date

from cablegram.evaluate_places import location_matches, realdev_documents, realdev_location_accuracy
from cablegram.records import CodedDocument, Document, Event, Place, TextSpan
from cablegram.resolve.gazetteer import GazEntry, MemoryGazetteer

TEXT = "Police detained activists in Sa'ada. Talks were held in Geneva. Nothing happened."
RECORD = {
    "id": "r1", "text": TEXT, "pub_date": None, "doc_date_inferred": "2009-08-13", "url": "u",
    "sentences": [
        {"index": 0, "start": 0, "end": 36}, {"index": 1, "start": 37, "end": 63},
        {"index": 2, "start": 64, "end": 81},
    ],
    "events": [
        {"sentence_index": 0, "plover_event": "COERCE", "location_text": "Sa'ada"},
        {"sentence_index": 1, "plover_event": "CONSULT", "location_text": "the city of Geneva",
         "alternatives": [{"plover_event": "AGREE"}]},
        {"sentence_index": 1, "plover_event": "ACCUSE", "location_text": "Geneva"},  # not found
        {"sentence_index": 2, "plover_event": "PROTEST", "location_text": None},
    ],
}
GAZ = MemoryGazetteer(
    [GazEntry(name="Sa'dah", country="YEM", feature_class="P", feature_code="PPL", geonameid=71334)],
    aliases={"Saada": "Sa'dah"},
)


def _event(kind, start, place):
    return Event(
        event_id=f"e{start}", doc_id="r1", sentence_index=0, sentence="", event=kind, cameo="",
        trigger=TextSpan(text="x", start=start, end=start + 1), location=place,
    )


def test_documents_take_the_inferred_date_when_the_page_gives_none():
    (doc,) = realdev_documents([RECORD])
    assert (doc.doc_id, doc.published, doc.url) == ("r1", date(2009, 8, 13), "u")


def test_overlap_ignores_case_whitespace_and_the():
    assert location_matches(Place(name="Kathmandu", text="parts of the Kathmandu\nValley"), "the Kathmandu Valley")
    assert not location_matches(Place(name="Kathmandu"), "Pokhara")


def test_the_gazetteer_reading_of_the_gold_text_counts():
    place = Place(name="Sa'dah", text="Saada", geonameid=71334)
    assert location_matches(place, "Sa\u2019ada", gazetteer=GAZ)
    assert not location_matches(place, "Sa\u2019ada")


def test_found_events_with_a_gold_location_are_scored():
    events = (
        _event("COERCE", 7, Place(name="Sa'dah", text="Saada", geonameid=71334)),
        _event("AGREE", 48, Place(name="Geneva", text="Geneva")),  # an alternative type
        _event("PROTEST", 70, None),
    )
    coded = [CodedDocument(document=Document(doc_id="r1", text=TEXT), events=events)]
    report = realdev_location_accuracy([RECORD], coded, gazetteer=GAZ)
    assert (report["matched"], report["total"], report["found"], report["no_location"]) == (2, 2, 3, 0)
    assert report["accuracy"] == 1.0
    assert (report["found_without_gold_location"], report["located_anyway"]) == (1, 0)


def test_a_missing_location_is_counted_apart():
    coded = [CodedDocument(document=Document(doc_id="r1", text=TEXT), events=(_event("COERCE", 7, None),))]
    report = realdev_location_accuracy([RECORD], coded)
    assert (report["matched"], report["total"], report["no_location"]) == (0, 1, 1)
    assert report["misses"] == ["r1#0 COERCE: gold \"Sa'ada\", got none"]
