"""Hand-made coded documents for the store tests (no model needed)."""

from __future__ import annotations

from datetime import date as Date

from cablegram.records import (
    Actor,
    Advisory,
    CodedDocument,
    DateRef,
    Document,
    Event,
    Place,
    Quote,
    Size,
    TextSpan,
    stable_id,
)

GEONAMES = {"Baku": 587084, "Ganja": 586523}


def actor(country: str, sector: str | None = None, text: str | None = None) -> Actor:
    """An actor mention with a CAMEO code built from country + sector."""
    return Actor(
        text=text or country,
        start=0,
        end=len(text or country),
        name=text or country,
        country=country,
        sector=sector,
        cameo_code=country + (sector or ""),
        kb_id=f"kb:{country}{sector or ''}",
    )


def event(
    doc_id: str,
    index: int = 0,
    *,
    kind: str = "ASSAULT",
    cameo: str = "190",
    src: tuple[str, str | None] = ("ISR", "GOV"),
    dst: tuple[str, str | None] = ("AZE", None),
    day: Date | None = Date(2024, 3, 5),
    goldstein: float = -10.0,
    quad: int = 4,
    place: str | None = None,
    sentence: str | None = None,
) -> Event:
    """One event mention; the defaults make a material-conflict ISRGOV → AZE event."""
    text = sentence or f"{src[0]} acted on {dst[0]} ({kind})."
    return Event(
        event_id=stable_id(doc_id, index, cameo),
        doc_id=doc_id,
        sentence_index=index,
        sentence=text,
        trigger=TextSpan(text="acted", start=4, end=9),
        event=kind,
        cameo=cameo,
        mode="mode1" if kind == "ASSAULT" else None,
        context=("military",),
        cameo_root=cameo[:2],
        goldstein=goldstein,
        quad=quad,
        plover_score=goldstein / 2,
        actor=(actor(*src),),
        recipient=(actor(*dst),) if dst[0] else (),
        date=DateRef(date=day, precision="day" if day else None, text="Tuesday", basis="text"),
        location=Place(name=place, country="AZE", geonameid=GEONAMES[place], lat=40.4, lon=49.9)
        if place
        else None,
        factuality="asserted",
        size=Size(killed=2),
        confidence=0.9,
    )


def coded(
    doc_id: str, *events: Event, text: str | None = None, published: Date | None = None
) -> CodedDocument:
    """A coded document holding the given events, a quote and an advisory."""
    body = text or f"Report {doc_id}. " + " ".join(e.sentence for e in events)
    speaker = actor("ISR", "GOV", "the minister")
    quote = Quote(
        quote_id=stable_id(doc_id, "q"),
        doc_id=doc_id,
        sentence_index=0,
        sentence=body[:40],
        text="we will respond",
        start=0,
        end=15,
        speaker=speaker,
        speaker_text="the minister",
        cue="said",
    )
    advisory = Advisory(
        advisory_id=stable_id(doc_id, "a"),
        doc_id=doc_id,
        sentence_index=0,
        sentence=body[:40],
        trigger=TextSpan(text="warned", start=0, end=6),
        issuer=actor("USA", "GOV"),
        countries=("AZE",),
        threats=("terrorism",),
        level="3",
    )
    return CodedDocument(
        document=Document(
            doc_id=doc_id,
            text=body,
            published=published or Date(2024, 3, 6),
            title=f"Title {doc_id}",
            source="wire",
            meta={"k": "v"},
        ),
        events=events,
        quotes=(quote,),
        advisories=(advisory,),
        mentions=tuple(a for e in events for a in (*e.actor, *e.recipient)),
        n_sentences=3,
        n_words=20,
    )
