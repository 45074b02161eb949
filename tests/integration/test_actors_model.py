"""Actor mentions in parsed text: the issue's examples, lists and coreference."""

from datetime import date

import pytest

from cablegram.records import Document

pytestmark = pytest.mark.integration


def _mentions(pipeline, text, published=date(2011, 3, 1)):
    return pipeline.code_document(Document(doc_id="a", text=text, published=published)).mentions


def _by_text(mentions):
    return {m.text: m.cameo_code for m in mentions}


def test_issue_examples(pipeline):
    found = _by_text(_mentions(
        pipeline,
        "Matthew Bryza, the new US ambassador to Azerbaijan, met President Ilham Aliyev. "
        "The Israeli Foreign Ministry warned Israeli citizens. Israel's Mossad intelligence agency "
        "may have been behind the attack. An Israeli helicopter assault killed three would-be "
        "demonstrators in Baku. Azerbaijani police detained them.",
    ))
    assert found["Matthew Bryza"] == "USAGOV"
    assert found["President Ilham Aliyev"] == "AZEGOV"
    assert found["Israeli Foreign Ministry"] == "ISRGOV"
    assert found["Israeli citizens"] == "ISRCVL"
    assert found["Israel's Mossad intelligence agency"] == "ISRSPY"
    assert found["Israeli helicopter"] == "ISRMIL"
    assert found["would-be demonstrators"] == "AZECVL"
    assert found["Azerbaijani police"] == "AZECOP"


def test_lists_give_one_actor_each(pipeline):
    text = "Israel warned against travel to Azerbaijan, Georgia, Armenia, Egypt and Turkey."
    countries = [m.country for m in _mentions(pipeline, text)]
    assert countries == ["ISR", "AZE", "GEO", "ARM", "EGY", "TUR"]


def test_later_mentions_resolve_to_the_first(pipeline):
    text = (
        "Matthew Bryza, the new US ambassador to Azerbaijan, arrived on Monday. "
        "Bryza said the talks were useful. He met reporters later."
    )
    found = [(m.text, m.cameo_code) for m in _mentions(pipeline, text)]
    assert ("Bryza", "USAGOV") in found
    assert ("He", "USAGOV") in found


def test_offsets_and_unknown_people(pipeline):
    text = "John Smith went home. The police arrested him in Tbilisi."
    mentions = _mentions(pipeline, text)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    smith = next(m for m in mentions if m.text == "John Smith")  # unknown to the KB: a person of the story's
    assert (smith.country, smith.sector, smith.rule) == ("GEO", None, "named-in-document")  # country, no sector
    assert any(m.cameo_code == "GEOCOP" for m in mentions)
