"""Shared pieces for the serve tests: a filled in-memory store and a model-free pipeline twin."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date as Date

from cablegram.records import Actor, CodedDocument, DateRef, Document, Event, Quote, TextSpan, stable_id
from cablegram.store import MemoryStore

from .storekit import coded, event

HOSTILE = (
    "<script>window.__pwned = 1; document.title = 'PWNED'</script> Israeli forces attacked "
    'Azerbaijani <img src=x onerror="window.__pwned=2"> positions near <b onmouseover=alert(1)>Baku</b>. '
    '"<svg onload=window.__pwned=3>" said the minister.'
)


def _actor(text: str, start: int, country: str) -> Actor:
    return Actor(text=text, start=start, end=start + len(text), name=text, country=country, cameo_code=country)


def hostile_document() -> CodedDocument:
    """A document whose text and records are full of markup and event handlers."""
    doc_id = "hostile"
    trig = HOSTILE.index("attacked")
    src, dst = HOSTILE.index("Israeli"), HOSTILE.index("Azerbaijani")
    sentence_start = HOSTILE.index("Israeli")
    sentence_end = HOSTILE.index("</b>.") + 5
    ev = Event(
        event_id="ev-hostile",
        doc_id=doc_id,
        sentence_index=1,
        sentence=HOSTILE[sentence_start:sentence_end],
        trigger=TextSpan(text="attacked", start=trig, end=trig + 8),
        event="ASSAULT",
        cameo="190",
        quad=4,
        goldstein=-10.0,
        actor=(_actor("Israeli", src, "ISR"),),
        recipient=(_actor("Azerbaijani", dst, "AZE"),),
        date=DateRef(date=Date(2024, 5, 1), precision="day", basis="published"),
    )
    qs = HOSTILE.index("<svg")
    quote = Quote(
        quote_id="q-hostile", doc_id=doc_id, sentence_index=2, sentence=HOSTILE[qs - 1 :], text=HOSTILE[qs:qs + 29],
        start=qs, end=qs + 29, speaker_text="the minister <i onclick=x>", cue="said",
    )  # fmt: skip
    return CodedDocument(
        document=Document(
            doc_id=doc_id, text=HOSTILE, published=Date(2024, 5, 1), title="<script>alert('title')</script>"
        ),
        events=(ev,),
        quotes=(quote,),
        mentions=(*ev.actor, *ev.recipient),
    )


def filled_store() -> MemoryStore:
    """Three documents: ISR → AZE assaults, a RUS → UKR threat, and the hostile document."""
    store = MemoryStore()
    store.write(
        [
            coded("d1", event("d1", 0, place="Baku"), event("d1", 1, day=Date(2024, 4, 2))),
            coded(
                "d2",
                event(
                    "d2",
                    0,
                    kind="THREATEN",
                    cameo="130",
                    src=("RUS", "GOV"),
                    dst=("UKR", None),
                    goldstein=-4.4,
                    quad=3,
                    day=Date(2023, 1, 10),
                ),  # fmt: skip
            ),
            hostile_document(),
        ]
    )
    return store


class FakePipeline:
    """The pipeline's twin for unit tests: every 'attacked' is an ASSAULT, no model loaded."""

    def code_documents(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        for d in documents:
            events = tuple(
                Event(
                    event_id=stable_id(d.doc_id, m.start()),
                    doc_id=d.doc_id,
                    sentence_index=0,
                    sentence=d.text,
                    trigger=TextSpan(text=m.group(), start=m.start(), end=m.end()),
                    event="ASSAULT",
                    cameo="190",
                    quad=4,
                    goldstein=-10.0,
                    date=DateRef(date=d.published),
                )
                for m in re.finditer(r"attacked", d.text)
            )
            yield CodedDocument(document=d, events=events)
