"""Datelines and date attachment without the model (blank tokenizer + sentencizer)."""

from __future__ import annotations

from datetime import date

import pytest

from cablegram.records import DateRef, DocContext, Document
from cablegram.resolve.dates import DateResolver, find_expressions, read_dateline


@pytest.mark.parametrize(
    ("head", "reference", "expected_date", "expected_place"),
    [
        ("BAKU, Feb 3 (Reuters) - Police detained", date(2024, 3, 10), "2024-02-03", "Baku"),
        ("BAKU, Feb 3 (Reuters) - Police detained", None, None, "Baku"),
        ("MOSCOW, March 3, 2022 \u2014 The ministry", None, "2022-03-03", "Moscow"),
        ("NEW YORK, 4 May 2021 - The council", None, "2021-05-04", "New York"),
        ("TEL AVIV, Jan. 12 (AFP) - Sirens", date(2024, 1, 20), "2024-01-12", "Tel Aviv"),
        ("KYIV, Ukraine (AP) \u2014 Russian forces", date(2024, 1, 20), None, "Kyiv"),
        ("WASHINGTON (Reuters) - The State Department", date(2024, 1, 20), None, "Washington"),
        ("Police in Baku - no dateline here", date(2024, 1, 20), None, None),
        ("The U.S. - not a dateline", date(2024, 1, 20), None, None),
    ],
)
def test_read_dateline(head, reference, expected_date, expected_place):
    """Capitalised place, optional date and agency, then a dash."""
    found, place = read_dateline(head, reference)
    assert place == expected_place
    assert (found.date.isoformat() if found and found.date else None) == expected_date


def test_dateline_date_in_december_published_in_january_is_last_year():
    found, _ = read_dateline("KABUL, Dec 30 (Reuters) - Gunmen", date(2024, 1, 2))
    assert found is not None and found.date == date(2023, 12, 30)


def test_find_expressions_prefers_the_longer_overlap(blank_nlp):
    doc = blank_nlp("Troops withdrew on 2 January 2009 and again last week, officials said on Monday.")
    found = [doc.text[s:e] for s, e in find_expressions(doc[:])]
    assert found == ["2 January 2009", "last week", "Monday"]


def test_model_entities_do_not_hide_what_our_rules_read(blank_nlp):
    doc = blank_nlp("Talks were held on Monday and Tuesday, and again on 02/01/2009.")
    monday_and_tuesday = (doc.text.index("Monday"), doc.text.index(","))
    numeric = (doc.text.index("02/"), doc.text.index("2009") + 4)
    found = find_expressions(doc[:], date_ents=[monday_and_tuesday, numeric])
    assert [doc.text[s:e] for s, e in found] == ["Monday", "Tuesday", "02/01/2009"]


def test_lower_case_month_and_day_names_are_other_words(blank_nlp):
    doc = blank_nlp("Officials may march on the capital and sat down to talks in May, last month.")
    assert [doc.text[s:e] for s, e in find_expressions(doc[:])] == ["May", "last month"]


def _resolve(nlp, text, trigger, published, *, past=True, dateline=None):
    document = Document(doc_id="d", text=text, published=published)
    ctx = DocContext(document=document, dateline=dateline)
    start = text.index(trigger)
    return DateResolver().resolve(nlp(text), start, start + len(trigger), ctx, past=past)


def test_resolve_uses_the_nearest_expression_without_a_parse(blank_nlp):
    text = "Police detained 25 people on Monday. The court freed them on Wednesday."
    got = _resolve(blank_nlp, text, "freed", date(2024, 3, 14))
    assert got == DateRef(date=date(2024, 3, 13), precision="day", text="Wednesday", basis="text")


def test_resolve_stays_in_the_trigger_sentence(blank_nlp):
    text = "Police detained 25 people. The court freed them on Wednesday."
    got = _resolve(blank_nlp, text, "detained", date(2024, 3, 14))
    assert (got.date, got.basis, got.text) == (date(2024, 3, 14), "publication", None)


def test_resolve_without_any_date_is_empty(blank_nlp):
    assert _resolve(blank_nlp, "Police detained 25 people on Monday.", "detained", None) == DateRef()


def test_resolve_falls_back_to_the_dateline_date(blank_nlp):
    dateline = DateRef(date=date(2024, 2, 3), precision="day", text="Feb 3", basis="text")
    text = "BAKU, Feb 3 (Reuters) - Police detained 25 people yesterday."
    got = _resolve(blank_nlp, text, "detained", None, dateline=dateline)
    assert (got.date, got.text) == (date(2024, 2, 2), "yesterday")


def test_dateline_date_is_not_the_event_date(blank_nlp):
    text = "TBILISI, Feb 6 (Reuters) - Police detained an opposition figure."
    got = _resolve(blank_nlp, text, "detained", date(2024, 2, 6))
    assert got.basis == "publication"


def test_planned_event_may_be_dated_after_publication(blank_nlp):
    text = "The ministers will meet in Geneva on Saturday."
    assert _resolve(blank_nlp, text, "meet", date(2024, 3, 14), past=False).date == date(2024, 3, 16)
    assert _resolve(blank_nlp, text, "meet", date(2024, 3, 14), past=True).date == date(2024, 3, 9)
