"""The HTML pages (rendered server-side, autoescaped) and the highlight segmentation."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from cablegram.serve import FixedSource, ServeOptions, create_app
from cablegram.serve.highlight import Segment, Span, segments, sentence_segments

from .serve_kit import FakePipeline, filled_store

PAGES = ["/", "/events", "/events?actor=RUS", "/documents", "/documents?q=Baku", "/documents/d1",
         "/documents/hostile", "/dyads", "/dyads?a=ISR&b=AZE", "/dyads?a=ISR&b=AZE&directed=true&by=year",
         "/actors", "/actors/ISR", "/map", "/map?type=ASSAULT", "/code", "/docs"]  # fmt: skip


@pytest.fixture
def client():
    store = filled_store()
    with TestClient(create_app(FixedSource(store), ServeOptions(pipeline=FakePipeline()))) as c:
        yield c
    store.close()


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders(client, url):
    r = client.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert 'src="/static/app.js"' in r.text and "http://" not in r.text.replace("http://www.w3.org", "")


def test_hostile_text_is_escaped_everywhere(client):
    for url in ("/documents/hostile", "/events", "/documents", "/documents?q=script", "/"):
        html = client.get(url).text
        assert "<script>window" not in html and "<script>alert" not in html
        assert "<img src=x" not in html and "<svg onload" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;window.__pwned" in client.get("/documents/hostile").text


def test_event_link_opens_its_document_with_the_highlight(client):
    r = client.get("/events/ev-hostile", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/documents/hostile?event=ev-hostile#ev-ev-hostile"
    page = client.get(r.headers["location"]).text
    assert 'data-selected="ev-hostile"' in page
    assert '<mark class="k-trigger " data-refs="ev-hostile">attacked</mark>' in page


def test_events_page_filters_and_marks_the_sentence(client):
    page = client.get("/events?actor=RUS").text
    assert '<span id="total">1</span>' in page and "RUSGOV" in page and "ISRGOV" not in page
    assert "k-trigger" in client.get("/events?actor=ISR&text=attacked").text


def test_bad_page_parameter_is_an_html_4xx(client):
    r = client.get("/events?since=notadate")
    assert r.status_code == 400 and "E601" in r.text and r.headers["content-type"].startswith("text/html")


def test_segments_cut_at_every_boundary_and_keep_overlaps():
    text = "Troops shelled the town, the mayor said."
    spans = [
        Span(start=7, end=14, kind="trigger", ref="e1"),
        Span(start=0, end=6, kind="actor", ref="e1"),
        Span(start=0, end=40, kind="quote", ref="q1"),
        Span(start=50, end=60, kind="actor", ref="out-of-range"),
    ]
    segs = segments(text, spans)
    assert "".join(s.text for s in segs) == text
    assert (segs[0].text, set(segs[0].kinds), set(segs[0].refs)) == ("Troops", {"quote", "actor"}, {"q1", "e1"})
    assert (segs[2].text, set(segs[2].kinds)) == ("shelled", {"quote", "trigger"})
    assert segs[-1].kinds == ("quote",)
    assert segments("plain", []) == [Segment(text="plain")]


def test_sentence_segments_find_the_sentence_from_document_offsets():
    event = {
        "event_id": "e", "sentence": "He said troops attacked, and attacked again.",
        "trigger": {"text": "attacked", "start": 128, "end": 136},
        "actor": [{"start": 107, "end": 113}], "recipient": [], "location": None,
    }  # fmt: skip
    segs = sentence_segments(event)
    assert "".join(s.text for s in segs) == event["sentence"]
    marked = [(s.text, s.kinds) for s in segs if s.kinds]
    assert marked == [("troops", ("actor",)), ("attacked", ("trigger",))]
    # the second 'attacked' is the trigger: the one whose offsets also fit the actor
    assert "".join(s.text for s in segs[: segs.index(next(s for s in segs if "trigger" in s.kinds))]).endswith("and ")
    assert sentence_segments({**event, "trigger": {"text": "nowhere", "start": 1, "end": 8}}) == [
        Segment(text=event["sentence"])
    ]
